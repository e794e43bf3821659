// Deadlines in words relative to chain time, for the places that say what is due and by when.
import { formatDate } from "./format.ts";
import type { RoundPhase } from "./status.ts";

/** "in 6 days 23 hours", "in 45 minutes", "now" or "passed 2 days ago" (two units at most). */
export function timeLeft(deadline: bigint, now: bigint): string {
  const delta = deadline - now;
  if (delta === 0n) return "now";
  const s = delta > 0n ? delta : -delta;
  const units: [bigint, string][] = [
    [86_400n, "day"],
    [3_600n, "hour"],
    [60n, "minute"],
    [1n, "second"],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [size, name] of units) {
    if (parts.length === 2) break;
    const count = rest / size;
    if (count > 0n) {
      parts.push(`${count} ${name}${count === 1n ? "" : "s"}`);
      rest -= count * size;
    } else if (parts.length === 1) break;
  }
  const text = parts.join(" ");
  return delta > 0n ? `in ${text}` : `passed ${text} ago`;
}

/** What a trustee owes in a round's current phase and by when, or `null` when nothing is due. */
export function estimateDeadline(
  phase: RoundPhase,
  params: {
    readonly commitDeadline: bigint;
    readonly revealDeadline: bigint;
    readonly applicationDeadline: bigint;
  },
  now: bigint,
): string | null {
  if (phase === "applying")
    return `Applications close ${formatDate(params.applicationDeadline)} (${timeLeft(params.applicationDeadline, now)}); estimates are committed after that.`;
  if (phase === "committing")
    return `Commit your estimates by ${formatDate(params.commitDeadline)} (${timeLeft(params.commitDeadline, now)}).`;
  if (phase === "revealing")
    return `Reveal your estimates by ${formatDate(params.revealDeadline)} (${timeLeft(params.revealDeadline, now)}); an unrevealed estimate counts as missed.`;
  return null;
}
