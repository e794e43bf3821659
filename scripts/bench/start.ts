// `npm run bench:start`: measures `npm start` twice — cold, then warm — and prints the figures.
//
// - cold: the state a fresh clone has right after `npm install` (COLD_PATHS below removed: no
//   artifacts, Hardhat cache, typechain types, dashboard build, Vite caches, deployment record or seed
//   output; the SDK's local deployment file as `npm install` writes it, with no local deployment).
//   node_modules stays, as `npm install` leaves it.
// - warm: a second start right after the cold one stopped, nothing changed in between.
//
// Each run counts from spawning `node scripts/start.ts` until the dashboard answers HTTP 200 and the
// chain has the seeded state (shares minted, proposals open: read over JSON-RPC), then stops it with
// SIGINT and waits until it has exited. Per-stage times come from the reports/start.json it wrote.
// Prints a table with the targets (cold ≤ 45 s, warm ≤ 20 s on a 2-core machine), the CPU time the
// start used and the machine's load, and writes reports/bench-start.json. Exits non-zero only when a start fails: figures depend on
// the machine, so they are reported, never asserted. FEF_RPC_PORT / FEF_UI_PORT move the servers.
// Plain Node (type stripping), run through npm so that node_modules/.bin is on PATH.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

import { toFunctionSelector } from "viem";

import { DASHBOARD_URL, RPC_URL } from "../lib/ports.ts";
import { stopProcess } from "../lib/processes.ts";

const REPORT = "reports/bench-start.json";
const TARGETS = { cold: 45, warm: 20 } as const;
/** Not a speed check: a start that never gets ready fails the benchmark instead of hanging it. */
const HANG_TIMEOUT_MS = 600_000;
/** What a fresh clone does not have after `npm install`, and `npm start` (re)creates. */
const COLD_PATHS = [
  "artifacts",
  "cache",
  "types",
  "frontend/dist",
  "packages/sdk/src/generated/localDeployment.ts",
  "frontend/public/demo-allowlist.json",
  "ignition/deployments/chain-31337",
  "node_modules/.vite",
  "frontend/node_modules/.vite",
  "reports/start.json",
];

interface StartTimings {
  stages: { name: string; seconds: number; startedAt: number; skipped?: boolean }[];
  total: number;
  warm: boolean;
}

interface Measured {
  kind: "cold" | "warm";
  /** spawn → dashboard HTTP 200 and seeded chain, seen from outside */
  readySeconds: number;
  /** CPU seconds (user + system) that npm start and every process it ran used, until it stopped */
  cpuSeconds: number;
  /** what npm start itself wrote to reports/start.json */
  timings: StartTimings;
  target: number;
  loadBefore: number[];
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/**
 * CPU seconds used by this process's finished children (and theirs, as each reaps its own): the
 * cutime and cstime fields of /proc/self/stat. Unlike wall-clock time, it barely depends on what else
 * the machine is doing, so it shows what a start costs on a loaded machine.
 */
function childrenCpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 16 and 17 of proc(5); `fields` starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

async function rpc(method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown };
  return body.result;
}

/** A view without arguments that returns a uint, read from the contract `name` of this deployment. */
async function readUint(name: string, signature: string): Promise<bigint> {
  const record = "ignition/deployments/chain-31337/deployed_addresses.json";
  if (!existsSync(record)) return 0n;
  const addresses = JSON.parse(readFileSync(record, "utf8")) as Record<string, string>;
  const to = addresses[`LocalFund#${name}`];
  if (to === undefined) return 0n;
  const result = await rpc("eth_call", [{ to, data: toFunctionSelector(signature) }, "latest"]);
  return typeof result === "string" && result.length > 2 ? BigInt(result) : 0n;
}

/** The dashboard answers and the chain holds the seed's state (shares minted, proposals made). */
async function usable(): Promise<boolean> {
  const dashboard = await fetch(DASHBOARD_URL);
  if (!dashboard.ok) return false;
  const [supply, proposals] = await Promise.all([
    readUint("FundShares", "totalSupply()"),
    readUint("TrusteeCouncil", "proposalCount()"),
  ]);
  return supply > 0n && proposals > 0n;
}

async function measure(kind: "cold" | "warm"): Promise<Measured> {
  if (kind === "cold") {
    for (const path of COLD_PATHS) rmSync(path, { recursive: true, force: true });
    // What `npm install`'s postinstall leaves: the local deployment file, with no local deployment.
    execFileSync(process.execPath, ["packages/sdk/scripts/generate.mjs", "--deployments-only"]);
  } else rmSync("reports/start.json", { force: true });
  mkdirSync("reports", { recursive: true });
  const log = `reports/bench-start-${kind}.log`;
  const loadBefore = loadavg().map((value) => Math.round(value * 100) / 100);
  console.log(`\n${kind} start (output: ${log}; load average before: ${loadBefore.join(", ")}) …`);
  const begun = Date.now();
  const cpuBefore = childrenCpuSeconds();
  const output = openSync(log, "w");
  const child = spawn(process.execPath, ["scripts/start.ts"], { stdio: ["ignore", output, output] });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  let measured: Omit<Measured, "cpuSeconds">;
  try {
    for (;;) {
      if (exited) throw new Error(`npm start exited before it was ready; see ${log}`);
      if (Date.now() - begun > HANG_TIMEOUT_MS) throw new Error(`npm start hung; see ${log}`);
      if (await usable().catch(() => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const readySeconds = Math.round((Date.now() - begun) / 100) / 10;
    // start.json is written just before "Ready"; give it a moment if the probe won the race.
    for (let tries = 0; !existsSync("reports/start.json") && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const timings = JSON.parse(readFileSync("reports/start.json", "utf8")) as StartTimings;
    measured = { kind, readySeconds, timings, target: TARGETS[kind], loadBefore };
  } finally {
    await stopProcess(child);
  }
  const cpuSeconds = Math.round((childrenCpuSeconds() - cpuBefore) * 10) / 10;
  console.log(
    `  usable after ${measured.readySeconds.toFixed(1)} s (npm start's own total: ` +
      `${measured.timings.total.toFixed(1)} s); CPU used: ${cpuSeconds.toFixed(1)} s`,
  );
  return { ...measured, cpuSeconds };
}

function table(runs: readonly Measured[]): string {
  const names = [...new Set(runs.flatMap((run) => run.timings.stages.map((stage) => stage.name)))];
  const cell = (run: Measured, name: string): string => {
    const stage = run.timings.stages.find((candidate) => candidate.name === name);
    if (stage === undefined) return "—";
    return `${stage.seconds.toFixed(1)}${stage.skipped === true ? " (skipped)" : ""}`;
  };
  const rows: string[][] = [
    ["stage", ...runs.map((run) => `${run.kind} (s)`)],
    ...names.map((name) => [name, ...runs.map((run) => cell(run, name))]),
    ["usable (spawn → HTTP 200 + seeded)", ...runs.map((run) => run.readySeconds.toFixed(1))],
    ["CPU used by the start (user + sys, s)", ...runs.map((run) => run.cpuSeconds.toFixed(1))],
    ["target", ...runs.map((run) => `≤ ${run.target}`)],
    ["within target", ...runs.map((run) => (run.readySeconds <= run.target ? "✓" : "✗"))],
    ["load average before (1/5/15 min)", ...runs.map((run) => run.loadBefore.join(" / "))],
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) => row.map((value, column) => value.padEnd(widths[column] ?? 0)).join("  "))
    .join("\n");
}

const runs = [await measure("cold"), await measure("warm")];
console.log(
  `\nnpm start on ${cpus().length} cores (stages overlap: compile ∥ chain, seed ∥ dashboard build):\n`,
);
console.log(table(runs));
writeFileSync(
  REPORT,
  `${JSON.stringify({ cores: cpus().length, measuredAt: new Date().toISOString(), runs }, null, 2)}\n`,
);
console.log(`\nWrote ${REPORT}.`);
