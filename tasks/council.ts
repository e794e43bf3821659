// Trustee tasks of the council: propose, approve, execute, list proposals.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Hex } from "viem";

import { ActionKindValue, actionKinds, actionSignature, isActionKind } from "@fef/sdk/actionKinds";
import { decodeActionResult, encodeActionParams } from "@fef/sdk/proposals";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { optional, parseId, parseJson, parseWhole, required } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, chainTime, connectFund } from "./lib/fund.js";
import { emit, inlineJson, isoTime } from "./lib/output.js";
import { type ProposalView, newestIds, readProposal } from "./lib/reads.js";
import { trustee, trusteeWho } from "./lib/roles.js";
import { findEvent, send } from "./lib/send.js";

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
}

export interface ExecutionSummary extends ProposalSummary {
  executor: string;
  /** what the routed function returned, by output name (e.g. `roundId`) */
  returned: Record<string, unknown>;
}

export async function propose(args: ProposeArgs, hre: HardhatRuntimeEnvironment): Promise<ProposalSummary> {
  const fund = await connectFund(hre, args.deployment);
  const kind = required("kind", args.kind);
  if (!isActionKind(kind)) fail(`--kind: unknown kind "${kind}"; the kinds are ${actionKinds.join(", ")}`);
  const signature = actionSignature(kind);
  const takesNothing = actionSignature(kind).endsWith("()");
  const given = optional(args.params);
  if (given === undefined && !takesNothing) {
    fail(`--params is required: a JSON array of the arguments of ${signature}`);
  }
  let encoded: string;
  try {
    encoded = encodeActionParams(kind, given === undefined ? [] : parseJson("params", given), "--params");
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const signer = await actingAccount(fund.signers, args.from, trustee(fund));
  const receipt = await send(fund, `Proposing ${kind}`, () =>
    fund.council.connect(signer).propose(ActionKindValue[kind], encoded),
  );
  const created = findEvent(
    receipt,
    fund.council.interface,
    fund.addresses.TrusteeCouncil,
    "ProposalCreated",
  );
  const id = BigInt(created.args.getValue("proposalId"));
  const view = await readProposal(fund, id, await chainTime(fund));
  const summary: ProposalSummary = { ...view, transaction: receipt.hash };
  return emit(args.json, summary, () => [
    `Proposal #${id} created by ${signer.address}: ${kind} ${inlineJson(view.params)}`,
    ...approvalLines(view),
  ]);
}

/** An id of an existing proposal that is neither executed nor expired. */
async function openProposal(fund: Fund, given: string | undefined): Promise<ProposalView> {
  const id = parseId("id", given, await fund.council.proposalCount(), "proposal");
  const view = await readProposal(fund, id, await chainTime(fund));
  if (view.state === "executed") fail(`--id: proposal ${id} (${view.kind}) was already executed`);
  if (view.state === "expired")
    fail(`--id: proposal ${id} (${view.kind}) expired at ${isoTime(view.expiresAt)}`);
  return view;
}

export async function approve(
  args: ProposalIdArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<ProposalSummary> {
  const fund = await connectFund(hre, args.deployment);
  const before = await openProposal(fund, args.id);
  const id = before.id;
  const signer = await actingAccount(
    fund.signers,
    args.from,
    trusteeWho(fund, `has not approved proposal ${id}`, async (address) =>
      (await fund.council.hasApproved(id, address)) ? `has already approved proposal ${id}` : true,
    ),
  );
  const receipt = await send(fund, `Approving proposal ${id}`, () =>
    fund.council.connect(signer).approve(id),
  );
  const view = await readProposal(fund, id, await chainTime(fund));
  const summary: ProposalSummary = { ...view, transaction: receipt.hash };
  return emit(args.json, summary, () => [
    `${signer.address} approved proposal #${id} (${view.kind})`,
    ...approvalLines(view),
  ]);
}

export async function execute(
  args: ProposalIdArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<ExecutionSummary> {
  const fund = await connectFund(hre, args.deployment);
  const before = await openProposal(fund, args.id);
  const id = before.id;
  if (before.approvals < before.threshold) {
    fail(
      `--id: proposal ${id} (${before.kind}) has ${before.approvals} of the ${before.threshold} approvals it needs`,
    );
  }
  const signer = await actingAccount(fund.signers, args.from, ANYONE);
  const receipt = await send(fund, `Executing proposal ${id} (${before.kind})`, () =>
    fund.council.connect(signer).execute(id),
  );
  const executed = findEvent(
    receipt,
    fund.council.interface,
    fund.addresses.TrusteeCouncil,
    "ProposalExecuted",
  );
  const returned = decodeReturned(before.kind, executed.args.getValue("result") as string);
  const view = await readProposal(fund, id, await chainTime(fund));
  const summary: ExecutionSummary = {
    ...view,
    executor: signer.address,
    returned,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `Proposal #${id} executed by ${signer.address}: ${view.kind} ${inlineJson(view.params)}`,
    ...(Object.keys(returned).length > 0 ? [`  returned ${inlineJson(returned)}`] : []),
  ]);
}

function decodeReturned(kind: string, result: string): Record<string, unknown> {
  if (!isActionKind(kind)) return {};
  return decodeActionResult(kind, result as Hex);
}

export interface ProposalsSummary {
  count: bigint;
  threshold: bigint;
  trustees: string[];
  proposals: ProposalView[];
}

export async function proposals(
  args: ProposalsArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<ProposalsSummary> {
  const fund = await connectFund(hre, args.deployment);
  const limit = optional(args.limit) === undefined ? 50n : parseWhole("limit", args.limit, 1n);
  const [count, threshold, trustees, now] = await Promise.all([
    fund.council.proposalCount(),
    fund.council.threshold(),
    fund.council.trustees(),
    chainTime(fund),
  ]);
  const views = await Promise.all(newestIds(count, limit).map((id) => readProposal(fund, id, now)));
  const shown = args.all ? views : views.filter((view) => view.state === "open" || view.state === "ready");
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
}

function approvalLines(view: ProposalView): string[] {
  const next =
    view.state === "ready"
      ? `ready to execute: hardhat council:execute --id ${view.id}`
      : `needs ${view.threshold - view.approvals} more approval(s): hardhat council:approve --id ${view.id}`;
  return [`  ${view.approvals}/${view.threshold} approvals; expires ${isoTime(view.expiresAt)}; ${next}`];
}
