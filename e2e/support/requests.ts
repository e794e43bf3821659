// What a page asks for while a test runs: the JSON-RPC methods it sends to the chain (batched or not)
// and the URLs it requests from the history indexer.
import type { Page } from "@playwright/test";

import { INDEXER_URL, RPC_URL } from "./env.js";

/** Starts recording `page`'s requests; the returned lists fill as the page sends them. */
export function recordRequests(page: Page): { rpcMethods: string[]; indexerRequests: string[] } {
  const rpcMethods: string[] = [];
  const indexerRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(RPC_URL) && request.method() === "POST") {
      const body = request.postDataJSON() as { method?: string } | { method?: string }[] | null;
      for (const call of Array.isArray(body) ? body : [body]) if (call?.method) rpcMethods.push(call.method);
    }
    if (request.url().startsWith(INDEXER_URL)) indexerRequests.push(request.url());
  });
  return { rpcMethods, indexerRequests };
}
