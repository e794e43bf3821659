// The rows the indexer's SQL answers, decoded once per kind. The single questions (queries.ts) read a
// table's own columns; the overview's one-request unions (overview.ts) give every kind the same
// generic columns, and name them when they decode. Either way the decoding of a kind lives here.
import { getAddress, type Address } from "viem";

/** A number as the SQL-over-HTTP answer gives it (numeric columns come as strings). */
export type Num = string | number;
/** One row of an answer. */
export type Row = Readonly<Record<string, Num | boolean | null>>;

/** The names of `N` columns, in the order a decoder reads them. */
export type Columns<N extends number, T extends string[] = []> = T["length"] extends N
  ? Readonly<T>
  : Columns<N, [...T, string]>;

/** An integer column; a missing value (no row, or a null) counts as zero. */
export const big = (value: Num | boolean | null | undefined): bigint => BigInt(value ?? 0);

/** The value of column `name` in `r`: a row without that column is a misspelled question, not a zero. */
function column(r: Row, name: string): Num | boolean | null {
  if (!(name in r)) throw new Error(`The indexer's answer has no column "${name}"`);
  return r[name] ?? null;
}

/** Positional SQL parameters `$from, $from+1, …` (`count` of them, each with `cast`), for an `in (…)` list. */
export function placeholders(from: number, count: number, cast = ""): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}${cast}`).join(", ");
}

/** One asset's returns on one UTC day, with running totals at the end of the day. */
export type ReturnsDay = {
  readonly asset: Address;
  readonly day: bigint;
  readonly received: bigint;
  readonly distributed: bigint;
  readonly claimed: bigint;
  readonly cumulativeReceived: bigint;
  readonly cumulativeDistributed: bigint;
};

/** The columns of a returns day in the order `returnsDay` reads them (the `returns_day` table's). */
export const DAY_COLUMNS = [
  "asset",
  "day",
  "received",
  "distributed",
  "claimed",
  "cumulative_received",
  "cumulative_distributed",
] as const;

export function returnsDay(
  r: Row,
  [
    asset,
    day,
    received,
    distributed,
    claimed,
    cumulativeReceived,
    cumulativeDistributed,
  ]: Columns<7> = DAY_COLUMNS,
): ReturnsDay {
  return {
    asset: getAddress(String(column(r, asset))),
    day: big(column(r, day)),
    received: big(column(r, received)),
    distributed: big(column(r, distributed)),
    claimed: big(column(r, claimed)),
    cumulativeReceived: big(column(r, cumulativeReceived)),
    cumulativeDistributed: big(column(r, cumulativeDistributed)),
  };
}

export type HolderHistory = {
  readonly address: Address;
  readonly balance: bigint;
  readonly awarded: bigint;
  readonly subscribed: bigint;
  readonly claimCount: number;
};

/** The columns of a holder in the order `holderRow` reads them (the `holder` table's). */
export const HOLDER_COLUMNS = ["address", "balance", "awarded", "subscribed", "claim_count"] as const;

export function holderRow(
  r: Row,
  [address, balance, awarded, subscribed, claimCount]: Columns<5> = HOLDER_COLUMNS,
): HolderHistory {
  return {
    address: getAddress(String(column(r, address))),
    balance: big(column(r, balance)),
    awarded: big(column(r, awarded)),
    subscribed: big(column(r, subscribed)),
    claimCount: Number(big(column(r, claimCount))),
  };
}

export type MintTotal = { readonly amount: bigint; readonly mints: number; readonly accounts: number };
export type MintProvenance = { readonly award: MintTotal; readonly subscription: MintTotal };

/** The columns of a mint total in the order `mintProvenance` reads them (the `mint_total` table's). */
export const MINT_TOTAL_COLUMNS = ["source", "amount", "mints", "accounts"] as const;

/** The award and subscription totals among `rows` (zeros for a source without a row: nothing minted). */
export function mintProvenanceOf(
  rows: readonly Row[],
  [source, amount, mints, accounts]: Columns<4> = MINT_TOTAL_COLUMNS,
): MintProvenance {
  const total = (name: string): MintTotal => {
    const row = rows.find((r) => column(r, source) === name);
    if (row === undefined) return { amount: 0n, mints: 0, accounts: 0 };
    return {
      amount: big(column(row, amount)),
      mints: Number(big(column(row, mints))),
      accounts: Number(big(column(row, accounts))),
    };
  };
  return { award: total("award"), subscription: total("subscription") };
}

/** A reported period of a commitment: when it was reported, and whether it is disputed now. */
export type ReportedPeriod = {
  readonly commitmentId: bigint;
  readonly period: bigint;
  readonly reportedAt: bigint;
  readonly late: boolean;
  readonly disputed: boolean;
};

/** The columns of a reported period in the order `reportedPeriod` reads them (the `payment` table's). */
export const REPORTED_PERIOD_COLUMNS = [
  "commitment_id",
  "period",
  "timestamp",
  "lateness",
  "disputed",
] as const;

export function reportedPeriod(
  r: Row,
  [commitmentId, period, reportedAt, lateness, disputed]: Columns<5> = REPORTED_PERIOD_COLUMNS,
): ReportedPeriod {
  return {
    commitmentId: big(column(r, commitmentId)),
    period: big(column(r, period)),
    reportedAt: big(column(r, reportedAt)),
    late: column(r, lateness) === "late",
    disputed: column(r, disputed) === true,
  };
}
