// An application's proposal (URI and content hash) lives in its `ApplicationSubmitted` event, not in
// GrantRounds storage (applying stays within its gas target; the title is stored). Clients read it
// back from the history: the indexer's application table, or the chain's logs filtered by the
// application ids (an indexed topic, so one request covers a page of applications).
import type { Address, Hex, PublicClient } from "viem";

import { grantRoundsAbi } from "./generated/abis.ts";
import type { IndexerClient } from "./history/indexer.ts";
import { readAllLogs } from "./history/logScanner.ts";

/** Where an application's proposal is and the hash its content must have. */
export type ApplicationProposal = { readonly uri: string; readonly contentHash: Hex };

/** Most application ids per request (the lens pages hold up to 100 applications). */
export const PROPOSALS_PER_REQUEST = 100;

/**
 * The proposals of `ids`, from the chain's `ApplicationSubmitted` logs since `fromBlock`: one scan in
 * bounded pages (`readAllLogs`), each page asking for the ids 100 at a time.
 */
export async function proposalsFromLogs(
  client: PublicClient,
  grantRounds: Address,
  ids: readonly bigint[],
  fromBlock = 0n,
): Promise<Map<bigint, ApplicationProposal>> {
  const found = new Map<bigint, ApplicationProposal>();
  if (ids.length === 0) return found;
  const chunks: bigint[][] = [];
  for (let i = 0; i < ids.length; i += PROPOSALS_PER_REQUEST)
    chunks.push(ids.slice(i, i + PROPOSALS_PER_REQUEST));
  const logs = await readAllLogs(
    async (from, to) => {
      // One request after another: a public provider rate-limits bursts.
      const submitted = [];
      for (const applicationId of chunks) {
        submitted.push(
          ...(await client.getContractEvents({
            address: grantRounds,
            abi: grantRoundsAbi,
            eventName: "ApplicationSubmitted",
            args: { applicationId },
            fromBlock: from,
            toBlock: to,
            strict: true,
          })),
        );
      }
      return submitted;
    },
    fromBlock,
    await client.getBlockNumber(),
  );
  for (const log of logs) {
    found.set(log.args.applicationId, { uri: log.args.uri, contentHash: log.args.contentHash });
  }
  return found;
}

/** The proposals of `ids`, from the history indexer's application table. */
export async function proposalsFromIndexer(
  client: IndexerClient,
  ids: readonly bigint[],
): Promise<Map<bigint, ApplicationProposal>> {
  const found = new Map<bigint, ApplicationProposal>();
  for (let i = 0; i < ids.length; i += PROPOSALS_PER_REQUEST) {
    const chunk = ids.slice(i, i + PROPOSALS_PER_REQUEST).map(String);
    if (chunk.length === 0) continue;
    const rows = await client.query<{ id: string | number; uri: string; content_hash: string }>(
      `select id, uri, content_hash from application where id in (${chunk.map((_, k) => `$${k + 1}::numeric`).join(", ")})`,
      chunk,
    );
    for (const row of rows) {
      found.set(BigInt(row.id), { uri: row.uri, contentHash: row.content_hash as Hex });
    }
  }
  return found;
}
