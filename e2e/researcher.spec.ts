import { expect, test } from "@playwright/test";
import { type Address, keccak256, parseEther, toBytes, zeroAddress } from "viem";

import { encodeActionArgs } from "@fef/sdk/actionKinds";
import { commitEstimates, revealEstimates } from "@fef/sdk/actions/grants";
import { ETH_ADDRESS } from "@fef/sdk/assets";
import { memorySaltStore } from "@fef/sdk/salts";

import {
  abis,
  client,
  devAccount,
  fundAddress,
  fundContract,
  latestTimestamp,
  passProposal,
} from "./support/chain.js";
import { expectConfirmed, openAs, sharesText, txEntry } from "./support/dashboard.js";
import { atEachViewport } from "./support/roles.js";
import { intoRevealPhase, roundInCommitPhase, sendSteps } from "./support/rounds.js";

const APPLICATION_FUNDED = 2; // IGrantRounds.ApplicationStatus.Funded

test("a researcher claims vested shares, then claims all returns", async ({ page }) => {
  const rounds = fundContract("GrantRounds");
  const shares = fundAddress("FundShares");
  const testUsd = fundAddress("TestToken");
  // Ben (dev account 7): funded in round 1, claimed once early, so he holds shares that have earned
  // returns since and has more shares vested.
  const researcher = await devAccount(7);
  const balanceOf = (token: Address) =>
    client.readContract({ address: token, abi: abis.erc20, functionName: "balanceOf", args: [researcher] });

  const count = await rounds.read.applicationCount();
  let applicationId: bigint | undefined;
  for (let id = 1n; id <= count && applicationId === undefined; id++) {
    const a = await rounds.read.application([id]);
    if (a.researcher === researcher && a.status === APPLICATION_FUNDED) applicationId = id;
  }
  if (applicationId === undefined) throw new Error("dev account 7 has no funded application");
  const id = applicationId;

  const claimableShares = await rounds.read.claimableShares([id]);
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
    fundContract("FundShares").read.claimable([researcher, asset]);
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
  const application = await fundContract("GrantRounds").read.application([id]);
  expect(application.depositRefunded).toBe(true);
});

// A researcher's main path, on a phone and a desktop: each run opens its own round.
atEachViewport((viewport) => {
  test(`${viewport.name}: a researcher applies with a title, a checked link and a described proposal whose hash the dashboard computes`, async ({
    page,
  }) => {
    const rounds = fundAddress("GrantRounds");
    const now = await latestTimestamp();
    const hour = 3_600n;
    await passProposal(
      "OpenRound",
      encodeActionArgs("OpenRound", [
        {
          sharePool: 1_000n * 10n ** 18n,
          applicationDeadline: now + 24n * hour,
          commitDeadline: now + 48n * hour,
          revealDeadline: now + 72n * hour,
          vestingCliff: 0n,
          vestingDuration: 30n * 24n * hour,
          stipendAsset: ETH_ADDRESS,
          stipendBudget: parseEther("1"),
          applicationDeposit: 0n,
        },
      ]),
    );
    const roundId = await fundContract("GrantRounds").read.roundCount();
    const researcher = await openAs(page, "researcher", 19);
    await page.getByTestId("apply-round").selectOption(roundId.toString());

    const description = "We train sparse probes on reward-model activations and publish the code.";
    await page.getByTestId("apply-title").fill("Sparse reward-model probes");
    await page.getByTestId("apply-uri").fill("javascript:alert(1)");
    await page.getByTestId("apply-description").fill(description);
    await page.getByTestId("apply-effort").fill("9");
    await page.getByTestId("apply-stipend").fill("2");
    await page.getByTestId("apply-submit").click();
    // The link and the stipend are refused in words, before any transaction.
    await expect(
      page.getByText("Proposal link must start with https://, http:// or ipfs://", { exact: false }),
    ).toBeVisible();
    await expect(
      page.getByText("The stipend requested is more than the round's whole stipend budget (1 ETH)."),
    ).toBeVisible();
    await expect(page.getByText("needs a proposal URI")).toHaveCount(0);
    const hash = keccak256(toBytes(description));
    await expect(page.getByTestId("apply-hash")).toContainText(hash.slice(0, 6));

    const before = await fundContract("GrantRounds").read.applicationCount();
    await page
      .getByTestId("apply-uri")
      .fill("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");
    await page.getByTestId("apply-stipend").fill("0.5");
    await page.getByTestId("apply-submit").click();
    await expectConfirmed(page, "Submit application");

    const id = before + 1n;
    const application = await fundContract("GrantRounds").read.application([id]);
    expect(application.researcher).toBe(researcher);
    expect(application.title).toBe("Sparse reward-model probes");
    expect(application.stipendRequested).toBe(parseEther("0.5"));
    const [submitted] = await client.getContractEvents({
      address: rounds,
      abi: abis.rounds,
      eventName: "ApplicationSubmitted",
      args: { applicationId: id },
      fromBlock: 0n,
      strict: true,
    });
    expect(submitted?.args.uri).toBe("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");
    expect(submitted?.args.contentHash).toBe(hash);
    // The researcher's list shows the title and, from the history, the proposal's link.
    const mine = page.getByTestId(`my-application-${id}`);
    await expect(mine).toContainText("Sparse reward-model probes");
    await expect(mine).toContainText("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");
  });
});
