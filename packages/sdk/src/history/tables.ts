// The history exports as tables (header and rows), one definition for every client: the dashboard's
// CSV downloads and the command line's `fund:history` (table, CSV or JSON) show the same columns with
// the same formatting. Times are ISO 8601 UTC, amounts in the asset's (or share's) smallest unit.
import type { Address } from "viem";

import { toCsv } from "../csv.ts";
import type { IndexerClient } from "./indexer.ts";
import {
  companyPayments,
  holders,
  investorStatement,
  type HolderHistory,
  type InvestorStatement,
  type PaymentRecord,
} from "./queries.ts";

export type Cell = string | number | bigint | boolean;
export type HistoryTable = {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
};

/** Rows per indexer request when a table is read whole. */
export const TABLE_PAGE = 5_000;

/** `2026-11-30T15:50:00Z`: the time of a block (seconds since 1970), in UTC. */
export function isoTime(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}

export const HOLDER_COLUMNS = ["holder", "balance", "awarded", "subscribed", "provenance", "returns_claims"];

/** Holder rows: where each holder's shares came from (award, subscription, both, or transfers only). */
export function holderRows(list: readonly HolderHistory[]): Cell[][] {
  return list.map((h) => {
    const provenance = [h.awarded > 0n ? "award" : "", h.subscribed > 0n ? "subscription" : ""]
      .filter(Boolean)
      .join(" & ");
    return [h.address, h.balance, h.awarded, h.subscribed, provenance, h.claimCount];
  });
}

export const PAYMENT_COLUMNS = [
  "commitment",
  "period",
  "lateness",
  "due_by",
  "paid_at",
  "seconds_late",
  "asset",
  "gross",
  "paid",
  "disputed",
  "tx",
];

/** Payment rows: each period paid on time, paid late or overdue, with its due date (grace extension included). */
export function paymentRows(records: readonly PaymentRecord[]): Cell[][] {
  return records.map((r) => [
    r.commitmentId,
    r.period,
    r.lateness.replace("_", " "),
    isoTime(r.dueBy),
    r.paidAt === null ? "" : isoTime(r.paidAt),
    r.secondsLate,
    r.asset ?? "",
    r.grossReturns,
    r.paid,
    r.disputed ? "yes" : "no",
    r.transactionHash ?? "",
  ]);
}

export const STATEMENT_COLUMNS = [
  "entry",
  "offering",
  "asset",
  "shares",
  "cost_or_claimed",
  "shares_claimed",
];

/** Statement rows: subscriptions per offering, then returns claimed per asset. */
export function statementRows(s: InvestorStatement): Cell[][] {
  return [
    ...s.subscriptions.map((x) => [
      "subscription",
      x.offeringId,
      x.asset ?? "",
      x.shares,
      x.cost,
      x.sharesClaimed,
    ]),
    ...s.claims.map((c) => ["returns claimed", "", c.asset, "", c.claimed, ""]),
  ];
}

/** Every holder, largest balance first (read in pages of `TABLE_PAGE`). */
export async function holdersTable(client: IndexerClient): Promise<HistoryTable> {
  const rows: Cell[][] = [];
  for (let offset = 0; ; offset += TABLE_PAGE) {
    const page = await holders(client, { offset, limit: TABLE_PAGE });
    rows.push(...holderRows(page));
    if (page.length < TABLE_PAGE) break;
  }
  return { header: HOLDER_COLUMNS, rows };
}

/** Every period of a company's commitments as of `now` (seconds): paid on time, paid late or overdue. */
export async function paymentsTable(
  client: IndexerClient,
  companyId: bigint,
  now: bigint,
): Promise<HistoryTable> {
  return { header: PAYMENT_COLUMNS, rows: paymentRows(await companyPayments(client, companyId, now)) };
}

/** An investor's statement. */
export async function statementTable(client: IndexerClient, investor: Address): Promise<HistoryTable> {
  return { header: STATEMENT_COLUMNS, rows: statementRows(await investorStatement(client, investor)) };
}

/** The table as RFC 4180 CSV. */
export function tableCsv(table: HistoryTable): string {
  return toCsv(table.header, table.rows);
}
