// The history tables the dashboard's CSV downloads and the command line's `fund:history` share: the
// SDK builds them from the indexer's rows (here an indexer double answering by table).
import { expect } from "chai";

import {
  holdersTable,
  HOLDER_COLUMNS,
  PAYMENT_COLUMNS,
  paymentsTable,
  statementTable,
  TABLE_PAGE,
  tableCsv,
  type IndexerClient,
} from "@fef/sdk/history";

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";
const TX = `0x${"ab".repeat(32)}`;

/** An indexer double: answers each query from the rows of the first table named in its SQL. */
function indexer(
  tables: Record<string, (sql: string, params: readonly unknown[]) => object[]>,
): IndexerClient & {
  sql: string[];
} {
  const sql: string[] = [];
  return {
    url: "http://indexer.test",
    sql,
    requests: () => sql.length,
    query: async <Row>(text: string, params: readonly (string | number | boolean)[] = []) => {
      sql.push(text);
      const name = Object.keys(tables).find((t) => new RegExp(`from ${t}\\b`).test(text));
      if (!name) throw new Error(`unexpected query: ${text}`);
      return (tables[name]?.(text, params) ?? []) as Row[];
    },
  };
}

/** Commitment 1 of company 7, as the indexer stores it: 100-second periods from 0, a 10-second grace. */
function commitmentRow(end: string) {
  return {
    id: "1",
    company_id: "7",
    start: "0",
    end,
    period_length: "100",
    grace_period: "10",
    paused_seconds_at: "0",
  };
}

describe("SDK history tables (dashboard CSV and command line)", function () {
  it("lists holders with their provenance, reading page after page until a short one", async function () {
    const full = Array.from({ length: TABLE_PAGE }, (_, i) => ({
      address: `0x${(i + 1).toString(16).padStart(40, "0")}`,
      balance: "5",
      awarded: "5",
      subscribed: "0",
      claim_count: 0,
    }));
    const last = [
      { address: A, balance: "3", awarded: "1", subscribed: "2", claim_count: 4 },
      { address: B, balance: "1", awarded: "0", subscribed: "0", claim_count: 0 },
    ];
    const client = indexer({ holder: (sql) => (/offset 0\b/.test(sql) ? full : last) });
    const table = await holdersTable(client);
    expect(table.header).to.deep.equal(HOLDER_COLUMNS);
    expect(table.rows.length).to.equal(TABLE_PAGE + 2);
    expect(client.sql.length).to.equal(2);
    expect(table.rows[0]?.[4]).to.equal("award");
    expect(table.rows[TABLE_PAGE]).to.deep.equal([
      "0x00000000000000000000000000000000000000A1",
      3n,
      1n,
      2n,
      "award & subscription",
      4,
    ]);
    expect(table.rows[TABLE_PAGE + 1]?.[4]).to.equal("");
  });

  it("lists payments on time, late and overdue with ISO times and yes/no disputes, as CSV", async function () {
    const client = indexer({
      commitment: () => [commitmentRow("300")],
      payment: () => [
        {
          commitment_id: "1",
          company_id: "7",
          period: "0",
          asset: A,
          gross_returns: "1000",
          paid: "50",
          due_by: "110",
          lateness: "on_time",
          seconds_late: "0",
          disputed: false,
          timestamp: "105",
          transaction_hash: TX,
        },
        {
          commitment_id: "1",
          company_id: "7",
          period: "1",
          asset: A,
          gross_returns: "0",
          paid: "0",
          due_by: "210",
          lateness: "late",
          seconds_late: "5",
          disputed: true,
          timestamp: "215",
          transaction_hash: TX,
        },
      ],
      // The ledger paused 20 seconds since the commitment's mark: period 2 (due 310 + 20) is overdue at 400.
      pause_clock: () => [{ paused_at: "350", pause_ends: "370", paused_before: "0" }],
    });
    const table = await paymentsTable(client, 7n, 400n);
    expect(table.header).to.deep.equal(PAYMENT_COLUMNS);
    expect(table.rows.map((r) => [r[1], r[2], r[3], r[4], r[5], r[9]])).to.deep.equal([
      [0n, "on time", "1970-01-01T00:01:50Z", "1970-01-01T00:01:45Z", 0n, "no"],
      [1n, "late", "1970-01-01T00:03:30Z", "1970-01-01T00:03:35Z", 5n, "yes"],
      [2n, "overdue", "1970-01-01T00:05:30Z", "", 70n, "no"],
    ]);
    const csv = tableCsv(table).split("\r\n");
    expect(csv[0]).to.equal(PAYMENT_COLUMNS.join(","));
    expect(csv[3]).to.equal("1,2,overdue,1970-01-01T00:05:30Z,,70,,0,0,no,");
  });

  it("counts the pause as grace: the same period is not overdue while the extension covers it", async function () {
    const client = indexer({
      commitment: () => [commitmentRow("100")],
      payment: () => [],
      pause_clock: () => [{ paused_at: "105", pause_ends: "200", paused_before: "0" }],
    });
    // Plain due date 110; 40 s paused by 145, so it is due by 150.
    expect((await paymentsTable(client, 7n, 145n)).rows).to.deep.equal([]);
  });

  it("builds an investor's statement: subscriptions, then returns claimed", async function () {
    const client = indexer({
      subscription: () => [{ offering_id: "2", asset: B, shares: "10", cost: "25", shares_claimed: "10" }],
      holder_claim: () => [{ asset: A, claimed: "7" }],
    });
    const table = await statementTable(client, A);
    expect(table.rows).to.deep.equal([
      ["subscription", 2n, B, 10n, 25n, 10n],
      ["returns claimed", "", "0x00000000000000000000000000000000000000A1", "", 7n, ""],
    ]);
  });
});
