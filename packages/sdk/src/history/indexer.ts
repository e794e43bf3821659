// A client of the history indexer's SQL over HTTP (Ponder's `client` middleware at /sql): read-only
// SELECTs, sent as GET /sql/db?sql=<superjson {sql, params}>; rows come back as JSON objects whose
// integer columns (numeric) are decimal strings. Plain fetch, no dependency.

/** One SQL-over-HTTP endpoint. `requests` counts the HTTP requests sent (the benchmark reads it). */
export type IndexerClient = {
  readonly url: string;
  readonly query: <Row>(sql: string, params?: readonly (string | number | boolean)[]) => Promise<Row[]>;
  readonly requests: () => number;
  /** The `fetch` its requests go through; the SDK's other reads of the same indexer use it too. */
  readonly fetch?: typeof fetch;
};

/** A failure of the history indexer: `status` is its HTTP status, 0 when it did not answer at all. */
export class IndexerError extends Error {
  readonly status: number;
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "IndexerError";
    this.status = status;
  }
}

/** `fetch`, with a request that gets no answer (refused, network down) turned into an IndexerError. */
export async function fetchIndexer(fetchImpl: typeof fetch, base: string, path: string): Promise<Response> {
  try {
    return await fetchImpl(`${base}${path}`);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new IndexerError(`The history indexer at ${base} did not answer (${reason}).`, 0, { cause });
  }
}

/** A client of the indexer at `url` (e.g. http://127.0.0.1:42069; its SQL endpoint is `${url}/sql`). */
export function indexerClient(
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): IndexerClient {
  const base = url.replace(/\/+$/, "");
  let sent = 0;
  return {
    url: base,
    requests: () => sent,
    fetch: fetchImpl,
    async query<Row>(sql: string, params: readonly (string | number | boolean)[] = []): Promise<Row[]> {
      // Each query text is made unique with a trailing comment: Ponder's server caches results by query
      // text and, measured here, served a row after a reorg had removed it from the table.
      const body = JSON.stringify({ json: { sql: `${sql}\n-- ${Date.now()}.${sent}`, params } });
      sent += 1;
      const response = await fetchIndexer(fetchImpl, base, `/sql/db?sql=${encodeURIComponent(body)}`);
      if (!response.ok) {
        throw new IndexerError(
          `The history indexer at ${base} refused a query (${response.status}): ${await response.text()}`,
          response.status,
        );
      }
      const result = (await response.json()) as { rows: Row[] };
      return result.rows;
    },
  };
}

/** Whether the indexer at `url` has caught up with its chain (Ponder's /ready answers 200 then). */
export async function indexerReady(
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<boolean> {
  try {
    return (await fetchImpl(`${url.replace(/\/+$/, "")}/ready`)).ok;
  } catch {
    return false;
  }
}

/** The newest block the indexer at `url` has indexed (Ponder's /status), or undefined when it cannot say. */
export async function indexedBlock(
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<bigint | undefined> {
  try {
    const response = await fetchImpl(`${url.replace(/\/+$/, "")}/status`);
    if (!response.ok) return undefined;
    const chains = (await response.json()) as Record<string, { block?: { number?: number } }>;
    const numbers = Object.values(chains).map((chain) => chain.block?.number);
    if (numbers.length === 0 || numbers.some((n) => typeof n !== "number")) return undefined;
    return BigInt(Math.min(...(numbers as number[])));
  } catch {
    return undefined;
  }
}

/** Whether the indexer has finished its backfill and indexed every block up to `head`. */
export async function indexerCaughtUp(
  url: string,
  head: bigint,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<boolean> {
  if (!(await indexerReady(url, fetchImpl))) return false;
  const block = await indexedBlock(url, fetchImpl);
  return block !== undefined && block >= head;
}

/** Whether `error` is the history indexer giving no answer at all (refused, network down, timed out), not a refusal. */
export function indexerDidNotAnswer(error: unknown): boolean {
  return error instanceof IndexerError && error.status === 0;
}

/** How long the indexer's /status may take to answer before the indexer counts as not answering (hung). */
export const INDEXER_ANSWER_TIMEOUT_MS = 5_000;

/**
 * How long a query to the indexer may wait for its answer to begin (the response's headers) before it
 * counts as none. Longer than the /status wait, since a query does work first; the body (a large
 * export, on a slow link) is not limited by it.
 */
export const INDEXER_QUERY_TIMEOUT_MS = 15_000;

/**
 * Whether the indexer at `url` answers at all: any HTTP answer of its /status within `timeoutMs`
 * counts, even while it backfills; false when the request gets none (refused, unreachable, or no
 * answer in time). A client whose query got no answer asks this to tell an indexer that is down (read
 * the chain's logs instead) from one path that failed (say so).
 */
export async function indexerAnswers(
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  timeoutMs: number = INDEXER_ANSWER_TIMEOUT_MS,
): Promise<boolean> {
  try {
    await fetchImpl(`${url.replace(/\/+$/, "")}/status`, { signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
