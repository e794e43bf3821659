// Reads shared by several tasks: proposals, rounds, applications, offerings and commitments as
// plain summary objects.
import { actionKindName } from "../../scripts/lib/actions.js";
import { decodeProposalArgs } from "../../scripts/lib/proposals.js";
import { type AssetInfo, assetInfo } from "./assets.js";
import type { Fund } from "./fund.js";

export type ProposalState = "open" | "ready" | "executed" | "expired";

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
  const kind = actionKindName(Number(stored.kind));
  const approved = await Promise.all(trustees.map((account) => fund.council.hasApproved(id, account)));
  let params: Record<string, unknown>;
  try {
    params = decodeProposalArgs(kind, stored.args, fund.interfaces);
  } catch {
    params = { args: stored.args };
  }
  const state: ProposalState = stored.executed
    ? "executed"
    : now >= stored.expiresAt
      ? "expired"
      : approvals >= threshold
        ? "ready"
        : "open";
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

export const ROUND_STATUS = ["None", "Open", "Settled", "Closed"] as const;
export const APPLICATION_STATUS = ["None", "Pending", "Funded", "Unfunded", "Cancelled"] as const;

/** Where a round stands, from its status and deadlines. */
export type RoundPhase = "applications" | "commit" | "reveal" | "finalizing" | "settled" | "closed";

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
  const status = ROUND_STATUS[Number(round.status)];
  const phase: RoundPhase =
    status === "Settled"
      ? "settled"
      : status === "Closed"
        ? "closed"
        : now <= params.applicationDeadline
          ? "applications"
          : now <= params.commitDeadline
            ? "commit"
            : now <= params.revealDeadline
              ? "reveal"
              : "finalizing";
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

export type OfferingState = "upcoming" | "open" | "ended" | "closed";

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
  const state: OfferingState = offering.closed
    ? "closed"
    : now < params.start
      ? "upcoming"
      : now <= params.end
        ? "open"
        : "ended";
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
    settleable: !offering.settled && (offering.closed || now > params.end),
  };
}

export interface ComplianceView {
  periodsElapsed: bigint;
  periodsReported: bigint;
  periodsDue: bigint;
  periodsOverdue: bigint;
  delinquent: boolean;
  disputed: bigint;
}

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

/** `3 due, 1 overdue — DELINQUENT` style one-liner. */
export function complianceLine(compliance: ComplianceView): string {
  const parts = [
    `${compliance.periodsReported}/${compliance.periodsElapsed} elapsed periods paid`,
    `${compliance.periodsDue} due`,
    `${compliance.periodsOverdue} overdue`,
  ];
  if (compliance.disputed > 0n) parts.push(`${compliance.disputed} disputed`);
  return `${parts.join(", ")}${compliance.delinquent ? " — DELINQUENT" : ""}`;
}

/** Ids `count, count-1, …` down to at most `limit` of them (newest first). */
export function newestIds(count: bigint, limit: bigint): bigint[] {
  const ids: bigint[] = [];
  for (let id = count; id >= 1n && BigInt(ids.length) < limit; id--) ids.push(id);
  return ids;
}
