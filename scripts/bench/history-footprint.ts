// The embedded indexer's footprint: the PGlite directory's size on disk and the indexer process's
// resident memory (now and at its peak), read from /proc on Linux (null elsewhere).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Bytes of every file under `dir` (0 when it does not exist). */
export function directoryBytes(dir: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? directoryBytes(path) : stat.size;
  }
  return total;
}

/** Resident memory of process `pid` and its peak, in bytes, from /proc/<pid>/status. */
export function residentMemory(pid: number | undefined): { rssBytes: number; peakRssBytes: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssBytes: kib("VmRSS") * 1024, peakRssBytes: kib("VmHWM") * 1024 };
  } catch {
    return null;
  }
}
