import { expect, test } from "@playwright/test";
import { parseEther } from "viem";

import { client, devAccount, fundAddress } from "./support/chain.js";
import { executeQueued, openInSafe, proposed } from "./support/safeStandIn.js";

// The dashboard as a Safe App: a write becomes a Safe transaction whose status follows the owners'
// signatures, then the executed transaction — never a wait for a receipt of the Safe transaction hash.
test("a donation from a Safe: awaiting the owners' signatures, then confirmed once the Safe executes it", async ({
  page,
}) => {
  // The stand-in's Safe is dev account 17 (unlocked, so the stand-in can execute as it); owners are 18, 19.
  const [safe, owner1, owner2] = await Promise.all([devAccount(17), devAccount(18), devAccount(19)]);
  const app = await openInSafe(page, safe, [owner1, owner2], "#/investor");
  await expect(app.getByTestId("safe-connected")).toContainText("Acting as the Safe");
  await expect(app.getByTestId("dev-account-picker")).toHaveCount(1); // the local chain still offers them

  const shares = fundAddress("FundShares");
  const before = await client.getBalance({ address: shares });
  await app.getByTestId("donate-amount").fill("0.5");
  await app.getByTestId("donate-submit").click();

  const entry = app
    .getByTestId("tx-entry")
    .filter({ has: app.locator("strong", { hasText: /^Donate to the Fund$/ }) })
    .first();
  await expect(entry).toHaveAttribute("data-phase", "safe");
  await expect(entry).toContainText("1 of 2 signatures");
  await expect(entry.getByTestId("safe-tx")).toBeVisible();
  // Nothing moved while the owners have not signed.
  expect(await client.getBalance({ address: shares })).toBe(before);

  const [safeTxHash] = await proposed(page);
  if (safeTxHash === undefined) throw new Error("the dashboard proposed no Safe transaction");
  expect(safeTxHash).toMatch(/^0x[0-9a-f]{64}$/);
  const txHash = await executeQueued(page, safe, safeTxHash);

  await expect(entry).toHaveAttribute("data-phase", "confirmed", { timeout: 30_000 });
  const receipt = await client.getTransactionReceipt({ hash: txHash });
  expect(receipt.from.toLowerCase()).toBe(safe.toLowerCase());
  expect((await client.getBalance({ address: shares })) - before).toBe(parseEther("0.5"));
});
