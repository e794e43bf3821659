import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { zeroAddress, type Address, type ContractFunctionReturnType } from "viem";
import { useChainId, useConnection, useReadContract } from "wagmi";

import { deployments, type ChainDeployment } from "@fef/sdk/deployments";
import { fundLensAbi } from "@fef/sdk/generated/abis";
import type { AssetInfo } from "@fef/sdk/assets";

import type { ChainId } from "../lib/chains";
import { useHistory, type HistoryLog } from "./useHistory";

export type Snapshot = ContractFunctionReturnType<typeof fundLensAbi, "view", "snapshot">;
export type FundView = Snapshot["fund"];
export type RoundRow = Snapshot["rounds"][number];
export type ApplicationRow = Snapshot["applications"][number];
export type OfferingRow = Snapshot["offerings"][number];
export type TechniqueRow = Snapshot["techniques"][number];
export type CompanyRow = Snapshot["companies"][number];
export type CommitmentRow = Snapshot["commitments"][number];
export type ProposalRow = Snapshot["proposals"][number];
export type HolderRow = Snapshot["holders"][number];

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
  readonly snapshot: Snapshot | undefined;
  readonly system: System | undefined;
  readonly assets: readonly AssetInfo[];
  /** Chain time of the snapshot (the local chain's clock may run ahead of the wall clock). */
  readonly now: bigint;
  readonly loading: boolean;
  readonly error: unknown;
  readonly history: {
    readonly logs: readonly HistoryLog[];
    readonly loading: boolean;
    readonly error: unknown;
    /** First block scanned so far; earlier history needs `loadEarlier`. */
    readonly scannedFrom: bigint | undefined;
    readonly complete: boolean;
    readonly loadEarlier: () => void;
  };
  readonly holderOffset: number;
  readonly setHolderOffset: (offset: number) => void;
};

/** Page sizes of the snapshot; the lens caps every page at 100 items. */
export const PAGE = {
  holders: 100,
  rounds: 20,
  applications: 100,
  offerings: 20,
  techniques: 100,
  companies: 100,
  commitments: 100,
  proposals: 30,
} as const;

const FundContext = createContext<Fund | null>(null);

function page(limit: number, newestFirst: boolean, offset = 0) {
  return { offset: BigInt(offset), limit: BigInt(limit), newestFirst };
}

export function FundProvider({ children }: { children: ReactNode }) {
  const chainId = useChainId();
  const { address } = useConnection();
  const deployment = deployments[chainId];
  const lens = deployment?.addresses.FundLens;
  const council = deployment?.addresses.TrusteeCouncil;
  const [holderOffset, setHolderOffset] = useState(0);

  const query = useMemo(
    () => ({
      viewer: address ?? zeroAddress,
      holders: page(PAGE.holders, false, holderOffset),
      rounds: page(PAGE.rounds, true),
      applications: page(PAGE.applications, true),
      offerings: page(PAGE.offerings, true),
      techniques: page(PAGE.techniques, false),
      companies: page(PAGE.companies, false),
      commitments: page(PAGE.commitments, true),
      proposals: page(PAGE.proposals, true),
    }),
    [address, holderOffset],
  );

  const snapshotQuery = useReadContract({
    address: lens,
    abi: fundLensAbi,
    functionName: "snapshot",
    args: [query],
    chainId,
    query: { enabled: Boolean(lens), refetchInterval: 4_000 },
  });
  const snapshot = snapshotQuery.data;

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

  const addresses = useMemo(
    () =>
      system ? [system.shares, system.grantRounds, system.offerings, system.returnsRegistry] : undefined,
    [system],
  );
  const firstBlock = deployment?.fromBlock ?? 0n;
  const historyQuery = useHistory({ chainId, addresses, headBlock: snapshot?.fund.blockNumber, firstBlock });

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
    const pages = historyQuery.data?.pages ?? [];
    const logs = pages.flatMap((p) => p.logs);
    const last = pages[pages.length - 1];
    return {
      logs,
      loading: historyQuery.isLoading || historyQuery.isFetchingNextPage,
      error: historyQuery.error,
      scannedFrom: last?.fromBlock,
      complete: !historyQuery.hasNextPage,
      loadEarlier: () => void historyQuery.fetchNextPage(),
    };
  }, [historyQuery]);

  const value: Fund = {
    chainId,
    deployment,
    account: address,
    snapshot,
    system,
    assets,
    now: snapshot?.fund.timestamp ?? BigInt(Math.floor(Date.now() / 1000)),
    loading: snapshotQuery.isLoading,
    error: snapshotQuery.error,
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
