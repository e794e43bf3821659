import { useFund } from "../../hooks/useFund";
import { HISTORY_BLOCK_RANGE } from "../../hooks/useHistory";

/** Says how much event history is loaded and lets the user page further back. */
export function HistoryNote() {
  const { history } = useFund();
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History coverage</h2>
      {history.error ? (
        <p className="field-error">
          Event history could not be loaded; charts and provenance are incomplete.
        </p>
      ) : null}
      <p>
        Charts, mint provenance and the returns ledger come from event logs, read{" "}
        {HISTORY_BLOCK_RANGE.toLocaleString("en-GB")} blocks at a time.{" "}
        {history.scannedFrom !== undefined ? `Loaded from block ${history.scannedFrom}. ` : ""}
        {history.complete
          ? "The whole history since deployment is loaded."
          : "Earlier history is not loaded yet."}{" "}
        At scale this comes from an indexer rather than the browser.
      </p>
      {!history.complete ? (
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
