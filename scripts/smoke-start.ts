// Smoke test of `npm start` (run by `npm test`): start, wait until ready, query the Fund's status
// from the command line, check the dashboard answers and reports/start.json lists the stages, stop
// with Ctrl-C (SIGINT), check both ports are free again, and start a second time to show no stale
// state survives. Prints "N passed, N failed". It checks that the start works, not how fast: speed is
// measured by `npm run bench:start`. FEF_RPC_PORT / FEF_UI_PORT move both servers, as for npm start.
import { type ChildProcess, execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { promisify } from "node:util";

import { indexerCaughtUp, indexerClient, mintProvenance } from "@fef/sdk/history";

import {
  DASHBOARD_URL,
  FUND_PORTS,
  INDEXER_URL,
  RPC_PORT,
  RPC_URL,
  UI_PORT,
  portsFree,
} from "./lib/ports.ts";
import { check, finishChecks } from "./lib/checks.ts";
import { startFund, stopProcess } from "./lib/processes.ts";
import { headBlock } from "./lib/rpc.ts";

/** Not a speed check: a start that never gets ready must fail the test instead of hanging it. */
const HANG_TIMEOUT_MS = 600_000;
const START_TIMINGS = "reports/start.json";

const running = new Set<ChildProcess>();

/** Starts `npm start`; `begun` is when, so that a report it writes can be told from an older one. */
function start(): { child: ChildProcess; ready: Promise<number>; begun: number } {
  const begun = Date.now();
  const started = startFund(HANG_TIMEOUT_MS);
  running.add(started.child);
  started.child.once("exit", () => running.delete(started.child));
  return { ...started, begun };
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
  check(`ports ${RPC_PORT} and ${UI_PORT} are free before starting`, await portsFree([RPC_PORT, UI_PORT]));

  const first = start();
  await first.ready;
  check("npm start reaches a seeded, running Fund", true);
  const dashboard = await fetch(DASHBOARD_URL);
  check("the dashboard answers", dashboard.ok, `HTTP ${dashboard.status}`);
  const allowlist = await fetch(`${DASHBOARD_URL}demo-allowlist.json`);
  check("the dashboard serves this seed's allowlist proofs", allowlist.ok, `HTTP ${allowlist.status}`);
  check(`${START_TIMINGS} lists the stages of this start`, startTimingsListStages(first.begun));

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
    "fund:status reports the three seeded rounds",
    fund.rounds.length === 3,
    `${fund.rounds.length} rounds`,
  );
  const commitments = fund.companies.flatMap((company) => company.commitments);
  check(
    "fund:status reports 3 commitments, exactly one delinquent",
    commitments.length === 3 && commitments.filter((c) => c.delinquent).length === 1,
  );

  // npm start lets the indexer catch up in the background: wait until it has indexed the seeded head.
  const head = await headBlock(RPC_URL);
  const deadline = Date.now() + 300_000;
  while (!(await indexerCaughtUp(INDEXER_URL, head)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const provenance = await mintProvenance(indexerClient(INDEXER_URL));
  check(
    "the history indexer catches up and answers SQL over HTTP (seeded award and subscription mints)",
    provenance.award.mints > 0 && provenance.subscription.mints > 0,
    `${provenance.award.mints} award, ${provenance.subscription.mints} subscription mints`,
  );

  const exitCode = await stopProcess(first.child);
  check("Ctrl-C stops npm start cleanly", exitCode === 0, `exit code ${exitCode}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  check("every port is free after stopping", await portsFree(FUND_PORTS.map(([port]) => port)));

  const second = start();
  await second.ready;
  check("a second npm start works (no stale state)", true);
  const again = await status();
  check(
    "the second start seeds the same holders and rounds",
    again.shares.holderCount === fund.shares.holderCount && again.rounds.length === fund.rounds.length,
    `${again.shares.holderCount} holders, ${again.rounds.length} rounds`,
  );
  check("the second start stops cleanly", (await stopProcess(second.child)) === 0);
}

/**
 * reports/start.json was written by the start that began at `begun` and has every stage with a time
 * (its values are bench:start's business).
 */
function startTimingsListStages(begun: number): boolean {
  if (statSync(START_TIMINGS).mtimeMs < begun) return false;
  const report = JSON.parse(readFileSync(START_TIMINGS, "utf8")) as {
    stages?: { name?: unknown; seconds?: unknown }[];
    total?: unknown;
    warm?: unknown;
  };
  const names = (report.stages ?? []).map((stage) => stage.name);
  return (
    ["compile", "chain", "deploy", "seed", "dashboard build", "dashboard serve"].every((name) =>
      names.includes(name),
    ) &&
    (report.stages ?? []).every((stage) => typeof stage.seconds === "number") &&
    typeof report.total === "number" &&
    typeof report.warm === "boolean"
  );
}

main()
  .catch((error: unknown) =>
    check("smoke test ran to the end", false, error instanceof Error ? error.message : String(error)),
  )
  .finally(async () => {
    for (const child of running) await stopProcess(child);
    finishChecks();
  });
