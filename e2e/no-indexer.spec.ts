// Without the history indexer, on a phone and a desktop: every request to it is refused (Playwright's
// interception of its URL), as when it is down. The overview then reads the Fund's history from the
// chain's logs itself, in bounded pages, and says so; its figures, returns chart and mint provenance
// match what the chain says, and once the indexer answers again it reads from it again. Every other
// view that reads the indexer says in plain words what it cannot show and shows the rest, read from
// the chain; no page shows a stack trace or raw failure text.
import { expect, test, type Page, type Request, type Route } from "@playwright/test";
import { type Address, formatUnits, getAddress, type Hex } from "viem";

import { readAsset } from "@fef/sdk/assets";
import { FIRST_PAGE_BLOCKS, trackRecordFactsFromLogs } from "@fef/sdk/history";
import { computeTrackRecords } from "@fef/sdk/trackRecord";

import { abis, client, fundAddress, fundContract, latestTimestamp } from "./support/chain.js";
import { openAs, openView, sharesText } from "./support/dashboard.js";
import { INDEXER_URL, RPC_URL } from "./support/env.js";
import { expectPlainWords } from "./support/plainWords.js";
import { atEachViewport, roleAccounts } from "./support/roles.js";

const indexerOrigin = new URL(INDEXER_URL).origin;

const toIndexer = (url: URL) => url.origin === indexerOrigin;

/** Refuses every request the page sends to the indexer; returns how many it refused so far, and the end of it. */
async function refuseIndexer(page: Page): Promise<{ refused: () => number; stop: () => Promise<void> }> {
  let refused = 0;
  const refuse = (route: Route) => {
    refused += 1;
    return route.abort("connectionrefused");
  };
  await page.route(toIndexer, refuse);
  return { refused: () => refused, stop: () => page.unroute(toIndexer, refuse) };
}

type BlockRange = { readonly from: bigint; readonly to: bigint };

/** The block ranges of the eth_getLogs the page sends to the chain (batched or not). */
function recordLogReads(page: Page): BlockRange[] {
  const ranges: BlockRange[] = [];
  page.on("request", (request: Request) => {
    if (!request.url().startsWith(RPC_URL) || request.method() !== "POST") return;
    const body = request.postDataJSON() as RpcCall | RpcCall[] | null;
    for (const call of Array.isArray(body) ? body : [body]) {
      const filter = call?.method === "eth_getLogs" ? call.params?.[0] : undefined;
      if (filter) ranges.push({ from: BigInt(filter.fromBlock), to: BigInt(filter.toBlock) });
    }
  });
  return ranges;
}
type RpcCall = { method?: string; params?: { fromBlock: Hex; toBlock: Hex }[] };

/** How the returns chart writes a value (its compact figures). */
/**
 * The account's activity shows one row labelled `label` per event the chain logged for it, and the
 * seed made at least one (so the check cannot pass on an empty history).
 */
async function expectActivityRows(page: Page, label: RegExp, logged: number): Promise<void> {
  expect(logged, `the seed's account has events shown as ${label}`).toBeGreaterThan(0);
  await expect(
    page
      .getByTestId("account-activity")
      .locator("tr")
      .filter({ has: page.locator("td", { hasText: label }) }),
  ).toHaveCount(logged, { timeout: 30_000 });
}

const compact = (v: number) => v.toLocaleString("en-GB", { notation: "compact", maximumFractionDigits: 2 });

/** The value of the overview's fact `term` (its `<dd>`). */
const fact = (page: Page, term: string) =>
  page
    .locator("dl > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd");

/** What the chain's logs say was distributed, per asset: how many distributions and their total. */
async function distributionsOnChain(): Promise<Map<Address, { count: number; total: bigint }>> {
  const logs = await client.getContractEvents({
    address: fundAddress("FundShares"),
    abi: abis.shares,
    eventName: "ReturnsDistributed",
    fromBlock: 0n,
    strict: true,
  });
  const byAsset = new Map<Address, { count: number; total: bigint }>();
  for (const { args } of logs) {
    const asset = getAddress(args.asset);
    const entry = byAsset.get(asset) ?? { count: 0, total: 0n };
    byAsset.set(asset, { count: entry.count + 1, total: entry.total + args.amount });
  }
  return byAsset;
}

/** Shares minted by award claims and by subscription claims, by the chain's logs. */
async function mintsOnChain(): Promise<{ award: bigint; subscription: bigint }> {
  const [awards, subscriptions] = await Promise.all([
    client.getContractEvents({
      address: fundAddress("GrantRounds"),
      abi: abis.rounds,
      eventName: "SharesClaimed",
      fromBlock: 0n,
      strict: true,
    }),
    client.getContractEvents({
      address: fundAddress("Offerings"),
      abi: abis.offerings,
      eventName: "SubscriptionSharesClaimed",
      fromBlock: 0n,
      strict: true,
    }),
  ]);
  return {
    award: awards.reduce((sum, log) => sum + log.args.amount, 0n),
    subscription: subscriptions.reduce((sum, log) => sum + log.args.shares, 0n),
  };
}

/** The view has settled: nothing still loading (no endless skeleton) and nothing raw on the page. */
async function expectSettledInPlainWords(page: Page, where: string): Promise<void> {
  await expect(page.locator("main [aria-busy='true']")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("error-screen")).toHaveCount(0);
  await expectPlainWords(page, where);
}

atEachViewport(() => {
  test("the overview reads its history from the chain's logs in bounded pages, says so, and matches the chain", async ({
    page,
  }) => {
    const { refused, stop } = await refuseIndexer(page);
    const logReads = recordLogReads(page);
    await openView(page, "overview");

    // Where the history comes from, in plain words.
    await expect(page.getByTestId("history-indexer-down")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("history-indexer-down")).toContainText(
      "The history indexer does not answer at the moment",
    );
    const coverage = page.getByTestId("history-coverage");
    await expect(coverage).toContainText("come from event logs read by this page");
    await expect(coverage).toContainText("The whole history since deployment is loaded.", {
      timeout: 60_000,
    });
    await expect(page.getByTestId("history-error")).toHaveCount(0);

    // The Fund's figures, as the chain says them.
    const shares = fundContract("FundShares");
    const [supply, holderCount] = await Promise.all([shares.read.totalSupply(), shares.read.holderCount()]);
    await expect(page.getByTestId("total-shares")).toHaveText(sharesText(supply));
    await expect(page.getByTestId("holder-count")).toHaveText(holderCount.toString());

    // The returns chart: one step per distribution in the chain's logs, ending at their total.
    const distributed = await distributionsOnChain();
    expect(distributed.size, "the seed distributes returns").toBeGreaterThan(0);
    const charts = page.getByTestId("returns-charts").locator("figure");
    await expect(charts).toHaveCount(distributed.size);
    for (const [asset, { count, total }] of distributed) {
      const { symbol, decimals } = await readAsset(client, asset);
      const chart = charts.filter({
        has: page.locator("svg > title", { hasText: new RegExp(`^${symbol} distributed$`) }),
      });
      const steps = chart.locator("circle.chart-point");
      await expect(steps).toHaveCount(count);
      await expect(steps.last().locator("title")).toHaveText(
        new RegExp(`: ${compact(Number(formatUnits(total, decimals))).replace(/\./g, "\\.")}$`),
      );
    }

    // Mint provenance, replayed from the same logs.
    const minted = await mintsOnChain();
    await expect(fact(page, "Shares minted to researchers")).toHaveText(sharesText(minted.award));
    await expect(fact(page, "Shares minted to investors")).toHaveText(sharesText(minted.subscription));

    // The cap table's export needs the indexer's tables: it says so instead of a button.
    await expect(page.getByTestId("export-holders-history-unavailable")).toContainText(
      "needs the history indexer, which does not answer at the moment",
    );
    await expect(page.getByTestId("export-holders-history")).toHaveCount(0);

    // The page asked the indexer (and was refused), then read logs, each read within the first page's bound.
    expect(refused()).toBeGreaterThan(0);
    expect(logReads.length).toBeGreaterThan(0);
    for (const { from, to } of logReads)
      expect(to - from + 1n).toBeLessThanOrEqual(BigInt(FIRST_PAGE_BLOCKS));
    await expectSettledInPlainWords(page, "overview");

    // The indexer answers again: the page, which keeps asking it, reads its history from it again.
    await stop();
    await expect(coverage).toContainText("from the history indexer", { timeout: 30_000 });
    await expect(page.getByTestId("history-indexer-down")).toHaveCount(0);
    await expect(coverage).toContainText("The whole history since deployment is loaded.", {
      timeout: 30_000,
    });
    await expect(page.getByTestId("returns-charts").locator("figure")).toHaveCount(distributed.size);
  });

  test("every view that reads the indexer says plainly what it cannot show and shows the rest from the chain", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const { refused } = await refuseIndexer(page);

    // Trustee: the proposals the snapshot holds, read from the chain; the older ones need the indexer.
    await openAs(page, "trustee", roleAccounts.trustee);
    const proposalCount = await fundContract("TrusteeCouncil").read.proposalCount();
    expect(proposalCount, "the seed makes proposals").toBeGreaterThan(0n);
    const shown = Number(proposalCount < 20n ? proposalCount : 20n);
    const queueTab = page.getByTestId("proposals-tab-queue");
    await expect(queueTab).toHaveText(/^Queue \(\d+\)$/);
    const queued = Number(/\d+/.exec(await queueTab.innerText())?.[0]);
    await expect(page.getByTestId("proposals-panel-queue").locator("li[data-state]")).toHaveCount(queued);
    await page.getByTestId("proposals-tab-history").click();
    const history = page.getByTestId("proposals-panel-history");
    await expect(history.getByTestId("proposals-history-unavailable")).toContainText(
      "Earlier proposals come from the history indexer, which does not answer at the moment",
    );
    // The snapshot's proposals (its newest 20) are all shown, in one tab or the other.
    await expect(history.getByTestId("proposals-history").locator("li[data-state]")).toHaveCount(
      shown - queued,
    );
    await expectSettledInPlainWords(page, "trustee");

    // Researcher: the activity comes from the chain's logs, and says why.
    const researcher = await openAs(page, "researcher", roleAccounts.researcher);
    await expect(page.getByTestId("activity-source")).toHaveText(
      "From the loaded event history (the history indexer does not answer at the moment).",
      { timeout: 30_000 },
    );
    const awards = await client.getContractEvents({
      address: fundAddress("GrantRounds"),
      abi: abis.rounds,
      eventName: "SharesClaimed",
      args: { researcher },
      fromBlock: 0n,
    });
    await expectActivityRows(page, /^claimed award shares$/, awards.length);
    await expectSettledInPlainWords(page, "researcher");

    // Company: its Promises and their reported periods from the chain; the payments export needs the indexer.
    const company = await openAs(page, "company", roleAccounts.company);
    const registered = await client.getContractEvents({
      address: fundAddress("ReturnsRegistry"),
      abi: abis.registry,
      eventName: "CommitmentRegistered",
      fromBlock: 0n,
    });
    const companyIds = [...new Set(registered.map((log) => log.args.companyId))];
    const signedFor: bigint[] = [];
    for (const id of companyIds) {
      if (id !== undefined && (await fundContract("ReturnsRegistry").read.isCompanySigner([id, company])))
        signedFor.push(id);
    }
    const ownCommitments = registered.filter(
      (log) => log.args.companyId !== undefined && signedFor.includes(log.args.companyId),
    ).length;
    expect(ownCommitments, "the seed registers the company's Promises").toBeGreaterThan(0);
    const commitments = page.locator("[data-testid^='my-commitment-']");
    await expect(commitments).toHaveCount(ownCommitments, { timeout: 30_000 });
    for (const card of await commitments.all()) {
      const id = BigInt((await card.getAttribute("data-testid"))?.replace("my-commitment-", "") ?? "0");
      const onChain = await fundContract("ReturnsRegistry").read.commitment([id]);
      const shown = Math.min(Number(onChain.reportedCount), 36);
      await expect(
        card
          .getByRole("list", { name: `Periods of commitment #${id}` })
          .locator("li[title$=': paid'], li[title$=': paid late'], li[title$=': disputed']"),
      ).toHaveCount(shown);
    }
    await expect(
      page.locator("[data-testid^='export-payments-'][data-testid$='-unavailable']").first(),
    ).toHaveText(/needs the history indexer, which does not answer at the moment/);
    await expect(page.getByTestId("activity-source")).toContainText("the history indexer does not answer");
    await expectSettledInPlainWords(page, "company");

    // Investor: the statement export needs the indexer; the activity comes from the chain's logs.
    const investor = await openAs(page, "investor", roleAccounts.investor);
    await expect(page.getByTestId("export-statement-unavailable")).toContainText(
      "needs the history indexer, which does not answer at the moment",
    );
    const subscriptions = await client.getContractEvents({
      address: fundAddress("Offerings"),
      abi: abis.offerings,
      eventName: "Subscribed",
      args: { investor },
      fromBlock: 0n,
    });
    await expectActivityRows(page, /^subscribed$/, subscriptions.length);
    await expectSettledInPlainWords(page, "investor");

    // Trustees: the track records are computed here from the chain's logs, and the page says why.
    await openView(page, "trustees");
    await expect(page.getByTestId("track-source")).toContainText(
      "here from the chain's event logs, because the history indexer does not answer",
      { timeout: 60_000 },
    );
    const facts = await trackRecordFactsFromLogs(
      client,
      {
        grantRounds: fundAddress("GrantRounds"),
        returnsRegistry: fundAddress("ReturnsRegistry"),
        council: fundAddress("TrusteeCouncil"),
      },
      0n,
      await client.getBlockNumber(),
    );
    const councilOutcomes = computeTrackRecords(facts, await latestTimestamp()).council.outcomes;
    await expect(page.getByTestId("council-record-score")).toContainText(
      `based on ${councilOutcomes} outcomes`,
    );
    await expectSettledInPlainWords(page, "trustees");

    expect(refused()).toBeGreaterThan(0);
  });
});

test("an indexer that accepts requests but never answers counts as not answering: the overview reads the logs", async ({
  page,
}) => {
  // Every request to the indexer is held without an answer, as by a hung process; the page's own
  // timeouts (INDEXER_QUERY_TIMEOUT_MS for the query, then INDEXER_ANSWER_TIMEOUT_MS for /status) are
  // all that end it.
  let held = 0;
  await page.route(toIndexer, () => {
    held += 1;
  });
  await openView(page, "overview");
  await expect(page.getByTestId("history-indexer-down")).toContainText(
    "The history indexer does not answer at the moment",
    { timeout: 45_000 },
  );
  const coverage = page.getByTestId("history-coverage");
  await expect(coverage).toContainText("come from event logs read by this page");
  await expect(coverage).toContainText("The whole history since deployment is loaded.", { timeout: 60_000 });
  const shares = fundContract("FundShares");
  await expect(page.getByTestId("holder-count")).toHaveText((await shares.read.holderCount()).toString());
  expect(held).toBeGreaterThan(0);
});
