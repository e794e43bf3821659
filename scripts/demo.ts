// The local demo in one Hardhat process (run by `npm start`): waits for the chain, deploys the Fund
// (deploy-local.ts), prints DEPLOYED_MARKER so that npm start can build the dashboard against this
// deployment while the seed runs, then seeds the demo (seed.ts). One process instead of two saves a
// Hardhat start-up, and it can be started before the chain answers.
import { RPC_URL as url } from "./lib/ports.js";

/** npm start watches for this line; keep it in sync with scripts/start.ts. */
export const DEPLOYED_MARKER = "Fund deployed; seeding next.";

async function chainAnswers(): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

const deadline = Date.now() + 120_000;
while (!(await chainAnswers())) {
  if (Date.now() > deadline) throw new Error(`The local chain at ${url} did not answer within 120 s.`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await import("./deploy-local.js");
console.log(DEPLOYED_MARKER);
await import("./seed.js");
