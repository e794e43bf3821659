// Share balances of every holder, from the share token's transfers (mints and burns included).
import { zeroAddress } from "viem";
import type { Context } from "ponder:registry";
import { holder } from "ponder:schema";

import { onEvent } from "./events";

async function addBalance(
  context: Context,
  address: `0x${string}`,
  delta: bigint,
  block: { number: bigint; timestamp: bigint },
): Promise<void> {
  await context.db
    .insert(holder)
    .values({
      address,
      balance: delta,
      awarded: 0n,
      subscribed: 0n,
      claimCount: 0,
      firstBlock: block.number,
      lastTimestamp: block.timestamp,
    })
    .onConflictDoUpdate((old) => ({ balance: old.balance + delta, lastTimestamp: block.timestamp }));
}

onEvent("FundShares:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  if (from !== zeroAddress) await addBalance(context, from, -value, event.block);
  if (to !== zeroAddress) await addBalance(context, to, value, event.block);
});
