import { useMutation } from "@tanstack/react-query";

import type { IndexerClient } from "@fef/sdk/history";

import { useIndexerStatus } from "../hooks/useIndexer";
import { downloadCsv } from "../lib/csv";

/**
 * A button that downloads a CSV built from the history indexer. Without an indexer, or while it does
 * not answer, it is replaced by a one-line note: the event-log fallback has no tables to export from.
 */
export function IndexerExport({
  label,
  filename,
  testId,
  build,
}: {
  readonly label: string;
  readonly filename: string;
  readonly testId: string;
  readonly build: (client: IndexerClient) => Promise<string>;
}) {
  const { client, down } = useIndexerStatus();
  const exporter = useMutation({
    mutationFn: async (c: IndexerClient) => downloadCsv(filename, await build(c)),
  });
  if (!client) {
    return (
      <p className="hint" data-testid={`${testId}-unavailable`}>
        {label}:{" "}
        {down
          ? "needs the history indexer, which does not answer at the moment."
          : "needs the history indexer (none is configured for this chain)."}
      </p>
    );
  }
  return (
    <>
      <button
        type="button"
        onClick={() => exporter.mutate(client)}
        disabled={exporter.isPending}
        data-testid={testId}
      >
        {exporter.isPending ? "Exporting…" : label}
      </button>
      {exporter.error ? (
        <span role="alert" className="error">
          {exporter.error.message}
        </span>
      ) : null}
    </>
  );
}
