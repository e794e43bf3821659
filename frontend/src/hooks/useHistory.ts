import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { getAbiItem, type Address, type GetLogsReturnType } from "viem";
import { usePublicClient } from "wagmi";

import { fundSharesAbi, grantRoundsAbi, offeringsAbi, returnsRegistryAbi } from "@fef/sdk/generated/abis";

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

/** Blocks scanned per eth_getLogs; older history is loaded page by page on request (an indexer at scale). */
export const HISTORY_BLOCK_RANGE = 50_000n;
/** Most block headers fetched (in one batched request) to date a page; others are interpolated. */
const MAX_DATED_BLOCKS = 64;

type HistoryPage = {
  readonly logs: readonly HistoryLog[];
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
};

export type HistoryParams = {
  readonly chainId: ChainId;
  readonly addresses: readonly Address[] | undefined;
  readonly headBlock: bigint | undefined;
  readonly firstBlock: bigint;
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

/**
 * The Fund's history, newest block range first. Each page is one eth_getLogs (plus, when the node
 * does not return block timestamps, one batched request for at most 64 block headers).
 */
export function useHistory({ chainId, addresses, headBlock, firstBlock }: HistoryParams) {
  const client = usePublicClient({ chainId });
  return useInfiniteQuery({
    queryKey: ["history", chainId, addresses, headBlock?.toString(), firstBlock.toString()],
    enabled: Boolean(client && addresses && headBlock !== undefined),
    initialPageParam: headBlock ?? 0n,
    getNextPageParam: (last: HistoryPage) => (last.fromBlock > firstBlock ? last.fromBlock - 1n : undefined),
    queryFn: async ({ pageParam }): Promise<HistoryPage> => {
      if (!client || !addresses) throw new Error("history is not available on this chain");
      const toBlock = pageParam;
      const lowest = toBlock + 1n > HISTORY_BLOCK_RANGE ? toBlock + 1n - HISTORY_BLOCK_RANGE : 0n;
      const fromBlock = lowest > firstBlock ? lowest : firstBlock;
      const raw = await client.getLogs({
        address: [...addresses],
        events: historyEvents,
        fromBlock,
        toBlock,
        strict: true,
      });
      const undated = [
        ...new Set(raw.filter((l) => l.blockTimestamp == null).map((l) => l.blockNumber)),
      ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const dated: (readonly [bigint, bigint])[] = [];
      if (undated.length > 0) {
        // With a batching transport these requests travel in one HTTP round trip.
        const blocks = await Promise.all(
          pickEvenly(undated, MAX_DATED_BLOCKS).map((blockNumber) => client.getBlock({ blockNumber })),
        );
        for (const block of blocks) if (block.number !== null) dated.push([block.number, block.timestamp]);
      }
      const logs = raw.map((log) => ({
        ...log,
        timestamp: log.blockTimestamp ?? interpolate(log.blockNumber, dated),
      }));
      return { logs, fromBlock, toBlock };
    },
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
