// Questions the overview asks the indexer, each answered in one request whatever the history's length:
// the reported periods of the commitments shown (for their period strips), the mint provenance with
// the rows of the holders shown, and all of it with the returns by day in one request
// (`overviewHistory`, what the dashboard's overview sends).
import { getAddress, type Address } from "viem";

import type { IndexerClient } from "./indexer.ts";
import type { HolderHistory, MintProvenance, ReturnsDay } from "./queries.ts";

type Num = string | number;
const big = (value: Num | null | undefined): bigint => BigInt(value ?? 0);

/** Most ids or addresses in one question (the query travels in the URL). */
export const MAX_ASKED = 100;

/** A reported period of a commitment: when it was reported, and whether it is disputed now. */
export type ReportedPeriod = {
  readonly commitmentId: bigint;
  readonly period: bigint;
  readonly reportedAt: bigint;
  readonly late: boolean;
  readonly disputed: boolean;
};

/**
 * The periods below `periodsBelow` reported for `commitmentIds` (the first 100), from the payment
 * table: at most ids × periodsBelow rows, in no particular order.
 */
export async function reportedPeriods(
  client: IndexerClient,
  commitmentIds: readonly bigint[],
  periodsBelow: number,
): Promise<ReportedPeriod[]> {
  const ids = commitmentIds.slice(0, MAX_ASKED).map((id) => id.toString());
  if (ids.length === 0 || periodsBelow <= 0) return [];
  const rows = await client.query<Record<string, Num | boolean>>(
    `select commitment_id, period, timestamp, lateness, disputed from payment
      where commitment_id in (${ids.map((_, i) => `$${i + 1}::numeric`).join(", ")})
        and period < ${Math.floor(periodsBelow)}`,
    ids,
  );
  return rows.map((r) => ({
    commitmentId: big(r.commitment_id as Num),
    period: big(r.period as Num),
    reportedAt: big(r.timestamp as Num),
    late: r.lateness === "late",
    disputed: r.disputed === true,
  }));
}

/**
 * The mint totals by provenance and the holder rows of `addresses` (the first 100; addresses the
 * indexer has never seen are absent), in one request.
 */
export async function provenanceOf(
  client: IndexerClient,
  addresses: readonly Address[],
): Promise<{ totals: MintProvenance; holders: HolderHistory[] }> {
  const wanted = addresses.slice(0, MAX_ASKED).map((a) => a.toLowerCase());
  const holderRows =
    wanted.length === 0
      ? ""
      : ` union all select 'holder', address, balance, awarded, subscribed, claim_count::numeric from holder
           where address in (${wanted.map((_, i) => `$${i + 1}`).join(", ")})`;
  const rows = await client.query<Record<string, Num>>(
    `select 'total' as row_kind, source as name, amount as a, 0::numeric as b, mints::numeric as c,
            accounts::numeric as d from mint_total${holderRows}`,
    wanted,
  );
  const total = (source: string) => {
    const row = rows.find((r) => r.row_kind === "total" && r.name === source);
    return { amount: big(row?.a), mints: Number(row?.c ?? 0), accounts: Number(row?.d ?? 0) };
  };
  return {
    totals: { award: total("award"), subscription: total("subscription") },
    holders: rows
      .filter((r) => r.row_kind === "holder")
      .map((r) => ({
        address: getAddress(String(r.name)),
        balance: big(r.a),
        awarded: big(r.b),
        subscribed: big(r.c),
        claimCount: Number(r.d),
      })),
  };
}

/** What the overview shows from the indexer, as `overviewHistory` answers it in one request. */
export type OverviewHistory = {
  /** Returns by day from `sinceDay` on, oldest first (as `returnsByDay`). */
  readonly days: ReturnsDay[];
  /** Mint totals by provenance and the rows of the holders asked (as `provenanceOf`). */
  readonly totals: MintProvenance;
  readonly holders: HolderHistory[];
  /** The reported periods of the commitments asked (as `reportedPeriods`). */
  readonly periods: ReportedPeriod[];
};

/**
 * The overview's questions to the indexer in one request (one SQL statement, a union of the returns by
 * day from `sinceDay`, the mint totals, the holder rows of `holders` and the reported periods below
 * `periodsBelow` of `commitmentIds`; the first 100 of each list): the answers of `returnsByDay`,
 * `provenanceOf` and `reportedPeriods`, whatever the history's length.
 */
export async function overviewHistory(
  client: IndexerClient,
  {
    sinceDay = 0n,
    holders = [],
    commitmentIds = [],
    periodsBelow,
  }: {
    readonly sinceDay?: bigint;
    readonly holders?: readonly Address[];
    readonly commitmentIds?: readonly bigint[];
    readonly periodsBelow: number;
  },
): Promise<OverviewHistory> {
  const wanted = holders.slice(0, MAX_ASKED).map((a) => a.toLowerCase());
  const ids = periodsBelow > 0 ? commitmentIds.slice(0, MAX_ASKED).map((id) => id.toString()) : [];
  const params = [sinceDay.toString(), ...wanted, ...ids];
  const list = (from: number, count: number, cast = "") =>
    Array.from({ length: count }, (_, i) => `$${from + i}${cast}`).join(", ");
  // Columns: kind, a text (asset, source, address or lateness), six numbers and a flag.
  const parts = [
    `select 'day' as row_kind, asset::text as name, day::numeric as n1, received::numeric as n2,
            distributed::numeric as n3, claimed::numeric as n4, cumulative_received::numeric as n5,
            cumulative_distributed::numeric as n6, false as flag
       from returns_day where day >= $1::numeric`,
    `select 'total', source, amount::numeric, mints::numeric, accounts::numeric, 0, 0, 0, false
       from mint_total`,
  ];
  if (wanted.length > 0)
    parts.push(`select 'holder', address::text, balance::numeric, awarded::numeric, subscribed::numeric,
            claim_count::numeric, 0, 0, false
       from holder where address in (${list(2, wanted.length)})`);
  if (ids.length > 0)
    parts.push(`select 'period', lateness, commitment_id::numeric, period::numeric, timestamp::numeric, 0, 0, 0,
            disputed
       from payment where commitment_id in (${list(2 + wanted.length, ids.length, "::numeric")})
        and period < ${Math.floor(periodsBelow)}`);
  const rows = await client.query<Record<string, Num | boolean | null>>(
    `${parts.join("\n union all ")}\n order by row_kind, n1, name`,
    params,
  );
  const of = (kind: string) => rows.filter((r) => r.row_kind === kind);
  const n = (r: Record<string, Num | boolean | null>, column: string) => big(r[column] as Num | null);
  const total = (source: string) => {
    const row = of("total").find((r) => r.name === source);
    return row
      ? { amount: n(row, "n1"), mints: Number(n(row, "n2")), accounts: Number(n(row, "n3")) }
      : { amount: 0n, mints: 0, accounts: 0 };
  };
  return {
    days: of("day").map((r) => ({
      asset: getAddress(String(r.name)),
      day: n(r, "n1"),
      received: n(r, "n2"),
      distributed: n(r, "n3"),
      claimed: n(r, "n4"),
      cumulativeReceived: n(r, "n5"),
      cumulativeDistributed: n(r, "n6"),
    })),
    totals: { award: total("award"), subscription: total("subscription") },
    holders: of("holder").map((r) => ({
      address: getAddress(String(r.name)),
      balance: n(r, "n1"),
      awarded: n(r, "n2"),
      subscribed: n(r, "n3"),
      claimCount: Number(n(r, "n4")),
    })),
    periods: of("period").map((r) => ({
      commitmentId: n(r, "n1"),
      period: n(r, "n2"),
      reportedAt: n(r, "n3"),
      late: r.name === "late",
      disputed: r.flag === true,
    })),
  };
}
