// Smoke test of `npm start` (run by `npm test`): start, wait until ready, query the Fund's status
// from the command line, stop with Ctrl-C (SIGINT), check both ports are free again, and start a
// second time to show no stale state survives. Prints "N passed, N failed".
// FEF_RPC_PORT / FEF_UI_PORT move it, like `npm start`.
import { type ChildProcess, execFile } from "node:child_process";
import { promisify } from "node:util";

import { RPC_PORT, UI_PORT, portFree } from "./lib/ports.ts";
import { startFund, stopProcess } from "./lib/processes.ts";

const START_TIMEOUT_MS = 240_000;

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ""): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? "✔" : "✖"} ${name}${detail ? ` — ${detail}` : ""}`);
}

const running = new Set<ChildProcess>();

function start(): { child: ChildProcess; ready: Promise<number> } {
  const started = startFund(START_TIMEOUT_MS);
  running.add(started.child);
  started.child.once("exit", () => running.delete(started.child));
  return started;
}

interface FundStatusJson {
  shares: { totalSupply: string; holderCount: number };
  rounds: unknown[];
  companies: { commitments: { delinquent: boolean }[] }[];
}

async function status(): Promise<FundStatusJson> {
  const { stdout } = await promisify(execFile)(
    "hardhat",
    ["fund:status", "--network", "localhost", "--json"],
    {
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as FundStatusJson;
}

async function main(): Promise<void> {
  check(
    `ports ${RPC_PORT} and ${UI_PORT} are free before starting`,
    (await portFree(RPC_PORT)) && (await portFree(UI_PORT)),
  );

  const first = start();
  const seconds = await first.ready;
  check("npm start reaches a seeded, running Fund", true, `${seconds.toFixed(1)} s`);
  check("npm start is ready within 2 minutes", seconds <= 120, `${seconds.toFixed(1)} s`);

  const fund = await status();
  check(
    "fund:status reports shares in circulation",
    BigInt(fund.shares.totalSupply) > 0n,
    fund.shares.totalSupply,
  );
  check(
    "fund:status reports the seeded holders",
    fund.shares.holderCount >= 5,
    `${fund.shares.holderCount} holders`,
  );
  check(
    "fund:status reports the two seeded rounds",
    fund.rounds.length === 2,
    `${fund.rounds.length} rounds`,
  );
  const commitments = fund.companies.flatMap((company) => company.commitments);
  check(
    "fund:status reports 3 commitments, exactly one delinquent",
    commitments.length === 3 && commitments.filter((c) => c.delinquent).length === 1,
  );

  const exitCode = await stopProcess(first.child);
  check("Ctrl-C stops npm start cleanly", exitCode === 0, `exit code ${exitCode}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  check("both ports are free after stopping", (await portFree(RPC_PORT)) && (await portFree(UI_PORT)));

  const second = start();
  const again = await second.ready;
  check("a second npm start works (no stale state)", true, `${again.toFixed(1)} s`);
  check("the second start stops cleanly", (await stopProcess(second.child)) === 0);
}

main()
  .catch((error: unknown) =>
    check("smoke test ran to the end", false, error instanceof Error ? error.message : String(error)),
  )
  .finally(async () => {
    for (const child of running) await stopProcess(child);
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  });
