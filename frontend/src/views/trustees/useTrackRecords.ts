import { useQuery } from "@tanstack/react-query";
import type { PublicClient } from "viem";

import type { ChainDeployment } from "@fef/sdk/deployments";
import {
  indexerAnswers,
  indexerDidNotAnswer,
  trackRecordFactsFromLogs,
  trackRecords,
} from "@fef/sdk/history";
import { computeTrackRecords, type TrackRecords } from "@fef/sdk/trackRecord";

import { useFund, type System } from "../../hooks/useFund";
import { useIndexerStatus } from "../../hooks/useIndexer";
import { reportNoAnswer, reportingFetch } from "../../lib/indexerReach";

export type TrackRecordsState = {
  readonly records: TrackRecords | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  readonly source: "indexer" | "logs";
  /** An indexer is configured but does not answer: the records were computed from the chain's logs. */
  readonly indexerDown: boolean;
};

type Computed = { readonly records: TrackRecords; readonly source: "indexer" | "logs" };

/** The track records recomputed here from the chain's event logs (the SDK's one implementation). */
async function fromLogs(
  client: PublicClient | undefined,
  system: System | undefined,
  deployment: ChainDeployment | undefined,
  now: bigint,
): Promise<Computed> {
  if (!client || !system) throw new Error("The Fund is not deployed on this chain");
  const head = await client.getBlockNumber();
  const facts = await trackRecordFactsFromLogs(
    client,
    { grantRounds: system.grantRounds, returnsRegistry: system.returnsRegistry, council: system.council },
    deployment?.fromBlock ?? 0n,
    head,
  );
  return { records: computeTrackRecords(facts, now), source: "logs" };
}

/**
 * Every trustee's track record at the chain's time: from the history indexer (which computes it)
 * when there is one that answers, else recomputed here from the chain's event logs — the SDK's one
 * implementation either way.
 */
export function useTrackRecords(): TrackRecordsState {
  const { chainId, client, system, deployment, now } = useFund();
  const { client: indexer, down } = useIndexerStatus();
  const query = useQuery({
    queryKey: ["fef", chainId, "track-records", indexer?.url ?? "logs", now.toString()],
    enabled: indexer !== undefined || (client !== undefined && system !== undefined),
    queryFn: async (): Promise<Computed> => {
      if (!indexer) return fromLogs(client, system, deployment, now);
      try {
        return { records: await trackRecords(indexer, now, reportingFetch(indexer.url)), source: "indexer" };
      } catch (error) {
        // An indexer that does not answer at all is no reason to show nothing: the chain has it all.
        // One that answers elsewhere failed on this path: that is the error screen's to say.
        if (!indexerDidNotAnswer(error) || (await indexerAnswers(indexer.url))) throw error;
        reportNoAnswer(indexer.url);
        return fromLogs(client, system, deployment, now);
      }
    },
    staleTime: 10_000,
    // With nothing to show, the page shows the error screen (plain words and a Retry that asks again);
    // a later refresh that fails keeps the records shown, with a notice.
    throwOnError: (_error, query) => query.state.data === undefined,
  });
  return {
    records: query.data?.records,
    loading: query.isLoading,
    error: query.error,
    source: query.data?.source ?? (indexer ? "indexer" : "logs"),
    indexerDown: down || (indexer !== undefined && query.data?.source === "logs"),
  };
}
