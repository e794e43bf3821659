// History: from the indexer (SQL over HTTP, typed questions and the event feed) when there is one,
// else from the chain's logs with a scanner that adapts to the provider's eth_getLogs caps.
export {
  indexedBlock,
  INDEXER_ANSWER_TIMEOUT_MS,
  INDEXER_QUERY_TIMEOUT_MS,
  indexerAnswers,
  indexerCaughtUp,
  indexerClient,
  indexerDidNotAnswer,
  indexerReady,
  IndexerError,
  type IndexerClient,
} from "./history/indexer.ts";
export * from "./history/queries.ts";
export * from "./history/overview.ts";
export * from "./history/lateness.ts";
export * from "./history/tables.ts";
export { indexedEvents, type IndexedEvent } from "./history/events.ts";
export { contractEventsSince, type EventFilter } from "./history/contractEvents.ts";
export { trackRecords } from "./history/trackRecords.ts";
export { trackRecordFactsFromLogs } from "./history/trackRecordLogs.ts";
export {
  createLogScanner,
  isRangeError,
  FIRST_PAGE_BLOCKS,
  MAX_PAGE_BLOCKS,
  readAllLogs,
  type LogScanner,
  type LogScanState,
  type ReadLogs,
  type ScannedLog,
} from "./history/logScanner.ts";
