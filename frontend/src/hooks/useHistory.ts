import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { getAbiItem, type Address, type GetLogsReturnType, type PublicClient } from "viem";
import { usePublicClient } from "wagmi";

import { fundSharesAbi, grantRoundsAbi, offeringsAbi, returnsRegistryAbi } from "@fef/sdk/generated/abis";
import { createLogScanner, type LogScanner } from "@fef/sdk/history";

import type { ChainId } from "../lib/chains";

/** The events the dashboard reads from history: one eth_getLogs per block range covers them all. */
export const historyEvents = [
  getAbiItem({ abi: fundSharesAbi, name: "ReturnsReceived" }),
  getAbiItem({ abi: fundSharesAbi, name: "ReturnsDistributed" }),
  getAbiItem({ abi: fundSharesAbi, name: "ReturnsClaimed" }),
  getAbiItem({ abi: grantRoundsAbi, name: "ApplicationSubmitted" }),
  getAbiItem({ abi: grantRoundsAbi, name: "SharesClaimed" }),
  getAbiItem({ abi: offeringsAbi, name: "Subscribed" }),
  getAbiItem({ abi: offeringsAbi, name: "SubscriptionSharesClaimed" }),
  getAbiItem({ abi: returnsRegistryAbi, name: "CompanyRegistered" }),
  getAbiItem({ abi: returnsRegistryAbi, name: "CompanyAdminChanged" }),
  getAbiItem({ abi: returnsRegistryAbi, name: "CompanySignerSet" }),
  getAbiItem({ abi: returnsRegistryAbi, name: "CommitmentRegistered" }),
  getAbiItem({ abi: returnsRegistryAbi, name: "ReturnsReported" }),
  getAbiItem({ abi: returnsRegistryAbi, name: "ReportDisputed" }),
  getAbiItem({ abi: returnsRegistryAbi, name: "DisputeResolved" }),
] as const;

type RawLog = GetLogsReturnType<undefined, typeof historyEvents, true>[number];

/** A decoded history log with the time of its block. */
export type HistoryLog = RawLog & { readonly timestamp: bigint };
export type HistoryEventName = HistoryLog["eventName"];

export function eventsOf<N extends HistoryEventName>(
  logs: readonly HistoryLog[],
  name: N,
): Extract<HistoryLog, { eventName: N }>[] {
  return logs.filter((log): log is Extract<HistoryLog, { eventName: N }> => log.eventName === name);
}

/** Most block headers fetched (in one batched request) to date a page; others are interpolated. */
const MAX_DATED_BLOCKS = 64;
/** Pages read back automatically on each refresh until the history since deployment is loaded. */
const AUTO_PAGES = 25;
const REFRESH_MS = 4_000;

export type HistoryParams = {
  readonly chainId: ChainId;
  readonly addresses: readonly Address[] | undefined;
  readonly firstBlock: bigint;
  /** The history indexer that answers (useIndexerReach, via FundProvider): while there is one, nothing is read here. */
  readonly indexerUrl: string | undefined;
};

/** What the dashboard shows of its history and how it got it. */
export type HistoryState = {
  readonly logs: readonly HistoryLog[];
  /** Oldest and newest block covered. */
  readonly scannedFrom: bigint | undefined;
  readonly scannedTo: bigint | undefined;
  /** Everything since deployment is loaded and the last read had no error. */
  readonly complete: boolean;
  readonly error: unknown;
};

function pickEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const picked: T[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[Math.round((i * (items.length - 1)) / (count - 1))];
    if (item !== undefined) picked.push(item);
  }
  return picked;
}

/** Linear interpolation of a block's time between the nearest dated blocks. */
function interpolate(block: bigint, dated: readonly (readonly [bigint, bigint])[]): bigint {
  let before = dated[0];
  let after = dated[dated.length - 1];
  for (const point of dated) {
    if (point[0] <= block) before = point;
    if (point[0] >= block) {
      after = point;
      break;
    }
  }
  if (!before || !after) return 0n;
  if (after[0] === before[0]) return before[1];
  return before[1] + ((after[1] - before[1]) * (block - before[0])) / (after[0] - before[0]);
}

/** One eth_getLogs over the Fund's contracts, dated (one batched request for at most 64 headers). */
async function readDatedLogs(
  client: PublicClient,
  addresses: readonly Address[],
  fromBlock: bigint,
  toBlock: bigint,
): Promise<HistoryLog[]> {
  const raw = await client.getLogs({
    address: [...addresses],
    events: historyEvents,
    fromBlock,
    toBlock,
    strict: true,
  });
  const undated = [...new Set(raw.filter((l) => l.blockTimestamp == null).map((l) => l.blockNumber))].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const dated: (readonly [bigint, bigint])[] = [];
  if (undated.length > 0) {
    const blocks = await Promise.all(
      pickEvenly(undated, MAX_DATED_BLOCKS).map((blockNumber) => client.getBlock({ blockNumber })),
    );
    for (const block of blocks) if (block.number !== null) dated.push([block.number, block.timestamp]);
  }
  return raw.map((log) => ({ ...log, timestamp: log.blockTimestamp ?? interpolate(log.blockNumber, dated) }));
}

// Readers live as long as the page: a refresh continues where the last one stopped.
const scanners = new Map<string, LogScanner<HistoryLog>>();

/**
 * The Fund's history read from event logs, when there is no indexer or it does not answer: the SDK's
 * log scanner (pages of at most 2,000 blocks, split when the provider refuses). A refresh reads only what is new and never
 * drops what is loaded; the query key has no head block. With an indexer (VITE_INDEXER_URL) nothing is
 * read here: each view asks the indexer's tables for what it shows (returns by day, payments, mint
 * totals), and `useFeedLogs` reads the few events that only the feed has, where they are needed.
 */
export function useHistory({ chainId, addresses, firstBlock, indexerUrl }: HistoryParams) {
  const client = usePublicClient({ chainId }) as PublicClient | undefined;
  const queryClient = useQueryClient();
  const key = useMemo(
    () => ["history", chainId, "logs", addresses?.join(",") ?? "", firstBlock.toString()],
    [chainId, addresses, firstBlock],
  );
  const id = JSON.stringify(key);

  const scannerOf = useCallback((): LogScanner<HistoryLog> | undefined => {
    if (!client || !addresses) return undefined;
    let scanner = scanners.get(id);
    if (!scanner) {
      scanner = createLogScanner<HistoryLog>({
        read: (from, to) => readDatedLogs(client, addresses, from, to),
        firstBlock,
      });
      scanners.set(id, scanner);
    }
    return scanner;
  }, [client, addresses, firstBlock, id]);

  const query = useQuery({
    queryKey: key,
    enabled: !indexerUrl && Boolean(client && addresses),
    queryFn: async (): Promise<HistoryState> => {
      const scanner = scannerOf();
      if (!client || !scanner) throw new Error("history is not available on this chain");
      let state = await scanner.catchUp(await client.getBlockNumber());
      // Read back towards the deployment a bounded number of pages per refresh.
      if (!state.error && !state.complete) state = await scanner.loadEarlier(AUTO_PAGES);
      return state;
    },
    refetchInterval: REFRESH_MS,
    // The logs array is only ever appended to: comparing it deeply on every refresh is wasted work.
    structuralSharing: false,
  });

  const loadEarlier = useCallback(() => {
    const scanner = scannerOf();
    if (!scanner) return;
    void scanner.loadEarlier(AUTO_PAGES).then((state) => {
      queryClient.setQueryData<HistoryState>(key, state);
    });
  }, [scannerOf, queryClient, key]);

  return { query, loadEarlier };
}
