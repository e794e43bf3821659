// Test of the history indexer against a real PostgreSQL server (run by `npm test`): `npm start` with
// DATABASE_URL (the indexer then writes to PostgreSQL), the indexer's tables checked against the
// chain's own logs, then a reorg of the local chain (evm_snapshot, a donation, evm_revert, new blocks):
// the donation's rows must leave the tables and the SDK's event feed must notice. Prints
// "N passed, N failed".
//
// PostgreSQL: DATABASE_URL, else the machine's own cluster (Debian's `postgresql` package, as
// .ci/run installs it) with a role and database created for the test. Without either the test is
// skipped, except under CI (CI=true), where it fails.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";

import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  http,
  parseEther,
  zeroAddress,
  zeroHash,
  type Hex,
  type PublicClient,
} from "viem";

import { fundSharesAbi, returnsRegistryAbi } from "@fef/sdk/generated/abis";
import {
  companyPayments,
  indexedEvents,
  indexerCaughtUp,
  indexerClient,
  holdersByAddress,
  mintProvenance,
  overviewHistory,
  pauseClock,
  provenanceOf,
  reportedPeriods,
  returnsByDay,
  returnsLedger,
  trackRecords,
} from "@fef/sdk/history";
import { trackRecordsFromJson } from "@fef/sdk/trackRecordJson";
import { readFundDeployment } from "@fef/sdk/node/deploymentFile";

import { passProposal, type Wallet } from "./lib/council.ts";
import { INDEXER_URL, RPC_URL } from "./lib/ports.ts";
import { check, finishChecks } from "./lib/checks.ts";
import { startFund, stopProcess } from "./lib/processes.ts";

const LOCAL_URL = "postgresql://fef:fef@127.0.0.1:5432/fef_indexer";

function sh(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The machine's PostgreSQL cluster, started, with the test's role and database; undefined without one. */
function localPostgres(): string | undefined {
  if (!existsSync("/usr/bin/pg_ctlcluster") || process.getuid?.() !== 0) return undefined;
  const clusters = sh("pg_lsclusters", ["--no-header"]).trim().split("\n").filter(Boolean);
  const first = clusters[0]?.split(/\s+/);
  if (!first || first.length < 4) return undefined;
  const [version = "", name = "", , status = ""] = first;
  if (status !== "online") sh("pg_ctlcluster", [version, name, "start"]);
  const psql = (sql: string) => sh("su", ["postgres", "-c", `psql -tAc "${sql}"`]).trim();
  if (psql("select 1 from pg_roles where rolname = 'fef'") !== "1")
    psql("create role fef login password 'fef'");
  if (psql("select 1 from pg_database where datname = 'fef_indexer'") !== "1") {
    psql("create database fef_indexer owner fef");
  }
  return LOCAL_URL;
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 90_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`  (${what}: not within ${timeoutMs / 1000} s)`);
  return false;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? localPostgres();
  if (!databaseUrl) {
    if (process.env.CI)
      throw new Error("No PostgreSQL: set DATABASE_URL or install Debian's postgresql (.ci/run does)");
    console.log("skipped: no PostgreSQL here (set DATABASE_URL, or install Debian's postgresql)");
    return;
  }
  process.env.DATABASE_URL = databaseUrl;
  process.env.FEF_WAIT_FOR_INDEXER = "1";

  const fund = startFund(600_000);
  try {
    await fund.ready;
    check("npm start with DATABASE_URL brings the indexer up on PostgreSQL and it catches up", true);
    const log = sh("cat", ["reports/indexer.log"]);
    check(
      "the indexer uses PostgreSQL, not its embedded database",
      /database=postgres|type=postgres/.test(log),
    );

    const chain = createPublicClient({ transport: http(RPC_URL) });
    const { fund: addresses, deployment } = readFundDeployment(31337);
    const indexer = indexerClient(INDEXER_URL);
    const head = await chain.getBlockNumber();
    check(
      "the indexer has indexed every block up to the chain's head",
      await waitUntil("indexer at the head", () => indexerCaughtUp(INDEXER_URL, head)),
      `head ${head}`,
    );

    // The tables against the chain's own logs.
    const distributedLogs = await chain.getContractEvents({
      address: addresses.FundShares,
      abi: fundSharesAbi,
      eventName: "ReturnsDistributed",
      fromBlock: deployment.fromBlock,
      strict: true,
    });
    const reportedLogs = await chain.getContractEvents({
      address: addresses.ReturnsRegistry,
      abi: returnsRegistryAbi,
      eventName: "ReturnsReported",
      fromBlock: deployment.fromBlock,
      strict: true,
    });
    const ledger = await returnsLedger(indexer, { limit: 10_000 });
    const distributed = ledger.filter((e) => e.kind === "distributed");
    check(
      "every ReturnsDistributed log is in the returns ledger with its amount",
      distributed.length === distributedLogs.length &&
        distributed.reduce((s, e) => s + e.amount, 0n) ===
          distributedLogs.reduce((s, l) => s + l.args.amount, 0n),
      `${distributed.length} of ${distributedLogs.length}`,
    );
    const payments = await indexer.query<{ n: string }>("select count(*)::text as n from payment");
    check(
      "every ReturnsReported log is a payment",
      Number(payments[0]?.n) === reportedLogs.length,
      `${payments[0]?.n} payments, ${reportedLogs.length} logs`,
    );
    const provenance = await mintProvenance(indexer);
    check(
      "mints are recorded by provenance (award and subscription)",
      provenance.award.mints > 0 && provenance.subscription.mints > 0,
    );
    // The overview's one-request questions answer as the separate queries and the chain's logs do.
    const shown = (await indexer.query<{ address: string }>("select address from holder limit 5")).map(
      (r) => r.address as `0x${string}`,
    );
    const combined = await provenanceOf(indexer, [...shown, zeroAddress]);
    const separate = await holdersByAddress(indexer, shown);
    const byAddress = (rows: readonly { address: string }[]) =>
      JSON.stringify(
        [...rows].sort((a, b) => a.address.localeCompare(b.address)),
        (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
      );
    check(
      "provenanceOf gives mintProvenance's totals and holdersByAddress's rows in one request",
      JSON.stringify(combined.totals, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ===
        JSON.stringify(provenance, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) &&
        shown.length > 0 &&
        byAddress(combined.holders) === byAddress(separate),
      `${combined.holders.length} of ${shown.length} holders`,
    );
    const reportedIds = [...new Set(reportedLogs.map((l) => l.args.commitmentId))];
    const periods = await reportedPeriods(indexer, reportedIds, 36);
    const expected = reportedLogs.filter((l) => l.args.period < 36n);
    check(
      "reportedPeriods gives every reported period below the bound of the commitments asked, once",
      periods.length === expected.length &&
        expected.every((l) =>
          periods.some((p) => p.commitmentId === l.args.commitmentId && p.period === l.args.period),
        ),
      `${periods.length} periods, ${expected.length} logs`,
    );
    check(
      "reportedPeriods asked for no commitment sends nothing and gives nothing",
      (await reportedPeriods(indexer, [], 36)).length === 0,
    );
    // The overview's one request answers as the three questions asked apart.
    const json = (value: unknown) =>
      JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    const sent = indexer.requests();
    const overview = await overviewHistory(indexer, {
      holders: [...shown, zeroAddress],
      commitmentIds: reportedIds,
      periodsBelow: 36,
    });
    const byPeriod = (rows: readonly { commitmentId: bigint; period: bigint }[]) =>
      json([...rows].sort((a, b) => Number(a.commitmentId - b.commitmentId || a.period - b.period)));
    check(
      "overviewHistory gives returnsByDay, provenanceOf and reportedPeriods in one request",
      indexer.requests() === sent + 1 &&
        json(overview.days) === json(await returnsByDay(indexer)) &&
        overview.days.length > 0 &&
        json(overview.totals) === json(combined.totals) &&
        byAddress(overview.holders) === byAddress(combined.holders) &&
        byPeriod(overview.periods) === byPeriod(periods),
      `${overview.days.length} days, ${overview.holders.length} holders, ${overview.periods.length} periods`,
    );

    // A reorg: a donation on a branch that evm_revert abandons.
    const before = await indexer.query<{ donated: string }>(
      "select coalesce(sum(donated), 0)::text as donated from asset_total",
    );
    const snapshot = await chain.request({ method: "evm_snapshot" as never, params: [] as never });
    const [donor] = await createWalletClient({ transport: http(RPC_URL) }).getAddresses();
    if (!donor) throw new Error("the local chain has no unlocked account");
    const wallet = createWalletClient({ account: donor, transport: http(RPC_URL) });
    const hash = await wallet.sendTransaction({
      chain: null,
      to: addresses.ReturnsRegistry,
      value: parseEther("1"),
      data: encodeFunctionData({
        abi: returnsRegistryAbi,
        functionName: "donate",
        args: [zeroAddress, parseEther("1"), zeroHash],
      }),
    });
    await chain.waitForTransactionReceipt({ hash });
    const donationRow = async () =>
      (
        await indexer.query<{ n: string }>(
          "select count(*)::text as n from returns_entry where kind = 'donation' and lower(transaction_hash) = $1",
          [hash.toLowerCase()],
        )
      )[0]?.n === "1";
    check("the indexer records a new donation live", await waitUntil("donation indexed", donationRow));
    const { events } = await indexedEvents(indexer, { names: ["DonationReceived"] });
    const donation = events.find((e) => e.transactionHash.toLowerCase() === hash.toLowerCase());

    await chain.request({ method: "evm_revert" as never, params: [snapshot] as never });
    for (let i = 0; i < 3; i++) await chain.request({ method: "evm_mine" as never, params: [] as never });
    check(
      "after evm_revert the donation leaves the indexer's tables (the canonical chain has none)",
      await waitUntil("donation rolled back", async () => !(await donationRow())),
    );
    const after = await indexer.query<{ donated: string }>(
      "select coalesce(sum(donated), 0)::text as donated from asset_total",
    );
    check(
      "the donated total is back to its value before the abandoned branch",
      after[0]?.donated === before[0]?.donated,
      `${before[0]?.donated} → ${after[0]?.donated}`,
    );
    if (donation) {
      const feed = await indexedEvents(indexer, {
        names: ["DonationReceived"],
        after: { ...donation, transactionHash: donation.transactionHash as Hex },
      });
      check("the SDK's event feed sees its cursor gone, so a reader reloads", !feed.cursorKept);
    } else {
      check("the donation was in the event feed before the reorg", false);
    }

    await checkLatenessAfterPause(chain, indexer, addresses);
    // Trustee track records: the indexer's against `trustee:record`, which recomputes them from the
    // chain's event logs alone, at the same time (the head block's). Last, because each command takes
    // a while and nothing after it needs the indexer's connection kept warm.
    const trackHead = await chain.getBlockNumber();
    await waitUntil("indexer at the head after the reorg", () => indexerCaughtUp(INDEXER_URL, trackHead));
    const at = (await chain.getBlock()).timestamp;
    const indexed = await trackRecords(indexer, at);
    const statuses = new Set(indexed.outcomes.map((o) => o.status));
    check(
      "the indexer's track records hold the seeded round's outcomes (paid off and did not)",
      statuses.has("paidOff") && statuses.has("didNotPayOff") && indexed.council.outcomes >= 4,
      `${indexed.council.outcomes} resolved outcomes, council Brier ${indexed.council.brier}`,
    );
    for (const record of indexed.trustees) {
      const args = ["hardhat", "trustee:record", "--network", "localhost", "--trustee", record.trustee];
      const printed = sh("npx", [...args, "--at", String(at), "--json"]);
      const fromLogs = trackRecordsFromJson(printed.slice(printed.indexOf("{")));
      check(
        `trustee:record (event logs, no indexer) agrees with the indexer for ${record.trustee}`,
        isDeepStrictEqual(fromLogs.trustees, [record]) &&
          isDeepStrictEqual(fromLogs.council, indexed.council) &&
          isDeepStrictEqual(fromLogs.outcomes, indexed.outcomes),
        `Brier ${record.brier ?? "–"} over ${record.outcomes} outcomes`,
      );
    }
  } finally {
    await stopProcess(fund.child);
  }
}

/**
 * Pauses the ledger through the council for 20 days (the seed's trustees are dev accounts 1–5, M = 3),
 * then holds the indexer's overdue periods of every company to the registry's compliance view: both
 * must count the pause as grace.
 */
async function checkLatenessAfterPause(
  chain: ReturnType<typeof createPublicClient>,
  indexer: ReturnType<typeof indexerClient>,
  addresses: ReturnType<typeof readFundDeployment>["fund"],
): Promise<void> {
  const accounts = await createWalletClient({ transport: http(RPC_URL) }).getAddresses();
  const trustee = (index: number): Wallet => {
    const account = accounts[index];
    if (!account) throw new Error(`the local chain has no dev account #${index}`);
    return createWalletClient({ account, transport: http(RPC_URL) });
  };
  const [t1, t2, t3] = [trustee(1), trustee(2), trustee(3)];
  const passing = { proposer: t1, approvers: [t2, t3], executor: t1 };
  const council: PublicClient = createPublicClient({ transport: http(RPC_URL) });
  await passProposal(council, addresses, passing, "Pause", []);
  await chain.request({ method: "evm_increaseTime" as never, params: [20 * 86_400] as never });
  await chain.request({ method: "evm_mine" as never, params: [] as never });
  await passProposal(council, addresses, passing, "Unpause", []);
  const head = await chain.getBlock();
  const now = head.timestamp;
  // The reorg checks above abandoned a longer branch, so the indexer may already report a block
  // number at or past this head before it has indexed the new blocks: wait for the unpause itself.
  await waitUntil(
    "indexer at the head after the pause, with the unpause indexed",
    async () =>
      (await indexerCaughtUp(INDEXER_URL, head.number)) && (await pauseClock(indexer)).pauseEnds === now,
  );
  const count = await chain.readContract({
    address: addresses.ReturnsRegistry,
    abi: returnsRegistryAbi,
    functionName: "commitmentCount",
  });
  const mismatches: string[] = [];
  let extended = 0;
  for (let id = 1n; id <= count; id++) {
    const [terms, compliance] = await Promise.all([
      chain.readContract({
        address: addresses.ReturnsRegistry,
        abi: returnsRegistryAbi,
        functionName: "commitment",
        args: [id],
      }),
      chain.readContract({
        address: addresses.ReturnsRegistry,
        abi: returnsRegistryAbi,
        functionName: "compliance",
        args: [id],
      }),
    ]);
    if (terms.graceExtension > 0n) extended += 1;
    const records = await companyPayments(indexer, terms.companyId, now);
    const overdue = records.filter((r) => r.commitmentId === id && r.lateness === "overdue").length;
    if (BigInt(overdue) !== compliance.periodsOverdue) {
      mismatches.push(`#${id}: indexer ${overdue}, registry ${compliance.periodsOverdue}`);
    }
  }
  check("after a 20-day pause the registry extends some commitment's grace", extended > 0, `${extended}`);
  check(
    "after a pause, every commitment's overdue periods in the indexer match the registry's compliance view",
    count > 0n && mismatches.length === 0,
    mismatches.join("; ") || `${count} commitments`,
  );
}

main()
  .catch((error: unknown) =>
    check("indexer test ran to the end", false, error instanceof Error ? error.message : String(error)),
  )
  .finally(() => finishChecks());
