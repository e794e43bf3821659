// Where an event sits on the chain, as every history row records it.
type Located = {
  readonly block: { readonly number: bigint; readonly timestamp: bigint };
  readonly log: { readonly logIndex: number };
  readonly transaction: { readonly hash: `0x${string}` };
};

/** A row id unique per log: `<block>-<log index>`. */
export function logId(event: Located): string {
  return `${event.block.number}-${event.log.logIndex}`;
}

/** The block, log index, time and transaction columns of a history row. */
export function position(event: Located) {
  return {
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  };
}

/** When a company or commitment was registered, and in which block. */
export function registration(event: Located) {
  return { registeredAt: event.block.timestamp, blockNumber: event.block.number };
}

const DAY = 86_400n;

/** The start of the UTC day of `timestamp`. */
export function dayOf(timestamp: bigint): bigint {
  return timestamp - (timestamp % DAY);
}
