// Returns received, donated, held, distributed and claimed: the returns ledger, the per-asset totals
// and the per-day series behind the returns chart, and each holder's claims.
import { ponder, type Context } from "ponder:registry";
import { assetTotal, holder, holderClaim, returnsDay } from "ponder:schema";

import { recordActivity, recordEvent, recordReturns } from "./events";
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

ponder.on("FundShares:ReturnsReceived", async ({ event, context }) => {
  await recordEvent(context, event, "FundShares:ReturnsReceived");
  const { asset, from, amount } = event.args;
  const cumulative = await addToTotal(context, asset, "received", amount);
  await addToDay(context, asset, event.block.timestamp, "received", amount);
  await recordReturns(context, event, { kind: "received", asset, account: from, amount, cumulative });
});

ponder.on("ReturnsRegistry:DonationReceived", async ({ event, context }) => {
  await recordEvent(context, event, "ReturnsRegistry:DonationReceived");
  const { donor, asset, amount } = event.args;
  const cumulative = await addToTotal(context, asset, "donated", amount);
  await recordReturns(context, event, { kind: "donation", asset, account: donor, amount, cumulative });
  await recordActivity(context, event, { account: donor, kind: "donated", asset, amount });
});

ponder.on("FundShares:ReturnsHeld", async ({ event, context }) => {
  await recordEvent(context, event, "FundShares:ReturnsHeld");
  const { asset, amount, undistributed } = event.args;
  const cumulative = await addToTotal(context, asset, "held", amount);
  await recordReturns(context, event, {
    kind: "held",
    asset,
    amount,
    supplyOrGross: undistributed,
    cumulative,
  });
});

ponder.on("FundShares:ReturnsDistributed", async ({ event, context }) => {
  await recordEvent(context, event, "FundShares:ReturnsDistributed");
  const { asset, amount, totalSupply } = event.args;
  const cumulative = await addToTotal(context, asset, "distributed", amount);
  await addToDay(context, asset, event.block.timestamp, "distributed", amount);
  await recordReturns(context, event, {
    kind: "distributed",
    asset,
    amount,
    supplyOrGross: totalSupply,
    cumulative,
  });
});

ponder.on("FundShares:ReturnsClaimed", async ({ event, context }) => {
  await recordEvent(context, event, "FundShares:ReturnsClaimed");
  const { holder: account, asset, amount } = event.args;
  const cumulative = await addToTotal(context, asset, "claimed", amount);
  await addToDay(context, asset, event.block.timestamp, "claimed", amount);
  await recordReturns(context, event, { kind: "claimed", asset, account, amount, cumulative });
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
  await recordActivity(context, event, { account, kind: "claimed returns", asset, amount });
});
