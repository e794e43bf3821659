// Reads shared by several tasks, through FundLens (`@fef/sdk/lens`): the fund, proposals, rounds,
// applications, offerings, companies and commitments as plain summary objects.
import type { Address, Hex } from "viem";

import { actionKindOf } from "@fef/sdk/actionKinds";
import { proposalsFromLogs } from "@fef/sdk/applicationProposals";
import { type AssetInfo, ETH, findAsset } from "@fef/sdk/assets";
import { returnsRegistryAbi } from "@fef/sdk/generated/abis";
import { contractEventsSince } from "@fef/sdk/history";
import {
  type ApplicationView as LensApplication,
  type CommitmentView as LensCommitment,
  type FundView,
  type Page,
  type ProposalView as LensProposal,
  page,
  readApplicationsByIds,
  readCommitmentsByIds,
  readCompaniesByIds,
  readFund,
  readOfferings,
  readProposals,
  readRounds,
} from "@fef/sdk/lens";
import { decodeActionParams } from "@fef/sdk/proposals";
import {
  type Compliance,
  type OfferingWindow,
  type ProposalState,
  type RoundPhase,
  applicationStatuses,
  estimateStatusLabel,
  offeringSettleable,
  offeringWindow,
  proposalState,
  roundPhase,
} from "@fef/sdk/status";

import { parseId } from "./args.js";
import { assetInfo } from "./fund.js";
import type { Fund } from "./fund.js";

export type { OfferingWindow, ProposalState, RoundPhase };

/** Most items one FundLens page or id list may hold (`FundLensBase.MAX_PAGE`). */
export const LENS_PAGE = 100n;

/** The fund's totals, assets, council and counts, in one read. */
export function fundView(fund: Fund): Promise<FundView> {
  return readFund(fund.client, fund.addresses.FundLens);
}

/** `--round`: the id of one of the Fund's rounds (1 to its round count). */
export async function roundIdOption(fund: Fund, value: string | undefined): Promise<bigint> {
  return parseId("round", value, (await fundView(fund)).roundCount, "round");
}

/** The returns assets of `view`, with their symbols and decimals. */
export function assetsOf(view: FundView): AssetInfo[] {
  return view.assets.map(({ asset, symbol, decimals }) => ({ asset, symbol, decimals }));
}

/** `asset`'s record among the fund's returns assets, else read from the chain. */
export async function knownAsset(fund: Fund, view: FundView | undefined, asset: Address): Promise<AssetInfo> {
  return (view === undefined ? undefined : findAsset(assetsOf(view), asset)) ?? assetInfo(fund, asset);
}

/** Reads `ids` in lists of at most `LENS_PAGE` (one call each). */
async function inLists<T>(
  ids: readonly bigint[],
  read: (list: readonly bigint[]) => Promise<readonly T[]>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += Number(LENS_PAGE)) {
    rows.push(...(await read(ids.slice(start, start + Number(LENS_PAGE)))));
  }
  return rows;
}

/** The newest `limit` rows of a paged lens view, in pages of at most `LENS_PAGE` (newest first). */
async function newest<T>(limit: bigint, read: (p: Page) => Promise<readonly T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0n; offset < limit; offset += LENS_PAGE) {
    const size = limit - offset < LENS_PAGE ? limit - offset : LENS_PAGE;
    const batch = await read(page(offset, size));
    rows.push(...batch);
    if (BigInt(batch.length) < size) break;
  }
  return rows;
}

/** The row of id `id` of a paged lens view (ids run from 1; one call). */
async function byId<T>(id: bigint, read: (p: Page) => Promise<readonly T[]>): Promise<T | undefined> {
  return (await read(page(id - 1n, 1n, false)))[0];
}

// ---------------------------------------------------------------- proposals

export interface ProposalView {
  id: bigint;
  kind: string;
  /** the routed function's arguments, decoded by name */
  params: Record<string, unknown>;
  /** the proposal's `args` as stored (ABI-encoded parameters) */
  args: string;
  proposer: string;
  createdAt: bigint;
  expiresAt: bigint;
  state: ProposalState;
  /** when its last execution's action failed (0 if never) */
  failedAt: bigint;
  approvals: bigint;
  threshold: bigint;
  approvedBy: string[];
}

function proposalView(
  row: LensProposal,
  council: Pick<FundView, "trustees" | "threshold">,
  now: bigint,
): ProposalView {
  const stored = row.proposal;
  const known = actionKindOf(stored.kind);
  let params: Record<string, unknown>;
  try {
    params = known === undefined ? { args: stored.args } : decodeActionParams(known, stored.args as Hex);
  } catch {
    params = { args: stored.args };
  }
  return {
    id: row.id,
    kind: known ?? `kind ${stored.kind}`,
    params,
    args: stored.args,
    proposer: stored.proposer,
    createdAt: stored.createdAt,
    expiresAt: stored.expiresAt,
    state: proposalState(
      {
        executed: stored.executed,
        expiresAt: stored.expiresAt,
        approvals: row.approvals,
        threshold: council.threshold,
        failedAt: stored.failedAt,
      },
      now,
    ),
    failedAt: stored.failedAt,
    approvals: row.approvals,
    threshold: council.threshold,
    approvedBy: council.trustees.filter((_trustee, index) => row.approvedBy[index] === true),
  };
}

/** Proposal `id` (which must exist) with its live approvals. */
export async function readProposal(fund: Fund, id: bigint, now: bigint): Promise<ProposalView> {
  const [view, row] = await Promise.all([
    fundView(fund),
    byId(id, (p) => readProposals(fund.client, fund.addresses.FundLens, p)),
  ]);
  if (row === undefined) throw new Error(`Proposal ${id} does not exist`);
  return proposalView(row, view, now);
}

/** The newest `limit` proposals (newest first). */
export async function readNewestProposals(
  fund: Fund,
  council: Pick<FundView, "trustees" | "threshold">,
  limit: bigint,
  now: bigint,
): Promise<ProposalView[]> {
  const rows = await newest(limit, (p) => readProposals(fund.client, fund.addresses.FundLens, p));
  return rows.map((row) => proposalView(row, council, now));
}

// ---------------------------------------------------------------- rounds

export const APPLICATION_STATUS = applicationStatuses;

/** A round's parameters as the lens reads them (deadlines and vesting in seconds). */
type LensRoundParams = LensRound["round"]["params"];

export interface RoundView extends Omit<LensRoundParams, "stipendAsset"> {
  id: bigint;
  phase: RoundPhase;
  stipendAsset: AssetInfo;
  applications: bigint;
  /** applications some trustee estimated: only these need finalizing */
  estimated: bigint;
  finalized: bigint;
  funded: bigint;
  totalWeight: bigint;
  stipendReserved: bigint;
  settledAt: bigint;
}

type LensRound = Awaited<ReturnType<typeof readRounds>>[number];

async function roundView(fund: Fund, row: LensRound, now: bigint, view?: FundView): Promise<RoundView> {
  const { round } = row;
  const { params } = round;
  return {
    id: row.id,
    phase: roundPhase({ status: round.status, ...params }, now),
    ...params,
    stipendAsset: await knownAsset(fund, view, params.stipendAsset),
    applications: BigInt(round.applicationCount),
    estimated: BigInt(round.estimatedCount),
    finalized: BigInt(round.finalizedCount),
    funded: BigInt(round.fundedCount),
    totalWeight: round.totalWeight,
    stipendReserved: round.stipendReserved,
    settledAt: round.settledAt,
  };
}

/** Round `id`, which must exist. */
export async function readRound(fund: Fund, id: bigint, now: bigint): Promise<RoundView> {
  const row = await byId(id, (p) => readRounds(fund.client, fund.addresses.FundLens, p));
  if (row === undefined) throw new Error(`Round ${id} does not exist`);
  return roundView(fund, row, now);
}

/** The newest `limit` rounds (newest first). */
export async function readNewestRounds(
  fund: Fund,
  view: FundView,
  limit: bigint,
  now: bigint,
): Promise<RoundView[]> {
  const rows = await newest(limit, (p) => readRounds(fund.client, fund.addresses.FundLens, p));
  return Promise.all(rows.map((row) => roundView(fund, row, now, view)));
}

// ---------------------------------------------------------------- applications

export type ApplicationView = LensApplication["application"] & {
  id: bigint;
  /** the proposal's link and content hash, from the application's ApplicationSubmitted event */
  uri: string;
  contentHash: Hex | undefined;
  /** `IGrantRounds.ApplicationStatus` by name */
  statusName: string;
  award: bigint;
  stipendAward: bigint;
  vestedShares: bigint;
  claimableShares: bigint;
  claimableStipend: bigint;
  /** where the viewer stands on it: recused, committed (sealed), revealed (values) or missed */
  viewerEstimate: LensApplication["viewerEstimate"];
  /** `IGrantRounds.EstimateStatus` of the viewer by name */
  viewerStatus: string;
};

function applicationView(
  row: LensApplication,
  proposal: { uri: string; contentHash: Hex } | undefined,
): ApplicationView {
  return {
    ...row.application,
    id: row.id,
    uri: proposal?.uri ?? "",
    contentHash: proposal?.contentHash,
    statusName: APPLICATION_STATUS[row.application.status] ?? `status ${row.application.status}`,
    award: row.award,
    stipendAward: row.stipendAward,
    vestedShares: row.vestedShares,
    claimableShares: row.claimableShares,
    claimableStipend: row.claimableStipend,
    viewerEstimate: row.viewerEstimate,
    viewerStatus: estimateStatusLabel(row.viewerEstimate.status),
  };
}

/** The lens rows of applications `ids` (which must exist), with `viewer`'s sealed estimate on each. */
function lensApplications(fund: Fund, ids: readonly bigint[], viewer: Address): Promise<LensApplication[]> {
  return inLists(ids, (list) => readApplicationsByIds(fund.client, fund.addresses.FundLens, list, viewer));
}

/** Applications `ids` (which must exist), with `viewer`'s sealed estimate on each. */
export async function readApplications(
  fund: Fund,
  ids: readonly bigint[],
  viewer: Address = ETH.asset,
): Promise<ApplicationView[]> {
  const [rows, proposals] = await Promise.all([
    lensApplications(fund, ids, viewer),
    proposalsFromLogs(fund.client, fund.addresses.GrantRounds, ids, fund.fromBlock),
  ]);
  return rows.map((row) => applicationView(row, proposals.get(row.id)));
}

/** Applications `ids` (which must exist) as the lens gives them, without their proposals (no log read). */
export async function readApplicationStates(fund: Fund, ids: readonly bigint[]): Promise<ApplicationView[]> {
  return (await lensApplications(fund, ids, ETH.asset)).map((row) => applicationView(row, undefined));
}

/** Application `id` (which must exist), with `viewer`'s sealed estimate. */
export async function readApplication(fund: Fund, id: bigint, viewer?: Address): Promise<ApplicationView> {
  const [view] = await readApplications(fund, [id], viewer);
  if (view === undefined) throw new Error(`Application ${id} does not exist`);
  return view;
}

// ---------------------------------------------------------------- offerings

export type OfferingState = OfferingWindow;

export interface OfferingView {
  id: bigint;
  state: OfferingState;
  asset: AssetInfo;
  pricePerShare: bigint;
  shareCap: bigint;
  sharesSold: bigint;
  minShares: bigint;
  start: bigint;
  end: bigint;
  allowlisted: boolean;
  /** Σ cost of every subscription, in the offering's asset */
  capitalRaised: bigint;
  /** whether the raise has moved from the offerings contract's escrow into the capital pool */
  settled: boolean;
  /** not settled yet, but its window has ended or the council closed it: `offering:settle` can run */
  settleable: boolean;
}

type LensOffering = Awaited<ReturnType<typeof readOfferings>>[number];

async function offeringView(
  fund: Fund,
  row: LensOffering,
  now: bigint,
  view?: FundView,
): Promise<OfferingView> {
  const { offering } = row;
  const { params } = offering;
  const times = { start: params.start, end: params.end, closed: offering.closed, settled: offering.settled };
  return {
    id: row.id,
    state: offeringWindow(times, now),
    asset: await knownAsset(fund, view, params.asset),
    pricePerShare: params.pricePerShare,
    shareCap: params.shareCap,
    sharesSold: offering.sharesSold,
    minShares: params.minShares,
    start: params.start,
    end: params.end,
    allowlisted: BigInt(params.allowlistRoot) !== 0n,
    capitalRaised: offering.capitalRaised,
    settled: offering.settled,
    settleable: offeringSettleable(times, now),
  };
}

/** Offering `id` (which must exist) and `viewer`'s subscribed, unclaimed shares in it. */
export async function readOffering(
  fund: Fund,
  id: bigint,
  now: bigint,
  viewer: Address = ETH.asset,
): Promise<OfferingView & { viewerPending: bigint }> {
  const row = await byId(id, (p) => readOfferings(fund.client, fund.addresses.FundLens, p, viewer));
  if (row === undefined) throw new Error(`Offering ${id} does not exist`);
  return { ...(await offeringView(fund, row, now)), viewerPending: row.viewerPending };
}

/** The newest `limit` offerings (newest first). */
export async function readNewestOfferings(
  fund: Fund,
  view: FundView,
  limit: bigint,
  now: bigint,
): Promise<OfferingView[]> {
  const rows = await newest(limit, (p) => readOfferings(fund.client, fund.addresses.FundLens, p, ETH.asset));
  return Promise.all(rows.map((row) => offeringView(fund, row, now, view)));
}

// ---------------------------------------------------------------- commitments and companies

/** `IReturnsRegistry.Compliance` (the SDK's `Compliance`, mutable for the summaries). */
export type ComplianceView = { -readonly [K in keyof Compliance]: Compliance[K] };

/** A commitment's terms and its compliance record (flattened: `delinquent` etc. on the commitment). */
export interface CommitmentView extends ComplianceView {
  id: bigint;
  companyId: bigint;
  signer: string;
  modelName: string;
  techniqueIds: bigint[];
  returnsShareBps: bigint;
  start: bigint;
  end: bigint;
  periodLength: bigint;
  gracePeriod: bigint;
  periodCount: bigint;
  reportedCount: bigint;
}

function commitmentView(row: LensCommitment): CommitmentView {
  const { commitment, compliance } = row;
  return {
    id: row.id,
    companyId: commitment.companyId,
    signer: commitment.signer,
    modelName: commitment.modelName,
    techniqueIds: [...commitment.techniqueIds],
    returnsShareBps: BigInt(commitment.returnsShareBps),
    start: commitment.start,
    end: commitment.end,
    periodLength: commitment.periodLength,
    gracePeriod: commitment.gracePeriod,
    periodCount: BigInt(commitment.periodCount),
    reportedCount: BigInt(commitment.reportedCount),
    periodsElapsed: compliance.periodsElapsed,
    periodsReported: compliance.periodsReported,
    periodsDue: compliance.periodsDue,
    periodsOverdue: compliance.periodsOverdue,
    delinquent: compliance.delinquent,
    disputed: compliance.disputed,
  };
}

/** Commitments `ids` (which must exist) with their compliance now. */
export async function readCommitments(fund: Fund, ids: readonly bigint[]): Promise<CommitmentView[]> {
  const rows = await inLists(ids, (list) => readCommitmentsByIds(fund.client, fund.addresses.FundLens, list));
  return rows.map(commitmentView);
}

/** Commitment `id` (which must exist) with its compliance now. */
export async function readCommitment(fund: Fund, id: bigint): Promise<CommitmentView> {
  const [view] = await readCommitments(fund, [id]);
  if (view === undefined) throw new Error(`Commitment ${id} does not exist`);
  return view;
}

/** The compliance fields of a commitment. */
export function complianceOf(view: CommitmentView): ComplianceView {
  const { periodsElapsed, periodsReported, periodsDue, periodsOverdue, delinquent, disputed } = view;
  return { periodsElapsed, periodsReported, periodsDue, periodsOverdue, delinquent, disputed };
}

export interface CompanyView {
  id: bigint;
  name: string;
  uri: string;
  admin: string;
  registeredAt: bigint;
  commitments: CommitmentView[];
  /** whether any of its commitments is delinquent */
  delinquent: boolean;
}

/**
 * Companies `ids` (which must exist), each with all its commitments, found through their
 * registration events (the registry keeps no per-company list): one log query for all of them.
 */
export async function readCompanies(fund: Fund, ids: readonly bigint[]): Promise<CompanyView[]> {
  if (ids.length === 0) return [];
  const [rows, events] = await Promise.all([
    inLists(ids, (list) => readCompaniesByIds(fund.client, fund.addresses.FundLens, list, ETH.asset)),
    contractEventsSince(
      fund.client,
      {
        address: fund.addresses.ReturnsRegistry,
        abi: returnsRegistryAbi,
        eventName: "CommitmentRegistered",
        args: { companyId: [...ids] },
      },
      fund.fromBlock,
    ),
  ]);
  const commitments = await readCommitments(
    fund,
    events.map((event) => event.args.commitmentId),
  );
  return rows.map((row) => {
    const own = commitments.filter((commitment) => commitment.companyId === row.id);
    return {
      id: row.id,
      name: row.company.name,
      uri: row.company.uri,
      admin: row.company.admin,
      registeredAt: row.company.registeredAt,
      commitments: own,
      delinquent: own.some((commitment) => commitment.delinquent),
    };
  });
}

/** Company `id` (which must exist) with all its commitments. */
export async function readCompany(fund: Fund, id: bigint): Promise<CompanyView> {
  const [view] = await readCompanies(fund, [id]);
  if (view === undefined) throw new Error(`Company ${id} does not exist`);
  return view;
}

/** Ids `count, count-1, …` down to at most `limit` of them (newest first). */
export function newestIds(count: bigint, limit: bigint): bigint[] {
  const ids: bigint[] = [];
  for (let id = count; id >= 1n && BigInt(ids.length) < limit; id--) ids.push(id);
  return ids;
}
