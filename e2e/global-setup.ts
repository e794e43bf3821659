// Runs once, after `npm start` (the web server) is up and before any test: the ENS stand-in goes onto
// the local chain first, so every view's ENS lookups get an answer ("no name") from the first test on;
// then the history indexer, which catches up in the background, is awaited up to the seeded head, so
// every view that reads history sees the whole demo from its first load.
import { indexerCaughtUp } from "@fef/sdk/history";

import { INDEXER_URL, RPC_URL } from "./support/env.js";
import { installEnsStub } from "./support/ensStub.js";
import { headBlock } from "../scripts/lib/rpc.js";

async function indexerAtHead(): Promise<void> {
  const head = await headBlock(RPC_URL);
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
