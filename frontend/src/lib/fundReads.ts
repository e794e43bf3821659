import type { Address } from "viem";

import type { FundAddresses } from "@fef/sdk/deployments";
import { grantRoundsAbi } from "@fef/sdk/generated/abis";
import type { Step } from "@fef/sdk/steps";

/**
 * The dashboard's reads of the Fund, each a TanStack query under `["fef", chainId, read, …]`. The
 * event history is keyed by the snapshot's block, so it follows the snapshot and needs no entry here.
 */
export const fundReads = ["snapshot", "applications", "companies", "commitments", "balances"] as const;
export type FundRead = (typeof fundReads)[number];

/** Query keys of the Fund's reads (bigints as decimal strings: query keys are hashed as JSON). */
export const fundKeys = {
  read: (chainId: number, read: FundRead) => ["fef", chainId, read] as const,
  snapshot: (chainId: number, viewer: Address | undefined, holderOffset: number) =>
    ["fef", chainId, "snapshot", viewer ?? null, holderOffset] as const,
  byIds: (
    chainId: number,
    read: "applications" | "companies" | "commitments",
    ids: readonly bigint[],
    viewer?: Address,
  ) => ["fef", chainId, read, ids.map(String), viewer ?? null] as const,
  trusteeRecords: (chainId: number, roundId: bigint) =>
    ["fef", chainId, "trusteeRecords", roundId.toString()] as const,
  balances: (chainId: number, accounts: readonly Address[]) =>
    ["fef", chainId, "balances", accounts] as const,
};

type Contract = Exclude<keyof FundAddresses, "FundLens" | "CapitalPool"> | "ERC20";

/**
 * What each write the dashboard sends changes, as the reads to refresh once it is confirmed. The
 * snapshot holds every list and figure of the lens (and moves the history along with its block);
 * the other reads are the researcher's applications, the company's companies and commitments, and
 * the share balances of the dev-account picker.
 */
const affects: Readonly<Record<`${Contract}.${string}`, readonly FundRead[]>> = {
  "ERC20.approve": [],
  "GrantRounds.submitApplication": ["snapshot"],
  "GrantRounds.commitEstimates": ["snapshot"],
  "GrantRounds.revealEstimates": ["snapshot"],
  "GrantRounds.finalizeApplications": ["snapshot", "applications"],
  "GrantRounds.refundDeposit": ["snapshot", "applications"],
  "GrantRounds.settleRound": ["snapshot", "applications"],
  "GrantRounds.topUpStipends": ["snapshot", "applications"],
  "GrantRounds.claimShares": ["snapshot", "applications", "balances"],
  "GrantRounds.claimStipend": ["snapshot", "applications"],
  "Offerings.subscribe": ["snapshot"],
  "Offerings.claimShares": ["snapshot", "balances"],
  "Offerings.settleOffering": ["snapshot"],
  "ReturnsRegistry.registerCompany": ["snapshot"],
  "ReturnsRegistry.setCompanyAdmin": ["snapshot", "companies"],
  "ReturnsRegistry.setCompanySigner": ["snapshot", "companies"],
  "ReturnsRegistry.submitCommitment": ["snapshot", "commitments"],
  "ReturnsRegistry.reportReturns": ["snapshot", "commitments"],
  "ReturnsRegistry.donate": ["snapshot"],
  "FundShares.claimReturns": ["snapshot"],
  "FundShares.claimEth": ["snapshot"],
  "FundShares.claimAll": ["snapshot"],
  "FundShares.transfer": ["snapshot", "balances"],
  "FundShares.syncReturns": ["snapshot"],
  "FundShares.moveHeldToCapital": ["snapshot"],
  "ReturnsRegistry.invalidateNonce": ["snapshot", "commitments"],
  "ReturnsRegistry.invalidateNoncesBelow": ["snapshot", "commitments"],
  "TrusteeCouncil.executeMigration": fundReads,
  "TrusteeCouncil.propose": ["snapshot"],
  "TrusteeCouncil.approve": ["snapshot"],
  "TrusteeCouncil.revokeApproval": ["snapshot"],
  // An executed proposal may do anything the council can (mint, open, pause, register…).
  "TrusteeCouncil.execute": fundReads,
};

const contractNames: readonly Exclude<Contract, "ERC20">[] = [
  "TrusteeCouncil",
  "FundShares",
  "GrantRounds",
  "Offerings",
  "ReturnsRegistry",
];

/**
 * `GrantRounds.commitEstimates`, or `ERC20.approve` for a token's approval. A grant-rounds module the
 * council migrated away from (a researcher claims there) counts as `GrantRounds`.
 */
export function writeName(fund: FundAddresses, step: Step): string {
  const contract =
    contractNames.find((name) => fund[name].toLowerCase() === step.address.toLowerCase()) ??
    (step.abi === grantRoundsAbi ? "GrantRounds" : "ERC20");
  return `${contract}.${step.functionName}`;
}

/** The reads that `steps` change; a write missing from the map refreshes the snapshot. */
export function affectedReads(fund: FundAddresses, steps: readonly Step[]): FundRead[] {
  const reads = new Set<FundRead>();
  for (const step of steps)
    for (const read of affects[writeName(fund, step) as keyof typeof affects] ?? ["snapshot"])
      reads.add(read);
  return [...reads];
}
