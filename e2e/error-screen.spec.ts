// The error screen, on a phone and a desktop: a view whose read fails for real (the history indexer
// refuses the connection, through Playwright's interception of its URL) shows what happened in plain
// words with a Retry, and the Retry brings the view back once the indexer answers again.
import { expect, test, type Route } from "@playwright/test";

import { openView } from "./support/dashboard.js";
import { INDEXER_URL } from "./support/env.js";
import { atEachViewport } from "./support/roles.js";

const trackRecords = (url: URL) =>
  url.origin === new URL(INDEXER_URL).origin && url.pathname === "/track-records";

atEachViewport(() => {
  test("the history indexer refusing the Trustees page's read shows the error screen in plain words, and Retry recovers", async ({
    page,
  }) => {
    let refused = 0;
    const refuse = (route: Route) => {
      refused += 1;
      return route.abort("connectionrefused");
    };
    await openView(page, "overview");
    await page.route(trackRecords, refuse);
    await page.getByTestId("nav-trustees").click();

    const screen = page.getByTestId("error-screen");
    await expect(screen).toBeVisible({ timeout: 30_000 });
    await expect(screen.getByRole("heading")).toHaveText("This page could not be shown");
    await expect(screen).toContainText("The history indexer (the Fund's event history) did not answer");
    // Plain words, not the browser's or the transport's: and the chain is not blamed for it.
    await expect(screen.locator("p")).not.toContainText(/Failed to fetch|HTTP request failed|chain's node/);
    expect(refused).toBeGreaterThan(0);
    await expect(page.getByTestId("trustees-view")).toHaveCount(0);

    // Still refusing: Retry asks again and shows the screen again.
    const before = refused;
    await screen.getByTestId("error-retry").click();
    await expect.poll(() => refused, { timeout: 30_000 }).toBeGreaterThan(before);
    await expect(page.getByTestId("error-screen")).toBeVisible({ timeout: 30_000 });

    // The indexer answers again: Retry shows the page with the records.
    await page.unroute(trackRecords, refuse);
    await page.getByTestId("error-retry").click();
    await expect(page.getByTestId("trustees-view")).toBeVisible();
    await expect(page.getByTestId("council-record")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("error-screen")).toHaveCount(0);
  });
});
