// `fund:status`: the whole Fund at a glance — shares, returns, capital, council, rounds,
// offerings, companies and their compliance.

import type { AssetInfo } from "@fef/sdk/assets";
import {
  formatAmountExact as formatAmount,
  formatSharesExact as formatShares,
  formatUnitsExact,
} from "@fef/sdk/format";
import { page, readHolders } from "@fef/sdk/lens";
import { complianceLine } from "@fef/sdk/status";

import { optional, parseWhole } from "./lib/args.js";
import { type CommonArgs, type Fund, balanceOf, chainTime, fundAction } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import {
  type CompanyView,
  LENS_PAGE,
  type OfferingView,
  type ProposalView,
  type RoundView,
  assetsOf,
  fundView,
  newestIds,
  readCompanies,
  readNewestOfferings,
  readNewestProposals,
  readNewestRounds,
} from "./lib/reads.js";

export interface StatusArgs extends CommonArgs {
  top?: string;
  limit?: string;
}

/** Holders are read in lens pages; at most `MAX_HOLDERS_SCANNED` are ranked (an indexer does more). */
const MAX_HOLDERS_SCANNED = 2_000n;

export interface AssetReturns {
  asset: AssetInfo;
  received: bigint;
  distributed: bigint;
  claimed: bigint;
  undistributed: bigint;
}

export interface CapitalBooks {
  asset: AssetInfo;
  /** raises of settled offerings, booked by the capital pool */
  capitalIn: bigint;
  stipendsPaid: bigint;
  reserved: bigint;
  available: bigint;
  /**
   * the offerings contract's balance of the asset: the raises of offerings not settled yet (plus any
   * tokens sent to it directly)
   */
  escrow: bigint;
}

export interface FundStatus {
  chainId: bigint;
  time: bigint;
  shares: {
    totalSupply: bigint;
    holderCount: bigint;
    topHolders: { holder: string; balance: bigint }[];
    holdersScanned: bigint;
    transfersEnabled: boolean;
    paused: boolean;
  };
  returns: AssetReturns[];
  capital: CapitalBooks[];
  council: {
    trustees: string[];
    threshold: bigint;
    proposalCount: bigint;
    openProposals: ProposalView[];
  };
  /** how many exist in all (the lists below hold the newest `--limit` of each) */
  counts: { rounds: bigint; offerings: bigint; companies: bigint; commitments: bigint };
  /** newest first */
  rounds: RoundView[];
  offerings: OfferingView[];
  /** newest first, each with all its commitments and their compliance */
  companies: CompanyView[];
  /** commitments of the listed companies that are delinquent */
  delinquentCommitments: bigint;
}

async function topHolders(fund: Fund, holderCount: bigint, top: bigint) {
  const scanned = holderCount < MAX_HOLDERS_SCANNED ? holderCount : MAX_HOLDERS_SCANNED;
  const holders: { holder: string; balance: bigint }[] = [];
  for (let offset = 0n; offset < scanned; offset += LENS_PAGE) {
    const rows = await readHolders(fund.client, fund.addresses.FundLens, page(offset, LENS_PAGE, false));
    holders.push(...rows.map(({ holder, balance }) => ({ holder, balance })));
  }
  const ranked = holders.sort((a, b) => (b.balance > a.balance ? 1 : b.balance < a.balance ? -1 : 0));
  return { topHolders: ranked.slice(0, Number(top)), holdersScanned: BigInt(holders.length) };
}

export const fundStatus = fundAction(async (fund, args: StatusArgs): Promise<FundStatus> => {
  const top = optional(args.top) === undefined ? 10n : parseWhole("top", args.top, 1n, 1_000n);
  const limit = optional(args.limit) === undefined ? 20n : parseWhole("limit", args.limit, 1n, 1_000n);
  const [view, now] = await Promise.all([fundView(fund), chainTime(fund)]);
  const infos = assetsOf(view);
  const returns: AssetReturns[] = view.assets.map((entry, index) => ({
    asset: infos[index] as AssetInfo,
    received: entry.received,
    distributed: entry.distributed,
    claimed: entry.claimed,
    undistributed: entry.undistributed,
  }));
  const capital: CapitalBooks[] = await Promise.all(
    view.assets.map(async (entry, index) => ({
      asset: infos[index] as AssetInfo,
      capitalIn: entry.capital.capitalIn,
      stipendsPaid: entry.capital.stipendsPaid,
      reserved: entry.capital.reserved,
      available: entry.availableCapital,
      escrow: await balanceOf(fund, entry.asset, fund.addresses.Offerings),
    })),
  );

  const [proposals, latestRounds, latestOfferings, companies] = await Promise.all([
    readNewestProposals(fund, view, limit, now),
    readNewestRounds(fund, view, limit, now),
    readNewestOfferings(fund, view, limit, now),
    readCompanies(fund, newestIds(view.companyCount, limit)),
  ]);
  const commitments = companies.flatMap((company) => company.commitments);

  const status: FundStatus = {
    chainId: fund.chainId,
    time: now,
    shares: {
      totalSupply: view.totalSupply,
      holderCount: view.holderCount,
      ...(await topHolders(fund, view.holderCount, top)),
      transfersEnabled: view.transfersEnabled,
      paused: view.paused,
    },
    returns,
    capital,
    council: {
      trustees: [...view.trustees],
      threshold: view.threshold,
      proposalCount: view.proposalCount,
      openProposals: proposals.filter((entry) => entry.state === "open" || entry.state === "ready"),
    },
    counts: {
      rounds: view.roundCount,
      offerings: view.offeringCount,
      companies: view.companyCount,
      commitments: view.commitmentCount,
    },
    rounds: latestRounds,
    offerings: latestOfferings,
    companies,
    delinquentCommitments: BigInt(commitments.filter((commitment) => commitment.delinquent).length),
  };
  return emit(args.json, status, () => statusLines(status));
});

function statusLines(status: FundStatus): string[] {
  const { shares, council } = status;
  return [
    `Future Endowment Fund on chain ${status.chainId} at ${isoTime(status.time)}`,
    "",
    `Shares: ${formatShares(shares.totalSupply)} held by ${shares.holderCount} holder(s)` +
      `${shares.paused ? " — PAUSED" : ""}; transfers ${shares.transfersEnabled ? "enabled" : "disabled"}`,
    ...shares.topHolders.map((entry) => `  ${entry.holder}  ${formatShares(entry.balance)}`),
    "",
    "Returns (received / distributed / claimed / undistributed):",
    ...status.returns.map(
      (entry) =>
        `  ${entry.asset.symbol}: ${formatAmount(entry.received, entry.asset)} / ${formatAmount(entry.distributed, entry.asset)} / ` +
        `${formatAmount(entry.claimed, entry.asset)} / ${formatAmount(entry.undistributed, entry.asset)}`,
    ),
    "Capital pool (in / stipends paid / reserved / available), and raises in escrow until their offering settles:",
    ...status.capital.map(
      (entry) =>
        `  ${entry.asset.symbol}: ${formatAmount(entry.capitalIn, entry.asset)} / ${formatAmount(entry.stipendsPaid, entry.asset)} / ` +
        `${formatAmount(entry.reserved, entry.asset)} / ${formatAmount(entry.available, entry.asset)}; ` +
        `in escrow ${formatAmount(entry.escrow, entry.asset)}`,
    ),
    "",
    `Council: ${council.trustees.length} trustees, ${council.threshold} approvals needed; ` +
      `${council.openProposals.length} open of ${council.proposalCount} proposal(s)`,
    ...council.openProposals.map(
      (view) =>
        `  #${view.id} ${view.kind}: ${view.approvals}/${view.threshold} approvals, expires ${isoTime(view.expiresAt)}`,
    ),
    "",
    `Grant rounds: ${status.counts.rounds}`,
    ...status.rounds.map(
      (round) =>
        `  #${round.id} ${round.phase}: ${round.applications} application(s), ${round.finalized} finalized, ` +
        `${round.funded} funded; pool ${formatShares(round.sharePool)}`,
    ),
    `Offerings: ${status.counts.offerings}`,
    ...status.offerings.flatMap((offering) => [
      `  #${offering.id} ${offering.state}: ${formatAmount(offering.pricePerShare, offering.asset)} per share, ` +
        `${formatUnitsExact(offering.sharesSold, 18)} of ${formatShares(offering.shareCap)} sold` +
        `${offering.allowlisted ? ", allowlisted" : ""}; ends ${isoTime(offering.end)}`,
      `      raised ${formatAmount(offering.capitalRaised, offering.asset)}: ${raiseWhere(offering)}`,
    ]),
    "",
    `Companies: ${status.counts.companies}; Promises of Future Returns: ${status.counts.commitments} ` +
      `(${status.delinquentCommitments} delinquent among the companies shown)`,
    ...status.companies.flatMap((company) => [
      `  #${company.id} ${company.name}${company.delinquent ? " — DELINQUENT" : ""}`,
      ...company.commitments.map(
        (commitment) =>
          `      PFR #${commitment.id} ${commitment.modelName}, ${Number(commitment.returnsShareBps) / 100}%: ` +
          complianceLine(commitment),
      ),
    ]),
  ];
}

/** Where an offering's raise is: in the capital pool once settled, else in the offerings contract's escrow. */
function raiseWhere(offering: OfferingView): string {
  if (offering.settled) return "settled into the capital pool";
  if (offering.settleable)
    return `in escrow, ready to settle: hardhat offering:settle --offering ${offering.id}`;
  return "in escrow until the window ends";
}
