// Payment lateness by the returns registry's own rule, replayed from events (the indexer and the tests
// use it): period k of a commitment ends at start + (k + 1) · periodLength and is due by its end plus
// the grace period plus the grace extension — the seconds the share ledger spent paused since the
// commitment's paused-time mark (ReturnsRegistry `_graceExtension`; DESIGN: a pause never runs a
// company's periods against it). A report made after that is late; an unreported period past it is
// overdue.

/** The share ledger's pause clock, as `FundShares` keeps it (LedgerControls `_ledger`). */
export type PauseClock = {
  /** start of the current or last pause (0: never paused) */
  readonly pausedAt: bigint;
  /** when the current or last pause lapses or lapsed (an unpause moves it to its own time) */
  readonly pauseEnds: bigint;
  /** paused seconds of every earlier pause */
  readonly pausedBefore: bigint;
};

/** The clock before the first pause. */
export const NEVER_PAUSED: PauseClock = { pausedAt: 0n, pauseEnds: 0n, pausedBefore: 0n };

/** `Paused(account, pauseEnds)` at `at`: the previous pause (if any) is over and folds into the total. */
export function clockPaused(clock: PauseClock, at: bigint, pauseEnds: bigint): PauseClock {
  const pausedBefore =
    clock.pausedAt === 0n ? clock.pausedBefore : clock.pausedBefore + clock.pauseEnds - clock.pausedAt;
  return { pausedAt: at, pauseEnds, pausedBefore };
}

/** `PauseRenewed(account, pauseEnds)`: the current pause now lapses at `pauseEnds`. */
export function clockRenewed(clock: PauseClock, pauseEnds: bigint): PauseClock {
  return { ...clock, pauseEnds };
}

/** `Unpaused(account)` at `at`: the current pause ends now. */
export function clockUnpaused(clock: PauseClock, at: bigint): PauseClock {
  return { ...clock, pauseEnds: at };
}

/** Every second the ledger spent paused up to `at` (FundShares `pausedSeconds()` at that time). */
export function pausedSecondsAt(clock: PauseClock, at: bigint): bigint {
  if (clock.pausedAt === 0n) return clock.pausedBefore;
  const ends = at < clock.pauseEnds ? at : clock.pauseEnds;
  return clock.pausedBefore + (ends > clock.pausedAt ? ends - clock.pausedAt : 0n);
}

/** Period `period`'s end. */
export function periodEndsAt(start: bigint, periodLength: bigint, period: bigint): bigint {
  return start + (period + 1n) * periodLength;
}

/** Latest time (inclusive) a period ending at `endsAt` may be reported on time, given the grace extension. */
export function paymentDueBy(endsAt: bigint, gracePeriod: bigint, graceExtension: bigint): bigint {
  return endsAt + gracePeriod + graceExtension;
}

/**
 * The commitment's paused-time mark after a report at `at` (ReturnsRegistry `_markPausedSeconds`): if
 * the next period has not ended yet, the mark moves to the ledger's paused seconds now; otherwise the
 * next period keeps its credit.
 */
export function markAfterReport(
  mark: bigint,
  pausedSecondsNow: bigint,
  at: bigint,
  nextPeriodEndsAt: bigint,
): bigint {
  return at < nextPeriodEndsAt ? pausedSecondsNow : mark;
}

/** A report of a period, judged as the registry would have judged it at the report's time. */
export type ReportLateness = {
  readonly periodEndsAt: bigint;
  readonly dueBy: bigint;
  readonly late: boolean;
  readonly secondsLate: bigint;
  /** the commitment's paused-time mark after the report */
  readonly markAfter: bigint;
};

/** Judges a report of `period` made at `at`, with the commitment's mark and the pause clock then. */
export function judgeReport(
  terms: { readonly start: bigint; readonly periodLength: bigint; readonly gracePeriod: bigint },
  period: bigint,
  at: bigint,
  mark: bigint,
  clock: PauseClock,
): ReportLateness {
  const endsAt = periodEndsAt(terms.start, terms.periodLength, period);
  const pausedNow = pausedSecondsAt(clock, at);
  const extension = pausedNow > mark ? pausedNow - mark : 0n;
  const dueBy = paymentDueBy(endsAt, terms.gracePeriod, extension);
  const secondsLate = at > dueBy ? at - dueBy : 0n;
  return {
    periodEndsAt: endsAt,
    dueBy,
    late: secondsLate > 0n,
    secondsLate,
    markAfter: markAfterReport(mark, pausedNow, at, endsAt + terms.periodLength),
  };
}

/** The grace extension of a commitment's unreported periods at `at` (ReturnsRegistry `_graceExtension`). */
export function graceExtensionAt(clock: PauseClock, mark: bigint, at: bigint): bigint {
  const pausedNow = pausedSecondsAt(clock, at);
  return pausedNow > mark ? pausedNow - mark : 0n;
}
