import { expect, test } from "@playwright/test";
import { type Address, keccak256, parseEther, toHex, zeroAddress } from "viem";

import { abis, client, devAccount, fundAddress } from "./support/chain.js";
import { expectConfirmed, openAs } from "./support/dashboard.js";

const registry = (): Address => fundAddress("ReturnsRegistry");
const commitmentCount = () =>
  client.readContract({ address: registry(), abi: abis.registry, functionName: "commitmentCount" });
const commitment = (id: bigint) =>
  client.readContract({ address: registry(), abi: abis.registry, functionName: "commitment", args: [id] });
const nonceUsed = (companyId: bigint, nonce: bigint) =>
  client.readContract({
    address: registry(),
    abi: abis.registry,
    functionName: "nonceUsed",
    args: [companyId, nonce],
  });

/** The seed's commitment signed by `signer` (one per company in the demo). */
async function commitmentSignedBy(signer: Address): Promise<bigint> {
  const count = await commitmentCount();
  for (let id = 1n; id <= count; id++) {
    const c = await commitment(id);
    if (c.signer === signer) return id;
  }
  throw new Error(`no commitment signed by ${signer}`);
}

test("a company admin signs a new Promise of Future Returns (EIP-712) and submits it", async ({ page }) => {
  // Northwind AI's admin (dev account 10): company #1, which has registered technique #1 available.
  const admin = await devAccount(10);
  const before = await commitmentCount();
  const modelName = `Northwind-8 (${Date.now()})`;
  const modelHash = keccak256(toHex(modelName));

  await openAs(page, "company", 10);
  await expect(page.getByTestId("my-company-1")).toContainText("Northwind AI");
  await expect(page.getByTestId("pfr-company")).toHaveValue("1");
  await page.getByTestId("pfr-technique-1").check();
  await page.getByTestId("pfr-model-name").fill(modelName);
  await page.getByTestId("pfr-model-hash").fill(modelHash);
  await page.getByTestId("pfr-share").fill("4.5");
  await page.getByTestId("pfr-period").fill("30");
  await page.getByTestId("pfr-grace").fill("7");

  // The Promise in words comes before the wallet opens; the nonce is the company's next unused one.
  await page.getByTestId("pfr-sign").click();
  const summary = page.getByTestId("pfr-summary");
  await expect(summary).toContainText(`Company #1 promises 4.5% of the returns of “${modelName}”`);
  await expect(summary).toContainText("reported and paid within 7 days after it ends");
  const nonce = BigInt((await summary.getAttribute("data-nonce")) ?? "");
  expect(await nonceUsed(1n, nonce)).toBe(false);
  await expect(summary).toContainText(`Nonce ${nonce};`);
  // Signing sends nothing: only the typed-data signature (eth_signTypedData_v4 by the dev node).
  await page.getByTestId("pfr-sign-confirm").click();
  const signed = page.getByTestId("pfr-signed");
  await expect(signed).toContainText(`promises 4.5% of the returns of “${modelName}”`);
  // The signer as every address is shown: its name or short form, the full address, an explorer link.
  const signer = new RegExp(`^${admin}$`, "i");
  await expect(signed.getByTestId("address")).toHaveAttribute("data-address", signer);
  await expect(signed.getByTestId("address").locator("code")).toHaveAttribute("title", signer);
  expect(await commitmentCount()).toBe(before);

  await page.getByTestId("pfr-submit").click();
  await expectConfirmed(page, "Submit signed promise");
  await expect(signed).toHaveCount(0);

  const id = before + 1n;
  expect(await commitmentCount()).toBe(id);
  const c = await commitment(id);
  expect(c.companyId).toBe(1n);
  expect(c.signer).toBe(admin);
  expect(c.modelName).toBe(modelName);
  expect(c.modelHash).toBe(modelHash);
  expect(c.returnsShareBps).toBe(450);
  expect(c.periodLength).toBe(30n * 86_400n);
  expect(c.gracePeriod).toBe(7n * 86_400n);
  expect(c.techniqueIds).toEqual([1n]);
  expect(await nonceUsed(1n, nonce)).toBe(true);
  // The new promise joins the company's list of commitments.
  await expect(page.getByTestId(`my-commitment-${id}`)).toContainText(modelName);
});

test("a company pays a period that is due, and its compliance record updates", async ({ page }) => {
  // Helix Labs' admin (dev account 11) has an unreported period that has ended.
  const admin = await devAccount(11);
  const id = await commitmentSignedBy(admin);
  const compliance = () =>
    client.readContract({ address: registry(), abi: abis.registry, functionName: "compliance", args: [id] });
  const before = await compliance();
  expect(before.periodsElapsed).toBeGreaterThan(before.periodsReported);
  const period = before.periodsReported;
  const gross = parseEther("120");
  const due = await client.readContract({
    address: registry(),
    abi: abis.registry,
    functionName: "dueAmount",
    args: [id, gross],
  });
  const paidBefore = await client.readContract({
    address: registry(),
    abi: abis.registry,
    functionName: "totalPaid",
    args: [zeroAddress],
  });

  await openAs(page, "company", 11);
  const card = page.getByTestId(`my-commitment-${id}`);
  await expect(card).toContainText(
    `${before.periodsReported} of ${before.periodsElapsed} ended periods reported`,
  );
  await card.getByTestId(`report-asset-${id}`).selectOption(zeroAddress);
  await card.getByTestId(`report-gross-${id}`).fill("120");
  await card.getByTestId(`report-evidence-${id}`).fill(keccak256(toHex(`Helix period ${period} accounts`)));
  await expect(card).toContainText("Due to the Fund: 3.6 ETH.");
  await card.getByTestId(`report-pay-${id}`).click();
  await expectConfirmed(page, `Report period ${period} of commitment #${id} and pay`);

  const after = await compliance();
  expect(after.periodsReported).toBe(before.periodsReported + 1n);
  expect(
    await client.readContract({
      address: registry(),
      abi: abis.registry,
      functionName: "totalPaid",
      args: [zeroAddress],
    }),
  ).toBe(paidBefore + due);
  await expect(card).toContainText(
    `${after.periodsReported} of ${after.periodsElapsed} ended periods reported`,
  );
  // The record lists the new report with what was paid.
  const record = card.getByRole("table", { name: `Reports of commitment ${id}` });
  await expect(record.getByRole("row").filter({ hasText: "3.6 ETH" })).toHaveCount(1);
});

test("a company signer revokes a signed Promise by invalidating its nonce, next to signing", async ({
  page,
}) => {
  // Helix Labs' admin (dev account 11): company #2.
  await openAs(page, "company", 11);
  await page.getByTestId("pfr-company").selectOption("2");
  await page.getByTestId("pfr-technique-2").check();
  const draft = `Helix draft (${Date.now()})`;
  await page.getByTestId("pfr-model-name").fill(draft);
  await page.getByTestId("pfr-model-hash").fill(keccak256(toHex(draft)));
  await page.getByTestId("pfr-share").fill("3");
  await page.getByTestId("pfr-period").fill("30");
  await page.getByTestId("pfr-sign").click();
  const nonce = BigInt((await page.getByTestId("pfr-summary").getAttribute("data-nonce")) ?? "");
  await page.getByTestId("pfr-sign-confirm").click();
  await expect(page.getByTestId("pfr-signed")).toBeVisible();

  const revoke = page.getByTestId("pfr-invalidate-nonce");
  await expect(revoke).toHaveText(`Invalidate nonce ${nonce}`);
  await revoke.click();
  await expectConfirmed(page, `Invalidate nonce ${nonce}`);
  expect(await nonceUsed(2n, nonce)).toBe(true);
  // The signed draft is gone; a new nonce is ready for the next signature.
  await expect(page.getByTestId("pfr-signed")).toHaveCount(0);
  const next = page.getByTestId("pfr-next-nonce");
  await expect(next).not.toHaveText(new RegExp(`^${nonce} `));
  await expect(next).toHaveText(/^\d+ \(the company's next unused one, picked for you\)$/);
  const nextNonce = BigInt(((await next.textContent()) ?? "").split(" ")[0] ?? "");
  expect(nextNonce).not.toBe(nonce);
  expect(await nonceUsed(2n, nextNonce)).toBe(false);
});
