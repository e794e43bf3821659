// Runs once, after `npm start` (the web server) is up and before any test: the ENS stand-in goes onto
// the local chain first, so every view's ENS lookups get an answer ("no name") from the first test on;
// then the history indexer, which catches up in the background, is awaited up to the seeded head, so
// every view that reads history sees the whole demo from its first load.
import { indexerCaughtUp } from "@fef/sdk/history";

import { INDEXER_URL, RPC_URL } from "./support/env.js";
import { installEnsStub } from "./support/ensStub.js";

async function headBlock(): Promise<bigint> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  const { result } = (await response.json()) as { result: string };
  return BigInt(result);
}

async function indexerAtHead(): Promise<void> {
  const head = await headBlock();
  const deadline = Date.now() + 300_000;
  while (!(await indexerCaughtUp(INDEXER_URL, head))) {
    if (Date.now() > deadline)
      throw new Error(`the history indexer at ${INDEXER_URL} did not reach block ${head}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export default async function globalSetup(): Promise<void> {
  await installEnsStub();
  await indexerAtHead();
}
