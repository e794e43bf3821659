// What no page may show a person: a stack trace, or the raw text of a failed JSON-RPC or HTTP request
// (the browser's, the transport's, or an SDK error's own message with an address in it). Failures
// reach a person in plain words; these are the traces of one that did not.
import { type Page, expect } from "@playwright/test";

import { INDEXER_URL } from "./env.js";

/** Raw failure text, each with what it would betray. */
export const RAW_FAILURE_TEXT: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: "a stack frame", pattern: /^\s*at \S.*[:(]\d+:\d+\)?\s*$/m },
  { what: "a stack frame", pattern: /@https?:\/\/\S+:\d+:\d+/ },
  {
    what: "an error class's name",
    pattern:
      /\b(TypeError|ReferenceError|SyntaxError|IndexerError|HttpRequestError|RpcRequestError|ContractFunctionExecutionError)\b/,
  },
  {
    what: "the browser's or the transport's words",
    pattern: /Failed to fetch|fetch failed|HTTP request failed|NetworkError|ECONNREFUSED|net::ERR_/i,
  },
  { what: "viem's error details", pattern: /Request body:|Details:|Version: viem|Docs: https/i },
  { what: "a JSON-RPC message", pattern: /"jsonrpc"|JSON-RPC error|"method"\s*:|"params"\s*:/i },
  { what: "an HTTP status", pattern: /\b(status(?: code)?|HTTP)\s*:?\s*[45]\d\d\b/i },
  { what: "a raw error", pattern: /\b(Error|Exception):\s/ },
];

/** Fails when the page's text shows a stack trace, raw JSON-RPC/HTTP failure text or the indexer's address. */
export async function expectPlainWords(page: Page, where: string): Promise<void> {
  const text = await page.locator("body").innerText();
  for (const { what, pattern } of RAW_FAILURE_TEXT)
    expect(text, `${where} shows ${what} (${pattern})`).not.toMatch(pattern);
  expect(text, `${where} shows the indexer's address (an SDK error's own message)`).not.toContain(
    new URL(INDEXER_URL).host,
  );
}
