import { useQuery } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";

import { indexerAnswers } from "@fef/sdk/history";

import { indexerUrlFor } from "../lib/chains";
import { reportAnswered, subscribeIndexerReach, suspicionOf } from "../lib/indexerReach";

/** How often an indexer that does not answer is asked again. */
const ASK_AGAIN_MS = 10_000;

export type IndexerReach = {
  /** The indexer to read, or undefined: none is configured, or the one configured does not answer. */
  readonly url: string | undefined;
  /** An indexer is configured but does not answer: history comes from the chain's logs meanwhile. */
  readonly down: boolean;
  /** A request to it got no answer and its /status is being asked (true while `down` too). */
  readonly suspect: boolean;
};

/**
 * The history indexer of `chainId` while it answers. Until one of its requests gets no answer it is
 * taken as up (no extra request); then its /status is asked (the SDK's `indexerAnswers`, which gives
 * up after a few seconds): no answer there either and it is down until a later ask gets one; an
 * answer there means only that path failed. Each suspicion is asked afresh (its number is in the
 * query key), so an answer from before a second outage does not hide it. Used once, by FundProvider:
 * every view reads the result from useFund, so there is one ask timer, not one per view.
 */
export function useIndexerReach(chainId: number): IndexerReach {
  const configured = indexerUrlFor(chainId);
  const suspicion = useSyncExternalStore(
    subscribeIndexerReach,
    useCallback(() => (configured === undefined ? undefined : suspicionOf(configured)), [configured]),
  );
  const asked = useQuery({
    queryKey: ["indexer-answers", configured, suspicion],
    enabled: suspicion !== undefined,
    queryFn: async () => {
      if (!configured) return false;
      const answers = await indexerAnswers(configured);
      if (answers) reportAnswered(configured);
      return answers;
    },
    retry: false,
    refetchInterval: ASK_AGAIN_MS,
  });
  const down = suspicion !== undefined && asked.data === false;
  return { url: down ? undefined : configured, down, suspect: suspicion !== undefined };
}
