// The overview's one-request questions to the indexer (here a double that records each query): mint
// provenance with the holders shown, the reported periods of the commitments shown, and all of it with
// the returns by day in one request.
import { expect } from "chai";
import { getAddress, type Address } from "viem";

import {
  MAX_ASKED,
  overviewHistory,
  provenanceOf,
  reportedPeriods,
  type IndexerClient,
} from "@fef/sdk/history";

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";

/** An indexer double answering every query with `rows`, recording the SQL and its parameters. */
function indexer(rows: object[]): IndexerClient & { sent: { sql: string; params: readonly unknown[] }[] } {
  const sent: { sql: string; params: readonly unknown[] }[] = [];
  return {
    url: "http://indexer.test",
    sent,
    requests: () => sent.length,
    query: async <Row>(sql: string, params: readonly (string | number | boolean)[] = []) => {
      sent.push({ sql, params });
      return rows as Row[];
    },
  };
}

const address = (i: number) => `0x${i.toString(16).padStart(40, "0")}` as Address;

describe("SDK history: the overview's questions", function () {
  it("reads mint totals and the holders shown in one request", async function () {
    const client = indexer([
      { row_kind: "total", name: "award", a: "700", b: "0", c: "3", d: "2" },
      { row_kind: "total", name: "subscription", a: "300", b: "0", c: "1", d: "1" },
      { row_kind: "holder", name: A, a: "500", b: "400", c: "100", d: "4" },
    ]);
    const { totals, holders } = await provenanceOf(client, [A, B]);
    expect(client.requests()).to.equal(1);
    expect(totals).to.deep.equal({
      award: { amount: 700n, mints: 3, accounts: 2 },
      subscription: { amount: 300n, mints: 1, accounts: 1 },
    });
    expect(holders).to.deep.equal([
      { address: getAddress(A), balance: 500n, awarded: 400n, subscribed: 100n, claimCount: 4 },
    ]);
    // Addresses travel as parameters, lower-cased, never in the SQL text.
    expect(client.sent[0]?.params).to.deep.equal([A, B]);
    expect(client.sent[0]?.sql).to.not.include(A);
  });

  it("asks for the totals alone, with zeros when nothing was minted, when no holder is shown", async function () {
    const client = indexer([]);
    const { totals, holders } = await provenanceOf(client, []);
    expect(client.sent.map((s) => [s.sql.includes("from holder"), s.params.length])).to.deep.equal([
      [false, 0],
    ]);
    expect([totals.award.amount, totals.subscription.mints, holders.length]).to.deep.equal([0n, 0, 0]);
  });

  it("asks for at most 100 holders or commitments, whatever it is given", async function () {
    const client = indexer([]);
    const many = Array.from({ length: 250 }, (_, i) => address(i + 1));
    await provenanceOf(client, many);
    await reportedPeriods(
      client,
      many.map((_, i) => BigInt(i + 1)),
      36,
    );
    expect(client.sent.map((s) => s.params.length)).to.deep.equal([MAX_ASKED, MAX_ASKED]);
  });

  it("reads the reported periods of the commitments shown below the bound, late and disputed", async function () {
    const client = indexer([
      { commitment_id: "1", period: "0", timestamp: "105", lateness: "on_time", disputed: false },
      { commitment_id: "1", period: "1", timestamp: "215", lateness: "late", disputed: true },
    ]);
    const periods = await reportedPeriods(client, [1n, 2n], 36);
    expect(periods).to.deep.equal([
      { commitmentId: 1n, period: 0n, reportedAt: 105n, late: false, disputed: false },
      { commitmentId: 1n, period: 1n, reportedAt: 215n, late: true, disputed: true },
    ]);
    expect(client.sent[0]?.params).to.deep.equal(["1", "2"]);
    expect(client.sent[0]?.sql).to.match(/period < 36\b/);
  });

  it("refuses an answer without a column it asked for, rather than read it as zero", async function () {
    const client = indexer([{ commitment_id: "1", period: "0", timestamp: "105", lateness: "late" }]);
    let refused: unknown;
    try {
      await reportedPeriods(client, [1n], 36);
    } catch (error) {
      refused = error;
    }
    expect(String(refused)).to.include('no column "disputed"');
  });

  it("sends nothing for no commitment or no period", async function () {
    const client = indexer([
      { commitment_id: "1", period: "0", timestamp: "1", lateness: "late", disputed: false },
    ]);
    expect(await reportedPeriods(client, [], 36)).to.deep.equal([]);
    expect(await reportedPeriods(client, [1n], 0)).to.deep.equal([]);
    expect(client.requests()).to.equal(0);
  });

  it("reads returns by day, mint totals, the holders and the periods shown in one request", async function () {
    const client = indexer([
      { row_kind: "day", name: A, n1: "86400", n2: "10", n3: "8", n4: "2", n5: "10", n6: "8", flag: false },
      {
        row_kind: "holder",
        name: B,
        n1: "500",
        n2: "400",
        n3: "100",
        n4: "4",
        n5: "0",
        n6: "0",
        flag: false,
      },
      {
        row_kind: "period",
        name: "late",
        n1: "1",
        n2: "3",
        n3: "215",
        n4: "0",
        n5: "0",
        n6: "0",
        flag: true,
      },
      {
        row_kind: "total",
        name: "award",
        n1: "700",
        n2: "3",
        n3: "2",
        n4: "0",
        n5: "0",
        n6: "0",
        flag: false,
      },
    ]);
    const answer = await overviewHistory(client, {
      sinceDay: 86_400n,
      holders: [B],
      commitmentIds: [1n, 2n],
      periodsBelow: 36,
    });
    expect(client.requests()).to.equal(1);
    expect(answer).to.deep.equal({
      days: [
        {
          asset: getAddress(A),
          day: 86_400n,
          received: 10n,
          distributed: 8n,
          claimed: 2n,
          cumulativeReceived: 10n,
          cumulativeDistributed: 8n,
        },
      ],
      totals: {
        award: { amount: 700n, mints: 3, accounts: 2 },
        subscription: { amount: 0n, mints: 0, accounts: 0 },
      },
      holders: [{ address: getAddress(B), balance: 500n, awarded: 400n, subscribed: 100n, claimCount: 4 }],
      periods: [{ commitmentId: 1n, period: 3n, reportedAt: 215n, late: true, disputed: true }],
    });
    // The day, the addresses and the ids travel as parameters, never in the SQL text.
    expect(client.sent[0]?.params).to.deep.equal(["86400", B, "1", "2"]);
    expect(client.sent[0]?.sql).to.not.include(B);
    expect(client.sent[0]?.sql).to.match(/period < 36\b/);
  });

  it("asks only for the days and the totals when no holder or commitment is shown, or no period", async function () {
    const client = indexer([]);
    await overviewHistory(client, { periodsBelow: 36 });
    await overviewHistory(client, { holders: [], commitmentIds: [1n], periodsBelow: 0 });
    for (const sent of client.sent) {
      expect(sent.params).to.deep.equal(["0"]);
      expect(sent.sql).to.include("from returns_day").and.include("from mint_total");
      expect(sent.sql).to.not.include("from holder").and.not.include("from payment");
    }
    expect(client.requests()).to.equal(2);
  });

  it("asks the overview for at most 100 holders and 100 commitments", async function () {
    const client = indexer([]);
    const many = Array.from({ length: 250 }, (_, i) => address(i + 1));
    await overviewHistory(client, {
      holders: many,
      commitmentIds: many.map((_, i) => BigInt(i + 1)),
      periodsBelow: 36,
    });
    expect(client.sent[0]?.params.length).to.equal(1 + 2 * MAX_ASKED);
  });
});
