// Returns received, donated, held, distributed and claimed: the returns ledger, the per-asset totals
// and the per-day series behind the returns chart, and each holder's claims.
import type { Context } from "ponder:registry";
import { assetTotal, holder, holderClaim, returnsDay } from "ponder:schema";

import { onEvent, recordActivity, recordReturns, type AnyEvent, type ReturnsRow } from "./events";
import { dayOf } from "./position";

type Kind = "received" | "donated" | "held" | "distributed" | "claimed";

/** Adds `amount` to the asset's total of `kind` and returns the new running total. */
async function addToTotal(
  context: Context,
  asset: `0x${string}`,
  kind: Kind,
  amount: bigint,
): Promise<bigint> {
  const zero = { received: 0n, donated: 0n, distributed: 0n, claimed: 0n, held: 0n, distributions: 0 };
  const row = await context.db
    .insert(assetTotal)
    .values({ asset, ...zero, [kind]: amount, distributions: kind === "distributed" ? 1 : 0 })
    .onConflictDoUpdate((old) => ({
      [kind]: old[kind] + amount,
      distributions: old.distributions + (kind === "distributed" ? 1 : 0),
    }));
  return row[kind];
}

/** Adds to the asset's day row (the chart's point for that day). */
async function addToDay(
  context: Context,
  asset: `0x${string}`,
  timestamp: bigint,
  kind: "received" | "distributed" | "claimed",
  amount: bigint,
): Promise<void> {
  const totals = await context.db.find(assetTotal, { asset });
  const cumulative = {
    cumulativeReceived: (totals?.received ?? 0n) + (totals?.donated ?? 0n),
    cumulativeDistributed: totals?.distributed ?? 0n,
  };
  const day = dayOf(timestamp);
  await context.db
    .insert(returnsDay)
    .values({
      id: `${asset}-${day}`,
      asset,
      day,
      received: 0n,
      distributed: 0n,
      claimed: 0n,
      [kind]: amount,
      ...cumulative,
    })
    .onConflictDoUpdate((old) => ({ [kind]: old[kind] + amount, ...cumulative }));
}

/**
 * Adds a movement of returns to the asset's total of `kind`, to its day row (for the kinds the chart
 * shows) and to the returns ledger (`row`, with the running total).
 */
async function addReturns(
  context: Context,
  event: AnyEvent & { readonly block: { readonly timestamp: bigint } },
  kind: Kind,
  row: Omit<ReturnsRow, "cumulative">,
): Promise<void> {
  const cumulative = await addToTotal(context, row.asset, kind, row.amount);
  if (kind === "received" || kind === "distributed" || kind === "claimed")
    await addToDay(context, row.asset, event.block.timestamp, kind, row.amount);
  await recordReturns(context, event, { ...row, cumulative });
}

onEvent("FundShares:ReturnsReceived", async ({ event, context }) => {
  const { asset, from, amount } = event.args;
  await addReturns(context, event, "received", { kind: "received", asset, account: from, amount });
});

onEvent("ReturnsRegistry:DonationReceived", async ({ event, context }) => {
  const { donor, asset, amount } = event.args;
  await addReturns(context, event, "donated", { kind: "donation", asset, account: donor, amount });
  await recordActivity(context, event, donor, "donated", { asset, amount });
});

onEvent("FundShares:ReturnsHeld", async ({ event, context }) => {
  const { asset, amount, undistributed } = event.args;
  await addReturns(context, event, "held", { kind: "held", asset, amount, supplyOrGross: undistributed });
});

onEvent("FundShares:ReturnsDistributed", async ({ event, context }) => {
  const { asset, amount, totalSupply } = event.args;
  await addReturns(context, event, "distributed", {
    kind: "distributed",
    asset,
    amount,
    supplyOrGross: totalSupply,
  });
});

onEvent("FundShares:ReturnsClaimed", async ({ event, context }) => {
  const { holder: account, asset, amount } = event.args;
  await addReturns(context, event, "claimed", { kind: "claimed", asset, account, amount });
  await context.db
    .insert(holderClaim)
    .values({ holder: account, asset, claimed: amount, lastTimestamp: event.block.timestamp })
    .onConflictDoUpdate((old) => ({ claimed: old.claimed + amount, lastTimestamp: event.block.timestamp }));
  await context.db
    .insert(holder)
    .values({
      address: account,
      balance: 0n,
      awarded: 0n,
      subscribed: 0n,
      claimCount: 1,
      firstBlock: event.block.number,
      lastTimestamp: event.block.timestamp,
    })
    .onConflictDoUpdate((old) => ({ claimCount: old.claimCount + 1, lastTimestamp: event.block.timestamp }));
  await recordActivity(context, event, account, "claimed returns", { asset, amount });
});
