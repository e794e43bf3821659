// `npm start`: local chain → contracts deployed → demo seeded → dashboard served.
// Runs under the project's Node 22 (type stripping). Ctrl-C stops everything it started, by PID.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";

import { DASHBOARD_URL, RPC_PORT, RPC_URL, UI_PORT, portFree } from "./lib/ports.ts";
import { READY, stopProcess } from "./lib/processes.ts";

const LOG_DIR = "reports";
const started = Date.now();
const children: ChildProcess[] = [];

function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

function step(message: string): void {
  console.log(`\n[${elapsed()}] ▶ ${message}`);
}

/** Ends `npm start` with a clear message, stopping whatever it already started. */
async function abort(message: string): Promise<never> {
  console.error(`\n✖ ${message}`);
  await stopAll();
  process.exit(1);
}

/** Runs a command to completion with its output shown; rejects on a non-zero exit. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    children.push(child);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      children.splice(children.indexOf(child), 1);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

/** Starts a long-running command in the background, its output in reports/<name>.log. */
function background(name: string, command: string, args: string[], cwd = "."): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(`${LOG_DIR}/${name}.log`, "w");
  const child = spawn(command, args, { stdio: ["ignore", log, log], cwd });
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
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s`);
}

async function rpcReady(): Promise<boolean> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return response.ok;
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
  for (const [port, role] of [
    [RPC_PORT, "the local chain"],
    [UI_PORT, "the dashboard"],
  ] as const) {
    if (!(await portFree(port))) {
      throw new Error(
        `Port ${port} (for ${role}) is already in use on 127.0.0.1. Stop whatever listens there ` +
          `(e.g. an earlier \`npm start\`: \`ss -ltnp | grep ${port}\`), or choose other ports with ` +
          `FEF_RPC_PORT / FEF_UI_PORT.`,
      );
    }
  }

  step("Compiling contracts and generating the SDK's bindings");
  await run("hardhat", ["build"]);
  await run("npm", ["run", "generate", "--workspace", "@fef/sdk"]);

  step(`Starting the local chain on ${RPC_URL} (log: ${LOG_DIR}/chain.log)`);
  background("chain", "hardhat", [
    "node",
    "--network",
    "demo",
    "--hostname",
    "127.0.0.1",
    "--port",
    String(RPC_PORT),
  ]);
  await waitFor("The local chain", rpcReady, 60_000);

  step("Deploying the Fund with Hardhat Ignition");
  // The chain is new on every start, so the previous local deployment record is stale.
  rmSync("ignition/deployments/chain-31337", { recursive: true, force: true });
  await run("hardhat", ["run", "scripts/deploy-local.ts", "--network", "localhost"]);

  step("Seeding the demo Fund");
  await run("hardhat", ["run", "scripts/seed.ts", "--network", "localhost"]);

  step("Fund status");
  await run("hardhat", ["fund:status", "--network", "localhost"]);

  step("Building the dashboard (with this deployment's addresses, written into the SDK)");
  await run("npm", ["run", "build", "--workspace", "frontend"], { VITE_RPC_URL: RPC_URL });

  step(`Serving the dashboard (log: ${LOG_DIR}/dashboard.log)`);
  background(
    "dashboard",
    "vite",
    ["preview", "--host", "127.0.0.1", "--port", String(UI_PORT), "--strictPort"],
    "frontend",
  );
  await waitFor("The dashboard", async () => (await fetch(DASHBOARD_URL)).ok, 30_000);

  console.log(
    `\n[${elapsed()}] ${READY}. Dashboard: ${DASHBOARD_URL}  ·  chain: ${RPC_URL} (chain id 31337)\n` +
      "  Pick a dev account in the dashboard's header to act as a trustee, researcher, company or investor.\n" +
      "  Press Ctrl-C to stop everything.",
  );
}

main().catch((error: unknown) => abort(error instanceof Error ? error.message : String(error)));
