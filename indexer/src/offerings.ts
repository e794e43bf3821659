// Offerings and each investor's subscriptions; claimed subscription shares are mints by subscription.
import { offering, subscription } from "ponder:schema";

import { recordMint } from "./provenance";
import { onEvent, recordActivity } from "./events";

onEvent("Offerings:OfferingOpened", async ({ event, context }) => {
  const { offeringId, params } = event.args;
  await context.db.insert(offering).values({
    id: offeringId,
    asset: params.asset,
    pricePerShare: params.pricePerShare,
    shareCap: params.shareCap,
    minShares: params.minShares,
    start: params.start,
    end: params.end,
    status: "open",
    sharesSubscribed: 0n,
    investors: 0,
    openedAt: event.block.timestamp,
  });
});

onEvent("Offerings:Subscribed", async ({ event, context }) => {
  const { offeringId, investor, shares, cost } = event.args;
  const known = await context.db.find(subscription, { offeringId, investor });
  await context.db
    .insert(subscription)
    .values({
      offeringId,
      investor,
      shares,
      cost,
      sharesClaimed: 0n,
      firstAt: event.block.timestamp,
      lastAt: event.block.timestamp,
    })
    .onConflictDoUpdate((old) => ({
      shares: old.shares + shares,
      cost: old.cost + cost,
      lastAt: event.block.timestamp,
    }));
  if (await context.db.find(offering, { id: offeringId })) {
    await context.db.update(offering, { id: offeringId }).set((old) => ({
      sharesSubscribed: old.sharesSubscribed + shares,
      investors: old.investors + (known ? 0 : 1),
    }));
  }
  await recordActivity(context, event, investor, "subscribed", { amount: cost, refId: offeringId });
});

onEvent("Offerings:SubscriptionSharesClaimed", async ({ event, context }) => {
  const { offeringId, investor, shares } = event.args;
  if (await context.db.find(subscription, { offeringId, investor })) {
    await context.db
      .update(subscription, { offeringId, investor })
      .set((old) => ({ sharesClaimed: old.sharesClaimed + shares }));
  }
  await recordMint(context, event, investor, shares, "subscription", offeringId);
  await recordActivity(context, event, investor, "claimed subscription shares", {
    amount: shares,
    refId: offeringId,
  });
});

onEvent("Offerings:OfferingClosed", async ({ event, context }) => {
  const { offeringId, sharesSold } = event.args;
  if (await context.db.find(offering, { id: offeringId })) {
    await context.db.update(offering, { id: offeringId }).set({ status: "closed", sharesSold });
  }
});

onEvent("Offerings:OfferingSettled", async ({ event, context }) => {
  const { offeringId, capital } = event.args;
  if (await context.db.find(offering, { id: offeringId })) {
    await context.db.update(offering, { id: offeringId }).set({ status: "settled", capital });
  }
});
