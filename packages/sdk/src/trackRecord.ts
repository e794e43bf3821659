// Trustee track records: outcomes of funded applications and how well each trustee's revealed
// probability estimates matched them (Brier score, calibration). Pure functions of plain facts, so
// the indexer (from its tables), the command line (from event logs) and the dashboard compute the
// same record with this one implementation.
import type { Address } from "viem";

/** A round as the outcome rules need it. `settledAt` is undefined until the round is settled. */
export type RoundFacts = {
  readonly roundId: bigint;
  readonly revealDeadline: bigint;
  readonly outcomeHorizon: bigint;
  readonly settledAt?: bigint;
};

/** An application: `finalized` once its funding is decided, `funded` if it was (a cancelled grant was funded); the council's median. */
export type ApplicationFacts = {
  readonly applicationId: bigint;
  readonly roundId: bigint;
  readonly finalized: boolean;
  readonly funded: boolean;
  readonly medianProbabilityBps?: number;
};

/** A technique and the applications registered as having produced it. */
export type TechniqueFacts = { readonly techniqueId: bigint; readonly applicationIds: readonly bigint[] };
/** A Promise of Future Returns and the techniques it names. */
export type CommitmentFacts = { readonly commitmentId: bigint; readonly techniqueIds: readonly bigint[] };
/** A reported period: it counts as evidence when `grossReturns > 0`. */
export type PaymentFacts = {
  readonly commitmentId: bigint;
  readonly grossReturns: bigint;
  readonly timestamp: bigint;
};
/** A council resolution of an application's outcome (an executed ResolveOutcome proposal). */
export type ResolutionFacts = {
  readonly applicationId: bigint;
  readonly paidOff: boolean;
  readonly timestamp: bigint;
};
/** One trustee's part in one application: a sealed estimate, a reveal (with its probability), a recusal. */
export type EstimateFacts = {
  readonly applicationId: bigint;
  readonly trustee: Address;
  readonly committed: boolean;
  readonly recused: boolean;
  readonly probabilityBps?: number;
};

/** Everything a track record is computed from; every field follows from the Fund's events. */
export type TrackRecordFacts = {
  readonly rounds: readonly RoundFacts[];
  readonly applications: readonly ApplicationFacts[];
  readonly techniques: readonly TechniqueFacts[];
  readonly commitments: readonly CommitmentFacts[];
  readonly payments: readonly PaymentFacts[];
  readonly resolutions: readonly ResolutionFacts[];
  readonly estimates: readonly EstimateFacts[];
};

export type OutcomeStatus = "paidOff" | "didNotPayOff" | "pending";
/** Why an outcome is what it is: a paid period before the horizon, the council, or the horizon passing. */
export type OutcomeBasis = "paidPeriod" | "councilResolution" | "horizonPassed";

/** A funded application's outcome at a given time. `horizonAt` is undefined before settlement. */
export type Outcome = {
  readonly applicationId: bigint;
  readonly roundId: bigint;
  readonly status: OutcomeStatus;
  readonly basis?: OutcomeBasis;
  readonly horizonAt?: bigint;
  /** The first paid period (gross > 0) of a Promise naming a technique the application produced. */
  readonly firstPaidAt?: bigint;
  readonly resolution?: boolean;
  readonly medianProbabilityBps?: number;
};

export type EstimateState = "committed" | "revealed" | "missed" | "recused";

/** One of a trustee's estimates next to its application's outcome (none for unfunded applications). */
export type EstimateHistoryRow = {
  readonly applicationId: bigint;
  readonly roundId: bigint;
  readonly state: EstimateState;
  readonly probabilityBps?: number;
  /** whether the application's funding is decided (finalized) yet */
  readonly finalized: boolean;
  readonly funded: boolean;
  readonly outcome?: Outcome;
};

/** Estimates from `from` % (inclusive) to `to` % (exclusive; the last band includes 100 %). */
export type CalibrationBand = {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Mean estimate in the band (0..1), undefined when empty. */
  readonly meanEstimate?: number;
  /** Share of the band's applications that paid off (0..1), undefined when empty. */
  readonly sharePaidOff?: number;
};

/** A Brier score over `outcomes` resolved applications, with a rough 95 % interval (wide when few). */
export type Score = {
  readonly outcomes: number;
  readonly brier?: number;
  readonly interval?: readonly [number, number];
  readonly calibration: readonly CalibrationBand[];
};

export type Counts = {
  readonly committed: number;
  readonly revealed: number;
  readonly missed: number;
  readonly recused: number;
};

export type TrusteeTrackRecord = Counts &
  Score & {
    readonly trustee: Address;
    readonly history: readonly EstimateHistoryRow[];
  };

/** The council as a whole: the median probability of each funded application against its outcome. */
export type CouncilTrackRecord = Counts & Score;

export type TrackRecords = {
  /** The time (seconds) the outcomes were computed at. */
  readonly at: bigint;
  readonly outcomes: readonly Outcome[];
  readonly trustees: readonly TrusteeTrackRecord[];
  readonly council: CouncilTrackRecord;
};

const BANDS = 10;
const BPS = 10_000;

/** Mean squared difference between probabilities (0..1) and outcomes (0 or 1); undefined when empty. */
export function brierScore(
  pairs: readonly { readonly p: number; readonly paidOff: boolean }[],
): number | undefined {
  if (pairs.length === 0) return undefined;
  let sum = 0;
  for (const { p, paidOff } of pairs) sum += (p - (paidOff ? 1 : 0)) ** 2;
  return sum / pairs.length;
}

/**
 * A rough 95 % interval of the Brier score (mean ± 1.96 standard errors, within 0..1). With fewer than
 * two outcomes nothing is known about the spread, so the interval is all of 0..1.
 */
export function brierInterval(
  pairs: readonly { readonly p: number; readonly paidOff: boolean }[],
): readonly [number, number] | undefined {
  const mean = brierScore(pairs);
  if (mean === undefined) return undefined;
  if (pairs.length < 2) return [0, 1];
  let squares = 0;
  for (const { p, paidOff } of pairs) squares += ((p - (paidOff ? 1 : 0)) ** 2 - mean) ** 2;
  const halfWidth = 1.96 * Math.sqrt(squares / (pairs.length - 1) / pairs.length);
  return [Math.max(0, mean - halfWidth), Math.min(1, mean + halfWidth)];
}

/** Estimates in ten bands of 10 points, each with its count, mean estimate and share that paid off. */
export function calibrationTable(
  pairs: readonly { readonly p: number; readonly paidOff: boolean }[],
): CalibrationBand[] {
  const sums = Array.from({ length: BANDS }, () => ({ count: 0, estimates: 0, paidOff: 0 }));
  // The tiny nudge keeps k/10 in band k despite binary rounding (0.3 × 10 may be 2.9999…).
  for (const { p, paidOff } of pairs) {
    const band = sums[Math.min(BANDS - 1, Math.max(0, Math.floor(p * BANDS + 1e-9)))];
    if (band === undefined) continue;
    band.count += 1;
    band.estimates += p;
    if (paidOff) band.paidOff += 1;
  }
  return sums.map((s, i) => ({
    from: i * 10,
    to: (i + 1) * 10,
    count: s.count,
    ...(s.count > 0 ? { meanEstimate: s.estimates / s.count, sharePaidOff: s.paidOff / s.count } : {}),
  }));
}

function score(pairs: readonly { readonly p: number; readonly paidOff: boolean }[]): Score {
  const brier = brierScore(pairs);
  const interval = brierInterval(pairs);
  return {
    outcomes: pairs.length,
    ...(brier !== undefined ? { brier } : {}),
    ...(interval !== undefined ? { interval } : {}),
    calibration: calibrationTable(pairs),
  };
}

function byId<T>(items: readonly T[], id: (item: T) => bigint): T[] {
  return [...items].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

/**
 * The earliest paid period (gross > 0, at or before `at`) of any Promise naming a technique each
 * application produced. A technique produced by two applications counts for both.
 */
export function firstPaidPeriods(facts: TrackRecordFacts, at: bigint): Map<bigint, bigint> {
  const applicationsOf = new Map<bigint, readonly bigint[]>();
  for (const t of facts.techniques) applicationsOf.set(t.techniqueId, t.applicationIds);
  const techniquesOf = new Map<bigint, readonly bigint[]>();
  for (const c of facts.commitments) techniquesOf.set(c.commitmentId, c.techniqueIds);
  const first = new Map<bigint, bigint>();
  for (const payment of facts.payments) {
    if (payment.grossReturns === 0n || payment.timestamp > at) continue;
    for (const techniqueId of techniquesOf.get(payment.commitmentId) ?? []) {
      for (const applicationId of applicationsOf.get(techniqueId) ?? []) {
        const known = first.get(applicationId);
        if (known === undefined || payment.timestamp < known) first.set(applicationId, payment.timestamp);
      }
    }
  }
  return first;
}

/**
 * Each funded application's outcome at `at`. Rules, in order: a paid period before (or at) the
 * horizon means paid off, whatever the council resolved (evidence is never overridden); else the
 * council's resolution; else did not pay off once the horizon has passed; else pending. A payment
 * after the horizon does not count.
 */
export function outcomesAt(facts: TrackRecordFacts, at: bigint): Outcome[] {
  const rounds = new Map(facts.rounds.map((r) => [r.roundId, r]));
  const resolutions = new Map<bigint, boolean>();
  for (const r of facts.resolutions) if (r.timestamp <= at) resolutions.set(r.applicationId, r.paidOff);
  const firstPaid = firstPaidPeriods(facts, at);
  const outcomes: Outcome[] = [];
  for (const app of byId(facts.applications, (a) => a.applicationId)) {
    if (!app.funded) continue;
    const round = rounds.get(app.roundId);
    const horizonAt = round?.settledAt !== undefined ? round.settledAt + round.outcomeHorizon : undefined;
    const firstPaidAt = firstPaid.get(app.applicationId);
    const resolution = resolutions.get(app.applicationId);
    const base = {
      applicationId: app.applicationId,
      roundId: app.roundId,
      ...(horizonAt !== undefined ? { horizonAt } : {}),
      ...(firstPaidAt !== undefined ? { firstPaidAt } : {}),
      ...(resolution !== undefined ? { resolution } : {}),
      ...(app.medianProbabilityBps !== undefined ? { medianProbabilityBps: app.medianProbabilityBps } : {}),
    };
    if (horizonAt !== undefined && firstPaidAt !== undefined && firstPaidAt <= horizonAt) {
      outcomes.push({ ...base, status: "paidOff", basis: "paidPeriod" });
    } else if (resolution !== undefined) {
      outcomes.push({ ...base, status: resolution ? "paidOff" : "didNotPayOff", basis: "councilResolution" });
    } else if (horizonAt !== undefined && at > horizonAt) {
      outcomes.push({ ...base, status: "didNotPayOff", basis: "horizonPassed" });
    } else {
      outcomes.push({ ...base, status: "pending" });
    }
  }
  return outcomes;
}

function stateOf(estimate: EstimateFacts, round: RoundFacts | undefined, at: bigint): EstimateState {
  if (estimate.recused) return "recused";
  if (estimate.probabilityBps !== undefined) return "revealed";
  return round !== undefined && at > round.revealDeadline ? "missed" : "committed";
}

function countStates(rows: readonly { readonly state: EstimateState }[]): Counts {
  const counts = { committed: 0, revealed: 0, missed: 0, recused: 0 };
  // Every sealed estimate counts as committed, whatever became of it; recusals are apart.
  for (const { state } of rows) {
    if (state === "recused") counts.recused += 1;
    else counts.committed += 1;
    if (state === "revealed") counts.revealed += 1;
    if (state === "missed") counts.missed += 1;
  }
  return counts;
}

function isResolved(
  outcome: Outcome | undefined,
): outcome is Outcome & { status: "paidOff" | "didNotPayOff" } {
  return outcome !== undefined && outcome.status !== "pending";
}

/** Every trustee's track record and the council's, at `at` (seconds), from `facts`. */
export function computeTrackRecords(facts: TrackRecordFacts, at: bigint): TrackRecords {
  const outcomes = outcomesAt(facts, at);
  const outcomeOf = new Map(outcomes.map((o) => [o.applicationId, o]));
  const rounds = new Map(facts.rounds.map((r) => [r.roundId, r]));
  const applications = new Map(facts.applications.map((a) => [a.applicationId, a]));

  const rowsOf = new Map<Address, EstimateHistoryRow[]>();
  for (const estimate of byId(facts.estimates, (e) => e.applicationId)) {
    const app = applications.get(estimate.applicationId);
    if (app === undefined || (!estimate.committed && !estimate.recused)) continue;
    const trustee = estimate.trustee.toLowerCase() as Address;
    const outcome = outcomeOf.get(estimate.applicationId);
    const row: EstimateHistoryRow = {
      applicationId: estimate.applicationId,
      roundId: app.roundId,
      state: stateOf(estimate, rounds.get(app.roundId), at),
      ...(estimate.probabilityBps !== undefined ? { probabilityBps: estimate.probabilityBps } : {}),
      finalized: app.finalized,
      funded: app.funded,
      ...(outcome !== undefined ? { outcome } : {}),
    };
    rowsOf.set(trustee, [...(rowsOf.get(trustee) ?? []), row]);
  }

  const trustees = [...rowsOf.keys()].sort().map((trustee): TrusteeTrackRecord => {
    const history = rowsOf.get(trustee) ?? [];
    const pairs = history.flatMap((row) =>
      row.probabilityBps !== undefined && isResolved(row.outcome)
        ? [{ p: row.probabilityBps / BPS, paidOff: row.outcome.status === "paidOff" }]
        : [],
    );
    return { trustee, ...countStates(history), ...score(pairs), history };
  });

  const councilPairs = outcomes.flatMap((o) =>
    o.medianProbabilityBps !== undefined && isResolved(o)
      ? [{ p: o.medianProbabilityBps / BPS, paidOff: o.status === "paidOff" }]
      : [],
  );
  const allRows = [...rowsOf.values()].flat();
  return { at, outcomes, trustees, council: { ...countStates(allRows), ...score(councilPairs) } };
}

/** The track record of one trustee (any case of address), if they ever estimated or recused. */
export function trackRecordOf(records: TrackRecords, trustee: Address): TrusteeTrackRecord | undefined {
  const wanted = trustee.toLowerCase();
  return records.trustees.find((r) => r.trustee === wanted);
}

/** Shortest and longest outcome horizon a round accepts (`GrantRounds.MIN/MAX_OUTCOME_HORIZON`), in seconds. */
export const MIN_OUTCOME_HORIZON = 86_400n;
export const MAX_OUTCOME_HORIZON = 50n * 365n * 86_400n;
/** The horizon the tools propose unless told otherwise: three years after settlement. */
export const DEFAULT_OUTCOME_HORIZON = 3n * 365n * 86_400n;
