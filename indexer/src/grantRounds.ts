// Every grant-round handler (rounds, applications, trustees' estimates, awards), in this one file so a
// change of the grant-round events is adapted here alone. Estimate status: committed → revealed; a
// committed estimate still unrevealed when its application is finalised becomes missed.
import { and, eq } from "ponder";
import type { Context } from "ponder:registry";
import { application, estimate, round, trusteeRecord } from "ponder:schema";

import { recordMint } from "./provenance";
import { onEvent, recordActivity } from "./events";

type Tally = "committed" | "revealed" | "missed" | "recused";

async function tally(
  context: Context,
  trustee: `0x${string}`,
  counted: Tally,
  uncounted?: Tally,
): Promise<void> {
  const zero = { committed: 0, revealed: 0, missed: 0, recused: 0 };
  await context.db
    .insert(trusteeRecord)
    .values({ trustee, ...zero, [counted]: 1 })
    .onConflictDoUpdate((old) => ({
      [counted]: old[counted] + 1,
      ...(uncounted ? { [uncounted]: Math.max(0, old[uncounted] - 1) } : {}),
    }));
}

onEvent("GrantRounds:RoundOpened", async ({ event, context }) => {
  const { sharePool, applicationDeadline, commitDeadline, revealDeadline, stipendAsset, stipendBudget } =
    event.args.params;
  await context.db.insert(round).values({
    id: event.args.roundId,
    sharePool,
    applicationDeadline,
    commitDeadline,
    revealDeadline,
    stipendAsset,
    stipendBudget,
    outcomeHorizon: 0n, // the council's OutcomeHorizonFixed follows in the same transaction
    status: "open",
    openedAt: event.block.timestamp,
  });
});

onEvent("GrantRounds:RoundClosed", async ({ event, context }) => {
  const id = event.args.roundId;
  if (await context.db.find(round, { id })) await context.db.update(round, { id }).set({ status: "closed" });
});

onEvent("GrantRounds:RoundSettled", async ({ event, context }) => {
  const { roundId: id, totalWeight, fundedCount } = event.args;
  if (await context.db.find(round, { id })) {
    await context.db
      .update(round, { id })
      .set({ status: "settled", totalWeight, fundedCount, settledAt: event.block.timestamp });
  }
});

onEvent("GrantRounds:StipendsToppedUp", async ({ event, context }) => {
  const { roundId: id, added } = event.args;
  if (await context.db.find(round, { id })) {
    await context.db.update(round, { id }).set((old) => ({ stipendBudget: old.stipendBudget + added }));
  }
});

onEvent("GrantRounds:ApplicationSubmitted", async ({ event, context }) => {
  const { applicationId, roundId, researcher, title, uri, contentHash, effortMonths, stipendRequested } =
    event.args;
  await context.db.insert(application).values({
    id: applicationId,
    roundId,
    researcher,
    title,
    uri,
    contentHash,
    effortMonths,
    stipendRequested,
    sharesClaimed: 0n,
    cancelled: false,
    submittedAt: event.block.timestamp,
  });
  await recordActivity(context, event, researcher, "applied", { refId: applicationId });
});

// One batched commit (at most the contract's batch bound of applications): a row per estimate.
onEvent("GrantRounds:EstimatesCommitted", async ({ event, context }) => {
  const { roundId, trustee, applicationIds } = event.args;
  for (const applicationId of applicationIds) {
    const known = await context.db.find(estimate, { applicationId, trustee });
    await context.db
      .insert(estimate)
      .values({ applicationId, trustee, roundId, status: "committed", committedAt: event.block.timestamp })
      .onConflictDoUpdate({ committedAt: event.block.timestamp });
    if (!known) await tally(context, trustee, "committed");
  }
  const kind =
    applicationIds.length === 1 ? "committed estimate" : `committed ${applicationIds.length} estimates`;
  await recordActivity(context, event, trustee, kind, { refId: roundId });
});

// A trustee who applied to a round may estimate none of its applications: recorded as recused.
onEvent("GrantRounds:TrusteeRecused", async ({ event, context }) => {
  const { applicationId, roundId, trustee } = event.args;
  const known = await context.db.find(estimate, { applicationId, trustee });
  await context.db
    .insert(estimate)
    .values({ applicationId, trustee, roundId, status: "recused" })
    .onConflictDoUpdate({ status: "recused" });
  if (!known) await tally(context, trustee, "recused");
});

onEvent("GrantRounds:EstimateRevealed", async ({ event, context }) => {
  const { applicationId, trustee, probabilityBps, effortMonths, stipend } = event.args;
  const app = await context.db.find(application, { id: applicationId });
  await context.db
    .insert(estimate)
    .values({
      applicationId,
      trustee,
      roundId: app?.roundId ?? 0n,
      status: "revealed",
      probabilityBps,
      effortMonths,
      stipend,
      revealedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({
      status: "revealed",
      probabilityBps,
      effortMonths,
      stipend,
      revealedAt: event.block.timestamp,
    });
  await tally(context, trustee, "revealed", "committed");
  await recordActivity(context, event, trustee, "revealed estimate", { refId: applicationId });
});

onEvent("GrantRounds:ApplicationFinalized", async ({ event, context }) => {
  const { applicationId: id, funded, weight } = event.args;
  if (await context.db.find(application, { id })) {
    await context.db.update(application, { id }).set({
      funded,
      weight,
      medianProbabilityBps: event.args.medianProbabilityBps,
      medianEffortMonths: event.args.medianEffortMonths,
      medianStipend: event.args.medianStipend,
      committedCount: Number(event.args.committedCount),
      revealedCount: Number(event.args.revealedCount),
    });
  }
  // Estimates committed and never revealed are missed (one row per trustee of the council).
  const missed = await context.db.sql
    .update(estimate)
    .set({ status: "missed" })
    .where(and(eq(estimate.applicationId, id), eq(estimate.status, "committed")))
    .returning();
  for (const { trustee } of missed) await tally(context, trustee, "missed", "committed");
});

onEvent("GrantRounds:SharesClaimed", async ({ event, context }) => {
  const { applicationId: id, researcher, amount } = event.args;
  if (await context.db.find(application, { id })) {
    await context.db
      .update(application, { id })
      .set((old) => ({ sharesClaimed: old.sharesClaimed + amount }));
  }
  await recordMint(context, event, researcher, amount, "award", id);
  await recordActivity(context, event, researcher, "claimed award shares", { amount, refId: id });
});

onEvent("GrantRounds:GrantCancelled", async ({ event, context }) => {
  const id = event.args.applicationId;
  if (await context.db.find(application, { id }))
    await context.db.update(application, { id }).set({ cancelled: true });
});

onEvent("GrantRounds:StipendClaimed", async ({ event, context }) => {
  const { applicationId, researcher, asset, amount } = event.args;
  await recordActivity(context, event, researcher, "claimed stipend", {
    asset,
    amount,
    refId: applicationId,
  });
});

onEvent("GrantRounds:DepositRefunded", async ({ event, context }) => {
  const { applicationId, researcher, amount } = event.args;
  await recordActivity(context, event, researcher, "refunded deposit", { amount, refId: applicationId });
});

onEvent("GrantRounds:DepositsForfeited");

// The outcome horizon a round fixed when it opened (the council records it as the round opens).
onEvent("TrusteeCouncil:OutcomeHorizonFixed", async ({ event, context }) => {
  const { roundId: id, horizon } = event.args;
  if (await context.db.find(round, { id })) {
    await context.db.update(round, { id }).set({ outcomeHorizon: BigInt(horizon) });
  }
});

// The council's resolution of a funded application's outcome (a ResolveOutcome proposal executed).
onEvent("TrusteeCouncil:OutcomeResolved", async ({ event, context }) => {
  const { applicationId: id, paidOff } = event.args;
  if (await context.db.find(application, { id })) {
    await context.db
      .update(application, { id })
      .set({ outcomeResolution: paidOff, resolvedAt: event.block.timestamp });
  }
});
