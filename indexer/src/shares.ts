// Share balances of every holder, from the share token's transfers (mints and burns included).
import { zeroAddress } from "viem";
import { ponder, type Context } from "ponder:registry";
import { holder } from "ponder:schema";

import { recordEvent } from "./events";

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

ponder.on("FundShares:Transfer", async ({ event, context }) => {
  await recordEvent(context, event, "FundShares:Transfer");
  const { from, to, value } = event.args;
  if (from !== zeroAddress) await addBalance(context, from, -value, event.block);
  if (to !== zeroAddress) await addBalance(context, to, value, event.block);
});
