import { useQuery } from "@tanstack/react-query";

import { trackRecordFactsFromLogs, trackRecords } from "@fef/sdk/history";
import { computeTrackRecords, type TrackRecords } from "@fef/sdk/trackRecord";

import { useFund } from "../../hooks/useFund";
import { useIndexer } from "../../hooks/useIndexer";

export type TrackRecordsState = {
  readonly records: TrackRecords | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  readonly source: "indexer" | "logs";
};

/**
 * Every trustee's track record at the chain's time: from the history indexer (which computes it)
 * when there is one, else recomputed here from the chain's event logs — the SDK's one implementation
 * either way.
 */
export function useTrackRecords(): TrackRecordsState {
  const { chainId, client, system, deployment, now } = useFund();
  const indexer = useIndexer();
  const query = useQuery({
    queryKey: ["fef", chainId, "track-records", indexer?.url ?? "logs", now.toString()],
    enabled: indexer !== undefined || (client !== undefined && system !== undefined),
    queryFn: async (): Promise<TrackRecords> => {
      if (indexer) return trackRecords(indexer, now);
      if (!client || !system) throw new Error("The Fund is not deployed on this chain");
      const head = await client.getBlockNumber();
      const facts = await trackRecordFactsFromLogs(
        client,
        { grantRounds: system.grantRounds, returnsRegistry: system.returnsRegistry, council: system.council },
        deployment?.fromBlock ?? 0n,
        head,
      );
      return computeTrackRecords(facts, now);
    },
    staleTime: 10_000,
    // With nothing to show, the page shows the error screen (plain words and a Retry that asks again);
    // a later refresh that fails keeps the records shown, with a notice.
    throwOnError: (_error, query) => query.state.data === undefined,
  });
  return {
    records: query.data,
    loading: query.isLoading,
    error: query.error,
    source: indexer ? "indexer" : "logs",
  };
}
