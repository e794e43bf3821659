// The indexer's event feed (table fund_event): every Fund event, decoded, oldest first. A reader keeps
// what it has loaded and asks only for events after its cursor; the arguments come back with the
// types the ABI gives them (integers as bigint), the same shape as viem's decoded logs.
import type { AbiParameter, Hex } from "viem";

import { fundAbis } from "../fundAbis.ts";
import type { IndexerClient } from "./indexer.ts";
import type { Cursor } from "./queries.ts";
import { placeholders } from "./rows.ts";

/** A decoded Fund event with the time of its block. */
export type IndexedEvent = Cursor & {
  readonly contract: string;
  readonly eventName: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
};

/** A JSON value stored by the indexer (integers as decimal strings) back in the ABI's types. */
function revive(parameter: AbiParameter, value: unknown): unknown {
  const array = /^(.*)\[\d*\]$/.exec(parameter.type);
  if (array && Array.isArray(value)) {
    const element = { ...parameter, type: array[1] ?? "" } as AbiParameter;
    return value.map((item: unknown) => revive(element, item));
  }
  if (/^u?int\d*$/.test(parameter.type) && (typeof value === "string" || typeof value === "number")) {
    return BigInt(value);
  }
  if (parameter.type === "tuple" && "components" in parameter && value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      parameter.components.map((c) => [c.name ?? "", revive(c, record[c.name ?? ""])]),
    );
  }
  return value;
}

function reviveArgs(
  contract: string,
  eventName: string,
  args: Record<string, unknown>,
): Record<string, unknown> {
  const abi = (
    fundAbis as Record<string, readonly { type: string; name?: string; inputs?: readonly AbiParameter[] }[]>
  )[contract];
  const item = abi?.find((entry) => entry.type === "event" && entry.name === eventName);
  if (!item?.inputs) return args;
  return Object.fromEntries(
    item.inputs.map((input) => [input.name ?? "", revive(input, args[input.name ?? ""])]),
  );
}

type Row = {
  id: string;
  contract: string;
  name: string;
  args: Record<string, unknown>;
  block_number: string;
  log_index: number;
  timestamp: string;
  transaction_hash: Hex;
};

/**
 * Up to `limit` events named in `names` after `after`, oldest first, plus whether the event at `after`
 * is still on the indexer's canonical chain (false after a reorg removed it: the reader reloads).
 */
export async function indexedEvents(
  client: IndexerClient,
  {
    names,
    after,
    limit = 5_000,
  }: { names: readonly string[]; after?: Cursor & { transactionHash: Hex }; limit?: number },
): Promise<{ events: IndexedEvent[]; cursorKept: boolean }> {
  const params: string[] = [...names];
  let where = `name in (${placeholders(1, names.length)})`;
  let anchor = "";
  if (after) {
    const at = names.length;
    params.push(after.blockNumber.toString(), String(after.logIndex), after.transactionHash.toLowerCase());
    where += ` and (block_number, log_index) > ($${at + 1}::numeric, $${at + 2}::integer)`;
    // The cursor's own event, to tell a reorg (it is gone) from a quiet chain.
    anchor = ` union all select id, contract, name, args, block_number, log_index, timestamp, transaction_hash
       from fund_event where block_number = $${at + 1}::numeric and log_index = $${at + 2}::integer
       and lower(transaction_hash) = $${at + 3}`;
  }
  const rows = await client.query<Row>(
    `select * from (select id, contract, name, args, block_number, log_index, timestamp, transaction_hash
       from fund_event where ${where}${anchor}) feed order by block_number, log_index limit ${Math.floor(limit) + 1}`,
    params,
  );
  const events = rows.map((r) => ({
    contract: r.contract,
    eventName: r.name,
    args: reviveArgs(r.contract, r.name, r.args),
    blockNumber: BigInt(r.block_number),
    logIndex: Number(r.log_index),
    timestamp: BigInt(r.timestamp),
    transactionHash: r.transaction_hash,
  }));
  if (!after) return { events: events.slice(0, limit), cursorKept: true };
  const first = events[0];
  const cursorKept =
    first !== undefined && first.blockNumber === after.blockNumber && first.logIndex === after.logIndex;
  return { events: cursorKept ? events.slice(1) : events.slice(0, limit), cursorKept };
}
