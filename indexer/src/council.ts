// Council proposals with their approvals and every execution attempt (successful or reverted).
import type { Context } from "ponder:registry";
import { proposal, proposalApproval, proposalExecution } from "ponder:schema";

import { onEvent, recordActivity } from "./events";
import { logId } from "./position";

onEvent("TrusteeCouncil:ProposalCreated", async ({ event, context }) => {
  const { proposalId, kind, proposer, args, expiresAt } = event.args;
  await context.db.insert(proposal).values({
    id: proposalId,
    kind,
    proposer,
    args,
    expiresAt,
    status: "open",
    approvals: 0,
    failedExecutions: 0,
    createdAt: event.block.timestamp,
  });
  await recordActivity(context, event, proposer, "proposed", { refId: proposalId });
});

onEvent("TrusteeCouncil:ProposalApproved", async ({ event, context }) => {
  const { proposalId, trustee } = event.args;
  await context.db
    .insert(proposalApproval)
    .values({ proposalId, trustee, approvedAt: event.block.timestamp })
    .onConflictDoUpdate({ approvedAt: event.block.timestamp, revokedAt: null });
  if (await context.db.find(proposal, { id: proposalId })) {
    await context.db.update(proposal, { id: proposalId }).set((old) => ({ approvals: old.approvals + 1 }));
  }
  await recordActivity(context, event, trustee, "approved", { refId: proposalId });
});

onEvent("TrusteeCouncil:ApprovalRevoked", async ({ event, context }) => {
  const { proposalId, trustee } = event.args;
  if (await context.db.find(proposalApproval, { proposalId, trustee })) {
    await context.db
      .update(proposalApproval, { proposalId, trustee })
      .set({ revokedAt: event.block.timestamp });
  }
  if (await context.db.find(proposal, { id: proposalId })) {
    await context.db
      .update(proposal, { id: proposalId })
      .set((old) => ({ approvals: Math.max(0, old.approvals - 1) }));
  }
});

type ExecutionEvent = Parameters<typeof logId>[0] & {
  readonly args: { readonly proposalId: bigint; readonly executor: `0x${string}` };
};

/** One execution attempt of a proposal: its result when it succeeded, its revert reason when it failed. */
async function recordExecution(
  context: Context,
  event: ExecutionEvent,
  succeeded: boolean,
  data: `0x${string}`,
): Promise<void> {
  const { proposalId, executor } = event.args;
  await context.db.insert(proposalExecution).values({
    id: logId(event),
    proposalId,
    executor,
    succeeded,
    data,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  if (!(await context.db.find(proposal, { id: proposalId }))) return;
  const row = context.db.update(proposal, { id: proposalId });
  if (succeeded) await row.set({ status: "executed", executedAt: event.block.timestamp });
  else await row.set((old) => ({ status: "failed", failedExecutions: old.failedExecutions + 1 }));
}

onEvent("TrusteeCouncil:ProposalExecuted", async ({ event, context }) => {
  await recordExecution(context, event, true, event.args.result);
});

onEvent("TrusteeCouncil:ProposalExecutionFailed", async ({ event, context }) => {
  await recordExecution(context, event, false, event.args.reason);
});
