import { type Locator, type Page, expect, test } from "@playwright/test";
import { keccak256, toHex } from "viem";

import { abis, client, fundAddress, nonceOf } from "./support/chain.js";
import { type ViewId, openAs, txEntry } from "./support/dashboard.js";

/** The field is marked invalid and the message sits right under it, as its accessible description. */
async function expectFieldError(input: Locator, message: RegExp): Promise<void> {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(message);
  await expect(
    input.locator("xpath=ancestor::div[contains(@class,'field')][1]").locator(".field-error"),
  ).toHaveText(message);
}

/**
 * Opens `view` as dev account `index` and notes its nonce; `expectNothingSent` then proves nothing reached
 * the chain from this page: no transaction entry, and the account's nonce is unchanged.
 */
async function openWatched(page: Page, view: ViewId, index: number) {
  const account = await openAs(page, view, index);
  const nonce = await nonceOf(account);
  const expectNothingSent = async (): Promise<void> => {
    await expect(page.getByTestId("tx-entry")).toHaveCount(0);
    expect(await nonceOf(account)).toBe(nonce);
  };
  return { account, nonce, expectNothingSent };
}

test("the proposal form rejects a bad address, amount, hash and past date next to the field and sends nothing", async ({
  page,
}) => {
  const { expectNothingSent } = await openWatched(page, "trustee", 5);
  const kind = page.getByTestId("proposal-kind");
  const submit = page.getByTestId("proposal-submit");

  // An address with too few hex digits.
  await kind.selectOption("AddTrustee");
  await page.getByTestId("proposal-trustee").fill("0x70997970C51812dc3A010C7d01b50e0d17dc79");
  await submit.click();
  await expectFieldError(
    page.getByTestId("proposal-trustee"),
    /Trustee must be a 0x-prefixed address of 40 hex digits/,
  );
  await expectNothingSent();

  // Amounts that are not a number, or negative.
  await kind.selectOption("OpenRound");
  const pool = page.getByTestId("proposal-sharePool");
  for (const text of ["lots", "-5"]) {
    await pool.fill(text);
    await submit.click();
    await expectFieldError(pool, /Share pool must be a positive decimal number/);
    await expectNothingSent();
  }

  // A deadline in the past (the chain's clock decides).
  await pool.fill("250000");
  const deadline = page.getByTestId("proposal-applicationDeadline");
  await deadline.fill("2020-01-01T12:00");
  await submit.click();
  await expectFieldError(deadline, /Application deadline must be after now \(chain time\)/);
  await expect(pool).not.toHaveAttribute("aria-invalid", "true");
  await expectNothingSent();

  // A content hash that is not 32 bytes.
  await kind.selectOption("RegisterTechnique");
  await page.getByTestId("proposal-title").fill("Sparse autoencoders");
  await page.getByTestId("proposal-uri").fill("ipfs://demo/technique/sparse-autoencoders");
  const hash = page.getByTestId("proposal-contentHash");
  await hash.fill("0xdeadbeef");
  await submit.click();
  await expectFieldError(hash, /Content hash must be 0x followed by 64 hex digits/);
  await expect(page.getByTestId("proposal-preview")).toHaveText(/Fill in the fields/);
  await expectNothingSent();
});

test("the subscription form rejects negative or non-numeric shares and a malformed proof, sending nothing", async ({
  page,
}) => {
  // Priya (dev account 15): allowlisted for offering 2.
  const { expectNothingSent } = await openWatched(page, "investor", 15);
  const card = page.locator("[data-testid^='offering-'][data-state='open']").first();
  const id = (await card.getAttribute("data-testid"))?.replace("offering-", "");
  const sharesInput = card.getByTestId(`subscribe-shares-${id}`);
  const submit = card.getByTestId(`subscribe-${id}`);

  for (const text of ["-10", "ten"]) {
    await sharesInput.fill(text);
    await submit.click();
    await expectFieldError(sharesInput, /Shares must be a positive decimal number/);
    await expectNothingSent();
  }

  await sharesInput.fill("20");
  await card.getByTestId(`paste-proof-${id}`).locator("summary").click();
  const proof = card.getByTestId(`subscribe-proof-${id}`);
  await proof.fill('["0x1234"]');
  await submit.click();
  await expectFieldError(proof, /Every proof element must be 0x followed by 64 hex digits/);
  await expect(sharesInput).not.toHaveAttribute("aria-invalid", "true");
  await expectNothingSent();
});

test("the promise form rejects bad inputs, and a promise the registry refuses shows its custom error in plain words", async ({
  page,
}) => {
  // Quanta Systems' admin (dev account 12), company #3; its seed promise used nonce 1.
  const { account: admin, nonce, expectNothingSent } = await openWatched(page, "company", 12);
  const registry = fundAddress("ReturnsRegistry");
  const commitments = await client.readContract({
    address: registry,
    abi: abis.registry,
    functionName: "commitmentCount",
  });
  expect(
    await client.readContract({
      address: registry,
      abi: abis.registry,
      functionName: "nonceUsed",
      args: [3n, 1n],
    }),
  ).toBe(true);

  await expect(page.getByTestId("pfr-company")).toHaveValue("3");
  await page.getByTestId("pfr-technique-2").check();
  await page.getByTestId("pfr-model-name").fill("Quanta Reasoner 2");
  const modelHash = page.getByTestId("pfr-model-hash");
  const share = page.getByTestId("pfr-share");
  const deadline = page.getByTestId("pfr-deadline");
  await modelHash.fill("0xabc");
  await share.fill("-3");
  await deadline.fill("2021-06-01T09:30");
  await page.getByTestId("pfr-sign").click();
  await expectFieldError(modelHash, /Model hash must be 0x followed by 64 hex digits/);
  await expectFieldError(share, /Share must be a percentage between 0.01 and 100/);
  await expectFieldError(deadline, /Signature deadline must be after now \(chain time\)/);
  await expect(page.getByTestId("pfr-signed")).toHaveCount(0);
  await expect(page.getByTestId("pfr-summary")).toHaveCount(0);
  await expectNothingSent();

  // Valid fields, but a nonce the company already used: the registry refuses it.
  await modelHash.fill(keccak256(toHex("Quanta Reasoner 2")));
  await share.fill("6");
  await deadline.clear();
  await page.getByTestId("pfr-next-nonce").click();
  await page.getByTestId("pfr-nonce").fill("1");
  // A deadline after now on the chain's clock, however far the chain has moved ahead.
  const chainNow = (await client.getBlock()).timestamp;
  const later = new Date(Number(chainNow + 3n * 86_400n) * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await deadline.fill(
    `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T${pad(later.getHours())}:${pad(later.getMinutes())}`,
  );
  await page.getByTestId("pfr-sign").click();
  await expect(page.getByTestId("pfr-summary")).toContainText("Nonce 1;");
  await page.getByTestId("pfr-sign-confirm").click();
  await expect(page.getByTestId("pfr-signed")).toBeVisible();
  await page.getByTestId("pfr-submit").click();

  const entry = txEntry(page, "Submit signed promise");
  await expect(entry).toHaveAttribute("data-phase", "failed");
  const error = entry.getByTestId("tx-error");
  await expect(error).toHaveAttribute("data-error-name", "ReturnsRegistryNonceUsed");
  await expect(error).toHaveText(
    /^Nonce 1 of company #?3 has already been used or invalidated; sign again with a new nonce\.$/,
  );
  // Refused by the contract's check before anything was sent.
  expect(await nonceOf(admin)).toBe(nonce);
  expect(
    await client.readContract({ address: registry, abi: abis.registry, functionName: "commitmentCount" }),
  ).toBe(commitments);
});
