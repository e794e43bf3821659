// Questions the overview asks the indexer, each answered in one request whatever the history's length:
// the reported periods of the commitments shown (for their period strips) and the mint provenance
// with the rows of the holders shown.
import { getAddress, type Address } from "viem";

import type { IndexerClient } from "./indexer.ts";
import type { HolderHistory, MintProvenance } from "./queries.ts";

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
