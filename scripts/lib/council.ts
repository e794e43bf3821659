// Passing a council proposal from Node (the seed, the benchmarks, the browser tests' set-up): the
// SDK's builders propose, approve and execute; only who sends each step is chosen here.
import type { Account, Chain, PublicClient, Transport, WalletClient } from "viem";

import type { ActionArgs, ActionKind } from "@fef/sdk/actionKinds";
import { approveProposal, executeProposal, proposeAction } from "@fef/sdk/actions/council";
import type { FundAddresses } from "@fef/sdk/deployments";
import { trusteeCouncilAbi } from "@fef/sdk/generated/abis";
import { sendSteps } from "@fef/sdk/steps";

/** A wallet client with its account (hardhat-viem's, or viem's over an unlocked dev account). */
export type Wallet = WalletClient<Transport, Chain | undefined, Account>;

/** Who passes a proposal: one trustee proposes, the approvers bring it to the threshold, one executes. */
export type Passing = {
  readonly proposer: Wallet;
  readonly approvers: readonly Wallet[];
  readonly executor: Wallet;
};

/** The id the council gives its next proposal. */
export async function nextProposalId(
  client: PublicClient,
  fund: Pick<FundAddresses, "TrusteeCouncil">,
): Promise<bigint> {
  const count = await client.readContract({
    address: fund.TrusteeCouncil,
    abi: trusteeCouncilAbi,
    functionName: "proposalCount",
  });
  return count + 1n;
}

/** Proposes `kind` with `args` and approves it with each approver in turn, without executing; returns its id. */
export async function approvedProposal<K extends ActionKind>(
  client: PublicClient,
  fund: Pick<FundAddresses, "TrusteeCouncil">,
  passing: Omit<Passing, "executor">,
  kind: K,
  args: ActionArgs<K>,
): Promise<bigint> {
  const id = await nextProposalId(client, fund);
  await sendSteps(passing.proposer, client, proposeAction(fund, kind, args));
  for (const approver of passing.approvers) await sendSteps(approver, client, approveProposal(fund, id));
  return id;
}

/** Proposes `kind` with `args`, approves it with each approver in turn, executes it; returns its id. */
export async function passProposal<K extends ActionKind>(
  client: PublicClient,
  fund: Pick<FundAddresses, "TrusteeCouncil">,
  passing: Passing,
  kind: K,
  args: ActionArgs<K>,
): Promise<bigint> {
  const id = await approvedProposal(client, fund, passing, kind, args);
  await sendSteps(passing.executor, client, executeProposal(fund, id));
  return id;
}
