// Questions the overview asks the indexer, each answered in one request whatever the history's length:
// the reported periods of the commitments shown (for their period strips), the mint provenance with
// the rows of the holders shown, and all of it with the returns by day in one request
// (`overviewHistory`, what the dashboard's overview sends).
import type { Address } from "viem";

import type { IndexerClient } from "./indexer.ts";
import {
  holderRow,
  mintProvenanceOf,
  placeholders,
  REPORTED_PERIOD_COLUMNS,
  reportedPeriod,
  returnsDay,
  type HolderHistory,
  type MintProvenance,
  type Num,
  type ReportedPeriod,
  type ReturnsDay,
  type Row,
} from "./rows.ts";

export type { ReportedPeriod } from "./rows.ts";

/** Most ids or addresses in one question (the query travels in the URL). */
export const MAX_ASKED = 100;

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
    `select ${REPORTED_PERIOD_COLUMNS.join(", ")} from payment
      where commitment_id in (${placeholders(1, ids.length, "::numeric")}) and period < ${Math.floor(periodsBelow)}`,
    ids,
  );
  return rows.map((r) => reportedPeriod(r));
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
           where address in (${placeholders(1, wanted.length)})`;
  const rows = await client.query<Record<string, Num>>(
    `select 'total' as row_kind, source as name, amount as a, 0::numeric as b, mints::numeric as c,
            accounts::numeric as d from mint_total${holderRows}`,
    wanted,
  );
  const of = (kind: string) => rows.filter((r) => r.row_kind === kind);
  return {
    totals: mintProvenanceOf(of("total"), ["name", "a", "c", "d"]),
    holders: of("holder").map((r) => holderRow(r, ["name", "a", "b", "c", "d"])),
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
       from holder where address in (${placeholders(2, wanted.length)})`);
  if (ids.length > 0)
    parts.push(`select 'period', lateness, commitment_id::numeric, period::numeric, timestamp::numeric, 0, 0, 0,
            disputed
       from payment where commitment_id in (${placeholders(2 + wanted.length, ids.length, "::numeric")})
        and period < ${Math.floor(periodsBelow)}`);
  const rows = await client.query<Row>(
    `${parts.join("\n union all ")}\n order by row_kind, n1, name`,
    params,
  );
  const of = (kind: string) => rows.filter((r) => r.row_kind === kind);
  return {
    days: of("day").map((r) => returnsDay(r, ["name", "n1", "n2", "n3", "n4", "n5", "n6"])),
    totals: mintProvenanceOf(of("total"), ["name", "n1", "n2", "n3"]),
    holders: of("holder").map((r) => holderRow(r, ["name", "n1", "n2", "n3", "n4"])),
    periods: of("period").map((r) => reportedPeriod(r, ["n1", "n2", "n3", "name", "flag"])),
  };
}
