import { expect, test } from "@playwright/test";
import { type Address, zeroAddress } from "viem";

import { abis, client, devAccount, fundAddress } from "./support/chain.js";
import { expectConfirmed, openAs, sharesText } from "./support/dashboard.js";

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
