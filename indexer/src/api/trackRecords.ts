// Trustee track records computed in the indexer: the facts from its tables (rounds, applications,
// estimates, techniques, Promises, payments, council resolutions) through the SDK's one
// implementation of the outcome rules and the scores. GET /track-records?at=<seconds> (default: the
// newest indexed block's time) answers `trackRecordsToJson`'s text.
import { computeTrackRecords, type TrackRecordFacts } from "@fef/sdk/trackRecord";
import { trackRecordsToJson } from "@fef/sdk/trackRecordJson";
import { desc } from "ponder";
import { db } from "ponder:api";
import { application, commitment, estimate, fundEvent, payment, round, technique } from "ponder:schema";

/** Everything `computeTrackRecords` needs, read from the indexer's tables. */
async function factsFromTables(): Promise<TrackRecordFacts> {
  const [rounds, applications, estimates, techniques, commitments, payments] = await Promise.all([
    db.select().from(round),
    db.select().from(application),
    db.select().from(estimate),
    db.select().from(technique),
    db.select().from(commitment),
    db.select().from(payment),
  ]);
  return {
    rounds: rounds.map((r) => ({
      roundId: r.id,
      revealDeadline: r.revealDeadline,
      outcomeHorizon: r.outcomeHorizon,
      ...(r.settledAt !== null ? { settledAt: r.settledAt } : {}),
    })),
    applications: applications.map((a) => ({
      applicationId: a.id,
      roundId: a.roundId,
      finalized: a.funded !== null,
      funded: a.funded === true,
      ...(a.medianProbabilityBps !== null ? { medianProbabilityBps: a.medianProbabilityBps } : {}),
    })),
    techniques: techniques.map((t) => ({ techniqueId: t.id, applicationIds: t.applicationIds })),
    commitments: commitments.map((c) => ({ commitmentId: c.id, techniqueIds: c.techniqueIds })),
    payments: payments.map((p) => ({
      commitmentId: p.commitmentId,
      grossReturns: p.grossReturns,
      timestamp: p.timestamp,
    })),
    resolutions: applications.flatMap((a) =>
      a.outcomeResolution !== null && a.resolvedAt !== null
        ? [{ applicationId: a.id, paidOff: a.outcomeResolution, timestamp: a.resolvedAt }]
        : [],
    ),
    estimates: estimates.map((e) => ({
      applicationId: e.applicationId,
      trustee: e.trustee,
      committed: e.status !== "recused",
      recused: e.status === "recused",
      ...(e.status === "revealed" && e.probabilityBps !== null ? { probabilityBps: e.probabilityBps } : {}),
    })),
  };
}

/** The time of the newest indexed event (0 before any). */
async function newestIndexedTime(): Promise<bigint> {
  const [newest] = await db
    .select({ timestamp: fundEvent.timestamp })
    .from(fundEvent)
    .orderBy(desc(fundEvent.blockNumber))
    .limit(1);
  return newest?.timestamp ?? 0n;
}

/** The track records at `at` (seconds; the newest indexed event's time when absent or not a number). */
export async function trackRecordsAnswer(at: string | undefined): Promise<string> {
  const time = at !== undefined && /^\d+$/.test(at) ? BigInt(at) : await newestIndexedTime();
  return trackRecordsToJson(computeTrackRecords(await factsFromTables(), time));
}
