import { formatDate } from "@fef/sdk/format";
import type { EstimateHistoryRow, Outcome, Score } from "@fef/sdk/trackRecord";

/** An outcome in plain words: pending with its horizon, or paid off / did not, and why. */
export function outcomeText(outcome: Outcome | undefined, finalized: boolean, funded: boolean): string {
  if (!finalized) return "pending — the round has not decided its funding yet";
  if (!funded || outcome === undefined) return "not funded — no outcome";
  if (outcome.status === "pending") {
    return outcome.horizonAt === undefined
      ? "pending — the round is not settled yet"
      : `pending — judged by ${formatDate(outcome.horizonAt)}`;
  }
  if (outcome.basis === "paidPeriod")
    return `paid off — a Promise paid on ${formatDate(outcome.firstPaidAt ?? 0n)}`;
  if (outcome.basis === "councilResolution")
    return outcome.status === "paidOff"
      ? "paid off — council resolution"
      : "did not pay off — council resolution";
  return "did not pay off — horizon passed";
}

export function estimateText(row: EstimateHistoryRow): string {
  if (row.state === "revealed") return `${(row.probabilityBps ?? 0) / 100} %`;
  if (row.state === "missed") return "sealed, never revealed (missed)";
  if (row.state === "recused") return "recused (own application)";
  return "sealed, not revealed yet";
}

/** "0.184 (95 % interval 0.05 – 0.32), based on 4 outcomes", or why there is no score yet. */
export function scoreText(score: Score): string {
  if (score.brier === undefined)
    return "No score yet: none of the estimated applications has a resolved outcome.";
  const interval = score.interval
    ? ` (95 % interval ${score.interval[0].toFixed(2)} – ${score.interval[1].toFixed(2)})`
    : "";
  const few = score.outcomes < 10 ? " — few outcomes: read it as a rough guide" : "";
  return `Brier score ${score.brier.toFixed(3)}${interval}, based on ${score.outcomes} outcome${score.outcomes === 1 ? "" : "s"}${few}`;
}
