// Raw JSON-RPC requests to a node, for scripts that talk to a chain before (or without) a viem client:
// readiness probes, the newest block, the chain id.

/** One JSON-RPC request to `url`; throws on an error answer. */
export async function rpcRequest<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method} failed: ${body.error.message}`);
  return body.result as T;
}

/** The newest block number of the chain at `url`. */
export async function headBlock(url: string): Promise<bigint> {
  return BigInt(await rpcRequest<string>(url, "eth_blockNumber"));
}

/** The chain id of the chain at `url`. */
export async function chainIdAt(url: string): Promise<number> {
  return Number(await rpcRequest<string>(url, "eth_chainId"));
}
