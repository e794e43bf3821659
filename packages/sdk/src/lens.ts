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

function read<F extends Reads>(client: PublicClient, lens: Address, functionName: F, args: Args<F>) {
  return client.readContract({ address: lens, abi: fundLensAbi, functionName, args } as never) as Promise<
    LensResult<F>
  >;
}

/** Everything the dashboard shows at once. */
export const readSnapshot = (client: PublicClient, lens: Address, query: SnapshotQuery): Promise<Snapshot> =>
  read(client, lens, "snapshot", [query]);
export const readFund = (client: PublicClient, lens: Address): Promise<FundView> =>
  read(client, lens, "fund", []);
export const readAccount = (client: PublicClient, lens: Address, who: Address): Promise<AccountView> =>
  read(client, lens, "account", [who]);
export const readHolders = (client: PublicClient, lens: Address, p: Page) =>
  read(client, lens, "holdersPage", [p]);
export const readRounds = (client: PublicClient, lens: Address, p: Page) =>
  read(client, lens, "roundsPage", [p]);
export const readApplications = (client: PublicClient, lens: Address, p: Page, viewer: Address) =>
  read(client, lens, "applicationsPage", [p, viewer]);
export const readApplicationsByIds = (
  client: PublicClient,
  lens: Address,
  ids: readonly bigint[],
  viewer: Address,
) => read(client, lens, "applicationsByIds", [ids, viewer]);
export const readOfferings = (client: PublicClient, lens: Address, p: Page, viewer: Address) =>
  read(client, lens, "offeringsPage", [p, viewer]);
export const readTechniques = (client: PublicClient, lens: Address, p: Page) =>
  read(client, lens, "techniquesPage", [p]);
export const readCompanies = (client: PublicClient, lens: Address, p: Page, viewer: Address) =>
  read(client, lens, "companiesPage", [p, viewer]);
export const readCompaniesByIds = (
  client: PublicClient,
  lens: Address,
  ids: readonly bigint[],
  viewer: Address,
) => read(client, lens, "companiesByIds", [ids, viewer]);
export const readCommitments = (client: PublicClient, lens: Address, p: Page) =>
  read(client, lens, "commitmentsPage", [p]);
export const readCommitmentsByIds = (client: PublicClient, lens: Address, ids: readonly bigint[]) =>
  read(client, lens, "commitmentsByIds", [ids]);
/** Every current trustee's public record in round `roundId` (committed, revealed, missed, recused). */
export const readTrusteeRecords = (client: PublicClient, lens: Address, roundId: bigint) =>
  read(client, lens, "trusteeRecords", [roundId]);
export const readProposals = (client: PublicClient, lens: Address, p: Page) =>
  read(client, lens, "proposalsPage", [p]);
