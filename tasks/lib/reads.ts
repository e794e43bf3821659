// Reads shared by several tasks: proposals, rounds, applications, offerings and commitments as
// plain summary objects.
import type { Hex } from "viem";

import { actionKindOf } from "@fef/sdk/actionKinds";
import { decodeActionParams } from "@fef/sdk/proposals";
import {
  type OfferingWindow,
  type ProposalState,
  type RoundPhase,
  applicationStatuses,
  offeringSettleable,
  offeringWindow,
  proposalState,
  roundPhase,
  roundStatuses,
  type Compliance,
} from "@fef/sdk/status";
import type { AssetInfo } from "@fef/sdk/assets";

import { assetInfo } from "./fund.js";
import type { Fund } from "./fund.js";

export type { OfferingWindow, ProposalState, RoundPhase };

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
  approvals: bigint;
  threshold: bigint;
  approvedBy: string[];
}

export async function readProposal(fund: Fund, id: bigint, now: bigint): Promise<ProposalView> {
  const [stored, approvals, threshold, trustees] = await Promise.all([
    fund.council.proposal(id),
    fund.council.approvalCount(id),
    fund.council.threshold(),
    fund.council.trustees(),
  ]);
  const kind = actionKindOf(stored.kind) ?? `kind ${stored.kind}`;
  const approved = await Promise.all(trustees.map((account) => fund.council.hasApproved(id, account)));
  let params: Record<string, unknown>;
  try {
    params = actionKindOf(stored.kind)
      ? decodeActionParams(kind as never, stored.args as Hex)
      : { args: stored.args };
  } catch {
    params = { args: stored.args };
  }
  const state = proposalState(
    { executed: stored.executed, expiresAt: stored.expiresAt, approvals, threshold },
    now,
  );
  return {
    id,
    kind,
    params,
    args: stored.args,
    proposer: stored.proposer,
    createdAt: stored.createdAt,
    expiresAt: stored.expiresAt,
    state,
    approvals,
    threshold,
    approvedBy: trustees.filter((_account, index) => approved[index]),
  };
}

export const ROUND_STATUS = roundStatuses;
export const APPLICATION_STATUS = applicationStatuses;

export interface RoundView {
  id: bigint;
  phase: RoundPhase;
  sharePool: bigint;
  applicationDeadline: bigint;
  commitDeadline: bigint;
  revealDeadline: bigint;
  vestingCliff: bigint;
  vestingDuration: bigint;
  stipendAsset: AssetInfo;
  stipendBudget: bigint;
  applications: bigint;
  finalized: bigint;
  funded: bigint;
  totalWeight: bigint;
  stipendReserved: bigint;
  settledAt: bigint;
}

export async function readRound(fund: Fund, id: bigint, now: bigint): Promise<RoundView> {
  const round = await fund.rounds.round(id);
  const { params } = round;
  const phase = roundPhase(
    {
      status: round.status,
      applicationDeadline: params.applicationDeadline,
      commitDeadline: params.commitDeadline,
      revealDeadline: params.revealDeadline,
    },
    now,
  );
  return {
    id,
    phase,
    sharePool: params.sharePool,
    applicationDeadline: params.applicationDeadline,
    commitDeadline: params.commitDeadline,
    revealDeadline: params.revealDeadline,
    vestingCliff: params.vestingCliff,
    vestingDuration: params.vestingDuration,
    stipendAsset: await assetInfo(fund, params.stipendAsset),
    stipendBudget: params.stipendBudget,
    applications: round.applicationCount,
    finalized: round.finalizedCount,
    funded: round.fundedCount,
    totalWeight: round.totalWeight,
    stipendReserved: round.stipendReserved,
    settledAt: round.settledAt,
  };
}

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

export async function readOffering(fund: Fund, id: bigint, now: bigint): Promise<OfferingView> {
  const offering = await fund.offerings.offering(id);
  const { params } = offering;
  const times = { start: params.start, end: params.end, closed: offering.closed, settled: offering.settled };
  const state = offeringWindow(times, now);
  return {
    id,
    state,
    asset: await assetInfo(fund, params.asset),
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

export async function readCommitment(fund: Fund, id: bigint): Promise<CommitmentView> {
  const [commitment, compliance] = await Promise.all([
    fund.registry.commitment(id),
    fund.registry.compliance(id),
  ]);
  return {
    id,
    companyId: commitment.companyId,
    signer: commitment.signer,
    modelName: commitment.modelName,
    techniqueIds: [...commitment.techniqueIds],
    returnsShareBps: commitment.returnsShareBps,
    start: commitment.start,
    end: commitment.end,
    periodLength: commitment.periodLength,
    gracePeriod: commitment.gracePeriod,
    periodCount: commitment.periodCount,
    reportedCount: commitment.reportedCount,
    periodsElapsed: compliance.periodsElapsed,
    periodsReported: compliance.periodsReported,
    periodsDue: compliance.periodsDue,
    periodsOverdue: compliance.periodsOverdue,
    delinquent: compliance.delinquent,
    disputed: compliance.disputed,
  };
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

/** A company with all its commitments, found through their registration events (the registry keeps no per-company list). */
export async function readCompany(fund: Fund, id: bigint): Promise<CompanyView> {
  const [company, events] = await Promise.all([
    fund.registry.company(id),
    fund.registry.queryFilter(fund.registry.filters.CommitmentRegistered(undefined, id), 0),
  ]);
  const commitments = await Promise.all(events.map((event) => readCommitment(fund, event.args.commitmentId)));
  return {
    id,
    name: company.name,
    uri: company.uri,
    admin: company.admin,
    registeredAt: company.registeredAt,
    commitments,
    delinquent: commitments.some((commitment) => commitment.delinquent),
  };
}

/** Ids `count, count-1, …` down to at most `limit` of them (newest first). */
export function newestIds(count: bigint, limit: bigint): bigint[] {
  const ids: bigint[] = [];
  for (let id = count; id >= 1n && BigInt(ids.length) < limit; id--) ids.push(id);
  return ids;
}
