// Holders claim returns and (when the council has enabled transfers) move shares; anyone may sync
// tokens sent straight to the ledger or release undistributed returns.
import type { Address } from "viem";

import { isEth } from "../assets.ts";
import type { FundAddresses } from "../deployments.ts";
import { formatShares } from "../format.ts";
import { fundSharesAbi } from "../generated/abis.ts";
import { step, type Step } from "../steps.ts";

type Shares = Pick<FundAddresses, "FundShares">;

/**
 * `FundShares.claimReturns(asset)`, or `FundShares.claimEth()` for ETH (the same claim without an
 * argument, cheaper to send). A holder with returns in `asset`.
 */
export function claimReturns(fund: Shares, asset: Address): Step[] {
  if (isEth(asset)) {
    return [
      step({
        label: "Claim returns",
        address: fund.FundShares,
        abi: fundSharesAbi,
        functionName: "claimEth",
        args: [],
      }),
    ];
  }
  return [
    step({
      label: "Claim returns",
      address: fund.FundShares,
      abi: fundSharesAbi,
      functionName: "claimReturns",
      args: [asset],
    }),
  ];
}

/** `FundShares.claimAll()`: returns in every asset at once. A holder. */
export function claimAll(fund: Shares): Step[] {
  return [
    step({
      label: "Claim returns in every asset",
      address: fund.FundShares,
      abi: fundSharesAbi,
      functionName: "claimAll",
      args: [],
    }),
  ];
}

/** `FundShares.transfer(to, amount)`: only while the council has share transfers on. A holder. */
export function transferShares(fund: Shares, to: Address, amount: bigint): Step[] {
  return [
    step({
      label: `Transfer ${formatShares(amount)} to ${to}`,
      address: fund.FundShares,
      abi: fundSharesAbi,
      functionName: "transfer",
      args: [to, amount],
    }),
  ];
}

/** `FundShares.syncReturns(asset)`: distribute tokens sent to the ledger without a payment. Anyone. */
export function syncReturns(fund: Shares, asset: Address): Step[] {
  return [
    step({
      label: "Distribute returns sent straight to the ledger",
      address: fund.FundShares,
      abi: fundSharesAbi,
      functionName: "syncReturns",
      args: [asset],
    }),
  ];
}

/**
 * `FundShares.moveHeldToCapital(asset)`: returns held while fewer than one whole share existed move
 * into the capital pool (owed to no holder; they fund stipends). Anyone.
 */
export function moveHeldToCapital(fund: Shares, asset: Address): Step[] {
  return [
    step({
      label: "Move held returns into the capital pool",
      address: fund.FundShares,
      abi: fundSharesAbi,
      functionName: "moveHeldToCapital",
      args: [asset],
    }),
  ];
}
