// Trustee track records as the indexer computes them (GET /track-records), in the same shape as
// `computeTrackRecords` returns from event logs.
import type { TrackRecords } from "../trackRecord.ts";
import { trackRecordsFromJson } from "../trackRecordJson.ts";
import { fetchIndexer, IndexerError, type IndexerClient } from "./indexer.ts";

/** Every trustee's and the council's track record at `at` (seconds; default: the newest indexed event). */
export async function trackRecords(
  client: IndexerClient,
  at?: bigint,
  fetchImpl: typeof fetch = client.fetch ?? globalThis.fetch.bind(globalThis),
): Promise<TrackRecords> {
  const query = at !== undefined ? `?at=${at}` : "";
  const response = await fetchIndexer(fetchImpl, client.url, `/track-records${query}`);
  if (!response.ok) {
    throw new IndexerError(
      `The history indexer at ${client.url} refused the track records (${response.status}): ${await response.text()}`,
      response.status,
    );
  }
  return trackRecordsFromJson(await response.text());
}
