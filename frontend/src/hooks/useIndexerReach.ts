import { useQuery } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";

import { indexerAnswers } from "@fef/sdk/history";

import { indexerUrlFor } from "../lib/chains";
import { gaveNoAnswer, reportAnswered, subscribeIndexerReach } from "../lib/indexerReach";

/** How often an indexer that does not answer is asked again. */
const ASK_AGAIN_MS = 10_000;

export type IndexerReach = {
  /** The indexer to read, or undefined: none is configured, or the one configured does not answer. */
  readonly url: string | undefined;
  /** An indexer is configured but does not answer: history comes from the chain's logs meanwhile. */
  readonly down: boolean;
};

/**
 * The history indexer of `chainId` while it answers. Until one of its requests gets no answer it is
 * taken as up (no extra request); then its /status is asked (the SDK's `indexerAnswers`): no answer
 * there either and it is down until a later ask gets one; an answer there means only that path failed.
 */
export function useIndexerReach(chainId: number): IndexerReach {
  const configured = indexerUrlFor(chainId);
  const suspect = useSyncExternalStore(
    subscribeIndexerReach,
    useCallback(() => configured !== undefined && gaveNoAnswer(configured), [configured]),
  );
  const asked = useQuery({
    queryKey: ["indexer-answers", configured],
    enabled: suspect,
    queryFn: async () => {
      if (!configured) return false;
      const answers = await indexerAnswers(configured);
      if (answers) reportAnswered(configured);
      return answers;
    },
    retry: false,
    refetchInterval: ASK_AGAIN_MS,
  });
  const down = suspect && asked.data === false;
  return { url: down ? undefined : configured, down };
}
