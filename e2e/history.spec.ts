// With the history indexer up (npm start runs it), the overview reads its history from the indexer:
// the page sends no eth_getLogs, and the returns chart and mint provenance are drawn from it.
import { expect, test } from "@playwright/test";

import { openView } from "./support/dashboard.js";
import { recordRequests } from "./support/requests.js";

test("the overview's history comes from the indexer: no eth_getLogs is sent by the page", async ({
  page,
}) => {
  const { rpcMethods, indexerRequests } = recordRequests(page);

  await openView(page, "overview");
  await expect(page.getByTestId("history-coverage")).toContainText("from the history indexer");
  await expect(page.getByTestId("history-coverage")).toContainText(
    "The whole history since deployment is loaded.",
  );
  // The seed distributes returns: the chart is drawn from the indexer's returns by day.
  await expect(page.getByTestId("returns-charts").locator("svg").first()).toBeVisible();
  // Let a few refreshes pass: new blocks must not bring log reads either.
  await page.waitForTimeout(5_000);

  expect(indexerRequests.length).toBeGreaterThan(0);
  expect(indexerRequests.every((url) => url.includes("/sql/db"))).toBe(true);
  expect(rpcMethods.length).toBeGreaterThan(0);
  expect(rpcMethods.filter((method) => method === "eth_getLogs")).toEqual([]);
});
