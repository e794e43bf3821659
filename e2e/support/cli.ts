// The command line (Hardhat tasks) against the chain of `npm start`, as a trustee runs it: only the
// tasks' names and options, never their code.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Runs `npx hardhat <task> …options --network localhost` in the repository (its `localhost` network
 * follows FEF_RPC_PORT, as this process does) and returns what it printed; fails with its output.
 */
export async function hardhat(task: string, options: Readonly<Record<string, string>>): Promise<string> {
  const args = ["hardhat", task, ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v])];
  try {
    const { stdout } = await run("npx", [...args, "--network", "localhost"], {
      cwd: root,
      env: process.env,
      timeout: 180_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `npx ${args.join(" ")} failed: ${failed.message}\n${failed.stdout ?? ""}\n${failed.stderr ?? ""}`,
    );
  }
}
