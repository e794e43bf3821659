// Investor tasks: subscribe to an offering, claim the subscribed shares after its window, and settle
// an offering (anyone) so that its raise moves from escrow into the capital pool.
import { ZeroAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmountExact as formatAmount, formatSharesExact as formatShares } from "@fef/sdk/format";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { optional, parseId, parsePositiveAmount, parseProof } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, chainTime, connectFund, balanceOf } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import { readOffering } from "./lib/reads.js";
import { findEvent, send } from "./lib/send.js";

export interface SubscribeArgs extends CommonArgs {
  offering?: string;
  shares?: string;
  proof?: string;
}

export interface OfferingArgs extends CommonArgs {
  offering?: string;
}

export interface SubscribeSummary {
  offeringId: bigint;
  investor: string;
  shares: bigint;
  cost: bigint;
  asset: AssetInfo;
  /** the approval transaction sent first for an ERC-20 offering, if the allowance was short */
  approval?: string;
  pendingShares: bigint;
  claimableFrom: bigint;
  transaction: string;
}

async function offeringId(fund: Fund, given: string | undefined): Promise<bigint> {
  return parseId("offering", given, await fund.offerings.offeringCount(), "offering");
}

export async function subscribe(
  args: SubscribeArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<SubscribeSummary> {
  const fund = await connectFund(hre, args.deployment);
  const id = await offeringId(fund, args.offering);
  const shares = parsePositiveAmount("shares", args.shares, 18, "a share");
  const proof = optional(args.proof) === undefined ? [] : parseProof("proof", args.proof);
  const offering = await readOffering(fund, id, await chainTime(fund));
  const signer = await actingAccount(fund.signers, args.from, {
    name: `an investor allowed in offering ${id}`,
    check: async (address) =>
      (await fund.offerings.isAllowed(id, address, proof))
        ? true
        : `is not on the allowlist of offering ${id}${proof.length === 0 ? " (pass --proof with its Merkle proof)" : " with this --proof"}`,
  });
  const cost = await fund.offerings.quote(id, shares);
  const { asset } = offering;
  if (!args.json)
    console.log(`Quote: ${formatShares(shares)} in offering #${id} cost ${formatAmount(cost, asset)}`);
  const balance = await balanceOf(fund, asset.asset, signer.address);
  if (balance < cost) {
    fail(
      `--from ${signer.address}: holds ${formatAmount(balance, asset)}, but ${formatShares(shares)} cost ${formatAmount(cost, asset)}`,
    );
  }
  let approval: string | undefined;
  if (asset.asset !== ZeroAddress) {
    const token = await fund.ethers.getContractAt("TestToken", asset.asset);
    if ((await token.allowance(signer.address, fund.addresses.Offerings)) < cost) {
      const approved = await send(
        fund,
        `Approving ${formatAmount(cost, asset)} for the offerings contract`,
        () => token.connect(signer).approve(fund.addresses.Offerings, cost),
      );
      approval = approved.hash;
    }
  }
  const receipt = await send(fund, `Subscribing to offering ${id}`, () =>
    fund.offerings
      .connect(signer)
      .subscribe(id, shares, proof, { value: asset.asset === ZeroAddress ? cost : 0n }),
  );
  const event = findEvent(receipt, fund.offerings.interface, fund.addresses.Offerings, "Subscribed");
  const pendingShares = await fund.offerings.pendingShares(id, signer.address);
  const summary: SubscribeSummary = {
    offeringId: id,
    investor: signer.address,
    shares: BigInt(event.args.getValue("shares")),
    cost: BigInt(event.args.getValue("cost")),
    asset,
    ...(approval === undefined ? {} : { approval }),
    pendingShares,
    claimableFrom: offering.end + 1n,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `${signer.address} subscribed ${formatShares(shares)} in offering #${id} for ${formatAmount(summary.cost, asset)}`,
    `  ${formatShares(pendingShares)} pending; claim after ${isoTime(offering.end)} with: hardhat offering:claim --offering ${id}`,
    `  the payment is held in escrow; after the window it moves to the capital pool with: hardhat offering:settle --offering ${id}`,
  ]);
}

export interface OfferingClaimSummary {
  offeringId: bigint;
  investor: string;
  shares: bigint;
  balance: bigint;
  transaction: string;
}

export async function claimOffering(
  args: OfferingArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<OfferingClaimSummary> {
  const fund = await connectFund(hre, args.deployment);
  const id = await offeringId(fund, args.offering);
  const signer = await actingAccount(fund.signers, args.from, {
    name: `an investor with subscribed shares in offering ${id}`,
    check: async (address) =>
      (await fund.offerings.pendingShares(id, address)) > 0n
        ? true
        : `has no subscribed shares to claim in offering ${id}`,
  });
  const receipt = await send(fund, `Claiming the shares of offering ${id}`, () =>
    fund.offerings.connect(signer).claimShares(id),
  );
  const event = findEvent(
    receipt,
    fund.offerings.interface,
    fund.addresses.Offerings,
    "SubscriptionSharesClaimed",
  );
  const balance = await fund.shares.balanceOf(signer.address);
  const summary: OfferingClaimSummary = {
    offeringId: id,
    investor: signer.address,
    shares: BigInt(event.args.getValue("shares")),
    balance,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `${signer.address} claimed ${formatShares(summary.shares)} from offering #${id}; balance ${formatShares(balance)}`,
  ]);
}

export interface OfferingSettleSummary {
  offeringId: bigint;
  asset: AssetInfo;
  /** the raise moved into the capital pool (zero for an offering that raised nothing: no deposit) */
  capital: bigint;
  /** the pool's books for the asset after settlement */
  poolCapitalIn: bigint;
  poolAvailable: bigint;
  transaction: string;
}

export async function settleOffering(
  args: OfferingArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<OfferingSettleSummary> {
  const fund = await connectFund(hre, args.deployment);
  const id = await offeringId(fund, args.offering);
  const offering = await readOffering(fund, id, await chainTime(fund));
  const { asset } = offering;
  if (offering.settled) {
    fail(
      `--offering: offering ${id} is already settled (${formatAmount(offering.capitalRaised, asset)} moved into the capital pool)`,
    );
  }
  if (!offering.settleable) {
    fail(
      `--offering: the window of offering ${id} runs until ${isoTime(offering.end)}; it can be settled after that ` +
        `(or once the council closes it); ${formatAmount(offering.capitalRaised, asset)} raised so far`,
    );
  }
  const signer = await actingAccount(fund.signers, args.from, ANYONE);
  const receipt = await send(fund, `Settling offering ${id}`, () =>
    fund.offerings.connect(signer).settleOffering(id),
  );
  const event = findEvent(receipt, fund.offerings.interface, fund.addresses.Offerings, "OfferingSettled");
  const [books, available] = await Promise.all([
    fund.pool.books(asset.asset),
    fund.pool.availableCapital(asset.asset),
  ]);
  const summary: OfferingSettleSummary = {
    offeringId: id,
    asset,
    capital: BigInt(event.args.getValue("capital")),
    poolCapitalIn: books.capitalIn,
    poolAvailable: available,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    summary.capital === 0n
      ? `Offering #${id} settled: it raised nothing, so nothing moved to the capital pool`
      : `Offering #${id} settled: ${formatAmount(summary.capital, asset)} moved from escrow into the capital pool`,
    `  capital pool, ${asset.symbol}: ${formatAmount(books.capitalIn, asset)} in, ${formatAmount(available, asset)} available for stipends`,
  ]);
}
