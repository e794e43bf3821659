// `npm run rehearse:deploy`: a deployment rehearsal on a second local chain with a public chain's id
// (Base Sepolia, 84532). Starts `hardhat node --network rehearsalChain` on FEF_REHEARSAL_PORT (default
// 8547), deploys and checks (scripts/rehearse/deploy.ts), reads the Fund back through the command line
// (`hardhat fund:status --network rehearsal`, its figures checked against the parameters file), reads
// it through the dashboard's read path (scripts/rehearse/read.ts: the SDK's FundLens snapshot over
// HTTP, as the dashboard makes it), then builds the dashboard for the rehearsal chain (VITE_CHAIN_ID
// 84532, the rehearsal's addresses, read-only), serves it on FEF_REHEARSAL_UI_PORT (default 4174) and
// checks its overview in Debian's Chromium (scripts/rehearse/dashboard.ts), and stops the node and
// the server it started, by PID, whatever happens.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";

import { portFree } from "./lib/ports.ts";
import { stopProcess } from "./lib/processes.ts";
import { chainIdAt } from "./lib/rpc.ts";

const PORT = Number(process.env.FEF_REHEARSAL_PORT ?? 8547);
const URL = `http://127.0.0.1:${PORT}`;
const UI_PORT = Number(process.env.FEF_REHEARSAL_UI_PORT ?? 4174);
const DASHBOARD_URL = `http://127.0.0.1:${UI_PORT}/`;
const DASHBOARD_DIR = resolve("reports/rehearsal-dashboard");
const DEPLOYMENT_DIR = "ignition/deployments/rehearsal-84532";
const PARAMETERS = "ignition/parameters/rehearsal.json";
const env = { ...process.env, FEF_REHEARSAL_PORT: String(PORT) };

/** Runs `hardhat <args>` to completion; resolves with its output (also shown), rejects on failure. */
function hardhat(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("hardhat", args, { stdio: ["ignore", "pipe", "inherit"], env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`hardhat ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/** Runs a Node script (the project's Node 22) to completion; rejects on failure. */
function runNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`node ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

async function waitForChain(timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const id = await chainIdAt(URL).catch(() => undefined);
    if (id !== undefined) return id;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the rehearsal chain did not answer on ${URL} within ${timeoutMs / 1000}s`);
}

/** Builds the dashboard for the rehearsal chain into DASHBOARD_DIR: Base Sepolia first, its RPC the rehearsal node. */
function buildDashboard(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("vite", ["build", "--outDir", DASHBOARD_DIR, "--emptyOutDir", "--logLevel", "warn"], {
      cwd: "frontend",
      stdio: "inherit",
      env: {
        ...env,
        VITE_CHAIN_ID: "84532",
        VITE_BASE_SEPOLIA_RPC_URL: URL,
        FEF_DASHBOARD_DEPLOYMENT: `84532:${resolve(DEPLOYMENT_DIR, "deployed_addresses.json")}`,
      },
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`vite build exited with ${signal ?? code}`)),
    );
  });
}

async function waitForDashboard(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(DASHBOARD_URL).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the rehearsal dashboard did not answer on ${DASHBOARD_URL} within ${timeoutMs / 1000}s`);
}

let node: ChildProcess | undefined;
let preview: ChildProcess | undefined;
try {
  if (!(await portFree(PORT)))
    throw new Error(`Port ${PORT} is in use; choose another with FEF_REHEARSAL_PORT.`);
  if (!(await portFree(UI_PORT)))
    throw new Error(`Port ${UI_PORT} is in use; choose another with FEF_REHEARSAL_UI_PORT.`);
  // A rehearsal starts from nothing: no journal of an earlier rehearsal (a fresh chain each time).
  rmSync(DEPLOYMENT_DIR, { recursive: true, force: true });
  await hardhat(["build"]);

  mkdirSync("reports", { recursive: true });
  const log = openSync("reports/rehearsal-chain.log", "w");
  node = spawn("hardhat", ["node", "--network", "rehearsalChain", "--port", String(PORT)], {
    stdio: ["ignore", log, log],
    env,
  });
  const id = await waitForChain(60_000);
  console.log(`▶ Rehearsal chain on ${URL}, chain id ${id}`);

  await hardhat(["run", "scripts/rehearse/deploy.ts", "--network", "rehearsal"]);

  console.log("\n▶ The command line against the rehearsal deployment");
  const status = await hardhat([
    "fund:status",
    "--network",
    "rehearsal",
    "--deployment",
    `${DEPLOYMENT_DIR}/deployed_addresses.json`,
    "--json",
  ]);
  const parsed = JSON.parse(status.slice(status.indexOf("{"))) as {
    chainId: unknown;
    shares: { totalSupply: unknown; paused: unknown };
    council: { trustees: string[]; threshold: unknown; proposalCount: unknown };
  };
  const parameters = JSON.parse(readFileSync(PARAMETERS, "utf8")) as {
    FundCouncil: { trustees: string[]; threshold: number };
  };
  const cli: [boolean, string][] = [
    [Number(parsed.chainId) === 84532, `fund:status read chain ${String(parsed.chainId)}`],
    [
      parsed.council.trustees.join().toLowerCase() === parameters.FundCouncil.trustees.join().toLowerCase(),
      `fund:status lists the parameters' ${parameters.FundCouncil.trustees.length} trustees`,
    ],
    [
      Number(parsed.council.threshold) === parameters.FundCouncil.threshold,
      `fund:status: threshold ${String(parsed.council.threshold)}`,
    ],
    [
      Number(parsed.shares.totalSupply) === 0 && parsed.shares.paused === false,
      "fund:status: no shares yet, not paused",
    ],
  ];
  for (const [ok, what] of cli) console.log(`${ok ? "✔" : "✖"} ${what}`);
  if (cli.some(([ok]) => !ok))
    throw new Error("the command line does not read the rehearsal deployment right");

  console.log(
    "\n▶ The dashboard's read path (the SDK's FundLens snapshot over HTTP) against the rehearsal deployment",
  );
  await runNode(["scripts/rehearse/read.ts", URL, `${DEPLOYMENT_DIR}/deployed_addresses.json`, PARAMETERS]);

  console.log(`\n▶ The dashboard, built for the rehearsal chain and served on ${DASHBOARD_URL}, in Chromium`);
  await buildDashboard();
  const serverLog = openSync("reports/rehearsal-dashboard.log", "w");
  preview = spawn(
    "vite",
    ["preview", "--outDir", DASHBOARD_DIR, "--host", "127.0.0.1", "--port", String(UI_PORT), "--strictPort"],
    { cwd: "frontend", stdio: ["ignore", serverLog, serverLog], env },
  );
  await waitForDashboard(30_000);
  await runNode(["scripts/rehearse/dashboard.ts", DASHBOARD_URL, URL, PARAMETERS]);
  console.log("\n✔ Rehearsal passed");
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (preview) await stopProcess(preview, "SIGTERM", 10_000);
  if (node) await stopProcess(node, "SIGTERM", 10_000);
}
