// Investors subscribe to offerings and claim their shares; anyone settles an ended offering's raise.
import type { Address, Hex, PublicClient } from "viem";

import { isEth, readAsset } from "../assets.ts";
import type { FundAddresses } from "../deployments.ts";
import { formatAmount, formatShares } from "../format.ts";
import { offeringsAbi } from "../generated/abis.ts";
import { singleStep, step, type Step } from "../steps.ts";
import { approvalSteps } from "./approve.ts";

type Offerings = Pick<FundAddresses, "Offerings">;
const offeringsStep = singleStep(offeringsAbi);

export type SubscribeInput = {
  readonly investor: Address;
  readonly offeringId: bigint;
  /** share units (18 decimals) */
  readonly shares: bigint;
  /** Merkle proof of the investor's allowlist entry (empty for an open offering) */
  readonly proof?: readonly Hex[];
};

/**
 * Quote → approve exactly the cost if the offering is in an ERC-20 and the allowance is short →
 * `Offerings.subscribe` (sending the exact cost when it is in ETH). An investor, during the window.
 */
export async function subscribe(client: PublicClient, fund: Offerings, s: SubscribeInput): Promise<Step[]> {
  const [cost, offering] = await Promise.all([
    client.readContract({
      address: fund.Offerings,
      abi: offeringsAbi,
      functionName: "quote",
      args: [s.offeringId, s.shares],
    }),
    client.readContract({
      address: fund.Offerings,
      abi: offeringsAbi,
      functionName: "offering",
      args: [s.offeringId],
    }),
  ]);
  const asset = await readAsset(client, offering.params.asset);
  const approvals = await approvalSteps(client, {
    asset,
    owner: s.investor,
    spender: fund.Offerings,
    spenderName: "Offerings",
    amount: cost,
  });
  return [
    ...approvals,
    step({
      label: `Subscribe ${formatShares(s.shares)} in offering #${s.offeringId} for ${formatAmount(cost, asset)}`,
      address: fund.Offerings,
      abi: offeringsAbi,
      functionName: "subscribe",
      args: [s.offeringId, s.shares, s.proof ?? []],
      value: isEth(asset) ? cost : 0n,
    }),
  ];
}

/** `Offerings.claimShares`: subscribed shares, once the window has closed. The investor. */
export function claimSubscribedShares(fund: Offerings, offeringId: bigint): Step[] {
  return offeringsStep(
    fund.Offerings,
    `Claim the subscribed shares of offering #${offeringId}`,
    "claimShares",
    [offeringId],
  );
}

/** `Offerings.settleOffering`: the raise moves from escrow into the capital pool, once. Anyone, after the window. */
export function settleOffering(fund: Offerings, offeringId: bigint): Step[] {
  return offeringsStep(
    fund.Offerings,
    `Settle offering #${offeringId} into the capital pool`,
    "settleOffering",
    [offeringId],
  );
}
