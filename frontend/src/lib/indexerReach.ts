// Which history indexers gave no answer to a request (refused, unreachable, or none begun within
// INDEXER_QUERY_TIMEOUT_MS) since they last answered: those are asked whether they answer at all
// (useIndexerReach), and while they do not, the dashboard reads the chain's logs instead. Lives as
// long as the page.

import { INDEXER_QUERY_TIMEOUT_MS } from "@fef/sdk/history";

/** Each suspicion gets its own number, so that a second outage is asked afresh, not read from the first. */
const suspicions = new Map<string, number>();
let lastSuspicion = 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function subscribeIndexerReach(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The suspicion of the indexer at `url` (a request got no answer since it last answered), if any. */
export function suspicionOf(url: string): number | undefined {
  return suspicions.get(url);
}

export function reportNoAnswer(url: string): void {
  if (suspicions.has(url)) return;
  lastSuspicion += 1;
  suspicions.set(url, lastSuspicion);
  notify();
}

export function reportAnswered(url: string): void {
  if (suspicions.delete(url)) notify();
}

/**
 * `fetch` for the indexer at `url` that gives up when its answer has not begun within
 * INDEXER_QUERY_TIMEOUT_MS (or when the caller's own signal aborts) and reports a request without an
 * answer. Once the answer has begun, reading its body is not limited.
 */
export function reportingFetch(url: string): typeof fetch {
  return (input, init) => {
    const noAnswer = new AbortController();
    const timer = setTimeout(
      () => noAnswer.abort(new DOMException("The history indexer gave no answer in time.", "TimeoutError")),
      INDEXER_QUERY_TIMEOUT_MS,
    );
    const callers = init?.signal;
    const signal = callers ? AbortSignal.any([callers, noAnswer.signal]) : noAnswer.signal;
    return globalThis.fetch(input, { ...init, signal }).then(
      (response) => {
        clearTimeout(timer);
        return response;
      },
      (error: unknown) => {
        clearTimeout(timer);
        // A request its caller cancelled says nothing about the indexer.
        if (!callers?.aborted) reportNoAnswer(url);
        throw error;
      },
    );
  };
}
