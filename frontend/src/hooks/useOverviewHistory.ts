import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { overviewHistory, type IndexerClient, type OverviewHistory, type ReturnsDay } from "@fef/sdk/history";

import { useFund } from "./useFund";
import { useIndexer } from "./useIndexer";

/** Most periods a strip shows per commitment. */
export const MAX_PERIODS_SHOWN = 36;

/** The returns by day loaded per indexer; a refresh asks only for the newest loaded day and later ones. */
const loadedDays = new Map<string, ReturnsDay[]>();

async function refresh(
  client: IndexerClient,
  holders: readonly `0x${string}`[],
  commitmentIds: readonly bigint[],
): Promise<OverviewHistory> {
  const loaded = loadedDays.get(client.url) ?? [];
  const newest = loaded[loaded.length - 1]?.day;
  const answer = await overviewHistory(client, {
    sinceDay: newest ?? 0n,
    holders,
    commitmentIds,
    periodsBelow: MAX_PERIODS_SHOWN,
  });
  // The newest day may have grown since: its rows are replaced, older days kept as loaded.
  const kept = newest === undefined ? [] : loaded.filter((d) => d.day < newest);
  const days = kept.concat(answer.days);
  loadedDays.set(client.url, days);
  return { ...answer, days };
}

/**
 * Everything the overview shows from the history indexer — returns by day (the chart), mint provenance
 * with the holders shown, the reported periods of the commitments shown — in one request, once the
 * snapshot has said which holders and commitments are shown (the SDK's `overviewHistory`). Disabled
 * without an indexer: the views then replay the loaded event logs.
 */
export function useOverviewHistory() {
  const { chainId, snapshot } = useFund();
  const client = useIndexer();
  const holders = useMemo(() => (snapshot?.holders ?? []).map((h) => h.holder), [snapshot]);
  const commitmentIds = useMemo(() => (snapshot?.commitments ?? []).map((c) => c.id), [snapshot]);
  const query = useQuery({
    queryKey: ["overview-history", chainId, client?.url, holders, commitmentIds.map(String)],
    enabled: client !== undefined && snapshot !== undefined,
    queryFn: () => {
      if (!client) throw new Error("no history indexer");
      return refresh(client, holders, commitmentIds);
    },
    refetchInterval: 4_000,
    // The days are only ever appended to: comparing them deeply on every refresh is wasted work.
    structuralSharing: false,
  });
  return { client, query };
}
