import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";
import { encodeFunctionData, parseEther, zeroAddress, zeroHash } from "viem";

import {
  abis,
  client,
  devAccount,
  fundAddress,
  fundContract,
  increaseTime,
  latestTimestamp,
  mintTestUsd,
  passProposal,
  sendAs,
} from "./support/chain.js";
import { amountText, expectConfirmed, openAs, openView, sharesText, txEntry } from "./support/dashboard.js";
import { atEachViewport } from "./support/roles.js";

type DemoAllowlist = { offeringId: number; proofs: Record<string, string[]> };

/**
 * Straight to the chain: the council opens a ten-minute ETH offering open to anyone, at 0.01 ETH a
 * share, with a minimum of one share and the given cap; returns its id and end.
 */
async function openTenMinuteEthOffering(shareCap: bigint): Promise<{ id: bigint; end: bigint }> {
  const share = 10n ** 18n;
  const start = await latestTimestamp();
  const end = start + 600n;
  const openArgs = encodeFunctionData({
    abi: abis.offerings,
    functionName: "openOffering",
    args: [
      {
        asset: zeroAddress,
        pricePerShare: parseEther("0.01"),
        shareCap,
        minShares: share,
        start,
        end,
        allowlistRoot: zeroHash,
      },
    ],
  });
  await passProposal("OpenOffering", `0x${openArgs.slice(10)}`);
  return { id: await fundContract("Offerings").read.offeringCount(), end };
}

test("an allowlisted investor subscribes to the tUSD offering with the demo allowlist proof", async ({
  page,
}) => {
  // Omar (dev account 14) is on the seed's allowlist of offering 2 and has not subscribed to it.
  const investor = await devAccount(14);
  const allowlist = JSON.parse(
    readFileSync(new URL("../frontend/public/demo-allowlist.json", import.meta.url), "utf8"),
  ) as DemoAllowlist;
  const offeringId = BigInt(allowlist.offeringId);
  expect(Object.keys(allowlist.proofs).map((a) => a.toLowerCase())).toContain(investor.toLowerCase());

  const offerings = fundContract("Offerings");
  const testUsd = fundAddress("TestToken");
  const shares = 40n * 10n ** 18n;
  const cost = await offerings.read.quote([offeringId, shares]);
  const pending = () => offerings.read.pendingShares([offeringId, investor]);
  const usdBalance = () =>
    client.readContract({ address: testUsd, abi: abis.erc20, functionName: "balanceOf", args: [investor] });
  const pendingBefore = await pending();
  // Set-up: test dollars for the payment (the demo token has an open mint), sent by dev account 0.
  if ((await usdBalance()) < cost) await mintTestUsd(await devAccount(0), investor, cost);
  const usdBefore = await usdBalance();

  await openAs(page, "investor", 14);
  const card = page.getByTestId(`offering-${offeringId}`);
  await expect(card).toHaveAttribute("data-state", "open");
  await card.getByTestId(`subscribe-shares-${offeringId}`).fill("40");
  await expect(card).toContainText("Cost: 100 tUSD");
  // The proof is looked up in the offering's published allowlist and checked against its root: nothing pasted.
  await expect(card.getByTestId(`allowlist-status-${offeringId}`)).toContainText(
    "You are on the allowlist: your proof was found in the published allowlist",
  );
  await expect(card.getByTestId(`subscribe-proof-${offeringId}`)).toHaveValue("");

  // approve (exactly the cost) and subscribe, both through the status area.
  await card.getByTestId(`subscribe-${offeringId}`).click();
  await expectConfirmed(page, `Subscribe to offering #${offeringId}`);

  expect(await pending()).toBe(pendingBefore + shares);
  expect(usdBefore - (await usdBalance())).toBe(cost);
  await expect(card.getByTestId(`offering-pending-${offeringId}`)).toHaveText(
    sharesText(pendingBefore + shares),
  );
  await expect(card).toContainText("Your shares can be claimed after the window closes");
});

test("once an offering's window has ended, an account that is neither trustee nor investor settles its escrowed raise into the capital pool", async ({
  page,
}) => {
  const offerings = fundAddress("Offerings");
  const pool = fundAddress("CapitalPool");
  const share = 10n ** 18n;
  const readOffering = (id: bigint) =>
    client.readContract({ address: offerings, abi: abis.offerings, functionName: "offering", args: [id] });
  const ethBooks = () =>
    client.readContract({ address: pool, abi: abis.capitalPool, functionName: "books", args: [zeroAddress] });
  const ethBalance = (address: typeof pool) => client.getBalance({ address });
  /** Σ capital raised by unsettled ETH offerings: what the overview reports as in escrow. */
  async function ethEscrow(): Promise<bigint> {
    const count = await fundContract("Offerings").read.offeringCount();
    let sum = 0n;
    for (let id = 1n; id <= count; id++) {
      const o = await readOffering(id);
      if (o.params.asset === zeroAddress && !o.settled) sum += o.capitalRaised;
    }
    return sum;
  }

  // Set-up, straight to the chain: the council opens a ten-minute ETH offering (the seed's offerings
  // are either settled already or open for weeks), and dev account 17 subscribes 100 shares in it.
  const { id, end } = await openTenMinuteEthOffering(1_000n * share);
  const subscriber = await devAccount(17);
  const cost = parseEther("1"); // 100 shares at 0.01 ETH
  await sendAs(
    subscriber,
    offerings,
    encodeFunctionData({ abi: abis.offerings, functionName: "subscribe", args: [id, 100n * share, []] }),
    cost,
  );
  expect((await readOffering(id)).capitalRaised).toBe(cost);

  // During the window the raise is shown in escrow, and nothing offers to settle it.
  const settler = await openAs(page, "investor", 18);
  const card = page.getByTestId(`offering-${id}`);
  await expect(card).toHaveAttribute("data-state", "open");
  await expect(card).toHaveAttribute("data-capital", "escrow");
  await expect(card.getByTestId(`offering-capital-${id}`)).toHaveText("1 ETH, in escrow");
  await expect(card.getByTestId(`settle-offering-${id}`)).toHaveCount(0);

  // Past the window's end (read fresh): the raise awaits settlement.
  await increaseTime(end - (await latestTimestamp()) + 1n);
  await page.reload();
  await expect(page.getByTestId("account-address")).toHaveAttribute("title", settler);
  await expect(card).toHaveAttribute("data-state", "ended");
  await expect(card).toHaveAttribute("data-capital", "awaiting-settlement");
  await expect(card.getByTestId(`offering-status-${id}`)).toHaveText("ended — awaiting settlement");

  const escrowBefore = await ethEscrow();
  expect(escrowBefore).toBeGreaterThanOrEqual(cost);
  const booksBefore = await ethBooks();
  const [offeringsEthBefore, poolEthBefore] = await Promise.all([ethBalance(offerings), ethBalance(pool)]);
  const settlerNonce = await client.getTransactionCount({ address: settler });

  await card.getByTestId(`settle-offering-${id}`).click();
  await expectConfirmed(page, `Settle offering #${id} into the capital pool`);

  // The card shows the raise in the pool, and the action is gone.
  await expect(card).toHaveAttribute("data-capital", "settled");
  await expect(card.getByTestId(`offering-status-${id}`)).toHaveText("settled into the pool");
  await expect(card.getByTestId(`offering-capital-${id}`)).toHaveText("1 ETH, in the capital pool");
  await expect(card.getByTestId(`settle-offering-${id}`)).toHaveCount(0);

  // On chain: settled once, by the account the dashboard acted as; exactly the raise moved into the
  // pool's books and balance; the subscriber's pending shares are untouched.
  const after = await readOffering(id);
  expect(after.settled).toBe(true);
  expect(after.capitalRaised).toBe(cost);
  expect(await client.getTransactionCount({ address: settler })).toBe(settlerNonce + 1);
  expect((await ethBooks()).capitalIn - booksBefore.capitalIn).toBe(cost);
  expect(offeringsEthBefore - (await ethBalance(offerings))).toBe(cost);
  expect((await ethBalance(pool)) - poolEthBefore).toBe(cost);
  expect(await fundContract("Offerings").read.pendingShares([id, subscriber])).toBe(100n * share);

  // The overview counts what is still in escrow apart from the pool: the settled raise left it.
  expect(await ethEscrow()).toBe(escrowBefore - cost);
  await openView(page, "overview");
  await expect(page.getByTestId("escrow-ETH")).toHaveText(amountText(escrowBefore - cost, 18, "ETH"));
});

test("an investor claims the shares of a settled offering, and the confirmation says how many it received", async ({
  page,
}) => {
  const offerings = fundAddress("Offerings");
  const share = 10n ** 18n;
  const shares = 12_045n * (share / 10n); // 1,204.5 shares: grouping and a fraction in the words
  const pending = (id: bigint, investor: `0x${string}`) =>
    client.readContract({
      address: offerings,
      abi: abis.offerings,
      functionName: "pendingShares",
      args: [id, investor],
    });
  const balance = (investor: `0x${string}`) =>
    client.readContract({
      address: fundAddress("FundShares"),
      abi: abis.shares,
      functionName: "balanceOf",
      args: [investor],
    });

  // Set-up, straight to the chain: a ten-minute ETH offering open to anyone, dev account 9 subscribes
  // 1,204.5 shares, the window ends and someone settles the raise into the capital pool.
  const { id, end } = await openTenMinuteEthOffering(10_000n * share);
  const investor = await devAccount(9);
  await sendAs(
    investor,
    offerings,
    encodeFunctionData({ abi: abis.offerings, functionName: "subscribe", args: [id, shares, []] }),
    parseEther("12.045"),
  );
  await increaseTime(end - (await latestTimestamp()) + 1n);
  await sendAs(
    await devAccount(18),
    offerings,
    encodeFunctionData({ abi: abis.offerings, functionName: "settleOffering", args: [id] }),
  );
  expect(await pending(id, investor)).toBe(shares);
  const balanceBefore = await balance(investor);

  await openAs(page, "investor", 9);
  const card = page.getByTestId(`offering-${id}`);
  await expect(card).toHaveAttribute("data-capital", "settled");
  await expect(card.getByTestId(`offering-pending-${id}`)).toHaveText(sharesText(shares));
  await card.getByTestId(`claim-offering-${id}`).click();
  const label = `Claim shares of offering #${id}`;
  await expectConfirmed(page, label);

  // On chain: exactly the pending shares were minted to the investor, nothing is left pending; the
  // confirmation names the same number.
  const received = (await balance(investor)) - balanceBefore;
  expect(received).toBe(shares);
  expect(await pending(id, investor)).toBe(0n);
  await expect(txEntry(page, label).getByTestId("tx-outcome")).toHaveText(
    `You received ${sharesText(received)}.`,
  );
  await expect(txEntry(page, label).getByTestId("tx-outcome")).toHaveText("You received 1,204.5 shares.");
  await expect(card.getByTestId(`claim-offering-${id}`)).toHaveCount(0);
});

// An investor's main path, on a phone and a desktop: subscribe in the dashboard, then, once the window
// has ended and the raise is settled, claim the shares. Each run opens its own offering.
atEachViewport(() => {
  test("an investor subscribes to an open offering in the dashboard and, once it is settled, claims the shares", async ({
    page,
  }) => {
    const share = 10n ** 18n;
    const offerings = fundContract("Offerings");
    const ledger = fundContract("FundShares");
    const { id, end } = await openTenMinuteEthOffering(1_000n * share);
    const investor = await devAccount(9);
    const ethBefore = await client.getBalance({ address: investor });

    await openAs(page, "investor", 9);
    const card = page.getByTestId(`offering-${id}`);
    await expect(card).toHaveAttribute("data-state", "open");
    await card.getByTestId(`subscribe-shares-${id}`).fill("25");
    await expect(card).toContainText("Cost: 0.25 ETH");
    await card.getByTestId(`subscribe-${id}`).click();
    await expectConfirmed(page, `Subscribe to offering #${id}`);
    expect(await offerings.read.pendingShares([id, investor])).toBe(25n * share);
    // The cost and the gas: at least the quote left the account.
    expect(ethBefore - (await client.getBalance({ address: investor }))).toBeGreaterThanOrEqual(
      parseEther("0.25"),
    );

    // The window ends and another account settles the raise into the capital pool.
    await increaseTime(end - (await latestTimestamp()) + 1n);
    await sendAs(
      await devAccount(18),
      fundAddress("Offerings"),
      encodeFunctionData({ abi: abis.offerings, functionName: "settleOffering", args: [id] }),
    );
    const before = await ledger.read.balanceOf([investor]);

    await openAs(page, "investor", 9);
    await expect(card).toHaveAttribute("data-capital", "settled");
    await card.getByTestId(`claim-offering-${id}`).click();
    const label = `Claim shares of offering #${id}`;
    await expectConfirmed(page, label);
    expect((await ledger.read.balanceOf([investor])) - before).toBe(25n * share);
    expect(await offerings.read.pendingShares([id, investor])).toBe(0n);
    await expect(txEntry(page, label).getByTestId("tx-outcome")).toHaveText("You received 25 shares.");
  });
});
