import { FIRST_PAGE_BLOCKS } from "@fef/sdk/history";

import { useFund } from "../../hooks/useFund";
import { useReturnsHistory } from "../../hooks/useReturnsHistory";

/** Says where the event history comes from, how much of it is loaded, and lets the user page further back. */
export function HistoryNote() {
  const { history: logs, indexerReach } = useFund();
  const returns = useReturnsHistory();
  const fromIndexer = logs.source === "indexer";
  // With an indexer the page reads no event feed here: what it shows is the indexer's answer (the same
  // returns query as the chart), complete when that answered without error.
  const history = fromIndexer
    ? {
        ...logs,
        error: returns.error ?? undefined,
        loading: returns.loading,
        complete: returns.loaded,
      }
    : logs;
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History coverage</h2>
      {history.error ? (
        <p className="field-error" data-testid="history-error">
          Part of the event history could not be loaded; charts and provenance are incomplete until it is.
        </p>
      ) : null}
      {indexerReach.down ? (
        <p className="notice" role="status" data-testid="history-indexer-down">
          The history indexer does not answer at the moment, so this page reads the Fund's history from the
          chain's event logs itself. The Fund's current state is read from the chain as always.
        </p>
      ) : null}
      <p data-testid="history-coverage">
        {fromIndexer
          ? "Charts, mint provenance and the returns ledger come from the history indexer. "
          : `Charts, mint provenance and the returns ledger come from event logs read by this page, at most ${FIRST_PAGE_BLOCKS.toLocaleString("en-GB")} blocks at a time (fewer when the provider refuses). `}
        {history.scannedFrom !== undefined && history.scannedTo !== undefined
          ? `Blocks ${history.scannedFrom} to ${history.scannedTo} are loaded. `
          : ""}
        {history.complete
          ? "The whole history since deployment is loaded."
          : history.loading
            ? "Loading history …"
            : "Earlier history is not loaded yet."}
      </p>
      {!history.complete && !fromIndexer ? (
        <button
          type="button"
          onClick={history.loadEarlier}
          disabled={history.loading}
          data-testid="load-earlier-history"
        >
          Load earlier history
        </button>
      ) : null}
    </section>
  );
}
