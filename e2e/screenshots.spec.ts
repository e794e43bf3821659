// One full-page screenshot per view (test-results/screenshots/<view>.png), each taken once the view
// shows the chain's real state. These tests only read: the accounts they connect send nothing.
// UPDATE_DOCS_SCREENSHOTS=1 also refreshes docs/screenshots/overview.png and trustee.png.
import { type Page, expect, test } from "@playwright/test";

import { abis, client, devAccount, fundAddress } from "./support/chain.js";
import { openAs, openView, saveScreenshot, sharesText } from "./support/dashboard.js";

/** Waits until the event history behind charts and role detection is loaded. */
async function historyLoaded(page: Page): Promise<void> {
  await expect(page.locator(".site-footer")).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("overview: totals, holders and every company's compliance, as on chain", async ({ page }) => {
  const shares = fundAddress("FundShares");
  const registry = fundAddress("ReturnsRegistry");
  await openView(page, "overview");
  const supply = await client.readContract({
    address: shares,
    abi: abis.shares,
    functionName: "totalSupply",
  });
  await expect(page.getByTestId("total-shares")).toHaveText(sharesText(supply));
  const commitments = await client.readContract({
    address: registry,
    abi: abis.registry,
    functionName: "commitmentCount",
  });
  for (let id = 1n; id <= commitments; id++) {
    await expect(page.getByTestId(`commitment-row-${id}`)).toBeVisible();
  }
  // The seed's Quanta promise (#3) missed a period past its grace: shown as delinquent.
  const quanta = await client.readContract({
    address: registry,
    abi: abis.registry,
    functionName: "compliance",
    args: [3n],
  });
  expect(quanta.delinquent).toBe(true);
  await expect(page.getByTestId("commitment-row-3")).toContainText(/delinquent/i);
  await historyLoaded(page);
  await saveScreenshot(page, "overview", true);
});

test("trustee view: council, proposal queue and the estimates this trustee owes", async ({ page }) => {
  await openAs(page, "trustee", 4);
  await expect(page.getByTestId("council-threshold")).toContainText("3 of 5 trustees must approve");
  const council = fundAddress("TrusteeCouncil");
  const count = await client.readContract({
    address: council,
    abi: abis.council,
    functionName: "proposalCount",
  });
  // Every proposal is listed once: waiting ones in the Queue tab, the others in the History tab.
  const listed = "[data-testid^='proposal-'][data-state]";
  const queue = page.getByTestId("proposals-panel-queue").locator(listed);
  await expect(page.getByTestId("proposals-panel-queue")).toBeVisible();
  const queued = await queue.count();
  await page.getByTestId("proposals-tab-history").click();
  await expect(page.getByTestId("proposals-panel-history").locator(listed)).toHaveCount(
    Number(count) - queued,
  );
  await page.getByTestId("proposals-tab-queue").click();
  await expect(queue).toHaveCount(queued);
  await historyLoaded(page);
  await saveScreenshot(page, "trustee", true);
});

test("researcher view: applications, vesting and returns of a funded researcher", async ({ page }) => {
  // Chen (dev account 8): funded in round 1, applied to round 2.
  const researcher = await openAs(page, "researcher", 8);
  const shares = fundAddress("FundShares");
  const balance = await client.readContract({
    address: shares,
    abi: abis.shares,
    functionName: "balanceOf",
    args: [researcher],
  });
  await expect(page.getByTestId("my-shares")).toContainText(`You hold ${sharesText(balance)}`);
  await expect(page.locator("[data-testid^='my-application-']")).toHaveCount(2);
  await historyLoaded(page);
  await saveScreenshot(page, "researcher");
});

test("company view: the company, its promises and their periods", async ({ page }) => {
  // Northwind AI (dev account 10): every ended period paid.
  await openAs(page, "company", 10);
  await expect(page.getByTestId("my-company-1")).toContainText("Northwind AI");
  await expect(page.getByTestId("my-commitment-1")).toContainText("Northwind-7");
  await historyLoaded(page);
  await saveScreenshot(page, "company");
});

test("investor view: offerings with the viewer's pending shares", async ({ page }) => {
  // Priya (dev account 15) subscribed 1,000 shares of offering 2 in the seed.
  const investor = await devAccount(15);
  const offerings = fundAddress("Offerings");
  await openAs(page, "investor", 15);
  const pending = await client.readContract({
    address: offerings,
    abi: abis.offerings,
    functionName: "pendingShares",
    args: [2n, investor],
  });
  expect(pending).toBeGreaterThan(0n);
  await expect(page.getByTestId("offering-pending-2")).toHaveText(sharesText(pending));
  await historyLoaded(page);
  await saveScreenshot(page, "investor");
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("overview and trustee home as a phone shows them", async ({ page }) => {
    await openView(page, "overview");
    await expect(page.getByTestId("headline")).toBeVisible();
    await historyLoaded(page);
    await saveScreenshot(page, "overview-phone", true);
    await openAs(page, "trustee", 4);
    await expect(page.getByTestId("trustee-home")).toBeVisible();
    await historyLoaded(page);
    await saveScreenshot(page, "trustee-phone", true);
  });
});
