// Truthful status words: a period paid after its grace period reads "paid late" on the public
// overview (never a plain "paid"), and no view shows the contradictions the dashboard once
// had ("0 of 0", "1 approvals", "0% (2 reveals)", "Unfunded" beside "Settled").
import { expect, test } from "@playwright/test";
import { type Address, keccak256, toHex, zeroAddress } from "viem";

import { abis, client, devAccount, fundAddress, increaseTime, latestTimestamp } from "./support/chain.js";
import { expectConfirmed, openAs, openView, type ViewId } from "./support/dashboard.js";
import { atEachViewport, roleAccounts } from "./support/roles.js";

const registry = (): Address => fundAddress("ReturnsRegistry");

/** The period strip's square of period `k` of commitment `id` on the overview. */
const square = (page: import("@playwright/test").Page, id: bigint, k: bigint) =>
  page
    .getByRole("list", { name: `Periods of commitment #${id}` })
    .getByRole("listitem")
    .nth(Number(k));

test("a period paid after its grace period reads 'paid late' on the overview, not 'paid', also on a fresh page", async ({
  page,
}) => {
  // Quanta Systems (dev account 12, admin and signer of its Promise) missed a period in the seed.
  const quanta = await devAccount(12);
  const count = await client.readContract({
    address: registry(),
    abi: abis.registry,
    functionName: "commitmentCount",
  });
  let id = 0n;
  for (let i = 1n; i <= count && id === 0n; i++) {
    const c = await client.readContract({
      address: registry(),
      abi: abis.registry,
      functionName: "commitment",
      args: [i],
    });
    if (c.signer === quanta) id = i;
  }
  expect(id).toBeGreaterThan(0n);
  const commitment = await client.readContract({
    address: registry(),
    abi: abis.registry,
    functionName: "commitment",
    args: [id],
  });
  const period = BigInt(commitment.reportedCount);
  // The next period to report is past its grace period (the chain's time is moved there if needed).
  const dueBy =
    commitment.start +
    (period + 1n) * commitment.periodLength +
    commitment.gracePeriod +
    commitment.graceExtension;
  const now = await latestTimestamp();
  if (now <= dueBy) await increaseTime(dueBy - now + 3_600n);
  const before = await client.readContract({
    address: registry(),
    abi: abis.registry,
    functionName: "compliance",
    args: [id],
  });
  expect(before.periodsOverdue).toBeGreaterThan(0n);

  await openView(page, "overview");
  await expect(square(page, id, period)).toHaveAttribute("title", /: overdue$/);

  await openAs(page, "company", 12);
  const card = page.getByTestId(`my-commitment-${id}`);
  await card.getByTestId(`report-asset-${id}`).selectOption(zeroAddress);
  await card.getByTestId(`report-gross-${id}`).fill("50");
  await card.getByTestId(`report-evidence-${id}`).fill(keccak256(toHex(`Quanta period ${period} accounts`)));
  await card.getByTestId(`report-pay-${id}`).click();
  await expectConfirmed(page, `Report period ${period} of commitment #${id} and pay`);
  const reported = await client.readContract({
    address: registry(),
    abi: abis.registry,
    functionName: "commitment",
    args: [id],
  });
  expect(BigInt(reported.reportedCount)).toBe(period + 1n);

  // The overview (its period strip comes from the indexer's payments): late, not "paid".
  await openView(page, "overview");
  await expect(square(page, id, period)).toHaveAttribute("title", /: paid late$/, { timeout: 30_000 });
  await expect(square(page, id, period)).toHaveClass(/period-paid-late/);

  // A fresh page reads it again from the indexer's record of the payment: still late.
  await page.reload();
  await expect(page.getByTestId("headline")).toBeVisible();
  await expect(square(page, id, period)).toHaveAttribute("title", /: paid late$/, { timeout: 30_000 });
});

const views: readonly { view: ViewId; account?: number }[] = [
  { view: "overview" },
  { view: "trustee", account: roleAccounts.trustee },
  { view: "researcher", account: roleAccounts.researcher },
  { view: "company", account: roleAccounts.company },
  { view: "investor", account: roleAccounts.investor },
  { view: "trustees" },
];

atEachViewport(() => {
  test("no view shows a contradictory or ungrammatical status", async ({ page }) => {
    for (const { view, account } of views) {
      if (account === undefined) await openView(page, view);
      else await openAs(page, view, account);
      const main = page.locator("main");
      await expect(main.locator("[aria-busy='true']")).toHaveCount(0, { timeout: 30_000 });
      const text = (await main.innerText()).replace(/\s+/g, " ");
      expect(text.length, `${view} has content`).toBeGreaterThan(200);
      expect(text, view).not.toMatch(/\b0 of 0\b/);
      expect(text, view).not.toMatch(/\b1 (approvals|estimates|reveals|periods|holders|shares)\b/);
      expect(text, view).not.toMatch(/\b0(\.0+)?% \(\d+ reveals?\)/);
      // An application's row never says both that it is unfunded and that it is settled or vesting.
      for (const row of await main.locator("tr").all()) {
        const words = await row.innerText();
        expect(/unfunded/i.test(words) && /settled|vesting/i.test(words), `${view}: ${words}`).toBe(false);
      }
    }
  });
});
