// Trustees: propose, approve, revoke an approval, execute. Every privileged change goes through these.
import type { Address } from "viem";

import {
  encodeActionArgs,
  ActionKindValue,
  actionKindLabel,
  type ActionArgs,
  type ActionKind,
} from "../actionKinds.ts";
import type { FundAddresses } from "../deployments.ts";
import { trusteeCouncilAbi } from "../generated/abis.ts";
import { singleStep, type Step } from "../steps.ts";

type Council = Pick<FundAddresses, "TrusteeCouncil">;
const councilStep = singleStep(trusteeCouncilAbi);

/** `TrusteeCouncil.propose(kind, args)` with typed arguments of the routed function. A trustee. */
export function proposeAction<K extends ActionKind>(fund: Council, kind: K, args: ActionArgs<K>): Step[] {
  return councilStep(fund.TrusteeCouncil, `Propose: ${actionKindLabel(kind)}`, "propose", [
    ActionKindValue[kind],
    encodeActionArgs(kind, args),
  ]);
}

/** `TrusteeCouncil.approve(proposalId)`. A trustee who has not approved yet. */
export function approveProposal(fund: Council, proposalId: bigint): Step[] {
  return councilStep(fund.TrusteeCouncil, `Approve proposal #${proposalId}`, "approve", [proposalId]);
}

/** `TrusteeCouncil.revokeApproval(proposalId)`. A trustee who approved. */
export function revokeApproval(fund: Council, proposalId: bigint): Step[] {
  return councilStep(
    fund.TrusteeCouncil,
    `Withdraw the approval of proposal #${proposalId}`,
    "revokeApproval",
    [proposalId],
  );
}

/** `TrusteeCouncil.execute(proposalId)` once approvals reach the threshold. A trustee. */
export function executeProposal(fund: Council, proposalId: bigint): Step[] {
  return councilStep(fund.TrusteeCouncil, `Execute proposal #${proposalId}`, "execute", [proposalId]);
}

/** `ITrusteeCouncil.Module` values: the modules a migration can replace. */
export const Module = { GrantRounds: 0, Offerings: 1, ReturnsRegistry: 2 } as const;
export type ModuleValue = (typeof Module)[keyof typeof Module];

/**
 * Proposes a module migration: `newModule` replaces `module` once the council's migration delay has
 * passed after execution. `retireOld` revokes the old module's roles at migration (its unclaimed
 * awards, stipends or subscribed shares then stay unclaimable). A trustee.
 */
export function proposeMigration(
  fund: Council,
  m: { readonly module: ModuleValue; readonly newModule: Address; readonly retireOld: boolean },
): Step[] {
  return proposeAction(fund, "AnnounceMigration", [m.module, m.newModule, m.retireOld]);
}

/** Proposes to withdraw the announced migration of `module` before it is executed. A trustee. */
export function proposeMigrationCancel(fund: Council, module: ModuleValue): Step[] {
  return proposeAction(fund, "CancelMigration", [module]);
}

/** `TrusteeCouncil.executeMigration(module)` once its delay has passed. Anyone. */
export function executeMigration(fund: Council, module: ModuleValue): Step[] {
  return councilStep(fund.TrusteeCouncil, `Carry out the migration of module ${module}`, "executeMigration", [
    module,
  ]);
}

/**
 * Proposes to return `amount` of `asset` that reached Offerings or the capital pool outside their
 * books to `to` (never more than the contract's `strays(asset)`). A trustee.
 */
export function proposeStrayRecovery(
  fund: Council,
  r: {
    readonly from: "Offerings" | "CapitalPool";
    readonly asset: Address;
    readonly to: Address;
    readonly amount: bigint;
  },
): Step[] {
  const kind = r.from === "Offerings" ? "RecoverOfferingsStrays" : "RecoverPoolStrays";
  return proposeAction(fund, kind, [r.asset, r.to, r.amount]);
}
