// A faithful stand-in of Safe{Wallet}'s side of the Safe Apps protocol, for browser tests without any
// outside network: a parent page (same origin as the dashboard, served by route interception) that
// frames the dashboard and answers the Safe Apps SDK's postMessage requests — getSafeInfo, rpcCall
// (forwarded to the local node), sendTransactions (queued as a Safe transaction awaiting owners'
// signatures) and getTxBySafeTxHash — the way Safe{Wallet} does. `executeQueued()` plays the owners
// signing and executing: the queued calls are sent from the Safe's address (an unlocked dev account)
// and the stand-in then reports the Safe transaction executed, with that transaction's hash.
import type { Page } from "@playwright/test";
import type { Address, Hex } from "viem";

import { rpc } from "./chain.js";
import { DASHBOARD_URL } from "./env.js";

export const STAND_IN_URL = `${DASHBOARD_URL}safe-stand-in.html`;

function standInHtml(safe: Address, owners: readonly Address[], hash: string): string {
  const config = JSON.stringify({ safe, owners });
  return `<!doctype html><html><head><title>Safe stand-in</title></head><body>
<iframe id="app" src="/${hash}" style="width:1400px;height:950px;border:0"></iframe>
<script>
const { safe, owners } = ${config};
const queue = new Map();
window.safeQueue = [];
// Safe{Wallet} forwards an app's RPC calls to its own node; here the test process forwards them.
const node = (method, params) => window.nodeRpc(method, params);
window.queuedCalls = (safeTxHash) => queue.get(safeTxHash).txs;
window.markExecuted = (safeTxHash, txHash) => {
  const entry = queue.get(safeTxHash);
  Object.assign(entry, { confirmations: 2, txHash, status: "SUCCESS" });
};
window.addEventListener("message", async (event) => {
  const frame = document.getElementById("app").contentWindow;
  if (event.source !== frame || !event.data || !event.data.method) return;
  const { id, method, params } = event.data;
  const reply = (data) => frame.postMessage({ id, success: true, version: "9.1.0", data }, "*");
  const fail = (error) => frame.postMessage({ id, success: false, version: "9.1.0", error }, "*");
  try {
    if (method === "getSafeInfo")
      return reply({ safeAddress: safe, chainId: 31337, threshold: 2, owners, isReadOnly: false, nonce: 0 });
    if (method === "rpcCall") return reply(await node(params.call, params.params));
    if (method === "sendTransactions") {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      const safeTxHash = "0x" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      queue.set(safeTxHash, { txs: params.txs, confirmations: 1, status: "AWAITING_CONFIRMATIONS" });
      window.safeQueue.push(safeTxHash);
      return reply({ safeTxHash });
    }
    if (method === "getTxBySafeTxHash") {
      const entry = queue.get(params.safeTxHash);
      if (!entry) return fail("Unknown Safe transaction");
      return reply({ txStatus: entry.status, txHash: entry.txHash ?? null,
        detailedExecutionInfo: { type: "MULTISIG", confirmationsSubmitted: entry.confirmations, confirmationsRequired: 2 } });
    }
    return fail("Unsupported method " + method);
  } catch (error) { fail(String(error && error.message || error)); }
});
</script></body></html>`;
}

/** Opens the dashboard at `hash` (e.g. "#/investor") inside the stand-in, acting as the Safe `safe`. */
export async function openInSafe(page: Page, safe: Address, owners: readonly Address[], hash: string) {
  await page.exposeFunction("nodeRpc", (method: string, params: unknown[]) => rpc(method, params));
  await page.route(STAND_IN_URL, (route) =>
    route.fulfill({ contentType: "text/html", body: standInHtml(safe, owners, hash) }),
  );
  await page.goto(STAND_IN_URL);
  return page.frameLocator("#app");
}

/** The Safe transaction hashes the dashboard proposed so far. */
export function proposed(page: Page): Promise<Hex[]> {
  return page.evaluate(() => (globalThis as unknown as { safeQueue: Hex[] }).safeQueue);
}

type QueuedCall = { to: Address; data: Hex; value: string };
type StandIn = {
  queuedCalls(safeTxHash: Hex): QueuedCall[];
  markExecuted(safeTxHash: Hex, txHash: Hex): void;
};

/** The owners sign and execute the proposed Safe transaction; resolves with the executed transaction hash. */
export async function executeQueued(page: Page, safe: Address, safeTxHash: Hex): Promise<Hex> {
  const calls = await page.evaluate(
    (hash) => (globalThis as unknown as StandIn).queuedCalls(hash),
    safeTxHash,
  );
  let txHash: Hex | undefined;
  for (const call of calls) {
    const value = `0x${BigInt(call.value).toString(16)}`;
    txHash = await rpc<Hex>("eth_sendTransaction", [{ from: safe, to: call.to, data: call.data, value }]);
  }
  if (txHash === undefined) throw new Error("the Safe transaction has no calls");
  const executed = txHash;
  await page.evaluate(([hash, tx]) => (globalThis as unknown as StandIn).markExecuted(hash, tx), [
    safeTxHash,
    executed,
  ] as const);
  return executed;
}
