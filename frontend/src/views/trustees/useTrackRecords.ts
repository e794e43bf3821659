import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PublicClient } from "viem";

import type { ChainDeployment } from "@fef/sdk/deployments";
import { indexerDidNotAnswer, trackRecordFactsFromLogs, trackRecords } from "@fef/sdk/history";
import { computeTrackRecords, type TrackRecords } from "@fef/sdk/trackRecord";

import { useFund, type System } from "../../hooks/useFund";
import { useIndexerStatus } from "../../hooks/useIndexer";

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
 * implementation either way. An indexer request without an answer is reported by the client's fetch
 * and the shared reach (useIndexerReach) switches the source to the logs; the last records stay shown
 * meanwhile. Any other failure is for the error screen, and so is a request without an answer once the
 * indexer has answered the reach's ask (only this path failed).
 */
export function useTrackRecords(): TrackRecordsState {
  const { chainId, client, system, deployment, now } = useFund();
  const { client: indexer, down, suspect } = useIndexerStatus();
  const query = useQuery({
    queryKey: ["fef", chainId, "track-records", indexer?.url ?? "logs", now.toString()],
    enabled: indexer !== undefined || (client !== undefined && system !== undefined),
    queryFn: async (): Promise<Computed> =>
      indexer
        ? { records: await trackRecords(indexer, now), source: "indexer" }
        : fromLogs(client, system, deployment, now),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    // With nothing to show, the page shows the error screen (plain words and a Retry that asks again);
    // a later refresh that fails keeps the records shown, with a notice. An indexer that gave no answer
    // is no error while the reach asks it (and, if it does not answer, the records come from the logs).
    throwOnError: (error, query) =>
      query.state.data === undefined && (!indexerDidNotAnswer(error) || !suspect),
  });
  const noAnswer = indexerDidNotAnswer(query.error);
  return {
    records: query.data?.records,
    loading: query.isLoading || (noAnswer && suspect && query.data === undefined),
    error: noAnswer && suspect ? undefined : query.error,
    source: query.data?.source ?? (indexer ? "indexer" : "logs"),
    indexerDown: down,
  };
}
