// Investor tasks: subscribe to an offering, claim the subscribed shares after its window, and settle
// an offering (anyone) so that its raise moves from escrow into the capital pool.

import {
  claimSubscribedShares,
  settleOffering as settleOfferingSteps,
  subscribe as subscribeSteps,
} from "@fef/sdk/actions/offerings";
import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmountExact as formatAmount, formatSharesExact as formatShares } from "@fef/sdk/format";
import { capitalPoolAbi, offeringsAbi } from "@fef/sdk/generated/abis";
import { readAccount } from "@fef/sdk/lens";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { optional, parseId, parsePositiveAmount, parseProof } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, chainTime, fundAction, balanceOf } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import { fundView, readOffering } from "./lib/reads.js";
import { fundEvent, send } from "./lib/send.js";

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
  return parseId("offering", given, (await fundView(fund)).offeringCount, "offering");
}

export const subscribe = fundAction(async (fund, args: SubscribeArgs): Promise<SubscribeSummary> => {
  const id = await offeringId(fund, args.offering);
  const shares = parsePositiveAmount("shares", args.shares, 18, "a share");
  const proof = optional(args.proof) === undefined ? [] : parseProof("proof", args.proof);
  const offering = await readOffering(fund, id, await chainTime(fund));
  const offeringsContract = { address: fund.addresses.Offerings, abi: offeringsAbi } as const;
  const signer = await actingAccount(fund.wallets, args.from, {
    name: `an investor allowed in offering ${id}`,
    check: async (address) =>
      (await fund.client.readContract({
        ...offeringsContract,
        functionName: "isAllowed",
        args: [id, address, proof],
      }))
        ? true
        : `is not on the allowlist of offering ${id}${proof.length === 0 ? " (pass --proof with its Merkle proof)" : " with this --proof"}`,
  });
  const investor = signer.account.address;
  const cost = await fund.client.readContract({
    ...offeringsContract,
    functionName: "quote",
    args: [id, shares],
  });
  const { asset } = offering;
  if (!args.json)
    console.log(`Quote: ${formatShares(shares)} in offering #${id} cost ${formatAmount(cost, asset)}`);
  const balance = await balanceOf(fund, asset.asset, investor);
  if (balance < cost) {
    fail(
      `--from ${investor}: holds ${formatAmount(balance, asset)}, but ${formatShares(shares)} cost ${formatAmount(cost, asset)}`,
    );
  }
  // Approves exactly the cost first when the offering is in an ERC-20 and the allowance is short.
  const steps = await subscribeSteps(fund.client, fund.addresses, {
    investor,
    offeringId: id,
    shares,
    proof,
  });
  const sent = await send(fund, signer, steps);
  const event = fundEvent(fund, sent, "Offerings", "Subscribed");
  const { viewerPending: pendingShares } = await readOffering(fund, id, await chainTime(fund), investor);
  const summary: SubscribeSummary = {
    offeringId: id,
    investor,
    shares: event.args.shares,
    cost: event.args.cost,
    asset,
    ...(sent.approval === undefined ? {} : { approval: sent.approval }),
    pendingShares,
    claimableFrom: offering.end + 1n,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `${investor} subscribed ${formatShares(shares)} in offering #${id} for ${formatAmount(summary.cost, asset)}`,
    `  ${formatShares(pendingShares)} pending; claim after ${isoTime(offering.end)} with: hardhat offering:claim --offering ${id}`,
    `  the payment is held in escrow; after the window it moves to the capital pool with: hardhat offering:settle --offering ${id}`,
  ]);
});

export interface OfferingClaimSummary {
  offeringId: bigint;
  investor: string;
  shares: bigint;
  balance: bigint;
  transaction: string;
}

export const claimOffering = fundAction(async (fund, args: OfferingArgs): Promise<OfferingClaimSummary> => {
  const id = await offeringId(fund, args.offering);
  const now = await chainTime(fund);
  const signer = await actingAccount(fund.wallets, args.from, {
    name: `an investor with subscribed shares in offering ${id}`,
    check: async (address) =>
      (await readOffering(fund, id, now, address)).viewerPending > 0n
        ? true
        : `has no subscribed shares to claim in offering ${id}`,
  });
  const investor = signer.account.address;
  const sent = await send(fund, signer, claimSubscribedShares(fund.addresses, id));
  const event = fundEvent(fund, sent, "Offerings", "SubscriptionSharesClaimed");
  const balance = (await readAccount(fund.client, fund.addresses.FundLens, investor)).shares;
  const summary: OfferingClaimSummary = {
    offeringId: id,
    investor,
    shares: event.args.shares,
    balance,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `${investor} claimed ${formatShares(summary.shares)} from offering #${id}; balance ${formatShares(balance)}`,
  ]);
});

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

export const settleOffering = fundAction(async (fund, args: OfferingArgs): Promise<OfferingSettleSummary> => {
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
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(fund, signer, settleOfferingSteps(fund.addresses, id));
  const event = fundEvent(fund, sent, "Offerings", "OfferingSettled");
  const { books, available } = await poolBooks(fund, asset);
  const summary: OfferingSettleSummary = {
    offeringId: id,
    asset,
    capital: event.args.capital,
    poolCapitalIn: books.capitalIn,
    poolAvailable: available,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    summary.capital === 0n
      ? `Offering #${id} settled: it raised nothing, so nothing moved to the capital pool`
      : `Offering #${id} settled: ${formatAmount(summary.capital, asset)} moved from escrow into the capital pool`,
    `  capital pool, ${asset.symbol}: ${formatAmount(books.capitalIn, asset)} in, ${formatAmount(available, asset)} available for stipends`,
  ]);
});

/** The capital pool's books of `asset`, from the fund's view (a returns asset), else read from the pool. */
async function poolBooks(fund: Fund, asset: AssetInfo) {
  const entry = (await fundView(fund)).assets.find(
    (row) => row.asset.toLowerCase() === asset.asset.toLowerCase(),
  );
  if (entry !== undefined) return { books: entry.capital, available: entry.availableCapital };
  const pool = { address: fund.addresses.CapitalPool, abi: capitalPoolAbi } as const;
  const [books, available] = await Promise.all([
    fund.client.readContract({ ...pool, functionName: "books", args: [asset.asset] }),
    fund.client.readContract({ ...pool, functionName: "availableCapital", args: [asset.asset] }),
  ]);
  return { books, available };
}
