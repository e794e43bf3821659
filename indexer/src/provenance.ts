// Mints with their provenance: an award (a grant's vested shares claimed) or a subscription (an
// offering's shares claimed). Called by the grant-round and offering handlers.
import type { Context } from "ponder:registry";
import { holder, mint, mintTotal } from "ponder:schema";

import { logId, position } from "./position";

type MintEvent = Parameters<typeof logId>[0] & Parameters<typeof position>[0];

export async function recordMint(
  context: Context,
  event: MintEvent,
  account: `0x${string}`,
  amount: bigint,
  source: "award" | "subscription",
  sourceId: bigint,
): Promise<void> {
  await context.db
    .insert(mint)
    .values({ id: logId(event), account, amount, source, sourceId, ...position(event) });
  const known = await context.db.find(holder, { address: account });
  const firstOfSource = !known || (source === "award" ? known.awarded === 0n : known.subscribed === 0n);
  await context.db
    .insert(mintTotal)
    .values({ source, amount, mints: 1, accounts: 1 })
    .onConflictDoUpdate((old) => ({
      amount: old.amount + amount,
      mints: old.mints + 1,
      accounts: old.accounts + (firstOfSource ? 1 : 0),
    }));
  const field = source === "award" ? "awarded" : "subscribed";
  await context.db
    .insert(holder)
    .values({
      address: account,
      balance: 0n,
      awarded: source === "award" ? amount : 0n,
      subscribed: source === "subscription" ? amount : 0n,
      claimCount: 0,
      firstBlock: event.block.number,
      lastTimestamp: event.block.timestamp,
    })
    .onConflictDoUpdate((old) => ({ [field]: old[field] + amount }));
}
