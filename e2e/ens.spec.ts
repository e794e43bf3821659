import { expect, test } from "@playwright/test";
import { getAddress } from "viem";

import { rpc } from "./support/chain.js";
import { openView } from "./support/dashboard.js";
import { nameAddress } from "./support/ensStub.js";

// ENS names and avatars where addresses appear, from a stubbed universal resolver on the local chain
// (support/ensStub.ts): no outside network.
const NAME = "first-holder.eth";
const AVATAR = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="#2a6"/></svg>',
).toString("base64")}`;

test("a holder with an ENS name shows it, with its avatar, in the cap table and in the account picker", async ({
  page,
}) => {
  // The first dev account listed among the cap table's holders gets a name.
  await openView(page, "overview");
  const rows = page.getByRole("table", { name: /Top holders/ }).getByTestId("address");
  await expect(rows.first()).toBeVisible();
  const shown = (await rows.evaluateAll((labels) => labels.map((l) => l.getAttribute("data-address")))).map(
    (a) => getAddress(a ?? "0x0000000000000000000000000000000000000000"),
  );
  const accounts = (await rpc<string[]>("eth_accounts")).map((a) => getAddress(a));
  const holder = shown.find((a) => accounts.includes(a));
  if (holder === undefined) throw new Error("no dev account among the cap table's holders");
  await nameAddress(holder, NAME, AVATAR);
  await page.reload();
  await expect(page.locator("main [aria-busy='true']")).toHaveCount(0);

  const label = page
    .getByRole("table", { name: /Top holders/ })
    .locator(`[data-testid="address"][data-address="${holder}"]`);
  await expect(label.getByTestId("ens-name")).toHaveText(NAME);
  await expect(label.getByTestId("ens-name")).toHaveAttribute("title", holder);
  await expect(label.getByTestId("ens-avatar")).toHaveAttribute("src", AVATAR);
  await expect(label.getByRole("button", { name: `Copy ${holder}` })).toBeVisible();
  // Only the named address has a name.
  await expect(page.getByTestId("ens-name")).toHaveText(
    Array.from({ length: await page.getByTestId("ens-name").count() }, () => NAME),
  );

  const option = page.getByTestId("dev-account-picker").locator(`option[value="${holder}"]`);
  await expect(option).toHaveAttribute("data-ens-name", NAME);
  await expect(option).toContainText(NAME);
});
