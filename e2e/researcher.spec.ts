import { expect, test } from "@playwright/test";
import { type Address, zeroAddress } from "viem";

import { commitEstimates, revealEstimates } from "@fef/sdk/actions/grants";
import { memorySaltStore } from "@fef/sdk/salts";

import { abis, client, devAccount, fundAddress } from "./support/chain.js";
import { expectConfirmed, openAs, sharesText, txEntry } from "./support/dashboard.js";
import { intoRevealPhase, roundInCommitPhase, sendSteps } from "./support/rounds.js";

const APPLICATION_FUNDED = 2; // IGrantRounds.ApplicationStatus.Funded

test("a researcher claims vested shares, then claims all returns", async ({ page }) => {
  const rounds = fundAddress("GrantRounds");
  const shares = fundAddress("FundShares");
  const testUsd = fundAddress("TestToken");
  // Ben (dev account 7): funded in round 1, claimed once early, so he holds shares that have earned
  // returns since and has more shares vested.
  const researcher = await devAccount(7);
  const balanceOf = (token: Address) =>
    client.readContract({ address: token, abi: abis.erc20, functionName: "balanceOf", args: [researcher] });

  const count = await client.readContract({
    address: rounds,
    abi: abis.rounds,
    functionName: "applicationCount",
  });
  let applicationId: bigint | undefined;
  for (let id = 1n; id <= count && applicationId === undefined; id++) {
    const a = await client.readContract({
      address: rounds,
      abi: abis.rounds,
      functionName: "application",
      args: [id],
    });
    if (a.researcher === researcher && a.status === APPLICATION_FUNDED) applicationId = id;
  }
  if (applicationId === undefined) throw new Error("dev account 7 has no funded application");
  const id = applicationId;

  const claimableShares = await client.readContract({
    address: rounds,
    abi: abis.rounds,
    functionName: "claimableShares",
    args: [id],
  });
  expect(claimableShares).toBeGreaterThan(0n);
  const sharesBefore = await balanceOf(shares);

  await openAs(page, "researcher", 7);
  const card = page.getByTestId(`my-application-${id}`);
  const claimShares = card.getByTestId(`claim-shares-${id}`);
  await expect(claimShares).toBeEnabled();
  await claimShares.click();
  await expectConfirmed(page, `Claim vested shares of application #${id}`);

  const sharesAfter = await balanceOf(shares);
  // Vesting is linear, so a little more vested between the read and the claim.
  expect(sharesAfter - sharesBefore).toBeGreaterThanOrEqual(claimableShares);
  await expect(page.getByTestId("my-shares")).toContainText(`You hold ${sharesText(sharesAfter)}`);
  // The confirmation says what the claim paid, read from the receipt.
  await expect(
    txEntry(page, `Claim vested shares of application #${id}`).getByTestId("tx-outcome"),
  ).toHaveText(`You received ${sharesText(sharesAfter - sharesBefore)}.`);

  // Returns: ETH and tUSD have been paid into the pool since Ben's first claim.
  const claimable = async (asset: `0x${string}`) =>
    client.readContract({
      address: shares,
      abi: abis.shares,
      functionName: "claimable",
      args: [researcher, asset],
    });
  const ethClaimable = await claimable(zeroAddress);
  const usdClaimable = await claimable(testUsd);
  expect(ethClaimable).toBeGreaterThan(0n);
  expect(usdClaimable).toBeGreaterThan(0n);
  const usdBefore = await balanceOf(testUsd);
  const ethBefore = await client.getBalance({ address: researcher });

  const claimAll = page.getByTestId("claim-all");
  await expect(claimAll).toBeEnabled();
  await claimAll.click();
  await expectConfirmed(page, "Claim all returns");

  expect(await claimable(zeroAddress)).toBe(0n);
  expect(await claimable(testUsd)).toBe(0n);
  const usdAfter = await balanceOf(testUsd);
  expect(usdAfter - usdBefore).toBe(usdClaimable);
  // ETH: the claim minus the gas of the transaction (far below the claim).
  expect(await client.getBalance({ address: researcher })).toBeGreaterThan(ethBefore);
  await expect(page.getByTestId("claimable-ETH")).toHaveText("0 ETH");
  await expect(page.getByTestId("claimable-tUSD")).toHaveText("0 tUSD");
  await expect(claimAll).toBeDisabled();
});

test("a researcher refunds the deposit of an application a trustee estimated, with one button", async ({
  page,
}) => {
  const researcher = await devAccount(17);
  const trustee = await devAccount(4);
  const deposit = 10n ** 15n;
  const round = await roundInCommitPhase(researcher, 15n * 60n, { deposit });
  const id = round.applicationId;
  // Trustee 4 commits and reveals an estimate for it (set-up through the SDK's builders).
  const salts = memorySaltStore();
  const rounds = fundAddress("GrantRounds");
  const { steps } = await commitEstimates(client, { GrantRounds: rounds }, salts, {
    chainId: await client.getChainId(),
    trustee,
    estimates: [{ applicationId: id, probabilityBps: 5000, effortMonths: 6, stipend: 0n }],
  });
  await sendSteps(trustee, steps);
  await intoRevealPhase(round);
  const [key] = salts.list();
  if (key === undefined) throw new Error("no salt record");
  await sendSteps(trustee, revealEstimates(salts, [key]).steps);

  await openAs(page, "researcher", 17);
  const mine = page.getByTestId(`my-application-${id}`);
  await expect(mine.getByTestId(`deposit-${id}`)).toContainText("refundable");
  const before = await client.getBalance({ address: rounds });
  await mine.getByTestId(`refund-deposit-${id}`).click();
  await expectConfirmed(page, `Refund the deposit of application #${id}`);
  await expect(mine.getByTestId(`deposit-${id}`)).toContainText("refunded");
  expect(await client.getBalance({ address: rounds })).toBe(before - deposit);
  const application = await client.readContract({
    address: rounds,
    abi: abis.rounds,
    functionName: "application",
    args: [id],
  });
  expect(application.depositRefunded).toBe(true);
});
