// `npm run verify:formal`: runs solc's SMTChecker (CHC engine) over every harness in test/formal/ and
// prints, per property (one harness function, or the library arithmetic a harness reaches), whether
// it is proved, not proved or refuted by a counterexample. Fails on a counterexample, on a compile
// error, or when a property listed in test/formal/proved.json is no longer proved.
//   --update        rewrite test/formal/proved.json with the properties proved now
//   --only <Name>   run one harness (e.g. ReturnsDueHarness) or one property (ReturnsDueHarness.dueIsWholeAtFullShare)
//   --reach         also run the harnesses in test/formal/reach/ (non-linear products, sorting loops:
//                   the checker does not settle them in reasonable time); without it they are listed
//                   as out of reach, each with the fuzz test that defends it
//   --mutate        break the rounding direction of the amount due (ceil → floor) in memory and run
//                   the amount-due harness: it must fail with a counterexample
//   --ci            the CI mode (also on with CI=true): only the properties of test/formal/proved.json
//                   (all of a harness whose library arithmetic is listed there), results reused from
//                   the cache when their key matches,
//                   a per-harness limit of FORMAL_TIMEOUT_SECONDS (default 240 in this mode)
//   --cached        reuse cached results outside CI too
// FORMAL_JOBS (default 2, at most 2) harnesses run at once, each in its own process, stopped after
// FORMAL_TIMEOUT_SECONDS (default 1800; solc's own `modelChecker.timeout` crashes soljson).
// The result cache (test/formal/results/, one file per property) holds the checker's findings and the
// key they were computed under: SHA-256 of the compiler version, the exact settings, scripts/formal/
// checker.ts and every source solc reads for the property (see `runKey`). A result is reused only
// under an identical key; every completed check (never a mutated one) rewrites its entry, a timeout
// is recorded with its limit and reused only for an equal or shorter one.
// A cached result is the checker's own output for exactly those sources, so reusing it can never
// turn a failing property into a passing one. Plain Node (type stripping): no Hardhat runtime.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import {
  check,
  harnessProperties,
  MUTATION,
  runKey,
  type CheckerResult,
  type Finding,
} from "./formal/checker.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const HARNESS_DIR = "test/formal";
const REACH_DIR = `${HARNESS_DIR}/reach`;
const PROVED_FILE = `${HARNESS_DIR}/proved.json`;
const CACHE_DIR = `${HARNESS_DIR}/results`;
const MAX_JOBS = 2;
const MUTATED_HARNESS = "ReturnsDueHarness";
const FUZZ_NOTE = "fuzz ≥ 100,000 runs (test:deep)";

type Status = "proved" | "not proved" | "counterexample" | "timeout" | "out of reach";

interface Property {
  id: string;
  statement: string;
  status: Status;
  fuzz: string | undefined;
  detail: string;
}

interface ProvedList {
  proved: string[];
}

/** One property's cache entry: the key of the run and what the checker found under it, or that it
 * ran out of time after `timedOutAfter` seconds. One file per property: test/formal/results/<Harness>.<property>.json. */
interface CacheEntry {
  key: string;
  result?: CheckerResult;
  timedOutAfter?: number;
}

function cachePath(harness: string, property: string): string {
  return resolve(ROOT, CACHE_DIR, `${basename(harness, ".sol")}.${property}.json`);
}

function readCacheEntry(harness: string, property: string): CacheEntry | undefined {
  const path = cachePath(harness, property);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as CacheEntry) : undefined;
}

/** Written as each check ends (by the worker that ran it), so that an interrupted run keeps what it proved. */
function writeCacheEntry(harness: string, property: string, entry: CacheEntry): void {
  mkdirSync(resolve(ROOT, CACHE_DIR), { recursive: true });
  writeFileSync(cachePath(harness, property), `${JSON.stringify(entry, null, 2)}\n`);
}

const args = process.argv.slice(2);

function worker(harness: string, mutate: boolean, model: boolean, property: string | undefined): void {
  const key = model && !mutate && property !== undefined ? runKey(ROOT, harness, property) : undefined;
  const result = check(ROOT, harness, mutate, model, property);
  if (key !== undefined && property !== undefined && result.errors.length === 0) {
    writeCacheEntry(harness, property, { key, result });
  }
  process.stdout.write(JSON.stringify(result));
}

/** Runs one harness (or one of its properties alone) in a child process; undefined when it ran out of time. */
function runHarness(
  harness: string,
  property: string | undefined,
  mutate: boolean,
  model: boolean,
  timeoutSeconds: number,
): Promise<CheckerResult | undefined> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(import.meta.url),
        "--worker",
        harness,
        ...(property === undefined ? [] : ["--property", property]),
        ...(mutate ? ["--mutate"] : []),
        ...(model ? [] : ["--parse-only"]),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutSeconds * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) return resolveRun(undefined);
      if (code !== 0) return reject(new Error(`checker worker for ${harness} exited with ${code}`));
      resolveRun(JSON.parse(out) as CheckerResult);
    });
  });
}

function statusOf(findings: Finding[]): Status {
  if (findings.some((finding) => finding.verdict === "counterexample")) return "counterexample";
  if (findings.length === 0 || findings.some((finding) => finding.verdict === "unproved"))
    return "not proved";
  return "proved";
}

function detailOf(findings: Finding[]): string {
  const failing = findings.filter((finding) => finding.verdict !== "safe");
  const safe = findings.length - failing.length;
  const counterexample = failing.find((finding) => finding.verdict === "counterexample");
  if (counterexample !== undefined) return counterexample.message.replace(/\s+/g, " ").trim();
  if (failing.length === 0) return `${safe} checks safe`;
  return `${safe} safe, unproved: ${[...new Set(failing.map((finding) => finding.kind))].join(", ")}`;
}

/** One property per harness function, plus one per library file for the arithmetic checks inside it. */
function propertiesOf(result: CheckerResult, checked: boolean): Property[] {
  if (!checked) {
    return result.functions.map((fn) => ({
      id: `${result.contract}.${fn.name}`,
      statement: fn.notice,
      status: "out of reach",
      fuzz: fn.fuzz,
      detail: "not run by default (--reach runs it)",
    }));
  }
  const properties: Property[] = result.functions.map((fn) => {
    const findings = result.findings.filter(
      (finding) => finding.file === result.harness && finding.start >= fn.start && finding.start < fn.end,
    );
    return {
      id: `${result.contract}.${fn.name}`,
      statement: fn.notice,
      status: statusOf(findings),
      fuzz: fn.fuzz,
      detail: detailOf(findings),
    };
  });
  const libraries = [...new Set(result.findings.map((finding) => finding.file))].filter(
    (file) => file !== result.harness,
  );
  for (const file of libraries.sort()) {
    const findings = result.findings.filter((finding) => finding.file === file);
    properties.push({
      id: `${result.contract}:${basename(file, ".sol")}`,
      statement: `No overflow, underflow or division by zero in ${basename(file)} on the harness's inputs`,
      status: statusOf(findings),
      fuzz: undefined,
      detail: detailOf(findings),
    });
  }
  return properties;
}

async function pool<T, R>(items: T[], jobs: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

function printTable(properties: Property[]): void {
  const width = Math.max(...properties.map((property) => property.id.length));
  for (const property of properties) {
    const fallback =
      property.status === "proved"
        ? ""
        : property.fuzz !== undefined
          ? `  → beyond the checker (see test/formal/reach); defended by ${property.fuzz}, ${FUZZ_NOTE}`
          : "";
    console.log(
      `${property.status.padEnd(14)} ${property.id.padEnd(width)}  ${property.statement}${fallback}`,
    );
    if (property.status !== "proved") console.log(`${"".padEnd(15 + width)}  (${property.detail})`);
  }
}

async function main(): Promise<void> {
  const mutate = args.includes("--mutate");
  const onlyIndex = args.indexOf("--only");
  const only = onlyIndex >= 0 ? args[onlyIndex + 1] : mutate ? MUTATED_HARNESS : undefined;
  // `--only Harness` or `--only Harness.property`.
  const [onlyHarness, onlyProperty] = only === undefined ? [undefined, undefined] : only.split(".");
  const ci = args.includes("--ci") || process.env.CI === "true";
  const useCache = (ci || args.includes("--cached")) && !mutate;
  const jobs = Math.min(MAX_JOBS, Math.max(1, Number(process.env.FORMAL_JOBS ?? "2")));
  const timeoutSeconds = Number(process.env.FORMAL_TIMEOUT_SECONDS ?? (ci ? "240" : "1800"));
  const reach = args.includes("--reach");
  const provedBefore = (JSON.parse(readFileSync(resolve(ROOT, PROVED_FILE), "utf8")) as ProvedList).proved;
  const holdsProved = (harness: string): boolean =>
    provedBefore.some(
      (id) =>
        id.startsWith(`${basename(harness, ".sol")}.`) || id.startsWith(`${basename(harness, ".sol")}:`),
    );
  // In CI: the properties of proved.json, and every property of a harness whose library arithmetic
  // is listed there (that verdict needs them all).
  const neededInCi = (harness: string, property: string): boolean => {
    const contract = basename(harness, ".sol");
    return (
      provedBefore.includes(`${contract}.${property}`) ||
      provedBefore.some((id) => id.startsWith(`${contract}:`))
    );
  };
  const listed = (dir: string): string[] =>
    readdirSync(resolve(ROOT, dir))
      .filter(
        (file) =>
          file.endsWith(".sol") && (onlyHarness === undefined || basename(file, ".sol") === onlyHarness),
      )
      .sort()
      .map((file) => `${dir}/${file}`);
  const all = [...listed(HARNESS_DIR), ...(mutate ? [] : listed(REACH_DIR))];
  const harnesses = ci ? all.filter(holdsProved) : all;
  if (harnesses.length === 0) throw new Error(`no harness ${only ?? ""} in ${HARNESS_DIR}`);
  if (mutate) console.log(`Mutation: ${MUTATION.file}: "${MUTATION.from}" → "${MUTATION.to}"`);
  if (ci) {
    const skipped = all.filter((harness) => !harnesses.includes(harness)).map((h) => basename(h, ".sol"));
    console.log(
      `CI mode: ${harnesses.length} harnesses with proved properties, at most ${jobs} at once, ${timeoutSeconds} s each, cached results reused by key; not run: ${skipped.join(", ") || "none"}`,
    );
  }

  const started = Date.now();
  const checkedHarness = (harness: string): boolean => reach || !harness.startsWith(REACH_DIR);
  // Each property of a checked harness runs alone (a contract of one function: a far smaller model);
  // a harness that is only listed is parsed once.
  const units = harnesses.flatMap((harness): { harness: string; property: string | undefined }[] =>
    checkedHarness(harness)
      ? harnessProperties(ROOT, harness)
          .filter((property) => onlyProperty === undefined || property === onlyProperty)
          .filter((property) => !ci || neededInCi(harness, property))
          .map((property) => ({ harness, property }))
      : [{ harness, property: undefined }],
  );
  const outcomes = await pool(units, jobs, async ({ harness, property }) => {
    const checked = checkedHarness(harness);
    const name = `${basename(harness, ".sol")}${property === undefined ? "" : `.${property}`}`;
    const key = checked && !mutate ? runKey(ROOT, harness, property) : undefined;
    const cached =
      key !== undefined && property !== undefined ? readCacheEntry(harness, property) : undefined;
    let result: CheckerResult | undefined;
    let note: string;
    if (useCache && cached !== undefined && cached.key === key && cached.result !== undefined) {
      result = cached.result;
      note = `${result.seconds.toFixed(1)} s (cached, key ${key.slice(0, 12)}…)`;
    } else if (
      useCache &&
      cached !== undefined &&
      cached.key === key &&
      (cached.timedOutAfter ?? 0) >= timeoutSeconds
    ) {
      note = `timed out after ${cached.timedOutAfter} s (cached, key ${cached.key.slice(0, 12)}…)`;
    } else {
      result = await runHarness(harness, property, mutate, checked, timeoutSeconds);
      note = result === undefined ? `timed out after ${timeoutSeconds} s` : `${result.seconds.toFixed(1)} s`;
      // A completed check's entry is written by its worker; a timeout's here.
      if (key !== undefined && property !== undefined && result === undefined) {
        writeCacheEntry(harness, property, { key, timedOutAfter: timeoutSeconds });
      }
    }
    console.log(`${name}: ${note}`);
    return { harness, property, result };
  });

  const properties: Property[] = [];
  const errors: string[] = [];
  for (const harness of harnesses) {
    const contract = basename(harness, ".sol");
    const mine = outcomes.filter((outcome) => outcome.harness === harness);
    const done = mine.flatMap((outcome) => (outcome.result === undefined ? [] : [outcome.result]));
    const timedOut = mine.filter((outcome) => outcome.result === undefined);
    for (const outcome of timedOut) {
      const id = `${contract}${outcome.property === undefined ? "" : `.${outcome.property}`}`;
      properties.push({ id, statement: "", status: "timeout", fuzz: undefined, detail: "checker timed out" });
    }
    if (done.length === 0) continue;
    const merged: CheckerResult = {
      harness,
      contract,
      seconds: done.reduce((sum, result) => sum + result.seconds, 0),
      functions: done.flatMap((result) => result.functions),
      findings: done.flatMap((result) => result.findings),
      errors: done.flatMap((result) => result.errors),
    };
    errors.push(...merged.errors);
    for (const property of propertiesOf(merged, checkedHarness(harness))) {
      // A library's arithmetic is proved on the harness's inputs only if every property ran to the end.
      const libraryLevel = property.id.includes(":");
      // With one property chosen, a library's checks were not run on all of the harness's inputs.
      const partial =
        onlyProperty !== undefined ||
        (ci && harnessProperties(ROOT, harness).some((p) => !neededInCi(harness, p)));
      if (libraryLevel && partial) continue;
      if (libraryLevel && timedOut.length > 0) {
        properties.push({ ...property, status: "timeout", detail: "a property of the harness timed out" });
      } else properties.push(property);
    }
  }
  console.log("\nSMTChecker (CHC), every property:\n");
  printTable(properties);

  const proved = new Set(properties.filter((property) => property.status === "proved").map((p) => p.id));
  const lost = provedBefore.filter((id) => (only === undefined || id.startsWith(only)) && !proved.has(id));
  if (ci && lost.length > 0) {
    console.error(
      `A harness changed (its cache key moved) and was not proved again within ${timeoutSeconds} s: run \`npm run verify:formal\` (no time limit in practice) and commit ${CACHE_DIR}/.`,
    );
  }
  const refuted = properties.filter((property) => property.status === "counterexample");
  const outOfReach = properties.filter((property) => property.status === "out of reach").length;
  const unproved = properties.length - proved.size - refuted.length - outOfReach;
  const elapsed = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${proved.size} proved, ${unproved} not proved, ${outOfReach} out of reach (fuzzed), ${refuted.length} counterexample(s), in ${elapsed} s`,
  );
  if (args.includes("--update") && !mutate && only === undefined) {
    writeFileSync(resolve(ROOT, PROVED_FILE), `${JSON.stringify({ proved: [...proved].sort() }, null, 2)}\n`);
    console.log(`${PROVED_FILE} updated`);
  }
  for (const error of errors) console.error(error);
  for (const id of lost) console.error(`no longer proved: ${id} (listed in ${PROVED_FILE})`);
  for (const property of refuted) console.error(`counterexample: ${property.id}: ${property.detail}`);
  if (errors.length > 0 || lost.length > 0 || refuted.length > 0) process.exitCode = 1;
}

if (args[0] === "--worker") {
  const propertyIndex = args.indexOf("--property");
  worker(
    args[1] ?? "",
    args.includes("--mutate"),
    !args.includes("--parse-only"),
    propertyIndex >= 0 ? args[propertyIndex + 1] : undefined,
  );
} else await main();
