// Offerings and each investor's subscriptions; claimed subscription shares are mints by subscription.
import { ponder } from "ponder:registry";
import { offering, subscription } from "ponder:schema";

import { recordMint } from "./provenance";
import { recordActivity, recordEvent } from "./events";

ponder.on("Offerings:OfferingOpened", async ({ event, context }) => {
  await recordEvent(context, event, "Offerings:OfferingOpened");
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

ponder.on("Offerings:Subscribed", async ({ event, context }) => {
  await recordEvent(context, event, "Offerings:Subscribed");
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
  await recordActivity(context, event, {
    account: investor,
    kind: "subscribed",
    amount: cost,
    refId: offeringId,
  });
});

ponder.on("Offerings:SubscriptionSharesClaimed", async ({ event, context }) => {
  await recordEvent(context, event, "Offerings:SubscriptionSharesClaimed");
  const { offeringId, investor, shares } = event.args;
  if (await context.db.find(subscription, { offeringId, investor })) {
    await context.db
      .update(subscription, { offeringId, investor })
      .set((old) => ({ sharesClaimed: old.sharesClaimed + shares }));
  }
  await recordMint(context, event, investor, shares, "subscription", offeringId);
  await recordActivity(context, event, {
    account: investor,
    kind: "claimed subscription shares",
    amount: shares,
    refId: offeringId,
  });
});

ponder.on("Offerings:OfferingClosed", async ({ event, context }) => {
  await recordEvent(context, event, "Offerings:OfferingClosed");
  const { offeringId, sharesSold } = event.args;
  if (await context.db.find(offering, { id: offeringId })) {
    await context.db.update(offering, { id: offeringId }).set({ status: "closed", sharesSold });
  }
});

ponder.on("Offerings:OfferingSettled", async ({ event, context }) => {
  await recordEvent(context, event, "Offerings:OfferingSettled");
  const { offeringId, capital } = event.args;
  if (await context.db.find(offering, { id: offeringId })) {
    await context.db.update(offering, { id: offeringId }).set({ status: "settled", capital });
  }
});
