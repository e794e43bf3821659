import { useMemo } from "react";

import { indexerClient, type IndexerClient } from "@fef/sdk/history";

import { indexerUrlFor } from "../lib/chains";
import { useFund } from "./useFund";

/** The history indexer of the connected chain (VITE_INDEXER_URL…), or undefined when none is configured. */
export function useIndexer(): IndexerClient | undefined {
  const { chainId } = useFund();
  const url = indexerUrlFor(chainId);
  return useMemo(() => (url ? indexerClient(url) : undefined), [url]);
}
