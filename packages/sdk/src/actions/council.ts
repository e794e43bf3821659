// Trustees: propose, approve, revoke an approval, execute. Every privileged change goes through these.
import {
  encodeActionArgs,
  ActionKindValue,
  actionKindLabel,
  type ActionArgs,
  type ActionKind,
} from "../actionKinds.ts";
import type { FundAddresses } from "../deployments.ts";
import { trusteeCouncilAbi } from "../generated/abis.ts";
import { step, type Step } from "../steps.ts";

type Council = Pick<FundAddresses, "TrusteeCouncil">;

/** `TrusteeCouncil.propose(kind, args)` with typed arguments of the routed function. A trustee. */
export function proposeAction<K extends ActionKind>(fund: Council, kind: K, args: ActionArgs<K>): Step[] {
  return [
    step({
      label: `Propose: ${actionKindLabel(kind)}`,
      address: fund.TrusteeCouncil,
      abi: trusteeCouncilAbi,
      functionName: "propose",
      args: [ActionKindValue[kind], encodeActionArgs(kind, args)],
    }),
  ];
}

/** `TrusteeCouncil.approve(proposalId)`. A trustee who has not approved yet. */
export function approveProposal(fund: Council, proposalId: bigint): Step[] {
  return [
    step({
      label: `Approve proposal #${proposalId}`,
      address: fund.TrusteeCouncil,
      abi: trusteeCouncilAbi,
      functionName: "approve",
      args: [proposalId],
    }),
  ];
}

/** `TrusteeCouncil.revokeApproval(proposalId)`. A trustee who approved. */
export function revokeApproval(fund: Council, proposalId: bigint): Step[] {
  return [
    step({
      label: `Withdraw the approval of proposal #${proposalId}`,
      address: fund.TrusteeCouncil,
      abi: trusteeCouncilAbi,
      functionName: "revokeApproval",
      args: [proposalId],
    }),
  ];
}

/** `TrusteeCouncil.execute(proposalId)` once approvals reach the threshold. A trustee. */
export function executeProposal(fund: Council, proposalId: bigint): Step[] {
  return [
    step({
      label: `Execute proposal #${proposalId}`,
      address: fund.TrusteeCouncil,
      abi: trusteeCouncilAbi,
      functionName: "execute",
      args: [proposalId],
    }),
  ];
}
