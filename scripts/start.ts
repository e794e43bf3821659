// `npm start`: local chain → contracts deployed → demo seeded → dashboard served.
// Runs under the project's Node 22 (type stripping). Ctrl-C stops everything it started, by PID.
//
// Each stage's time is printed and written to reports/start.json. What overlaps, what is skipped:
// - the chain starts while the contracts compile (the node needs no artifacts);
// - compile (of the contracts the demo deploys, not the test doubles) is skipped when the contract
//   sources, the Hardhat config and the lockfile hash the same as at the last compile and the
//   artifacts it produced are still there (stamp in Hardhat's cache/);
// - once deployed, the seed and the dashboard run side by side: the SDK's bindings are generated from
//   the artifacts and this deployment, then the dashboard is rebuilt only when its inputs (frontend
//   sources, the SDK's sources with those generated files, its config, the lockfile, the RPC URL) hash
//   differently from those of the build in frontend/dist (stamp next to it).
//   Type checking the dashboard is `npm run lint`'s job, not the start's.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

import {
  DASHBOARD_URL,
  DEMO_CHAIN_ARGS,
  FUND_PORTS,
  INDEXER_PORT,
  INDEXER_URL,
  RPC_PORT,
  RPC_URL,
  UI_PORT,
  portFree,
} from "./lib/ports.ts";
import { READY, stopProcess } from "./lib/processes.ts";
import { chainIdAt, headBlock } from "./lib/rpc.ts";
import { indexerCaughtUp } from "@fef/sdk/history";

const LOG_DIR = "reports";
const TIMINGS_FILE = `${LOG_DIR}/start.json`;
/** What the compile reads, and the stamp of the last compile (it goes when Hardhat's cache goes). */
const CONTRACT_INPUTS = ["contracts", "hardhat.config.ts", "package-lock.json"];
const CONTRACTS_STAMP = "cache/fef-start-contracts.sha256";
/**
 * What the dashboard build reads besides the RPC URL: its own sources and the SDK's (with the bindings
 * and the local deployment generated into packages/sdk/src/generated); the stamp lives in the build
 * it describes.
 */
const DASHBOARD_INPUTS = [
  "frontend/src",
  "frontend/public",
  "frontend/index.html",
  "frontend/vite.config.ts",
  "frontend/tsconfig.json",
  "frontend/package.json",
  "packages/sdk/src",
  "packages/sdk/package.json",
  "package-lock.json",
];
const DASHBOARD_DIST = "frontend/dist";
const DASHBOARD_STAMP = `${DASHBOARD_DIST}/.inputs.sha256`;
/** Written by the seed into frontend/public, so it is copied into the served build after each seed. */
const DEMO_ALLOWLIST = "demo-allowlist.json";
const started = Date.now();
const children: ChildProcess[] = [];

function secondsSince(since: number): number {
  return Math.round((Date.now() - since) / 100) / 10;
}

function elapsed(): string {
  return `${secondsSince(started).toFixed(1)}s`;
}

function step(message: string): void {
  console.log(`\n[${elapsed()}] ▶ ${message}`);
}

interface StageTiming {
  name: string;
  /** wall-clock seconds the stage took */
  seconds: number;
  /** when it began, in seconds after `npm start` began (stages overlap) */
  startedAt: number;
  /** its inputs had not changed, so there was nothing to do */
  skipped?: true;
}
const stages: StageTiming[] = [];

/** Runs one stage and records its time; `work` resolves to true when it found nothing to do. */
async function stage(name: string, work: () => Promise<unknown>): Promise<void> {
  const begun = Date.now();
  const skipped = (await work()) === true;
  const timing: StageTiming = {
    name,
    seconds: secondsSince(begun),
    startedAt: Math.round((begun - started) / 100) / 10,
  };
  if (skipped) timing.skipped = true;
  stages.push(timing);
  console.log(
    `[${elapsed()}] ✔ ${name}: ${timing.seconds.toFixed(1)} s${skipped ? " (unchanged, skipped)" : ""}`,
  );
}

/** Ends `npm start` with a clear message, stopping whatever it already started. */
async function abort(message: string): Promise<never> {
  console.error(`\n✖ ${message}`);
  await stopAll();
  process.exit(1);
}

/**
 * Runs a command to completion; rejects on a non-zero exit. Its output is shown, or, with `logName`,
 * goes to reports/<logName>.log (for commands that run beside another one).
 */
function run(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; logName?: string } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdio: "inherit" | ["ignore", number, number] = "inherit";
    if (options.logName !== undefined) {
      mkdirSync(LOG_DIR, { recursive: true });
      const log = openSync(`${LOG_DIR}/${options.logName}.log`, "w");
      stdio = ["ignore", log, log];
    }
    const child = spawn(command, args, {
      stdio,
      cwd: options.cwd ?? ".",
      env: { ...process.env, ...options.env },
    });
    children.push(child);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      children.splice(children.indexOf(child), 1);
      if (code === 0) resolve();
      else {
        const log = options.logName === undefined ? "" : `; see ${LOG_DIR}/${options.logName}.log`;
        reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}${log}`));
      }
    });
  });
}

/** Starts a long-running command in the background, its output in reports/<name>.log. */
function background(
  name: string,
  command: string,
  args: string[],
  cwd = ".",
  env: Record<string, string> = {},
): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(`${LOG_DIR}/${name}.log`, "w");
  const child = spawn(command, args, { stdio: ["ignore", log, log], cwd, env: { ...process.env, ...env } });
  children.push(child);
  child.once("exit", (code, signal) => {
    if (!stopping) void abort(`${name} stopped unexpectedly (${signal ?? code}); see ${LOG_DIR}/${name}.log`);
  });
  return child;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s`);
}

async function rpcReady(): Promise<boolean> {
  return (await chainIdAt(RPC_URL)) > 0;
}

/** Every file under `path` (or `path` itself), sorted, so a hash does not depend on directory order. */
function filesUnder(path: string, exclude: ReadonlySet<string>): string[] {
  if (!existsSync(path) || exclude.has(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry), exclude));
}

/** SHA-256 over the names and contents of every input file, plus `extra` (e.g. an environment value). */
function hashInputs(paths: readonly string[], extra: readonly string[] = [], exclude: string[] = []): string {
  const hash = createHash("sha256");
  for (const file of paths.flatMap((path) => filesUnder(path, new Set(exclude)))) {
    hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
  }
  for (const value of extra) hash.update(`${value}\0`);
  return hash.digest("hex");
}

function readStamp(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** The compile's stamp: its inputs, and the build-info files it left (gone or replaced → recompile). */
function contractsStamp(): string {
  const buildInfo = existsSync("artifacts/build-info") ? readdirSync("artifacts/build-info").sort() : [];
  return `${hashInputs(CONTRACT_INPUTS)} ${createHash("sha256").update(buildInfo.join("\n")).digest("hex")}`;
}

/**
 * The source files the start compiles: every contract except the test doubles, plus the demo's
 * TestToken. Mocks and Solidity tests (about a quarter of the compile) are built by `hardhat test`
 * and the benchmarks when they need them.
 */
function startSources(): string[] {
  return filesUnder("contracts", new Set(["contracts/mocks"]))
    .filter((file) => file.endsWith(".sol"))
    .concat("contracts/mocks/TestToken.sol");
}

async function compile(): Promise<boolean> {
  if (existsSync("artifacts/contracts") && readStamp(CONTRACTS_STAMP) === contractsStamp()) return true;
  await run("hardhat", ["build", "--no-tests", "--quiet", ...startSources()]);
  mkdirSync("cache", { recursive: true });
  writeFileSync(CONTRACTS_STAMP, `${contractsStamp()}\n`);
  return false;
}

async function startChain(): Promise<void> {
  background("chain", "hardhat", DEMO_CHAIN_ARGS);
  await waitFor("The local chain", rpcReady, 60_000);
}

/** Marker printed by scripts/demo.ts once the Fund is deployed (before it seeds). */
const DEPLOYED_MARKER = "Fund deployed; seeding next.";

/** scripts/demo.ts (deploy, then seed) with its output shown; `deployed` resolves at its marker. */
function runDemo(): { deployed: Promise<void>; done: Promise<void> } {
  const child = spawn("hardhat", ["run", "--no-compile", "scripts/demo.ts", "--network", "localhost"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let markDeployed: () => void = () => undefined;
  const deployed = new Promise<void>((resolve) => {
    markDeployed = resolve;
  });
  let seen = "";
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    seen = (seen + chunk.toString()).slice(-200);
    if (seen.includes(DEPLOYED_MARKER)) markDeployed();
  });
  const done = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      children.splice(children.indexOf(child), 1);
      if (code === 0) resolve();
      else reject(new Error(`the demo (scripts/demo.ts: deploy, seed) exited with ${signal ?? code}`));
    });
  });
  // A failure before the marker must not leave `deployed` pending forever.
  return { deployed: Promise.race([deployed, done]), done };
}

/**
 * The SDK's bindings from the artifacts and this deployment (ABIs, action routes, deployments and the
 * git-ignored local deployment), then `vite build` unless the last build had the same inputs.
 */
async function buildDashboard(): Promise<boolean> {
  await run("node", ["packages/sdk/scripts/generate.mjs"], { logName: "dashboard-build" });
  // Every VITE_* setting is baked into the build (WalletConnect project id, mainnet RPC for ENS, …):
  // a change of any of them rebuilds.
  const settings = Object.entries(process.env)
    .filter(([name]) => name.startsWith("VITE_"))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value ?? ""}`);
  const inputs = hashInputs(
    DASHBOARD_INPUTS,
    [RPC_URL, INDEXER_URL, ...settings],
    [`frontend/public/${DEMO_ALLOWLIST}`],
  );
  if (existsSync(`${DASHBOARD_DIST}/index.html`) && readStamp(DASHBOARD_STAMP) === inputs) return true;
  rmSync(DASHBOARD_STAMP, { force: true });
  await run("vite", ["build"], {
    cwd: "frontend",
    env: { VITE_RPC_URL: RPC_URL, VITE_INDEXER_URL: INDEXER_URL },
    logName: "dashboard-build",
  });
  writeFileSync(DASHBOARD_STAMP, `${inputs}\n`);
  return false;
}

/** Where the embedded indexer keeps its database (PGlite); the chain is new on every start, so is it. */
const INDEXER_DB = "indexer/.ponder";

/**
 * The history indexer (Ponder; embedded PGlite, or PostgreSQL with DATABASE_URL) against the local chain, started once the Fund is
 * deployed so it reads this deployment's addresses; it indexes the seed as it happens.
 */
async function startIndexer(): Promise<void> {
  rmSync(INDEXER_DB, { recursive: true, force: true });
  // With DATABASE_URL the indexer uses that PostgreSQL server; its schema is emptied for the new chain.
  if (process.env.DATABASE_URL) await run("node", ["indexer/scripts/resetSchema.ts", "fund"]);
  background("indexer", "ponder", ["start", "--schema", "fund", "--port", String(INDEXER_PORT)], "indexer", {
    FEF_RPC_PORT: String(RPC_PORT),
    PONDER_TELEMETRY_DISABLED: "true",
  });
}

/** The indexer has finished its backfill and indexed the chain up to its head (the whole seed). */
async function indexerReady(): Promise<boolean> {
  return indexerCaughtUp(INDEXER_URL, await headBlock(RPC_URL));
}

let stopping = false;
/** Stops every process this script started, by PID, and waits (briefly) until they are gone. */
async function stopAll(): Promise<void> {
  stopping = true;
  const exits = children.splice(0).map((child) => stopProcess(child, "SIGTERM", 10_000));
  await Promise.all(exits);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.log(`\nStopping (${signal}) …`);
    void stopAll().then(() => process.exit(0));
  });
}

async function main(): Promise<void> {
  step("Checking ports");
  for (const [port, role] of FUND_PORTS) {
    if (!(await portFree(port))) {
      throw new Error(
        `Port ${port} (for ${role}) is already in use on 127.0.0.1. Stop whatever listens there ` +
          `(e.g. an earlier \`npm start\`: \`ss -ltnp | grep ${port}\`), or choose other ports with ` +
          `FEF_RPC_PORT / FEF_UI_PORT / FEF_INDEXER_PORT.`,
      );
    }
  }

  step(`Compiling contracts, and starting the local chain on ${RPC_URL} (log: ${LOG_DIR}/chain.log)`);
  const chain = stage("chain", startChain);
  await stage("compile", compile);

  // The demo process waits for the chain itself, so its Hardhat start-up overlaps the chain's.
  step(`Deploying the Fund with Hardhat Ignition, then seeding the demo Fund`);
  // The chain is new on every start, so the previous local deployment record is stale.
  rmSync("ignition/deployments/chain-31337", { recursive: true, force: true });
  const demo = runDemo();
  await stage("deploy", () => demo.deployed);
  await chain;
  step(`Starting the history indexer on ${INDEXER_URL} (log: ${LOG_DIR}/indexer.log)`);
  await startIndexer();
  step(`Building the dashboard while the seed runs (log: ${LOG_DIR}/dashboard-build.log)`);
  await Promise.all([stage("seed", () => demo.done), stage("dashboard build", buildDashboard)]);
  copyFileSync(`frontend/public/${DEMO_ALLOWLIST}`, `${DASHBOARD_DIST}/${DEMO_ALLOWLIST}`);

  step(`Serving the dashboard (log: ${LOG_DIR}/dashboard.log)`);
  await stage("dashboard serve", async () => {
    background(
      "dashboard",
      "vite",
      ["preview", "--host", "127.0.0.1", "--port", String(UI_PORT), "--strictPort"],
      "frontend",
    );
    await waitFor("The dashboard", async () => (await fetch(DASHBOARD_URL)).ok, 30_000);
  });

  // The indexer catches up on its own (its embedded database starts in ≈ 10–30 s, then the backfill);
  // the dashboard shows history as it arrives. Browser tests and the smoke test wait for it
  // (FEF_WAIT_FOR_INDEXER=1), so that their pages see the whole seeded history.
  if (process.env.FEF_WAIT_FOR_INDEXER === "1") {
    await stage("indexer caught up", () => waitFor("The history indexer", indexerReady, 240_000));
  } else {
    const since = Date.now();
    void waitFor("The history indexer", indexerReady, 600_000).then(
      () =>
        console.log(
          `[${elapsed()}] ✔ history indexer caught up with the chain (${secondsSince(since).toFixed(1)} s after the dashboard)`,
        ),
      (error: unknown) =>
        console.error(
          `✖ ${error instanceof Error ? error.message : String(error)}; see ${LOG_DIR}/indexer.log`,
        ),
    );
  }

  const total = secondsSince(started);
  // Warm: nothing was rebuilt, because nothing had changed since the last start.
  const rebuilt = stages
    .filter((s) => (s.name === "compile" || s.name === "dashboard build") && s.skipped !== true)
    .map((s) => s.name);
  const warm = rebuilt.length === 0;
  mkdirSync(LOG_DIR, { recursive: true });
  writeFileSync(TIMINGS_FILE, `${JSON.stringify({ stages, total, warm }, null, 2)}\n`);
  console.log(
    `\nStage times (s; chain ∥ compile, then deploy (from its Hardhat start-up, ∥ chain), then seed ∥ dashboard build; ${TIMINGS_FILE}):\n` +
      stages
        .map(
          (s) =>
            `  ${s.name.padEnd(16)} ${s.seconds.toFixed(1).padStart(5)}${s.skipped ? "  (unchanged, skipped)" : ""}`,
        )
        .join("\n"),
  );
  console.log(
    `\n[${elapsed()}] ${READY} in ${total.toFixed(1)} s (${warm ? "warm: nothing rebuilt" : `rebuilt: ${rebuilt.join(", ")}`}). ` +
      `Dashboard: ${DASHBOARD_URL}  ·  ` +
      `chain: ${RPC_URL} (chain id 31337)  ·  ` +
      `history indexer: ${INDEXER_URL} (SQL over HTTP at /sql, GraphQL at /graphql; ${
        process.env.FEF_WAIT_FOR_INDEXER === "1" ? "caught up" : `catching up, log: ${LOG_DIR}/indexer.log`
      })\n` +
      "  Pick a dev account in the dashboard's header to act as a trustee, researcher, company or investor.\n" +
      "  The Fund's state from the command line: npx hardhat fund:status --network localhost\n" +
      "  Press Ctrl-C to stop everything.",
  );
}

main().catch((error: unknown) => abort(error instanceof Error ? error.message : String(error)));
