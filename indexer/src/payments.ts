// Companies, their commitments and every reported period (a payment) with its lateness; the report
// also enters the returns ledger.
import { ponder } from "ponder:registry";
import { activity, commitment, company, payment, returnsEntry } from "ponder:schema";

import { recordEvent } from "./events";
import { logId, position } from "./position";

ponder.on("ReturnsRegistry:CompanyRegistered", async ({ event, context }) => {
  await recordEvent(context, event, "ReturnsRegistry:CompanyRegistered");
  const { companyId, admin, name, uri } = event.args;
  await context.db.insert(company).values({
    id: companyId,
    admin,
    name,
    uri,
    registeredAt: event.block.timestamp,
    blockNumber: event.block.number,
  });
});

ponder.on("ReturnsRegistry:CompanyAdminChanged", async ({ event, context }) => {
  await recordEvent(context, event, "ReturnsRegistry:CompanyAdminChanged");
  const { companyId, admin } = event.args;
  if (await context.db.find(company, { id: companyId })) {
    await context.db.update(company, { id: companyId }).set({ admin });
  }
});

ponder.on("ReturnsRegistry:CommitmentRegistered", async ({ event, context }) => {
  await recordEvent(context, event, "ReturnsRegistry:CommitmentRegistered");
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
    techniqueIds: [...terms.techniqueIds],
    periodsReported: 0,
    periodsLate: 0,
    registeredAt: event.block.timestamp,
    blockNumber: event.block.number,
  });
});

ponder.on("ReturnsRegistry:ReturnsReported", async ({ event, context }) => {
  await recordEvent(context, event, "ReturnsRegistry:ReturnsReported");
  const { commitmentId, period, asset, grossReturns, paid, evidenceHash } = event.args;
  const terms = await context.db.find(commitment, { id: commitmentId });
  // Period k ends at start + (k + 1) · periodLength and is due by its end plus the grace period.
  const periodEndsAt = terms ? terms.start + (period + 1n) * terms.periodLength : 0n;
  const dueBy = terms ? periodEndsAt + terms.gracePeriod : 0n;
  const secondsLate = event.block.timestamp > dueBy ? event.block.timestamp - dueBy : 0n;
  const late = secondsLate > 0n;
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
    }));
  }
  await context.db.insert(returnsEntry).values({
    id: logId(event),
    kind: "reported",
    asset,
    account: terms?.signer ?? null,
    amount: paid,
    supplyOrGross: grossReturns,
    commitmentId,
    period,
    cumulative: 0n,
    ...position(event),
  });
  if (terms) {
    await context.db.insert(activity).values({
      id: logId(event),
      account: terms.signer,
      kind: "reported returns",
      asset,
      amount: paid,
      refId: commitmentId,
      ...position(event),
    });
  }
});

ponder.on("ReturnsRegistry:ReportDisputed", async ({ event, context }) => {
  await recordEvent(context, event, "ReturnsRegistry:ReportDisputed");
  const id = `${event.args.commitmentId}-${event.args.period}`;
  if (await context.db.find(payment, { id }))
    await context.db.update(payment, { id }).set({ disputed: true });
});

ponder.on("ReturnsRegistry:DisputeResolved", async ({ event, context }) => {
  await recordEvent(context, event, "ReturnsRegistry:DisputeResolved");
  const id = `${event.args.commitmentId}-${event.args.period}`;
  if (await context.db.find(payment, { id }))
    await context.db.update(payment, { id }).set({ disputed: false });
});
