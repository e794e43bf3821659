// `npm run bench:history`: history at scale. A local chain with the demo Fund, then BENCH_HOLDERS
// (10,000) new share holders (transfers from a seeded holder) and BENCH_INFLOWS (5,000) company
// payments (signed Promises of Future Returns and their period reports, each paying its due in ETH: a
// payment with its lateness, a ReturnsReceived and a ReturnsDistributed in the ledger), spread over
// many blocks with empty stretches between them (the chain spans ≈ 190,000 blocks). Then:
//   1. the indexer's backfill from an empty database: time and events per second, the PGlite directory's
//      size (per event) and the indexer process's resident memory (now and peak) once caught up;
//   2. the dashboard with the indexer: time to a rendered returns chart (from navigation and after the
//      snapshot is shown) and HTTP requests sent;
//   3. the dashboard without an indexer, behind a provider that refuses eth_getLogs over 2,000 blocks
//      or 10,000 results: time until the whole history is loaded, requests, refusals, and whether the
//      page ever called the history complete before it was;
//   4. with DATABASE_URL set, the same backfill into PostgreSQL: its time and the database's growth
//      (pg_database_size before and after) per event, and per million events.
// Writes reports/bench-history.json. Ports: FEF_RPC_PORT (+1 for the capped proxy), FEF_UI_PORT (+1
// for the dashboard without indexer), FEF_INDEXER_PORT.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";

import { chromium } from "@playwright/test";
import { createPublicClient, encodeFunctionData, http, type Address } from "viem";

import { ActionKindValue } from "@fef/sdk/actionKinds";
import { fundSharesAbi, returnsRegistryAbi, trusteeCouncilAbi } from "@fef/sdk/generated/abis";
import { indexedBlock, indexerClient, indexerReady } from "@fef/sdk/history";
import { readFundDeployment } from "@fef/sdk/node/deploymentFile";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/chromium.ts";
import { DEMO_CHAIN_ARGS, INDEXER_PORT, INDEXER_URL, RPC_PORT, RPC_URL, UI_PORT } from "../lib/ports.ts";
import { stopProcess } from "../lib/processes.ts";
import { directoryBytes, residentMemory } from "./history-footprint.ts";
import { postgresBackfill } from "./history-postgres.ts";
import { cappedProxy } from "./history-proxy.ts";
import { signedReportTransactions } from "./history-reports.ts";

const HOLDERS = Number(process.env.BENCH_HOLDERS ?? 10_000);
const INFLOWS = Number(process.env.BENCH_INFLOWS ?? 5_000);
/** Transactions per block while populating, and empty blocks mined between populated blocks. */
const PER_BLOCK = 200;
const GAP_BLOCKS = 2_500;
const PROXY_PORT = RPC_PORT + 1;
const FALLBACK_UI_PORT = UI_PORT + 1;
const REPORT = "reports/bench-history.json";
/** Blocks behind the head that Ponder's live sync treats as not yet final on a local chain. */
const FINALITY = 64n;

const children: ChildProcess[] = [];
function background(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = ".",
) {
  mkdirSync("reports", { recursive: true });
  const log = openSync(`reports/bench-history-${name}.log`, "w");
  const child = spawn(command, args, { stdio: ["ignore", log, log], cwd, env: { ...process.env, ...env } });
  children.push(child);
  return child;
}
function run(command: string, args: string[], env: Record<string, string> = {}, cwd = "."): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd, env: { ...process.env, ...env } });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")}: ${code}`)),
    );
  });
}
async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}
async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}
/** Sends `txs` as batched eth_sendTransaction (automine off), mining a block per PER_BLOCK and gaps between. */
async function populate(txs: readonly Record<string, string>[]): Promise<void> {
  await rpc("evm_setAutomine", [false]);
  for (let first = 0; first < txs.length; first += PER_BLOCK) {
    const batch = txs.slice(first, first + PER_BLOCK).map((tx, i) => ({
      jsonrpc: "2.0",
      id: i,
      method: "eth_sendTransaction",
      params: [tx],
    }));
    const response = await fetch(RPC_URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(batch),
    });
    const answers = (await response.json()) as { error?: { message: string } }[];
    const failed = answers.find((a) => a.error);
    if (failed?.error) throw new Error(`populating: ${failed.error.message}`);
    await rpc("evm_mine");
    await rpc("hardhat_mine", [`0x${GAP_BLOCKS.toString(16)}`]);
  }
  await rpc("evm_setAutomine", [true]);
}

async function main(): Promise<void> {
  const report: Record<string, unknown> = { holders: HOLDERS, inflows: INFLOWS };
  console.log(`▶ chain on ${RPC_URL}, demo Fund deployed and seeded`);
  await run("hardhat", ["build", "--no-tests", "--quiet"]);
  background("chain", "hardhat", DEMO_CHAIN_ARGS);
  await until("the chain", async () => (await rpc<string>("eth_chainId")) === "0x7a69", 60_000);
  rmSync("ignition/deployments/chain-31337", { recursive: true, force: true });
  await run("hardhat", ["run", "--no-compile", "scripts/demo.ts", "--network", "localhost"]);

  const { fund } = readFundDeployment(31337);
  const chain = createPublicClient({ transport: http(RPC_URL) });
  const accounts = await rpc<Address[]>("eth_accounts");
  // Shares must reach new holders: the seed leaves its "enable share transfers" proposal one approval
  // short; trustee 3 approves it and it is executed.
  const transfersOn = () =>
    chain.readContract({ address: fund.FundShares, abi: fundSharesAbi, functionName: "transfersEnabled" });
  if (!(await transfersOn())) {
    const proposed = await chain.getContractEvents({
      address: fund.TrusteeCouncil,
      abi: trusteeCouncilAbi,
      eventName: "ProposalCreated",
      args: { kind: ActionKindValue.SetTransfersEnabled },
      fromBlock: 0n,
      strict: true,
    });
    const transfersProposal = proposed[proposed.length - 1]?.args.proposalId;
    if (transfersProposal === undefined) throw new Error("the seed proposes no share transfers");
    for (const [from, functionName] of [
      [accounts[3], "approve"],
      [accounts[3], "execute"],
    ] as const) {
      await rpc("eth_sendTransaction", [
        {
          from,
          to: fund.TrusteeCouncil,
          data: encodeFunctionData({ abi: trusteeCouncilAbi, functionName, args: [transfersProposal] }),
        },
      ]);
    }
  }
  const transfers = await transfersOn();
  if (!transfers) throw new Error("share transfers are still disabled: the seed's proposal 7 changed");
  const balances = await Promise.all(
    accounts.map((a) =>
      chain.readContract({
        address: fund.FundShares,
        abi: fundSharesAbi,
        functionName: "balanceOf",
        args: [a],
      }),
    ),
  );
  const richest = balances.indexOf(balances.reduce((a, b) => (b > a ? b : a), 0n));
  const holder = accounts[richest];
  const companyAdmin = accounts[19];
  if (!holder || !companyAdmin) throw new Error("the bench needs 20 dev accounts");
  console.log(`▶ companies sign their Promises (${INFLOWS} payments to report)`);
  const reports = await signedReportTransactions(RPC_URL, fund, companyAdmin, INFLOWS);
  const txs: Record<string, string>[] = [];
  for (let i = 0; i < Math.max(HOLDERS, INFLOWS); i++) {
    if (i < HOLDERS) {
      const to = `0x${(0xbe0000000000n + BigInt(i)).toString(16).padStart(40, "0")}`;
      txs.push({
        from: holder,
        to: fund.FundShares,
        gas: "0x30000",
        data: encodeFunctionData({
          abi: fundSharesAbi,
          functionName: "transfer",
          args: [to as Address, 10n ** 12n],
        }),
      });
    }
    const report = reports[i];
    if (report) txs.push(report);
  }
  let since = Date.now();
  console.log(`▶ populating: ${HOLDERS} holders, ${INFLOWS} payments (${txs.length} transactions)`);
  await populate(txs);
  const lastHolder = `0x${(0xbe0000000000n + BigInt(HOLDERS - 1)).toString(16).padStart(40, "0")}` as Address;
  const lastBalance = await chain.readContract({
    address: fund.FundShares,
    abi: fundSharesAbi,
    functionName: "balanceOf",
    args: [lastHolder],
  });
  if (HOLDERS > 0 && lastBalance === 0n) throw new Error("the population's share transfers failed");
  const reported = await chain.getContractEvents({
    address: fund.ReturnsRegistry,
    abi: returnsRegistryAbi,
    eventName: "ReturnsReported",
    fromBlock: 0n,
  });
  report.payments = reported.length;
  if (reported.length < INFLOWS)
    throw new Error(`only ${reported.length} of ${INFLOWS} payments were reported`);
  const head = await chain.getBlockNumber();
  report.populateSeconds = (Date.now() - since) / 1000;
  report.blocks = Number(head);
  console.log(`  ${report.populateSeconds} s; the chain has ${head} blocks`);

  // 1. Backfill from an empty embedded database.
  console.log(`▶ indexer backfill (PGlite) on ${INDEXER_URL}`);
  rmSync("indexer/.ponder-bench", { recursive: true, force: true });
  since = Date.now();
  const indexer = background(
    "indexer",
    "ponder",
    ["start", "--schema", "fund", "--port", String(INDEXER_PORT)],
    {
      FEF_RPC_PORT: String(RPC_PORT),
      FEF_INDEXER_PGLITE_DIR: ".ponder-bench/pglite",
      PONDER_TELEMETRY_DISABLED: "true",
      // The embedded database here, whatever the shell says; PostgreSQL is measured in step 4.
      DATABASE_URL: "",
    },
    "indexer",
  );
  // Caught up: the backfill is done (/ready) and the indexed block is within Ponder's finality window
  // of the head. (Blocks made by hardhat_mine can look reorganised to Ponder's live sync, which then
  // stops following the head; the backfilled history is complete and served all the same.)
  await until(
    "the indexer at the head",
    async () =>
      (await indexerReady(INDEXER_URL)) && ((await indexedBlock(INDEXER_URL)) ?? 0n) + FINALITY >= head,
    3_600_000,
  );
  const backfillSeconds = (Date.now() - since) / 1000;
  const events = Number(
    (await indexerClient(INDEXER_URL).query<{ n: string }>("select count(*)::text as n from fund_event"))[0]
      ?.n ?? 0,
  );
  const pgliteBytes = directoryBytes("indexer/.ponder-bench/pglite");
  const memory = residentMemory(indexer.pid);
  report.indexer = {
    backfillSecondsIncludingStartup: backfillSeconds,
    events,
    eventsPerSecond: events / backfillSeconds,
    pglite: {
      bytes: pgliteBytes,
      bytesPerEvent: events > 0 ? pgliteBytes / events : null,
      // bytes per event × 10⁶ events ÷ 10⁶ bytes per MB
      megabytesPerMillionEvents: events > 0 ? pgliteBytes / events : null,
    },
    memory: memory
      ? {
          rssMegabytes: memory.rssBytes / 1e6,
          peakRssMegabytes: memory.peakRssBytes / 1e6,
        }
      : null,
  };
  console.log(
    `  ${events} events in ${backfillSeconds.toFixed(1)} s (start-up included): ${(events / backfillSeconds).toFixed(0)} events/s`,
  );
  console.log(
    `  PGlite: ${(pgliteBytes / 1e6).toFixed(1)} MB on disk (${events > 0 ? (pgliteBytes / events).toFixed(0) : "-"} bytes per event); indexer memory: ${memory ? `${(memory.rssBytes / 1e6).toFixed(0)} MB resident, ${(memory.peakRssBytes / 1e6).toFixed(0)} MB peak` : "not measurable here"}`,
  );

  // 2 and 3: two builds of the dashboard, with and without the indexer.
  await run("node", ["packages/sdk/scripts/generate.mjs"]);
  const proxy = await cappedProxy(RPC_URL, PROXY_PORT);
  const proxyUrl = `http://127.0.0.1:${PROXY_PORT}`;
  await run(
    "vite",
    ["build", "--outDir", "dist-bench-indexer", "--emptyOutDir"],
    { VITE_RPC_URL: RPC_URL, VITE_INDEXER_URL: INDEXER_URL },
    "frontend",
  );
  await run(
    "vite",
    ["build", "--outDir", "dist-bench-fallback", "--emptyOutDir"],
    { VITE_RPC_URL: proxyUrl, VITE_INDEXER_URL: "" },
    "frontend",
  );
  background(
    "ui-indexer",
    "vite",
    [
      "preview",
      "--outDir",
      "dist-bench-indexer",
      "--host",
      "127.0.0.1",
      "--port",
      String(UI_PORT),
      "--strictPort",
    ],
    {},
    "frontend",
  );
  background(
    "ui-fallback",
    "vite",
    [
      "preview",
      "--outDir",
      "dist-bench-fallback",
      "--host",
      "127.0.0.1",
      "--port",
      String(FALLBACK_UI_PORT),
      "--strictPort",
    ],
    {},
    "frontend",
  );
  const withIndexerUrl = `http://127.0.0.1:${UI_PORT}/`;
  const fallbackUrl = `http://127.0.0.1:${FALLBACK_UI_PORT}/`;
  await until(
    "the dashboards",
    async () => (await fetch(withIndexerUrl)).ok && (await fetch(fallbackUrl)).ok,
    60_000,
  );

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    // A first load warms the browser's code cache; the measured load is the second, in a fresh context.
    for (const warm of [true, false]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = { indexer: 0, rpc: 0, getLogs: 0 };
      page.on("request", (request) => {
        if (request.url().startsWith(INDEXER_URL)) requests.indexer += 1;
        if (request.url().startsWith(RPC_URL)) {
          requests.rpc += 1;
          if ((request.postData() ?? "").includes("eth_getLogs")) requests.getLogs += 1;
        }
      });
      const start = Date.now();
      await page.goto(withIndexerUrl);
      await page.locator("[data-testid^='returns-row-']").first().waitFor({ timeout: 120_000 });
      const snapshotAt = Date.now();
      await page.getByTestId("returns-charts").locator("svg").first().waitFor({ timeout: 120_000 });
      const chartAt = Date.now();
      if (!warm) {
        report.withIndexer = {
          secondsToChart: (chartAt - start) / 1000,
          secondsToChartAfterSnapshot: Math.max(0, chartAt - snapshotAt) / 1000,
          indexerRequests: requests.indexer,
          rpcRequests: requests.rpc,
          getLogsRequests: requests.getLogs,
          targets: { secondsAfterSnapshot: 1, indexerRequests: 3 },
        };
      }
      await context.close();
    }
    console.log("  with the indexer:", report.withIndexer);

    const context = await browser.newContext();
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(fallbackUrl);
    const coverage = page.getByTestId("history-coverage");
    let claimedCompleteEarly = false;
    let completeAt = 0;
    const deadline = Date.now() + 900_000;
    while (Date.now() < deadline) {
      const text = (await coverage.textContent().catch(() => "")) ?? "";
      const error = await page.getByTestId("history-error").count();
      if (text.includes("The whole history since deployment is loaded.")) {
        if (error > 0) claimedCompleteEarly = true;
        completeAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await page.getByTestId("returns-charts").locator("svg").first().waitFor({ timeout: 60_000 });
    report.fallback = {
      completed: completeAt > 0,
      secondsToWholeHistory: completeAt > 0 ? (completeAt - start) / 1000 : null,
      secondsToChart: (Date.now() - start) / 1000,
      proxy: proxy.counts,
      calledCompleteWhileShowingAnError: claimedCompleteEarly,
      caps: { maxBlocks: 2_000, maxResults: 10_000 },
    };
    console.log("  without an indexer (capped provider):", report.fallback);
    await context.close();
  } finally {
    await browser.close();
    proxy.server.close();
  }
  await stopProcess(indexer, "SIGTERM", 10_000);
  if (process.env.DATABASE_URL) {
    console.log("▶ indexer backfill (PostgreSQL)");
    report.postgres = await postgresBackfill({
      databaseUrl: process.env.DATABASE_URL,
      rpcPort: RPC_PORT,
      indexerPort: INDEXER_PORT + 1,
      head,
      finality: FINALITY,
      background: (env) =>
        background(
          "indexer-postgres",
          "ponder",
          ["start", "--schema", "bench", "--port", String(INDEXER_PORT + 1)],
          env,
          "indexer",
        ),
      until,
    });
    console.log("  PostgreSQL:", report.postgres);
  } else {
    console.log("▶ PostgreSQL: skipped (set DATABASE_URL to measure its disk use per event)");
  }
  mkdirSync("reports", { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${REPORT} written`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const child of children.reverse()) await stopProcess(child, "SIGTERM", 10_000);
    rmSync("frontend/dist-bench-indexer", { recursive: true, force: true });
    rmSync("frontend/dist-bench-fallback", { recursive: true, force: true });
  });
