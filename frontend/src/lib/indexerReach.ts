// Which history indexers gave no answer to a request (refused, network down) since they last answered:
// those are asked whether they answer at all (useIndexerReach), and while they do not, the dashboard
// reads the chain's logs instead. Lives as long as the page.

const noAnswer = new Set<string>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function subscribeIndexerReach(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a request to the indexer at `url` got no answer since it last answered. */
export function gaveNoAnswer(url: string): boolean {
  return noAnswer.has(url);
}

export function reportNoAnswer(url: string): void {
  if (noAnswer.has(url)) return;
  noAnswer.add(url);
  notify();
}

export function reportAnswered(url: string): void {
  if (noAnswer.delete(url)) notify();
}

/** `fetch` for the indexer at `url` that reports a request without an answer. */
export function reportingFetch(url: string): typeof fetch {
  return (input, init) =>
    globalThis.fetch(input, init).catch((error: unknown) => {
      reportNoAnswer(url);
      throw error;
    });
}
