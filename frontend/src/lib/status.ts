/** Labels and phases of rounds, applications and commitments, computed from chain time. */

const roundStatuses = ["None", "Open", "Settled", "Closed"] as const;
const applicationStatuses = ["None", "Pending", "Funded", "Unfunded", "Cancelled"] as const;

export function roundStatusLabel(status: number): string {
  return roundStatuses[status] ?? `status ${status}`;
}

export function applicationStatusLabel(status: number): string {
  return applicationStatuses[status] ?? `status ${status}`;
}

export const RoundStatus = { None: 0, Open: 1, Settled: 2, Closed: 3 } as const;
export const ApplicationStatus = { None: 0, Pending: 1, Funded: 2, Unfunded: 3, Cancelled: 4 } as const;

export type RoundPhase = "applications" | "commit" | "reveal" | "finalize" | "settled" | "closed";

export type RoundTimes = {
  readonly status: number;
  readonly applicationDeadline: bigint;
  readonly commitDeadline: bigint;
  readonly revealDeadline: bigint;
};

/** Where a round stands at chain time `now` (deadlines are inclusive). */
export function roundPhase(round: RoundTimes, now: bigint): RoundPhase {
  if (round.status === RoundStatus.Settled) return "settled";
  if (round.status === RoundStatus.Closed) return "closed";
  if (now <= round.applicationDeadline) return "applications";
  if (now <= round.commitDeadline) return "commit";
  if (now <= round.revealDeadline) return "reveal";
  return "finalize";
}

export const phaseLabels: Readonly<Record<RoundPhase, string>> = {
  applications: "Taking applications",
  commit: "Trustees commit estimates",
  reveal: "Trustees reveal estimates",
  finalize: "Finalize and settle",
  settled: "Settled — vesting",
  closed: "Closed without awards",
};

export type PeriodStatus = "paid" | "due" | "overdue" | "disputed" | "upcoming";
export type CommitmentStatus = "paid" | "due" | "delinquent" | "disputed" | "upcoming";

export type CommitmentTimes = {
  readonly start: bigint;
  readonly periodLength: bigint;
  readonly gracePeriod: bigint;
  readonly periodCount: number;
  readonly reportedCount: number;
};

/** Status of period `k`: paid (reported), due (ended, within grace), overdue (past grace), upcoming. */
export function periodStatus(c: CommitmentTimes, k: number, now: bigint, disputed: boolean): PeriodStatus {
  if (k < c.reportedCount) return disputed ? "disputed" : "paid";
  const endsAt = c.start + BigInt(k + 1) * c.periodLength;
  if (now < endsAt) return "upcoming";
  return now > endsAt + c.gracePeriod ? "overdue" : "due";
}

export function periodEnd(c: CommitmentTimes, k: number): bigint {
  return c.start + BigInt(k + 1) * c.periodLength;
}

export type ComplianceCounts = {
  readonly periodsElapsed: bigint;
  readonly periodsReported: bigint;
  readonly periodsDue: bigint;
  readonly periodsOverdue: bigint;
  readonly delinquent: boolean;
  readonly disputed: bigint;
};

/** One word for a commitment: the worst of its periods (disputed and delinquent first). */
export function commitmentStatus(c: ComplianceCounts): CommitmentStatus {
  if (c.disputed > 0n) return "disputed";
  if (c.delinquent) return "delinquent";
  if (c.periodsDue > 0n) return "due";
  if (c.periodsElapsed === 0n) return "upcoming";
  return "paid";
}

export type OfferingWindow = "upcoming" | "open" | "ended" | "closed";
/** Where an offering's raise is: held by Offerings while subscriptions may come, then in the pool. */
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

/** One phrase for the card's badge: the window, then where the capital is once the window is over. */
export function offeringStatusLabel(window: OfferingWindow, capital: OfferingCapital): string {
  if (capital === "settled") return "settled into the pool";
  if (capital === "awaiting-settlement") return `${window} — awaiting settlement`;
  return window;
}
