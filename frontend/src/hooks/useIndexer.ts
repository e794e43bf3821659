import { useMemo } from "react";

import { indexerClient, type IndexerClient } from "@fef/sdk/history";

import { reportingFetch } from "../lib/indexerReach";
import { useFund } from "./useFund";

export type IndexerStatus = {
  /** The client of the chain's history indexer; undefined without one, or while it does not answer. */
  readonly client: IndexerClient | undefined;
  /** An indexer is configured but does not answer: views read the chain's logs and say so. */
  readonly down: boolean;
  /** A request to it got no answer and whether it answers at all is being asked. */
  readonly suspect: boolean;
};

/** The history indexer of the connected chain (VITE_INDEXER_URL…) and whether it answers. */
export function useIndexerStatus(): IndexerStatus {
  const { url, down, suspect } = useFund().indexerReach;
  // Its requests report one without an answer (the SDK's other reads of it use the client's fetch).
  const client = useMemo(() => (url ? indexerClient(url, reportingFetch(url)) : undefined), [url]);
  return { client, down, suspect };
}

/**
 * The history indexer of the connected chain, or undefined when none is configured or it does not
 * answer (the views then read the chain's logs).
 */
export function useIndexer(): IndexerClient | undefined {
  return useIndexerStatus().client;
}
