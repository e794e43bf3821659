// Feedback and errors, on a phone and a desktop: a write says what happened once confirmed, the
// transaction panel survives a reload and belongs to the account; raw failures read as plain words
// with a way to retry.
import { expect, test } from "@playwright/test";

import { devAccount } from "./support/chain.js";
import { expectConfirmed, openAs, openView, txEntry } from "./support/dashboard.js";
import { RPC_URL } from "./support/env.js";
import { atEachViewport } from "./support/roles.js";

// Dev accounts no other browser test acts as: a donor and a second account to switch to.
const DONOR = 13;
const OTHER = 6;

atEachViewport(() => {
  test("a donation says what happened, and the panel keeps it across a reload, for this account only", async ({
    page,
  }) => {
    await openAs(page, "investor", DONOR);
    await page.getByTestId("donate-amount").fill("0.001");
    await page.getByTestId("donate-submit").click();
    const label = "Donate to the Fund";
    await expectConfirmed(page, label);
    await expect(txEntry(page, label).getByTestId("tx-outcome")).toHaveText(
      "Thank you: 0.001 ETH donated to the Fund.",
    );

    // A reload brings the entry back, confirmed, with what it did.
    await page.reload();
    await expect(page.getByTestId("account-address")).toHaveAttribute("title", await devAccount(DONOR));
    await expect(txEntry(page, label)).toHaveAttribute("data-phase", "confirmed");
    await expect(txEntry(page, label).getByTestId("tx-outcome")).toContainText("0.001 ETH donated");

    // Another account has its own (empty) panel; back to the donor, the entry is there again.
    await page.getByTestId("dev-account-picker").selectOption(await devAccount(OTHER));
    await expect(page.getByTestId("account-address")).toHaveAttribute("title", await devAccount(OTHER));
    await expect(page.getByTestId("tx-entry")).toHaveCount(0);
    await page.getByTestId("dev-account-picker").selectOption(await devAccount(DONOR));
    await expect(txEntry(page, label)).toHaveAttribute("data-phase", "confirmed");
  });

  test("a huge amount is refused in plain words before anything is sent", async ({ page }) => {
    await openAs(page, "investor", DONOR);
    const amount = page.getByTestId("donate-amount");
    await amount.fill("9".repeat(90));
    await page.getByTestId("donate-submit").click();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/far too large/);
    await expect(page.getByText(/256-bit|safe .* integer range/)).toHaveCount(0);
    await expect(page.getByTestId("tx-entry")).toHaveCount(0);
  });

  test("no browser wallet: the Connect button says so in plain words", async ({ page }) => {
    await openView(page, "overview");
    await page.getByTestId("connect-wallet").click();
    const alert = page.locator(".account-picker [role='alert']");
    await expect(alert).toContainText("No wallet was found in this browser");
    await expect(alert).not.toContainText("Provider not found");
  });

  test("the chain's node not answering shows a plain error with a Retry that recovers", async ({ page }) => {
    await page.route(`${RPC_URL}/**`, (route) => route.abort("connectionrefused"));
    await page.goto("/#/overview");
    const failure = page.getByTestId("read-error");
    await expect(failure).toContainText("The chain's node did not answer", { timeout: 60_000 });
    await expect(failure).not.toContainText("HTTP request failed");
    await page.unroute(`${RPC_URL}/**`);
    await failure.getByTestId("read-retry").click();
    await expect(page.getByTestId("headline")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("read-error")).toHaveCount(0);
  });
});
