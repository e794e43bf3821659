import { useQuery } from "@tanstack/react-query";

import type { IndexerClient } from "@fef/sdk/history";

import { useFund } from "./useFund";
import { useIndexer } from "./useIndexer";

export type IndexerQueryOptions = {
  /** False while there is nothing to ask (e.g. no ids yet); the query runs only with an indexer. */
  readonly enabled?: boolean;
  readonly refetchInterval?: number;
  readonly staleTime?: number;
};

/**
 * A query to the history indexer of the connected chain, keyed by `name`, the chain, the indexer and
 * `key`. `client` is undefined (and the query idle) when no indexer is configured: the caller then
 * reads the loaded event logs instead.
 */
export function useIndexerQuery<T>(
  name: string,
  key: readonly unknown[],
  fetch: (client: IndexerClient) => Promise<T>,
  { enabled = true, ...options }: IndexerQueryOptions = {},
): { readonly client: IndexerClient | undefined; readonly data: T | undefined } {
  const { chainId } = useFund();
  const client = useIndexer();
  const query = useQuery({
    queryKey: [name, chainId, client?.url, ...key],
    enabled: client !== undefined && enabled,
    queryFn: () => {
      if (!client) throw new Error("no history indexer");
      return fetch(client);
    },
    ...options,
  });
  return { client, data: query.data };
}
