// Typed questions to the history indexer (its tables: indexer/ponder.schema.ts). Each is one SQL-over-HTTP
// request; integers come back as bigint, addresses as checksummed strings. Lists page by a cursor or an
// offset, never load a table whole.
import { getAddress, type Address, type Hex } from "viem";

import type { IndexerClient } from "./indexer.ts";
import { graceExtensionAt, NEVER_PAUSED, paymentDueBy, periodEndsAt, type PauseClock } from "./lateness.ts";
import {
  big,
  DAY_COLUMNS,
  HOLDER_COLUMNS,
  holderRow,
  MINT_TOTAL_COLUMNS,
  mintProvenanceOf,
  placeholders,
  returnsDay,
  type HolderHistory,
  type MintProvenance,
  type Num,
  type ReturnsDay,
} from "./rows.ts";

export type { HolderHistory, MintProvenance, ReturnsDay } from "./rows.ts";
const bigOrNull = (value: Num | null | undefined): bigint | null =>
  value === null || value === undefined ? null : BigInt(value);

/** A position on the chain: rows after it are newer. */
export type Cursor = { readonly blockNumber: bigint; readonly logIndex: number };

/** The block, log index, time and transaction of the event a row records. */
function loggedAt(r: Record<string, Num | null>): Cursor & { timestamp: bigint; transactionHash: Hex } {
  return {
    blockNumber: big(r.block_number),
    logIndex: Number(r.log_index),
    timestamp: big(r.timestamp),
    transactionHash: String(r.transaction_hash) as Hex,
  };
}

/** Returns received and distributed per asset over time (one row per asset and active day), oldest first. */
export async function returnsByDay(client: IndexerClient, sinceDay = 0n): Promise<ReturnsDay[]> {
  const rows = await client.query<Record<string, Num>>(
    `select ${DAY_COLUMNS.join(", ")} from returns_day where day >= $1 order by day, asset`,
    [sinceDay.toString()],
  );
  return rows.map((r) => returnsDay(r));
}

export type ReturnsLedgerKind = "received" | "donation" | "held" | "distributed" | "claimed" | "reported";

/** One line of the returns ledger. */
export type ReturnsLedgerEntry = Cursor & {
  readonly kind: ReturnsLedgerKind;
  readonly asset: Address;
  readonly account: Address | null;
  readonly amount: bigint;
  /** distributed: the share supply; reported: the gross returns */
  readonly supplyOrGross: bigint | null;
  readonly commitmentId: bigint | null;
  readonly period: bigint | null;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
};

function cursorClause(after: Cursor | undefined, firstParam: number): { sql: string; params: string[] } {
  if (!after) return { sql: "true", params: [] };
  return {
    sql: `(block_number, log_index) > ($${firstParam}::numeric, $${firstParam + 1}::integer)`,
    params: [after.blockNumber.toString(), String(after.logIndex)],
  };
}

/** The returns ledger, oldest first, `limit` entries after `after`. */
export async function returnsLedger(
  client: IndexerClient,
  { after, limit = 1_000 }: { after?: Cursor; limit?: number } = {},
): Promise<ReturnsLedgerEntry[]> {
  const where = cursorClause(after, 1);
  const rows = await client.query<Record<string, Num | null>>(
    `select kind, asset, account, amount, supply_or_gross, commitment_id, period, block_number, log_index,
            timestamp, transaction_hash
       from returns_entry where ${where.sql} order by block_number, log_index limit ${Math.floor(limit)}`,
    where.params,
  );
  return rows.map((r) => ({
    kind: String(r.kind) as ReturnsLedgerKind,
    asset: getAddress(String(r.asset)),
    account: r.account ? getAddress(String(r.account)) : null,
    amount: big(r.amount),
    supplyOrGross: bigOrNull(r.supply_or_gross),
    commitmentId: bigOrNull(r.commitment_id),
    period: bigOrNull(r.period),
    ...loggedAt(r),
  }));
}

/** Shares minted by provenance. */
export async function mintProvenance(client: IndexerClient): Promise<MintProvenance> {
  const rows = await client.query<Record<string, Num>>(
    `select ${MINT_TOTAL_COLUMNS.join(", ")} from mint_total`,
  );
  return mintProvenanceOf(rows);
}

/** Share holders by balance (largest first), `limit` from `offset`. */
export async function holders(
  client: IndexerClient,
  { offset = 0, limit = 1_000 }: { offset?: number; limit?: number } = {},
): Promise<HolderHistory[]> {
  const rows = await client.query<Record<string, Num>>(
    `select ${HOLDER_COLUMNS.join(", ")} from holder
      where balance > 0 or awarded > 0 or subscribed > 0
      order by balance desc, address limit ${Math.floor(limit)} offset ${Math.floor(offset)}`,
  );
  return rows.map((r) => holderRow(r));
}

/**
 * The holder rows of `addresses` (the first 100: the query travels in the URL), in no particular order;
 * addresses the indexer has never seen are absent.
 */
export async function holdersByAddress(
  client: IndexerClient,
  addresses: readonly Address[],
): Promise<HolderHistory[]> {
  const wanted = addresses.slice(0, 100).map((a) => a.toLowerCase());
  if (wanted.length === 0) return [];
  const rows = await client.query<Record<string, Num>>(
    `select ${HOLDER_COLUMNS.join(", ")} from holder where address in (${placeholders(1, wanted.length)})`,
    wanted,
  );
  return rows.map((r) => holderRow(r));
}

export type Lateness = "on_time" | "late" | "overdue";

/** A period of a commitment: paid (on time or late) or overdue (past its due date, unreported). */
export type PaymentRecord = {
  readonly commitmentId: bigint;
  readonly companyId: bigint;
  readonly period: bigint;
  readonly lateness: Lateness;
  readonly dueBy: bigint;
  readonly asset: Address | null;
  readonly grossReturns: bigint;
  readonly paid: bigint;
  readonly paidAt: bigint | null;
  readonly secondsLate: bigint;
  readonly disputed: boolean;
  /** The hash of the evidence the report gave (null for an overdue period). */
  readonly evidenceHash: Hex | null;
  readonly transactionHash: Hex | null;
};

type CommitmentTerms = {
  readonly id: bigint;
  readonly companyId: bigint;
  readonly start: bigint;
  readonly end: bigint;
  readonly periodLength: bigint;
  readonly gracePeriod: bigint;
};

/**
 * The periods of `terms` past their due date at `now` and not among `reported`, as overdue records:
 * due by the period's end plus the grace period plus `graceExtension` (the seconds the ledger spent
 * paused since the commitment's mark, see `graceExtensionAt`), overdue strictly after that — the
 * registry's `compliance` rule. Bounded by the commitment's own period count (fixed at registration).
 */
export function overduePeriods(
  terms: CommitmentTerms,
  reported: ReadonlySet<bigint>,
  now: bigint,
  graceExtension = 0n,
): PaymentRecord[] {
  const overdue: PaymentRecord[] = [];
  if (terms.periodLength <= 0n) return overdue;
  const periods = (terms.end - terms.start) / terms.periodLength;
  for (let period = 0n; period < periods; period++) {
    const dueBy = paymentDueBy(
      periodEndsAt(terms.start, terms.periodLength, period),
      terms.gracePeriod,
      graceExtension,
    );
    if (dueBy >= now) break;
    if (reported.has(period)) continue;
    overdue.push({
      commitmentId: terms.id,
      companyId: terms.companyId,
      period,
      lateness: "overdue",
      dueBy,
      asset: null,
      grossReturns: 0n,
      paid: 0n,
      paidAt: null,
      secondsLate: now - dueBy,
      disputed: false,
      evidenceHash: null,
      transactionHash: null,
    });
  }
  return overdue;
}

/** The share ledger's pause clock as indexed (never paused when the indexer has no row). */
export async function pauseClock(client: IndexerClient): Promise<PauseClock> {
  const rows = await client.query<Record<string, Num>>(
    `select paused_at, pause_ends, paused_before from pause_clock where id = 'ledger'`,
  );
  const row = rows[0];
  if (!row) return NEVER_PAUSED;
  return {
    pausedAt: big(row.paused_at),
    pauseEnds: big(row.pause_ends),
    pausedBefore: big(row.paused_before),
  };
}

/**
 * Every period of a company's commitments: payments (on time, late) and overdue periods as of `now`,
 * both by the registry's rule (grace extended by the ledger's paused time).
 */
export async function companyPayments(
  client: IndexerClient,
  companyId: bigint,
  now: bigint,
): Promise<PaymentRecord[]> {
  const [terms, paid, clock] = await Promise.all([
    client.query<Record<string, Num>>(
      `select id, company_id, start, "end", period_length, grace_period, paused_seconds_at
         from commitment where company_id = $1 order by id`,
      [companyId.toString()],
    ),
    client.query<Record<string, Num | boolean>>(
      `select commitment_id, company_id, period, asset, gross_returns, paid, due_by, lateness, seconds_late, disputed,
              evidence_hash, timestamp, transaction_hash
         from payment where company_id = $1 order by commitment_id, period`,
      [companyId.toString()],
    ),
    pauseClock(client),
  ]);
  const records: PaymentRecord[] = paid.map((r) => ({
    commitmentId: big(r.commitment_id as Num),
    companyId: big(r.company_id as Num),
    period: big(r.period as Num),
    lateness: String(r.lateness) as Lateness,
    dueBy: big(r.due_by as Num),
    asset: getAddress(String(r.asset)),
    grossReturns: big(r.gross_returns as Num),
    paid: big(r.paid as Num),
    paidAt: big(r.timestamp as Num),
    secondsLate: big(r.seconds_late as Num),
    disputed: r.disputed === true,
    evidenceHash: String(r.evidence_hash) as Hex,
    transactionHash: String(r.transaction_hash) as Hex,
  }));
  for (const t of terms) {
    const id = big(t.id);
    const reported = new Set(records.filter((r) => r.commitmentId === id).map((r) => r.period));
    records.push(
      ...overduePeriods(
        {
          id,
          companyId: big(t.company_id),
          start: big(t.start),
          end: big(t.end),
          periodLength: big(t.period_length),
          gracePeriod: big(t.grace_period),
        },
        reported,
        now,
        graceExtensionAt(clock, big(t.paused_seconds_at), now),
      ),
    );
  }
  return records.sort((a, b) =>
    a.commitmentId === b.commitmentId
      ? Number(a.period - b.period)
      : a.commitmentId < b.commitmentId
        ? -1
        : 1,
  );
}

/** One thing an account did (subscribed, claimed returns, approved a proposal …), with its place on the chain. */
export type ActivityEntry = Cursor & {
  readonly kind: string;
  readonly asset: Address | null;
  readonly amount: bigint | null;
  readonly refId: bigint | null;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
};

/** An account's activity, newest first, `limit` entries before `before`. */
export async function accountActivity(
  client: IndexerClient,
  account: Address,
  { before, limit = 200 }: { before?: Cursor; limit?: number } = {},
): Promise<ActivityEntry[]> {
  const params: string[] = [account.toLowerCase()];
  let where = "account = $1";
  if (before) {
    where += " and (block_number, log_index) < ($2::numeric, $3::integer)";
    params.push(before.blockNumber.toString(), String(before.logIndex));
  }
  const rows = await client.query<Record<string, Num | null>>(
    `select kind, asset, amount, ref_id, block_number, log_index, timestamp, transaction_hash from activity
      where ${where} order by block_number desc, log_index desc limit ${Math.floor(limit)}`,
    params,
  );
  return rows.map((r) => ({
    kind: String(r.kind),
    asset: r.asset ? getAddress(String(r.asset)) : null,
    amount: bigOrNull(r.amount),
    refId: bigOrNull(r.ref_id),
    ...loggedAt(r),
  }));
}

/** An investor's statement: subscriptions per offering and returns claimed per asset. */
export type InvestorStatement = {
  readonly investor: Address;
  readonly subscriptions: readonly {
    readonly offeringId: bigint;
    readonly asset: Address | null;
    readonly shares: bigint;
    readonly cost: bigint;
    readonly sharesClaimed: bigint;
  }[];
  readonly claims: readonly { readonly asset: Address; readonly claimed: bigint }[];
};

export async function investorStatement(
  client: IndexerClient,
  investor: Address,
): Promise<InvestorStatement> {
  const account = investor.toLowerCase();
  const [subscriptions, claims] = await Promise.all([
    client.query<Record<string, Num | null>>(
      `select s.offering_id, o.asset, s.shares, s.cost, s.shares_claimed from subscription s
         left join offering o on o.id = s.offering_id where s.investor = $1 order by s.offering_id`,
      [account],
    ),
    client.query<Record<string, Num>>(
      `select asset, claimed from holder_claim where holder = $1 order by asset`,
      [account],
    ),
  ]);
  return {
    investor: getAddress(investor),
    subscriptions: subscriptions.map((r) => ({
      offeringId: big(r.offering_id),
      asset: r.asset ? getAddress(String(r.asset)) : null,
      shares: big(r.shares),
      cost: big(r.cost),
      sharesClaimed: big(r.shares_claimed),
    })),
    claims: claims.map((r) => ({ asset: getAddress(String(r.asset)), claimed: big(r.claimed) })),
  };
}

/** Each trustee's estimates record. */
export type TrusteeRecord = {
  readonly trustee: Address;
  readonly committed: number;
  readonly revealed: number;
  readonly missed: number;
  readonly recused: number;
};

export async function trusteeRecords(client: IndexerClient): Promise<TrusteeRecord[]> {
  const rows = await client.query<Record<string, Num>>(
    `select trustee, committed, revealed, missed, recused from trustee_record order by trustee`,
  );
  return rows.map((r) => ({
    trustee: getAddress(String(r.trustee)),
    committed: Number(r.committed),
    revealed: Number(r.revealed),
    missed: Number(r.missed),
    recused: Number(r.recused),
  }));
}

/** A council proposal as the indexer recorded it: "open", "executed" or "failed" (last attempt reverted). */
export type IndexedProposal = {
  readonly id: bigint;
  readonly kind: number;
  readonly proposer: Address;
  readonly args: Hex;
  readonly expiresAt: bigint;
  readonly status: "open" | "executed" | "failed";
  readonly approvals: number;
  readonly failedExecutions: number;
  readonly createdAt: bigint;
  readonly executedAt: bigint | null;
};

/**
 * The council's history, newest first: proposals executed, or no longer executable at chain time
 * `now` (expired, after a failed execution or never approved). One page of `limit` before id `before`.
 */
export async function closedProposals(
  client: IndexerClient,
  now: bigint,
  options: { readonly before?: bigint; readonly limit?: number } = {},
): Promise<IndexedProposal[]> {
  const limit = Math.max(1, Math.min(options.limit ?? 20, 100));
  const before = options.before !== undefined ? ` and id < ${BigInt(options.before)}` : "";
  const rows = await client.query<Record<string, Num | null>>(
    `select id, kind, proposer, args, expires_at, status, approvals, failed_executions, created_at, executed_at
     from proposal where (status = 'executed' or expires_at < ${BigInt(now)})${before}
     order by id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    id: big(r.id),
    kind: Number(r.kind),
    proposer: getAddress(String(r.proposer)),
    args: String(r.args) as Hex,
    expiresAt: big(r.expires_at),
    status: String(r.status) as IndexedProposal["status"],
    approvals: Number(r.approvals),
    failedExecutions: Number(r.failed_executions),
    createdAt: big(r.created_at),
    executedAt: bigOrNull(r.executed_at),
  }));
}
