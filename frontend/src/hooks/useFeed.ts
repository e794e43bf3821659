import { useQuery } from "@tanstack/react-query";

import { indexedEvents, type IndexedEvent, type IndexerClient } from "@fef/sdk/history";

import { useFund } from "./useFund";
import type { HistoryLog } from "./useHistory";
import { useIndexer } from "./useIndexer";

/**
 * The events that only the indexer's feed has and that views replay (applications, subscriptions,
 * companies and their signers, commitments, disputes). Returns, payments and reports are not among
 * them: they grow with every payment and are read from the indexer's aggregated tables instead.
 */
export const FEED_EVENTS = [
  "ApplicationSubmitted",
  "Subscribed",
  "CompanyRegistered",
  "CompanyAdminChanged",
  "CompanySignerSet",
  "CommitmentRegistered",
  "ReportDisputed",
  "DisputeResolved",
] as const;

const PAGE = 5_000;
const REFRESH_MS = 4_000;

type Feed = { logs: HistoryLog[]; newest: IndexedEvent | undefined };
// A feed lives as long as the page: a refresh asks only for events after the newest one loaded.
const feeds = new Map<string, Feed>();

function asHistoryLog(event: IndexedEvent): HistoryLog {
  // Same fields as viem's decoded log (eventName, args in the ABI's types, block, log index, tx).
  return { ...event, removed: false } as unknown as HistoryLog;
}

async function refreshFeed(client: IndexerClient, feed: Feed): Promise<HistoryLog[]> {
  for (;;) {
    const { events, cursorKept } = await indexedEvents(client, {
      names: FEED_EVENTS,
      after: feed.newest,
      limit: PAGE,
    });
    if (!cursorKept) {
      // A reorg removed the newest event loaded: reload the canonical feed.
      feed.logs = [];
      feed.newest = undefined;
      continue;
    }
    if (events.length > 0) {
      feed.logs = feed.logs.concat(events.map(asHistoryLog));
      feed.newest = events[events.length - 1];
    }
    if (events.length < PAGE) return feed.logs;
  }
}

/**
 * The history logs a view replays: with an indexer, its feed of `FEED_EVENTS` (read only while a
 * mounted view asks for it with `enabled`); without one, or while it does not answer, the logs the
 * page has read.
 */
export function useFeedLogs(enabled = true): readonly HistoryLog[] {
  const { chainId, history } = useFund();
  const client = useIndexer();
  const url = client?.url;
  const feed = useQuery({
    queryKey: ["history-feed", chainId, url],
    enabled: enabled && client !== undefined,
    queryFn: () => {
      if (!client) throw new Error("no history indexer");
      let loaded = feeds.get(client.url);
      if (!loaded) {
        loaded = { logs: [], newest: undefined };
        feeds.set(client.url, loaded);
      }
      return refreshFeed(client, loaded);
    },
    refetchInterval: REFRESH_MS,
    // The logs array is only ever appended to: comparing it deeply on every refresh is wasted work.
    structuralSharing: false,
  });
  return url ? (feed.data ?? []) : history.logs;
}
