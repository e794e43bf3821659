// Driving the dashboard the way a person does: pick a dev account in the header, open a view,
// follow a transaction in the status area until it is confirmed (or fail with its decoded error).
import { mkdirSync } from "node:fs";

import { type Locator, type Page, expect } from "@playwright/test";
import { type Address, formatUnits } from "viem";

import { devAccount } from "./chain.js";

export type ViewId = "overview" | "trustee" | "researcher" | "company" | "investor" | "trustees";

/** Opens `view` and connects as dev account `index` with the header's picker; returns its address. */
export async function openAs(page: Page, view: ViewId, index: number): Promise<Address> {
  const address = await devAccount(index);
  await openView(page, view);
  await page.getByTestId("dev-account-picker").selectOption(address);
  await expect(page.getByTestId("account-address")).toHaveAttribute("title", address);
  return address;
}

/** Opens `view` and waits until the Fund's snapshot is shown (no loading notice, no error). */
export async function openView(page: Page, view: ViewId): Promise<void> {
  await page.goto(`/#/${view}`);
  await expect(page.getByTestId(`nav-${view}`)).toHaveAttribute("aria-current", "page");
  await expect(page.locator("main [aria-busy='true']")).toHaveCount(0);
  await expect(page.locator("main .notice.error")).toHaveCount(0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The newest entry of the transaction status area whose label is exactly `label`. */
export function txEntry(page: Page, label: string): Locator {
  return page
    .getByTestId("tx-entry")
    .filter({ has: page.locator("strong", { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .first();
}

/** Waits until the transaction `label` is confirmed; a failure fails the test with the decoded error. */
export async function expectConfirmed(page: Page, label: string, timeout = 45_000): Promise<void> {
  const entry = txEntry(page, label);
  await expect(entry).toHaveAttribute("data-phase", /^(confirmed|failed)$/, { timeout });
  const phase = await entry.getAttribute("data-phase");
  const error = phase === "failed" ? await entry.getByTestId("tx-error").textContent() : null;
  expect(phase, `"${label}" failed: ${error ?? ""}`).toBe("confirmed");
}

/** `value` in base units as the dashboard prints it: grouped, at most `maxFraction` decimals, truncated. */
function unitsText(value: bigint, decimals: number, maxFraction: number): string {
  const [integer = "0", fraction = ""] = formatUnits(value, decimals).split(".");
  const cut = fraction.slice(0, maxFraction).replace(/0+$/, "");
  return `${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${cut ? `.${cut}` : ""}`;
}

/** `value` shares (18 decimals) as the dashboard prints them: grouped, at most 2 decimals, truncated. */
export function sharesText(value: bigint): string {
  const figure = unitsText(value, 18, 2);
  return `${figure} ${figure === "1" ? "share" : "shares"}`;
}

/** An amount of an asset as the dashboard prints it (at most 4 decimals; non-zero amounts below that aside). */
export function amountText(value: bigint, decimals: number, symbol: string): string {
  return `${unitsText(value, decimals, 4)} ${symbol}`;
}

const screenshotDir = new URL("../../test-results/screenshots/", import.meta.url);
const docsDir = new URL("../../docs/screenshots/", import.meta.url);

/**
 * Saves a full-page screenshot of the current view to test-results/screenshots/<name>.png; with
 * UPDATE_DOCS_SCREENSHOTS=1 also to docs/screenshots/<name>.png (the README's pictures).
 */
export async function saveScreenshot(page: Page, name: string, forDocs = false): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDir).pathname, fullPage: true });
  if (forDocs && process.env.UPDATE_DOCS_SCREENSHOTS === "1") {
    mkdirSync(docsDir, { recursive: true });
    await page.screenshot({ path: new URL(`${name}.png`, docsDir).pathname, fullPage: true });
  }
}
