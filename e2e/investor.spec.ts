import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { abis, client, devAccount, fundAddress, mintTestUsd } from "./support/chain.js";
import { expectConfirmed, openAs, sharesText } from "./support/dashboard.js";

type DemoAllowlist = { offeringId: number; proofs: Record<string, string[]> };

test("an allowlisted investor subscribes to the tUSD offering with the demo allowlist proof", async ({
  page,
}) => {
  // Omar (dev account 14) is on the seed's allowlist of offering 2 and has not subscribed to it.
  const investor = await devAccount(14);
  const allowlist = JSON.parse(
    readFileSync(new URL("../frontend/public/demo-allowlist.json", import.meta.url), "utf8"),
  ) as DemoAllowlist;
  const offeringId = BigInt(allowlist.offeringId);
  expect(Object.keys(allowlist.proofs).map((a) => a.toLowerCase())).toContain(investor.toLowerCase());

  const offerings = fundAddress("Offerings");
  const testUsd = fundAddress("TestToken");
  const shares = 40n * 10n ** 18n;
  const cost = await client.readContract({
    address: offerings,
    abi: abis.offerings,
    functionName: "quote",
    args: [offeringId, shares],
  });
  const pending = () =>
    client.readContract({
      address: offerings,
      abi: abis.offerings,
      functionName: "pendingShares",
      args: [offeringId, investor],
    });
  const usdBalance = () =>
    client.readContract({ address: testUsd, abi: abis.erc20, functionName: "balanceOf", args: [investor] });
  const pendingBefore = await pending();
  // Set-up: test dollars for the payment (the demo token has an open mint), sent by dev account 0.
  if ((await usdBalance()) < cost) await mintTestUsd(await devAccount(0), investor, cost);
  const usdBefore = await usdBalance();

  await openAs(page, "investor", 14);
  const card = page.getByTestId(`offering-${offeringId}`);
  await expect(card).toHaveAttribute("data-state", "open");
  await card.getByTestId(`subscribe-shares-${offeringId}`).fill("40");
  await expect(card).toContainText("Cost: 100 tUSD");
  await card.getByTestId(`demo-allowlist-${offeringId}`).click();
  await expect(card.getByTestId(`subscribe-proof-${offeringId}`)).toHaveValue(/"proofs"/);
  await card.getByTestId(`check-allowlist-${offeringId}`).click();
  await expect(card).toContainText("You are allowed");

  // approve (exactly the cost) and subscribe, both through the status area.
  await card.getByTestId(`subscribe-${offeringId}`).click();
  await expectConfirmed(page, `Subscribe to offering #${offeringId}`);

  expect(await pending()).toBe(pendingBefore + shares);
  expect(usdBefore - (await usdBalance())).toBe(cost);
  await expect(card.getByTestId(`offering-pending-${offeringId}`)).toHaveText(
    sharesText(pendingBefore + shares),
  );
  await expect(card).toContainText("Your shares can be claimed after the window closes");
});
