// Phases and statuses of rounds, applications, proposals, offerings, periods and commitments,
// computed from the contracts' stored status and chain time. One set of names for every client:
// an ongoing phase is a present participle ("committing"), a finished state a past participle ("settled").

/** Each name of an enum's names, mapped to its index: `{ None: 0, Open: 1, … }`. */
type IndexOf<T extends readonly string[]> = {
  readonly [
    I in keyof T as I extends `${number}` ? T[I] & string : never
  ]: I extends `${infer N extends number}` ? N : never;
};

/** The enum value of each name, from the names in declaration order. */
function enumOf<const T extends readonly string[]>(names: T): IndexOf<T> {
  return Object.fromEntries(names.map((name, i) => [name, i])) as IndexOf<T>;
}

/** A stored enum value's name, or "status N" for a value the names do not know. */
function labelOf(names: readonly string[]): (status: number | bigint) => string {
  return (status) => names[Number(status)] ?? `status ${status}`;
}

/** `IGrantRounds.RoundStatus`, in declaration order. */
export const roundStatuses = ["None", "Open", "Settled", "Closed"] as const;
/** `IGrantRounds.ApplicationStatus`, in declaration order. */
export const applicationStatuses = ["None", "Pending", "Funded", "Unfunded", "Cancelled"] as const;
/** `IGrantRounds.EstimateStatus`: where a trustee stands on one application. */
export const estimateStatuses = ["None", "Recused", "Committed", "Revealed", "Missed"] as const;

export type RoundStatusName = (typeof roundStatuses)[number];
export type ApplicationStatusName = (typeof applicationStatuses)[number];
export type EstimateStatusName = (typeof estimateStatuses)[number];

export const RoundStatus = enumOf(roundStatuses);
export const ApplicationStatus = enumOf(applicationStatuses);
export const EstimateStatus = enumOf(estimateStatuses);

export const roundStatusLabel = labelOf(roundStatuses);
export const applicationStatusLabel = labelOf(applicationStatuses);
export const estimateStatusLabel = labelOf(estimateStatuses);

// ------------------------------------------------------------------ rounds

/**
 * Whether `GrantRounds.refundDeposit` would pay an application's deposit back now: the round asked
 * for one, it is not refunded yet, and a trustee revealed an estimate for the application (it is
 * `estimated`) or the round was closed.
 */
export function depositRefundable(
  application: { readonly estimated: boolean; readonly depositRefunded: boolean },
  round: { readonly status: number | bigint; readonly applicationDeposit: bigint },
): boolean {
  return (
    round.applicationDeposit > 0n &&
    !application.depositRefunded &&
    (application.estimated || Number(round.status) === RoundStatus.Closed)
  );
}

/** Where a round stands: researchers applying, trustees committing then revealing estimates, anyone finalizing and settling. */
export type RoundPhase = "applying" | "committing" | "revealing" | "finalizing" | "settled" | "closed";

export type RoundTimes = {
  readonly status: number | bigint;
  readonly applicationDeadline: bigint;
  readonly commitDeadline: bigint;
  readonly revealDeadline: bigint;
};

/** The phase of a round at chain time `now` (deadlines are inclusive, as in the contract). */
export function roundPhase(round: RoundTimes, now: bigint): RoundPhase {
  const status = Number(round.status);
  if (status === RoundStatus.Settled) return "settled";
  if (status === RoundStatus.Closed) return "closed";
  if (now <= round.applicationDeadline) return "applying";
  if (now <= round.commitDeadline) return "committing";
  if (now <= round.revealDeadline) return "revealing";
  return "finalizing";
}

export const phaseLabels: Readonly<Record<RoundPhase, string>> = {
  applying: "Taking applications",
  committing: "Trustees commit estimates",
  revealing: "Trustees reveal estimates",
  finalizing: "Finalize and settle",
  settled: "Settled",
  closed: "Closed without awards",
};

// ------------------------------------------------------------------ proposals

/**
 * open: collecting approvals; ready: enough approvals to execute; executed; failed: its last
 * execution's action failed (recorded on chain; it may be executed again until it expires); expired.
 */
export type ProposalState = "open" | "ready" | "executed" | "failed" | "expired";

export type ProposalTimes = {
  readonly executed: boolean;
  readonly expiresAt: bigint;
  readonly approvals: bigint;
  readonly threshold: bigint;
  /** When the last execution's action failed (0 if never). */
  readonly failedAt?: bigint;
};

/** A proposal can be approved or executed until `expiresAt` inclusive (as the council checks it). */
export function proposalState(p: ProposalTimes, now: bigint): ProposalState {
  if (p.executed) return "executed";
  if ((p.failedAt ?? 0n) > 0n) return "failed";
  if (now > p.expiresAt) return "expired";
  return p.approvals >= p.threshold ? "ready" : "open";
}

/** Whether a failed proposal may still be executed again (it has not expired). */
export function proposalRetryable(p: ProposalTimes, now: bigint): boolean {
  return !p.executed && (p.failedAt ?? 0n) > 0n && now <= p.expiresAt;
}

// ------------------------------------------------------------------ pause and migrations

/** The ledger's pause at chain time: whether it runs, and the seconds until it lapses by itself. */
export type PauseStatus =
  { readonly paused: false } | { readonly paused: true; readonly endsAt: bigint; readonly remaining: bigint };

export function pauseStatus(
  p: { readonly paused: boolean; readonly pauseEnds: bigint },
  now: bigint,
): PauseStatus {
  if (!p.paused || now >= p.pauseEnds) return { paused: false };
  return { paused: true, endsAt: p.pauseEnds, remaining: p.pauseEnds - now };
}

/** `ITrusteeCouncil.Migration` as read from the council or the lens. */
export type MigrationTimes = {
  readonly newModule: `0x${string}`;
  readonly effectiveAt: bigint;
  readonly retireOld: boolean;
};

/** none: nothing announced; pending: announced, waiting for its delay; ready: anyone may carry it out. */
export type MigrationState = "none" | "pending" | "ready";

export function migrationState(m: MigrationTimes, now: bigint): MigrationState {
  if (/^0x0{40}$/i.test(m.newModule)) return "none";
  return now < m.effectiveAt ? "pending" : "ready";
}

// ------------------------------------------------------------------ offerings

/** The subscription window of an offering. */
export type OfferingWindow = "upcoming" | "open" | "ended" | "closed";
/** Where an offering's raise is: held by Offerings (escrow) while subscriptions may come, then in the capital pool. */
export type OfferingCapital = "escrow" | "awaiting-settlement" | "settled";

export type OfferingTimes = {
  readonly start: bigint;
  readonly end: bigint;
  readonly closed: boolean;
  readonly settled: boolean;
};

/** The subscription window at chain time `now` (`end` is inclusive, as in `subscribe`). */
export function offeringWindow(o: OfferingTimes, now: bigint): OfferingWindow {
  if (o.closed) return "closed";
  if (now < o.start) return "upcoming";
  return now > o.end ? "ended" : "open";
}

/** Settlement is possible once no subscription can follow: past `end`, or closed by the council. */
export function offeringCapital(o: OfferingTimes, now: bigint): OfferingCapital {
  if (o.settled) return "settled";
  return o.closed || now > o.end ? "awaiting-settlement" : "escrow";
}

/** Whether anyone may settle the offering now. */
export function offeringSettleable(o: OfferingTimes, now: bigint): boolean {
  return offeringCapital(o, now) === "awaiting-settlement";
}

/** One phrase for an offering: the window, then where the capital is once the window is over. */
export function offeringStatusLabel(window: OfferingWindow, capital: OfferingCapital): string {
  if (capital === "settled") return "settled into the pool";
  if (capital === "awaiting-settlement") return `${window} — awaiting settlement`;
  return window;
}

// ------------------------------------------------------------------ periods and commitments

export type PeriodStatus = "paid" | "paid late" | "due" | "overdue" | "disputed" | "upcoming";
export type CommitmentStatus = "paid" | "due" | "delinquent" | "disputed" | "upcoming";

export type CommitmentTimes = {
  readonly start: bigint;
  readonly periodLength: bigint;
  readonly gracePeriod: bigint;
  readonly periodCount: number;
  readonly reportedCount: number;
};

export function periodEnd(c: CommitmentTimes, k: number): bigint {
  return c.start + BigInt(k + 1) * c.periodLength;
}

/**
 * Status of period `k`: paid (reported by the end of its grace period), paid late (reported after it:
 * stays so forever), due (ended, within grace), overdue (past grace, unreported), upcoming.
 * `reportedAt` is the report's block time when known (from the history); without it a reported period is "paid".
 */
export function periodStatus(
  c: CommitmentTimes,
  k: number,
  now: bigint,
  disputed: boolean,
  reportedAt?: bigint,
): PeriodStatus {
  if (k < c.reportedCount) {
    if (disputed) return "disputed";
    return reportedAt !== undefined && reportedAt > periodEnd(c, k) + c.gracePeriod ? "paid late" : "paid";
  }
  const endsAt = periodEnd(c, k);
  if (now < endsAt) return "upcoming";
  return now > endsAt + c.gracePeriod ? "overdue" : "due";
}

/** `IReturnsRegistry.Compliance`: a commitment's record at chain time. */
export type Compliance = {
  readonly periodsElapsed: bigint;
  readonly periodsReported: bigint;
  readonly periodsDue: bigint;
  readonly periodsOverdue: bigint;
  readonly delinquent: boolean;
  readonly disputed: bigint;
};

/** One word for a commitment: the worst of its periods (disputed and delinquent first). */
export function commitmentStatus(c: Compliance): CommitmentStatus {
  if (c.disputed > 0n) return "disputed";
  if (c.delinquent) return "delinquent";
  if (c.periodsDue > 0n) return "due";
  if (c.periodsElapsed === 0n) return "upcoming";
  return "paid";
}

/** `3/4 elapsed periods paid, 1 due, 0 overdue — DELINQUENT` style one-liner. */
export function complianceLine(c: Compliance): string {
  const parts = [
    `${c.periodsReported}/${c.periodsElapsed} elapsed periods paid`,
    `${c.periodsDue} due`,
    `${c.periodsOverdue} overdue`,
  ];
  if (c.disputed > 0n) parts.push(`${c.disputed} disputed`);
  return `${parts.join(", ")}${c.delinquent ? " — DELINQUENT" : ""}`;
}

// ------------------------------------------------------------------ words

/** `1 approval`, `2 approvals`, `0 reveals`: a count with its noun in the right number. */
export function plural(count: number | bigint, noun: string, pluralNoun = `${noun}s`): string {
  const n = typeof count === "bigint" ? count : BigInt(count);
  return `${n.toLocaleString("en-GB")} ${n === 1n ? noun : pluralNoun}`;
}

/** `2 of 5 periods paid`; `no period ended yet` style wording when the total is zero (never "0 of 0"). */
export function countOf(part: number | bigint, total: number | bigint, noun: string, empty: string): string {
  if (BigInt(total) === 0n) return empty;
  return `${BigInt(part).toLocaleString("en-GB")} of ${plural(total, noun)}`;
}

/** What the trustees' estimates of a finalized application came to, never "0% (2 reveals)". */
export function estimatesSummary(
  a: {
    readonly status: number | bigint;
    readonly estimated: boolean;
    readonly medianProbabilityBps: number | bigint;
    readonly medianEffortMonths: number | bigint;
    readonly revealedCount: number | bigint;
    readonly committedCount: number | bigint;
  },
  formatBps: (bps: number | bigint) => string,
): string {
  if (Number(a.status) === ApplicationStatus.Pending) return "not final yet";
  if (!a.estimated || Number(a.revealedCount) === 0) return "no trustee revealed an estimate";
  const counts = `${a.revealedCount} of ${plural(a.committedCount, "sealed estimate")} revealed`;
  // The registry keeps no medians when the sealed estimates fell short of the quorum.
  if (Number(a.medianProbabilityBps) === 0 && Number(a.medianEffortMonths) === 0)
    return `too few sealed estimates for the quorum (${counts}); no medians`;
  return `${formatBps(a.medianProbabilityBps)} × ${a.medianEffortMonths} months (${counts})`;
}
