// Holders claim returns and (when the council has enabled transfers) move shares; anyone may sync
// tokens sent straight to the ledger or release undistributed returns.
import type { Address } from "viem";

import { isEth } from "../assets.ts";
import type { FundAddresses } from "../deployments.ts";
import { formatShares } from "../format.ts";
import { fundSharesAbi } from "../generated/abis.ts";
import { singleStep, type Step } from "../steps.ts";

type Shares = Pick<FundAddresses, "FundShares">;
const sharesStep = singleStep(fundSharesAbi);

/**
 * `FundShares.claimReturns(asset)`, or `FundShares.claimEth()` for ETH (the same claim without an
 * argument, cheaper to send). A holder with returns in `asset`.
 */
export function claimReturns(fund: Shares, asset: Address): Step[] {
  return isEth(asset)
    ? sharesStep(fund.FundShares, "Claim returns", "claimEth", [])
    : sharesStep(fund.FundShares, "Claim returns", "claimReturns", [asset]);
}

/** `FundShares.claimAll()`: returns in every asset at once. A holder. */
export function claimAll(fund: Shares): Step[] {
  return sharesStep(fund.FundShares, "Claim returns in every asset", "claimAll", []);
}

/** `FundShares.transfer(to, amount)`: only while the council has share transfers on. A holder. */
export function transferShares(fund: Shares, to: Address, amount: bigint): Step[] {
  return sharesStep(fund.FundShares, `Transfer ${formatShares(amount)} to ${to}`, "transfer", [to, amount]);
}

/** `FundShares.syncReturns(asset)`: distribute tokens sent to the ledger without a payment. Anyone. */
export function syncReturns(fund: Shares, asset: Address): Step[] {
  return sharesStep(fund.FundShares, "Distribute returns sent straight to the ledger", "syncReturns", [
    asset,
  ]);
}

/**
 * `FundShares.moveHeldToCapital(asset)`: returns held while fewer than one whole share existed move
 * into the capital pool (owed to no holder; they fund stipends). Anyone.
 */
export function moveHeldToCapital(fund: Shares, asset: Address): Step[] {
  return sharesStep(fund.FundShares, "Move held returns into the capital pool", "moveHeldToCapital", [asset]);
}
