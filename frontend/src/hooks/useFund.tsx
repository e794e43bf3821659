import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { zeroAddress, type Address, type PublicClient } from "viem";
import { useChainId, useConnection, usePublicClient } from "wagmi";

import type { AssetInfo } from "@fef/sdk/assets";
import type { ChainDeployment, FundAddresses } from "@fef/sdk/deployments";
import {
  page,
  readSnapshot,
  snapshotQuery,
  type ApplicationView,
  type CommitmentView,
  type CompanyView,
  type FundView,
  type HolderView,
  type OfferingView,
  type ProposalView,
  type RoundView,
  type Snapshot,
  type TechniqueView,
} from "@fef/sdk/lens";

import type { ChainId } from "../lib/chains";
import { deployments } from "../lib/deployments";
import { fundKeys } from "../lib/fundReads";
import { useHistory, type HistoryLog } from "./useHistory";
import { useIndexerReach, type IndexerReach } from "./useIndexerReach";

export type { FundView, Snapshot };
export type RoundRow = RoundView;
export type ApplicationRow = ApplicationView;
export type OfferingRow = OfferingView;
export type TechniqueRow = TechniqueView;
export type CompanyRow = CompanyView;
export type CommitmentRow = CommitmentView;
export type ProposalRow = ProposalView;
export type HolderRow = HolderView;

/** The Fund's contracts on the current chain (the council's bound system). */
export type System = {
  readonly council: Address;
  readonly lens: Address;
  readonly shares: Address;
  readonly grantRounds: Address;
  readonly offerings: Address;
  readonly capitalPool: Address;
  readonly returnsRegistry: Address;
};

export type Fund = {
  readonly chainId: ChainId;
  readonly deployment: ChainDeployment | undefined;
  readonly account: Address | undefined;
  /** The chain's client for the SDK's reads and action builders. */
  readonly client: PublicClient | undefined;
  readonly snapshot: Snapshot | undefined;
  readonly system: System | undefined;
  /** The same contracts under the SDK's names (what its action builders take). */
  readonly fund: FundAddresses | undefined;
  readonly assets: readonly AssetInfo[];
  /** Chain time of the snapshot (the local chain's clock may run ahead of the wall clock). */
  readonly now: bigint;
  readonly loading: boolean;
  readonly error: unknown;
  /** Reads the snapshot again (after a failed read). */
  readonly retry: () => void;
  /** The chain's history indexer while it answers (asked here once for every view). */
  readonly indexerReach: IndexerReach;
  readonly history: {
    readonly logs: readonly HistoryLog[];
    readonly loading: boolean;
    readonly error: unknown;
    /** Where it comes from: the history indexer, or the chain's logs read by the dashboard. */
    readonly source: "indexer" | "logs";
    /** First and newest block covered so far; earlier history needs `loadEarlier`. */
    readonly scannedFrom: bigint | undefined;
    readonly scannedTo: bigint | undefined;
    readonly complete: boolean;
    readonly loadEarlier: () => void;
  };
  readonly holderOffset: number;
  readonly setHolderOffset: (offset: number) => void;
};

/**
 * Page sizes of the snapshot: the lens caps each list of a snapshot at MAX_SNAPSHOT_PAGE (20) items,
 * so that one snapshot of maximum-size items stays under 10M gas.
 */
export const PAGE = {
  holders: 20,
  rounds: 20,
  applications: 20,
  offerings: 20,
  techniques: 20,
  companies: 20,
  commitments: 20,
  proposals: 20,
} as const;

const FundContext = createContext<Fund | null>(null);

export function FundProvider({ children }: { children: ReactNode }) {
  const chainId = useChainId();
  const { address } = useConnection();
  const deployment = deployments[chainId];
  const lens = deployment?.addresses.FundLens;
  const council = deployment?.addresses.TrusteeCouncil;
  const [holderOffset, setHolderOffset] = useState(0);

  const client = usePublicClient({ chainId }) as PublicClient | undefined;

  const snapshotRead = useQuery({
    queryKey: fundKeys.snapshot(chainId, address, holderOffset),
    queryFn: () => {
      if (!client || !lens) throw new Error("The Fund is not deployed on this chain");
      return readSnapshot(
        client,
        lens,
        snapshotQuery(address ?? zeroAddress, {
          holders: page(BigInt(holderOffset), BigInt(PAGE.holders), false),
          rounds: page(0n, BigInt(PAGE.rounds)),
          applications: page(0n, BigInt(PAGE.applications)),
          offerings: page(0n, BigInt(PAGE.offerings)),
          techniques: page(0n, BigInt(PAGE.techniques), false),
          companies: page(0n, BigInt(PAGE.companies), false),
          commitments: page(0n, BigInt(PAGE.commitments)),
          proposals: page(0n, BigInt(PAGE.proposals)),
        }),
      );
    },
    enabled: Boolean(client && lens),
    refetchInterval: 4_000,
  });
  const snapshot = snapshotRead.data;

  const system = useMemo((): System | undefined => {
    if (!snapshot || !lens || !council) return undefined;
    const s = snapshot.fund.system;
    return {
      council,
      lens,
      shares: s.shares,
      grantRounds: s.grantRounds,
      offerings: s.offerings,
      capitalPool: s.capitalPool,
      returnsRegistry: s.returnsRegistry,
    };
  }, [snapshot, lens, council]);

  const fund = useMemo(
    (): FundAddresses | undefined =>
      system
        ? {
            TrusteeCouncil: system.council,
            FundShares: system.shares,
            GrantRounds: system.grantRounds,
            Offerings: system.offerings,
            CapitalPool: system.capitalPool,
            ReturnsRegistry: system.returnsRegistry,
            FundLens: system.lens,
          }
        : undefined,
    [system],
  );

  const addresses = useMemo(
    () =>
      system ? [system.shares, system.grantRounds, system.offerings, system.returnsRegistry] : undefined,
    [system],
  );
  const firstBlock = deployment?.fromBlock ?? 0n;
  // An indexer that does not answer counts as none: the page then reads the logs itself.
  const indexerReach = useIndexerReach(chainId);
  const { query: historyQuery, loadEarlier } = useHistory({
    chainId,
    addresses,
    firstBlock,
    indexerUrl: indexerReach.url,
  });

  const assets = useMemo(
    () =>
      (snapshot?.fund.assets ?? []).map((a): AssetInfo => ({
        asset: a.asset,
        symbol: a.symbol,
        decimals: a.decimals,
      })),
    [snapshot],
  );

  const history = useMemo(() => {
    const data = historyQuery.data;
    // An error of the query itself, or one the reader reported while keeping what it had loaded.
    const error = historyQuery.error ?? data?.error;
    return {
      logs: data?.logs ?? [],
      loading: historyQuery.isLoading,
      error,
      // Logs loaded while the indexer did not answer stay loaded; the source follows the indexer.
      source: indexerReach.url ? ("indexer" as const) : ("logs" as const),
      scannedFrom: data?.scannedFrom,
      scannedTo: data?.scannedTo,
      complete: data !== undefined && data.complete && !error,
      loadEarlier,
    } as const;
  }, [historyQuery.data, historyQuery.error, historyQuery.isLoading, indexerReach.url, loadEarlier]);

  const value: Fund = {
    chainId,
    deployment,
    account: address,
    client,
    snapshot,
    system,
    fund,
    assets,
    now: snapshot?.fund.timestamp ?? BigInt(Math.floor(Date.now() / 1000)),
    loading: snapshotRead.isLoading,
    error: snapshotRead.error,
    retry: () => void snapshotRead.refetch(),
    indexerReach,
    history,
    holderOffset,
    setHolderOffset,
  };
  return <FundContext.Provider value={value}>{children}</FundContext.Provider>;
}

export function useFund(): Fund {
  const fund = useContext(FundContext);
  if (!fund) throw new Error("useFund must be used inside <FundProvider>");
  return fund;
}
