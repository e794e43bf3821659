// A JSON-RPC proxy that emulates a public provider's eth_getLogs caps in front of the local chain:
// ranges wider than `maxBlocks` and results longer than `maxResults` are refused with the errors real
// providers send. It counts every call.
import { createServer, type Server } from "node:http";

export type ProxyCounts = { requests: number; calls: number; getLogs: number; refused: number };

type Call = { id?: unknown; method?: string; params?: unknown[] };

export function cappedProxy(
  upstream: string,
  port: number,
  { maxBlocks = 2_000n, maxResults = 10_000 }: { maxBlocks?: bigint; maxResults?: number } = {},
): Promise<{ server: Server; counts: ProxyCounts }> {
  const counts: ProxyCounts = { requests: 0, calls: 0, getLogs: 0, refused: 0 };

  async function forward(call: Call): Promise<unknown> {
    const response = await fetch(upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", ...call }),
    });
    return response.json();
  }

  async function handle(call: Call): Promise<unknown> {
    counts.calls += 1;
    if (call.method !== "eth_getLogs") return forward(call);
    counts.getLogs += 1;
    const filter = (call.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
    const from = filter.fromBlock?.startsWith("0x") ? BigInt(filter.fromBlock) : 0n;
    const to = filter.toBlock?.startsWith("0x") ? BigInt(filter.toBlock) : from;
    if (to - from + 1n > maxBlocks) {
      counts.refused += 1;
      return {
        jsonrpc: "2.0",
        id: call.id,
        error: {
          code: -32600,
          message: `eth_getLogs block range too large: the limit is ${maxBlocks} blocks`,
        },
      };
    }
    const answer = (await forward(call)) as { result?: unknown[] };
    if (Array.isArray(answer.result) && answer.result.length > maxResults) {
      counts.refused += 1;
      return {
        jsonrpc: "2.0",
        id: call.id,
        error: { code: -32005, message: `query returned more than ${maxResults} results` },
      };
    }
    return answer;
  }

  const server = createServer((request, response) => {
    counts.requests += 1;
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      void (async () => {
        const headers = {
          "content-type": "application/json",
          "access-control-allow-origin": "*",
          "access-control-allow-headers": "content-type",
        };
        if (request.method === "OPTIONS") {
          response.writeHead(204, headers).end();
          return;
        }
        const parsed = JSON.parse(body) as Call | Call[];
        const result = Array.isArray(parsed) ? await Promise.all(parsed.map(handle)) : await handle(parsed);
        response.writeHead(200, headers).end(JSON.stringify(result));
      })();
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ server, counts })));
}
