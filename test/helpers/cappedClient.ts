// A viem public client on the test network behind a public RPC provider's eth_getLogs cap: a range
// wider than `maxBlocks` is refused with the message such providers send. It records every range asked.
import type { EIP1193Provider } from "hardhat/types/providers";
import { createPublicClient, custom, hexToBigInt, type Hex, type PublicClient } from "viem";

type LogFilter = { fromBlock?: string; toBlock?: string };

export function cappedClient(
  provider: EIP1193Provider,
  maxBlocks: bigint,
): { client: PublicClient; ranges: { from: bigint; to: bigint }[] } {
  const ranges: { from: bigint; to: bigint }[] = [];
  const client = createPublicClient({
    transport: custom(
      {
        async request({ method, params }: { method: string; params?: unknown }) {
          if (method === "eth_getLogs") {
            const [filter] = params as [LogFilter];
            const head = hexToBigInt((await provider.request({ method: "eth_blockNumber" })) as Hex);
            const block = (tag: string | undefined) =>
              tag === undefined || tag === "latest"
                ? head
                : tag === "earliest"
                  ? 0n
                  : hexToBigInt(tag as Hex);
            const range = { from: block(filter.fromBlock), to: block(filter.toBlock) };
            ranges.push(range);
            if (range.to - range.from + 1n > maxBlocks)
              throw new Error(`eth_getLogs block range too large: the limit is ${maxBlocks} blocks`);
          }
          return provider.request({ method, params: params as unknown[] | undefined });
        },
      },
      { retryCount: 0 },
    ),
  });
  return { client, ranges };
}
