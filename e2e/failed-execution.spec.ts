import { expect, test } from "@playwright/test";
import { encodeFunctionData, parseUnits } from "viem";

import {
  abis,
  approvedProposal,
  client,
  devAccount,
  fundAddress,
  fundContract,
  mintTestUsd,
  sendAs,
} from "./support/chain.js";
import { expectConfirmed, openAs } from "./support/dashboard.js";

// A proposal whose action fails when executed is shown as failed (never "expired"), with the
// contract's reason in plain words, and stays executable: executed again once the cause is gone.
test("a failed execution shows as failed with its reason in plain words, and a retry executes it", async ({
  page,
}) => {
  const pool = fundAddress("CapitalPool");
  const usd = fundAddress("TestToken");
  const council = fundContract("TrusteeCouncil");
  const [recipient, sender] = await Promise.all([devAccount(16), devAccount(15)]);
  const decimals = await client.readContract({ address: usd, abi: abis.erc20, functionName: "decimals" });
  const amount = parseUnits("7", decimals);
  const balanceOf = (account: `0x${string}`) =>
    client.readContract({ address: usd, abi: abis.erc20, functionName: "balanceOf", args: [account] });
  // Nothing of tUSD lies in the pool outside its capital: returning 7 tUSD of strays must fail.
  const straysBefore = await fundContract("CapitalPool").read.strays([usd]);
  expect(straysBefore).toBe(0n);
  const id = await approvedProposal("RecoverPoolStrays", [usd, recipient, amount]);

  await openAs(page, "trustee", 1);
  const card = page.getByTestId(`proposal-${id}`);
  await expect(card).toHaveAttribute("data-state", "ready");
  const recipientBefore = await balanceOf(recipient);
  const poolBefore = await balanceOf(pool);

  await card.getByTestId(`execute-${id}`).click();
  // The execute transaction itself succeeds: the council records the action's failure.
  await expectConfirmed(page, `Execute proposal #${id}`);
  await expect(card).toHaveAttribute("data-state", "failed");
  await expect(card).toContainText("execution failed");
  await expect(card).not.toContainText("expired");
  const failed = card.getByTestId(`proposal-${id}-failed`);
  await expect(failed).toContainText("nothing changed");
  await expect(card.getByTestId(`proposal-${id}-reason`)).toHaveText(
    /^Reason: Only 0 .+ in the capital pool lies outside its capital, so 7 .+ cannot be returned \(the recipient must be set and the amount above zero\)\.$/,
  );
  await expect(failed).toContainText("It may be executed again until");
  const stored = await council.read.proposal([id]);
  expect(stored.executed).toBe(false);
  expect(stored.failedAt).toBeGreaterThan(0n);
  expect(await balanceOf(recipient)).toBe(recipientBefore);
  expect(await balanceOf(pool)).toBe(poolBefore);

  // 7 tUSD reach the pool by mistake (a plain transfer, outside its books); the retry now returns them.
  await mintTestUsd(sender, sender, amount);
  await sendAs(
    sender,
    usd,
    encodeFunctionData({ abi: abis.erc20, functionName: "transfer", args: [pool, amount] }),
  );
  await expect(card.getByTestId(`execute-${id}`)).toBeVisible();
  await card.getByTestId(`execute-${id}`).click();
  await expectConfirmed(page, `Execute proposal #${id}`);
  await page.getByTestId("proposals-tab-history").click();
  await expect(card).toHaveAttribute("data-state", "executed");
  expect(await balanceOf(recipient)).toBe(recipientBefore + amount);
  expect(await balanceOf(pool)).toBe(poolBefore);
});
