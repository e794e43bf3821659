import { useMemo } from "react";

import { proposalsFromIndexer, type ApplicationProposal } from "@fef/sdk/applicationProposals";

import { eventsOf } from "./useHistory";
import { useFund } from "./useFund";
import { useIndexerQuery } from "./useIndexerQuery";

/**
 * The proposals (URI and content hash) of applications `ids`: they are in each application's
 * ApplicationSubmitted event, not in the lens. With an indexer, one request for the ids shown;
 * without, the loaded history's events (earlier pages may still be loading). Keyed by id as a string.
 */
export function useProposals(ids: readonly bigint[]): ReadonlyMap<string, ApplicationProposal> {
  const { history } = useFund();
  const indexed = useIndexerQuery(
    "application-proposals",
    [ids.map(String)],
    (client) => proposalsFromIndexer(client, ids),
    // A proposal never changes once submitted: new ids make a new key.
    { enabled: ids.length > 0, staleTime: Infinity },
  );
  return useMemo(() => {
    const found = new Map<string, ApplicationProposal>();
    for (const [id, proposal] of indexed.data ?? []) found.set(id.toString(), proposal);
    for (const log of eventsOf(history.logs, "ApplicationSubmitted")) {
      const id = log.args.applicationId.toString();
      if (!found.has(id)) found.set(id, { uri: log.args.uri, contentHash: log.args.contentHash });
    }
    return found;
  }, [indexed.data, history.logs]);
}
