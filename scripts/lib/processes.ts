// Starting `npm start` from another script (the smoke test, the UI benchmark) and stopping child
// processes by PID.
import { type ChildProcess, spawn } from "node:child_process";

/** What `npm start` prints once the Fund is deployed, seeded and served. */
export const READY = "✔ Ready";

/**
 * Starts `npm start` (node scripts/start.ts, under this Node); `ready` resolves with the seconds it
 * took to print READY and rejects on a timeout or an early exit. Its output is passed to `echo`.
 */
export function startFund(
  timeoutMs: number,
  echo: (chunk: string) => void = (chunk) => process.stdout.write(chunk),
): { child: ChildProcess; ready: Promise<number> } {
  const started = Date.now();
  const child = spawn(process.execPath, ["scripts/start.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs / 1000}s`)), timeoutMs);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      echo(chunk.toString());
      output += chunk.toString();
      if (output.includes(READY)) {
        clearTimeout(timer);
        resolve((Date.now() - started) / 1000);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited early (${signal ?? code}):\n${output.slice(-2_000)}`));
    });
  });
  // A caller that stops the process after a failure does not need the rejection.
  ready.catch(() => undefined);
  return { child, ready };
}

/**
 * Sends `signal` to `child` and resolves with its exit code once it has exited; after `graceMs`
 * without an exit it is killed (SIGKILL). Resolves at once for a process that already exited.
 */
export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGINT",
  graceMs = 20_000,
): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode);
      return;
    }
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}
