// Automated accessibility checks: axe-core on every view, connected as the role's seeded account, on
// a phone (390 px) and a desktop (1440 px). No serious or critical violation is allowed.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { openAs, openView, type ViewId } from "./support/dashboard.js";
import { atEachViewport, roleAccounts } from "./support/roles.js";

const views: readonly ViewId[] = ["overview", "trustees", "trustee", "researcher", "company", "investor"];

atEachViewport(() => {
  for (const view of views) {
    test(`${view}: no serious or critical accessibility violation`, async ({ page }) => {
      if (view === "overview" || view === "trustees") await openView(page, view);
      else await openAs(page, view, roleAccounts[view]);
      await expect(page.locator(".site-footer")).toBeVisible();
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const blocking = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(blocking).toEqual([]);
    });
  }
});
