// Typed reads of FundLens: the one read model of the dashboard and the command line. Each function is
// one eth_call (batched further by the client's multicall when it has one).
import type { Address, ContractFunctionArgs, ContractFunctionReturnType, PublicClient } from "viem";

import { fundLensAbi } from "./generated/abis.ts";

type LensAbi = typeof fundLensAbi;
type Reads =
  | "snapshot"
  | "fund"
  | "account"
  | "holdersPage"
  | "roundsPage"
  | "applicationsPage"
  | "applicationsByIds"
  | "offeringsPage"
  | "techniquesPage"
  | "companiesPage"
  | "companiesByIds"
  | "commitmentsPage"
  | "commitmentsByIds"
  | "proposalsPage"
  | "trusteeRecords";

/** What a FundLens view returns, e.g. `LensResult<"snapshot">`. */
export type LensResult<F extends Reads> = ContractFunctionReturnType<LensAbi, "view", F>;
type Args<F extends Reads> = ContractFunctionArgs<LensAbi, "view", F>;

export type Snapshot = LensResult<"snapshot">;
export type SnapshotQuery = Args<"snapshot">[0];
export type Page = Args<"roundsPage">[0];
export type FundView = LensResult<"fund">;
export type AccountView = LensResult<"account">;
export type HolderView = LensResult<"holdersPage">[number];
export type RoundView = LensResult<"roundsPage">[number];
export type ApplicationView = LensResult<"applicationsPage">[number];
export type OfferingView = LensResult<"offeringsPage">[number];
export type TechniqueView = LensResult<"techniquesPage">[number];
export type CompanyView = LensResult<"companiesPage">[number];
export type CommitmentView = LensResult<"commitmentsPage">[number];
export type ProposalView = LensResult<"proposalsPage">[number];
export type TrusteeRecordView = LensResult<"trusteeRecords">[number];

/** Most items each list of a snapshot may hold (`FundLens.MAX_SNAPSHOT_PAGE`); page functions take up to 100. */
export const MAX_SNAPSHOT_PAGE = 20n;

/** Which page of a list: skip `offset` items, take at most `limit` (the lens caps it), newest first or oldest first. */
export function page(offset: bigint, limit: bigint, newestFirst = true): Page {
  return { offset, limit, newestFirst };
}

const EMPTY: Page = { offset: 0n, limit: 0n, newestFirst: true };

/** A query for `snapshot`: the viewer and the pages wanted (every page empty unless given). */
export function snapshotQuery(
  viewer: Address,
  pages: Partial<Omit<SnapshotQuery, "viewer">> = {},
): SnapshotQuery {
  return {
    viewer,
    holders: pages.holders ?? EMPTY,
    rounds: pages.rounds ?? EMPTY,
    applications: pages.applications ?? EMPTY,
    offerings: pages.offerings ?? EMPTY,
    techniques: pages.techniques ?? EMPTY,
    companies: pages.companies ?? EMPTY,
    commitments: pages.commitments ?? EMPTY,
    proposals: pages.proposals ?? EMPTY,
  };
}

/** A typed reader of the lens view `functionName`: `(client, lens, ...the view's arguments)`, one eth_call. */
function reader<F extends Reads>(functionName: F) {
  return (client: PublicClient, lens: Address, ...args: Args<F> & readonly unknown[]) =>
    client.readContract({ address: lens, abi: fundLensAbi, functionName, args } as never) as Promise<
      LensResult<F>
    >;
}

/** Everything the dashboard shows at once: `(client, lens, query)`. */
export const readSnapshot = reader("snapshot");
export const readFund = reader("fund");
/** `(client, lens, who)`. */
export const readAccount = reader("account");
/** Pages of a list: `(client, lens, page)`, or `(client, lens, page, viewer)` where the view says what the viewer may do. */
export const readHolders = reader("holdersPage");
export const readRounds = reader("roundsPage");
export const readApplications = reader("applicationsPage");
export const readOfferings = reader("offeringsPage");
export const readTechniques = reader("techniquesPage");
export const readCompanies = reader("companiesPage");
export const readCommitments = reader("commitmentsPage");
export const readProposals = reader("proposalsPage");
/** Items by id: `(client, lens, ids, viewer)` (commitments: `(client, lens, ids)`). */
export const readApplicationsByIds = reader("applicationsByIds");
export const readCompaniesByIds = reader("companiesByIds");
export const readCommitmentsByIds = reader("commitmentsByIds");
/** Every current trustee's public record in round `roundId` (committed, revealed, missed, recused): `(client, lens, roundId)`. */
export const readTrusteeRecords = reader("trusteeRecords");
