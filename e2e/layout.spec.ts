// Each role's home at 390 px and 1440 px: it starts with what needs the account, nothing runs off the
// side of the page, and the page loads without a 404 (the favicon included).
import { type Page, expect, test } from "@playwright/test";

import { openAs, openView, saveScreenshot } from "./support/dashboard.js";
import { atEachViewport, roleAccounts } from "./support/roles.js";

/** Nothing is wider than the viewport: the page itself never scrolls sideways (tables scroll in their card). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // The page's script runs in the browser: the string form keeps DOM types out of the Node-side tsconfig.
  const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The header's account picker and Connect buttons are inside the viewport. */
async function expectHeaderInView(page: Page, width: number): Promise<void> {
  for (const id of ["dev-account-picker", "connect-wallet"]) {
    const box = await page.getByTestId(id).boundingBox();
    if (!box) continue;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
}

atEachViewport((viewport) => {
  test("overview: headline figures and the returns chart first, no 404 on load", async ({ page }) => {
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await openView(page, "overview");
    const headline = page.getByTestId("headline");
    await expect(headline).toBeVisible();
    await expect(headline.getByTestId("total-shares")).toContainText("shares");
    await expect(page.getByTestId("headline-returns")).not.toHaveText("");
    await expect(page.getByTestId("returns-charts").locator("svg").first()).toBeVisible();
    // Chart labels are at least 13 px on screen, on a phone too.
    const tickSize = await page
      .getByTestId("returns-charts")
      .locator("text.tick")
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(tickSize).toBeGreaterThanOrEqual(12);
    // Returns and investor capital are two tables.
    await expect(page.locator("[data-testid^='returns-row-']").first()).toBeVisible();
    await expect(page.locator("[data-testid^='capital-row-']").first()).toBeAttached();
    await expectNoSidewaysScroll(page);
    await expectHeaderInView(page, viewport.width);
    await page.waitForLoadState("networkidle");
    expect(missing).toEqual([]);
    await expect(page.locator("link[rel='icon']")).toHaveAttribute("href", /favicon\.svg$/);
    await saveScreenshot(page, `overview-${viewport.name}`);
  });

  test("trustee home: approvals, estimates and executions due, linking to the queue", async ({ page }) => {
    await openAs(page, "trustee", roleAccounts.trustee);
    const home = page.getByTestId("trustee-home");
    await expect(home).toBeVisible();
    for (const key of ["approve", "commit", "reveal", "execute"])
      await expect(home.getByTestId(`trustee-home-${key}`)).toBeVisible();
    // The home comes before the council and the queue.
    const homeBox = await home.boundingBox();
    const queueBox = await page.locator("#queue-title").boundingBox();
    expect(homeBox && queueBox && homeBox.y < queueBox.y).toBe(true);
    await expectNoSidewaysScroll(page);
    await expectHeaderInView(page, viewport.width);
    await saveScreenshot(page, `trustee-${viewport.name}`);
  });

  test("researcher home: shares, stipend and returns to claim, then applications and open rounds", async ({
    page,
  }) => {
    await openAs(page, "researcher", roleAccounts.researcher);
    const home = page.getByTestId("researcher-home");
    await expect(home.getByTestId("researcher-home-shares")).toContainText("shares");
    await expect(home.getByTestId("researcher-home-applications")).toContainText("2");
    await expect(home.getByTestId("researcher-home-rounds")).toBeVisible();
    const homeBox = await home.boundingBox();
    const appsBox = await page.locator("#my-apps-title").boundingBox();
    expect(homeBox && appsBox && homeBox.y < appsBox.y).toBe(true);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, `researcher-${viewport.name}`);
  });

  test("company home: periods due with what they pay and by when, then Promises", async ({ page }) => {
    await openAs(page, "company", roleAccounts.company);
    const home = page.getByTestId("company-home");
    await expect(home.getByTestId("company-home-promises")).toBeVisible();
    await expect(home).toContainText(/Periods due|Pay \d/);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, `company-${viewport.name}`);
  });

  test("investor home: open offerings, shares and returns to claim, statement", async ({ page }) => {
    await openAs(page, "investor", roleAccounts.investor);
    const home = page.getByTestId("investor-home");
    for (const key of ["open", "shares", "returns", "statement"])
      await expect(home.getByTestId(`investor-home-${key}`)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, `investor-${viewport.name}`);
  });
});
