// Companies, their commitments and every reported period (a payment) with its lateness; the report
// also enters the returns ledger.
import { commitment, company, payment } from "ponder:schema";

import { judgeReport, pausedSecondsAt } from "@fef/sdk/history/lateness";

import { onEvent, recordActivity, recordReturns } from "./events";
import { readPauseClock } from "./pauses";
import { position, registration } from "./position";

onEvent("ReturnsRegistry:CompanyRegistered", async ({ event, context }) => {
  const { companyId, admin, name, uri } = event.args;
  await context.db.insert(company).values({ id: companyId, admin, name, uri, ...registration(event) });
});

onEvent("ReturnsRegistry:CompanyAdminChanged", async ({ event, context }) => {
  const { companyId, admin } = event.args;
  if (await context.db.find(company, { id: companyId })) {
    await context.db.update(company, { id: companyId }).set({ admin });
  }
});

onEvent("ReturnsRegistry:CommitmentRegistered", async ({ event, context }) => {
  const { commitmentId, companyId, signer, terms } = event.args;
  await context.db.insert(commitment).values({
    id: commitmentId,
    companyId,
    signer,
    modelName: terms.modelName,
    returnsShareBps: terms.returnsShareBps,
    start: terms.start,
    end: terms.end,
    periodLength: terms.periodLength,
    gracePeriod: terms.gracePeriod,
    // The registry marks the ledger's paused seconds at submission.
    pausedSecondsAt: pausedSecondsAt(await readPauseClock(context), event.block.timestamp),
    techniqueIds: [...terms.techniqueIds],
    periodsReported: 0,
    periodsLate: 0,
    ...registration(event),
  });
});

onEvent("ReturnsRegistry:ReturnsReported", async ({ event, context }) => {
  const { commitmentId, period, asset, grossReturns, paid, evidenceHash } = event.args;
  const terms = await context.db.find(commitment, { id: commitmentId });
  // Judged by the registry's rule: due by the period's end plus the grace period plus the seconds the
  // ledger spent paused since the commitment's mark; the report may then move the mark.
  const judged = terms
    ? judgeReport(terms, period, event.block.timestamp, terms.pausedSecondsAt, await readPauseClock(context))
    : undefined;
  const periodEndsAt = judged?.periodEndsAt ?? 0n;
  const dueBy = judged?.dueBy ?? 0n;
  const secondsLate = judged?.secondsLate ?? 0n;
  const late = judged?.late ?? false;
  await context.db.insert(payment).values({
    id: `${commitmentId}-${period}`,
    commitmentId,
    companyId: terms?.companyId ?? 0n,
    period,
    asset,
    grossReturns,
    paid,
    evidenceHash,
    periodEndsAt,
    dueBy,
    lateness: late ? "late" : "on_time",
    secondsLate,
    disputed: false,
    ...position(event),
  });
  if (terms) {
    await context.db.update(commitment, { id: commitmentId }).set((old) => ({
      periodsReported: old.periodsReported + 1,
      periodsLate: old.periodsLate + (late ? 1 : 0),
      pausedSecondsAt: judged?.markAfter ?? old.pausedSecondsAt,
    }));
  }
  await recordReturns(context, event, {
    kind: "reported",
    asset,
    account: terms?.signer ?? null,
    amount: paid,
    supplyOrGross: grossReturns,
    commitmentId,
    period,
    cumulative: 0n,
  });
  if (terms) {
    await recordActivity(context, event, terms.signer, "reported returns", {
      asset,
      amount: paid,
      refId: commitmentId,
    });
  }
});

onEvent("ReturnsRegistry:ReportDisputed", async ({ event, context }) => {
  const id = `${event.args.commitmentId}-${event.args.period}`;
  if (await context.db.find(payment, { id }))
    await context.db.update(payment, { id }).set({ disputed: true });
});

onEvent("ReturnsRegistry:DisputeResolved", async ({ event, context }) => {
  const id = `${event.args.commitmentId}-${event.args.period}`;
  if (await context.db.find(payment, { id }))
    await context.db.update(payment, { id }).set({ disputed: false });
});
