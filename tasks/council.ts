// Trustee tasks of the council: propose, approve, execute, list proposals.
import type { Hex } from "viem";

import {
  actionKindIndex,
  actionKinds,
  actionSignature,
  decodeActionArgs,
  isActionKind,
} from "@fef/sdk/actionKinds";
import { approveProposal, executeProposal, proposeAction } from "@fef/sdk/actions/council";
import { executionOutcomes } from "@fef/sdk/execution";
import { reviewProposal } from "@fef/sdk/proposalReview";
import { decodeActionResult, encodeActionParams } from "@fef/sdk/proposals";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { optional, parseId, parseJson, parseWhole, required } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, chainTime, fundAction } from "./lib/fund.js";
import { emit, inlineJson, isoTime } from "./lib/output.js";
import { type ProposalView, assetsOf, fundView, readNewestProposals, readProposal } from "./lib/reads.js";
import { trustee, trusteeWho } from "./lib/roles.js";
import { fundEvent, send } from "./lib/send.js";

export interface ProposeArgs extends CommonArgs {
  kind?: string;
  params?: string;
}

export interface ProposalIdArgs extends CommonArgs {
  id?: string;
}

export interface ProposalsArgs extends CommonArgs {
  all: boolean;
  limit?: string;
}

export interface ProposalSummary extends ProposalView {
  transaction: string;
  /** at proposing: the review's warnings (the dashboard shows the same before proposing) */
  warnings?: readonly string[];
}

export interface ExecutionSummary extends ProposalSummary {
  executor: string;
  /** what the routed function returned, by output name (e.g. `roundId`) */
  returned: Record<string, unknown>;
}

export const propose = fundAction(async (fund, args: ProposeArgs): Promise<ProposalSummary> => {
  const kind = required("kind", args.kind);
  if (!isActionKind(kind)) fail(`--kind: unknown kind "${kind}"; the kinds are ${actionKinds.join(", ")}`);
  const signature = actionSignature(kind);
  const takesNothing = actionSignature(kind).endsWith("()");
  const given = optional(args.params);
  if (given === undefined && !takesNothing) {
    fail(`--params is required: a JSON array of the arguments of ${signature}`);
  }
  let encoded: Hex;
  try {
    encoded = encodeActionParams(kind, given === undefined ? [] : parseJson("params", given), "--params");
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const signer = await actingAccount(fund.wallets, args.from, trustee(fund));
  // The same review the dashboard shows before proposing: its warnings are printed with the result.
  const council = await fundView(fund);
  const review = reviewProposal(actionKindIndex(kind), encoded, {
    assets: assetsOf(council),
    names: {},
    trustees: council.trustees,
    threshold: council.threshold,
    totalSupply: council.totalSupply,
    now: council.timestamp,
  });
  // The builder takes the routed function's arguments typed; they are the JSON's, checked and encoded above.
  const sent = await send(fund, signer, proposeAction(fund.addresses, kind, decodeActionArgs(kind, encoded)));
  const created = fundEvent(fund, sent, "TrusteeCouncil", "ProposalCreated");
  const id = created.args.proposalId;
  const view = await readProposal(fund, id, await chainTime(fund));
  const summary: ProposalSummary = { ...view, transaction: sent.transaction, warnings: review.warnings };
  return emit(args.json, summary, () => [
    `Proposal #${id} created by ${signer.account.address}: ${kind} ${inlineJson(view.params)}`,
    ...approvalLines(view),
    ...review.warnings.map((warning) => `Warning: ${warning}`),
  ]);
});

/** An id of an existing proposal that is neither executed nor expired. */
async function openProposal(fund: Fund, given: string | undefined): Promise<ProposalView> {
  const id = parseId("id", given, (await fundView(fund)).proposalCount, "proposal");
  const view = await readProposal(fund, id, await chainTime(fund));
  if (view.state === "executed") fail(`--id: proposal ${id} (${view.kind}) was already executed`);
  if (view.state === "expired" || (view.state === "failed" && (await chainTime(fund)) > view.expiresAt))
    fail(`--id: proposal ${id} (${view.kind}) expired at ${isoTime(view.expiresAt)}`);
  return view;
}

export const approve = fundAction(async (fund, args: ProposalIdArgs): Promise<ProposalSummary> => {
  const before = await openProposal(fund, args.id);
  const id = before.id;
  const approved = new Set(before.approvedBy.map((address) => address.toLowerCase()));
  const signer = await actingAccount(
    fund.wallets,
    args.from,
    trusteeWho(fund, `has not approved proposal ${id}`, async (address) =>
      approved.has(address.toLowerCase()) ? `has already approved proposal ${id}` : true,
    ),
  );
  const sent = await send(fund, signer, approveProposal(fund.addresses, id));
  const view = await readProposal(fund, id, await chainTime(fund));
  const summary: ProposalSummary = { ...view, transaction: sent.transaction };
  return emit(args.json, summary, () => [
    `${signer.account.address} approved proposal #${id} (${view.kind})`,
    ...approvalLines(view),
  ]);
});

export const execute = fundAction(async (fund, args: ProposalIdArgs): Promise<ExecutionSummary> => {
  const before = await openProposal(fund, args.id);
  const id = before.id;
  if (before.approvals < before.threshold) {
    fail(
      `--id: proposal ${id} (${before.kind}) has ${before.approvals} of the ${before.threshold} approvals it needs`,
    );
  }
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(fund, signer, executeProposal(fund.addresses, id));
  const [outcome] = executionOutcomes(sent.receipt.logs);
  if (outcome && !outcome.executed) {
    const after = await readProposal(fund, id, await chainTime(fund));
    fail(
      `proposal ${id} (${before.kind}) was executed but its action failed: ${outcome.message} ` +
        `The failure is recorded on chain (transaction ${sent.transaction}); nothing changed. ` +
        `It may be executed again until ${isoTime(after.expiresAt)}.`,
    );
  }
  const executed = fundEvent(fund, sent, "TrusteeCouncil", "ProposalExecuted");
  const returned = decodeReturned(before.kind, executed.args.result);
  const view = await readProposal(fund, id, await chainTime(fund));
  const summary: ExecutionSummary = {
    ...view,
    executor: signer.account.address,
    returned,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Proposal #${id} executed by ${signer.account.address}: ${view.kind} ${inlineJson(view.params)}`,
    ...(Object.keys(returned).length > 0 ? [`  returned ${inlineJson(returned)}`] : []),
  ]);
});

function decodeReturned(kind: string, result: Hex): Record<string, unknown> {
  if (!isActionKind(kind)) return {};
  return decodeActionResult(kind, result);
}

export interface ProposalsSummary {
  count: bigint;
  threshold: bigint;
  trustees: string[];
  proposals: ProposalView[];
}

export const proposals = fundAction(async (fund, args: ProposalsArgs): Promise<ProposalsSummary> => {
  const limit = optional(args.limit) === undefined ? 50n : parseWhole("limit", args.limit, 1n);
  const [council, now] = await Promise.all([fundView(fund), chainTime(fund)]);
  const { proposalCount: count, threshold, trustees } = council;
  const views = await readNewestProposals(fund, council, limit, now);
  const shown = args.all
    ? views
    : views.filter((view) => view.state === "open" || view.state === "ready" || view.state === "failed");
  const summary: ProposalsSummary = { count, threshold, trustees: [...trustees], proposals: shown };
  return emit(args.json, summary, () => [
    `Council: ${trustees.length} trustees, ${threshold} approvals needed; ${count} proposals in all`,
    shown.length === 0
      ? `No ${args.all ? "" : "open "}proposals among the newest ${limit}.`
      : `${args.all ? "Proposals" : "Open proposals"} (newest first):`,
    ...shown.flatMap((view) => [
      `  #${view.id} ${view.kind} ${inlineJson(view.params)} — ${view.state}, ${view.approvals}/${view.threshold} approvals, expires ${isoTime(view.expiresAt)}`,
      ...(view.approvedBy.length > 0 ? [`      approved by ${view.approvedBy.join(", ")}`] : []),
    ]),
  ]);
});

function approvalLines(view: ProposalView): string[] {
  const next =
    view.state === "ready"
      ? `ready to execute: hardhat council:execute --id ${view.id}`
      : `needs ${view.threshold - view.approvals} more approval(s): hardhat council:approve --id ${view.id}`;
  return [`  ${view.approvals}/${view.threshold} approvals; expires ${isoTime(view.expiresAt)}; ${next}`];
}
