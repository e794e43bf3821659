// Which history indexers gave no answer to a request (refused, unreachable, or none within
// INDEXER_ANSWER_TIMEOUT_MS) since they last answered: those are asked whether they answer at all
// (useIndexerReach), and while they do not, the dashboard reads the chain's logs instead. Lives as
// long as the page.

import { INDEXER_ANSWER_TIMEOUT_MS } from "@fef/sdk/history";

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
 * `fetch` for the indexer at `url` that gives up after INDEXER_ANSWER_TIMEOUT_MS (or when the
 * caller's own signal aborts) and reports a request without an answer.
 */
export function reportingFetch(url: string): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(INDEXER_ANSWER_TIMEOUT_MS);
    const callers = init?.signal;
    const signal = callers ? AbortSignal.any([callers, timeout]) : timeout;
    return globalThis.fetch(input, { ...init, signal }).catch((error: unknown) => {
      // A request its caller cancelled says nothing about the indexer.
      if (!callers?.aborted) reportNoAnswer(url);
      throw error;
    });
  };
}
