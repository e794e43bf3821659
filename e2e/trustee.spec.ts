import { expect, test } from "@playwright/test";
import { decodeAbiParameters, zeroHash } from "viem";

import { devAccount, fundContract, increaseTime, latestTimestamp } from "./support/chain.js";
import { expectConfirmed, openAs } from "./support/dashboard.js";

const SET_SHARE_TRANSFERS = 6; // ITrusteeCouncil.ActionKind.SetTransfersEnabled
const APPLICATION_PENDING = 1; // IGrantRounds.ApplicationStatus.Pending

test("trustee 3 approves the pending 'enable share transfers' proposal and executes it", async ({ page }) => {
  const council = fundContract("TrusteeCouncil");
  const shares = fundContract("FundShares");
  const trustee = await devAccount(3);

  // The seed leaves one open proposal to turn transfers on, approved by trustees 1 and 2.
  const count = await council.read.proposalCount();
  let proposalId: bigint | undefined;
  for (let id = count; id >= 1n && proposalId === undefined; id--) {
    const p = await council.read.proposal([id]);
    if (p.kind !== SET_SHARE_TRANSFERS || p.executed) continue;
    const [enable] = decodeAbiParameters([{ type: "bool" }], p.args);
    if (enable) proposalId = id;
  }
  if (proposalId === undefined) throw new Error("no open proposal to enable share transfers");
  const id = proposalId;
  expect(await shares.read.transfersEnabled()).toBe(false);
  expect(await council.read.hasApproved([id, trustee])).toBe(false);

  await openAs(page, "trustee", 3);
  const card = page.getByTestId(`proposal-${id}`);
  await expect(card).toHaveAttribute("data-state", "open");
  await expect(card.getByTestId(`proposal-${id}-text`)).toContainText(/transfers/i);
  await expect(card).toContainText("2 of 3 approvals");

  // It waits for this trustee: listed under "Needs your approval", approved only after a review.
  await expect(page.getByTestId("needs-your-approval").getByTestId(`proposal-${id}`)).toBeVisible();
  await card.getByTestId(`approve-${id}`).click();
  const review = card.getByTestId(`proposal-${id}-review`);
  await expect(review).toContainText("Turn share transfers between holders on");
  await expect(review.getByTestId(`proposal-${id}-review-effects`)).toContainText(
    "Holders may send shares to each other.",
  );
  await card.getByTestId(`approve-confirm-${id}`).click();
  await expectConfirmed(page, `Approve proposal #${id}`);
  await expect(page.getByTestId("ready-to-execute").getByTestId(`proposal-${id}`)).toBeVisible();
  await expect(page.getByTestId("needs-your-approval").getByTestId(`proposal-${id}`)).toHaveCount(0);
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card).toContainText("ready to execute");
  expect(await council.read.hasApproved([id, trustee])).toBe(true);

  await card.getByTestId(`execute-${id}`).click();
  await expectConfirmed(page, `Execute proposal #${id}`);
  // Executed, it leaves the queue for the History tab.
  await expect(page.getByTestId("proposals-panel-queue").getByTestId(`proposal-${id}`)).toHaveCount(0);
  await page.getByTestId("proposals-tab-history").click();
  await expect(card).toHaveAttribute("data-state", "executed");
  await expect(card.getByTestId(`approve-${id}`)).toHaveCount(0);
  await expect(card.getByTestId(`execute-${id}`)).toHaveCount(0);
  expect((await council.read.proposal([id])).executed).toBe(true);
  expect(await shares.read.transfersEnabled()).toBe(true);
});

test("trustee 2 commits an estimate, and after the commit deadline reveals it from the salt the dashboard kept", async ({
  page,
}) => {
  const rounds = fundContract("GrantRounds");
  const trustee = await devAccount(2);

  // Round 2 of the seed is in its commit phase (other tests open rounds of their own and move them on):
  // take the newest round in its commit phase, then one of its applications trustee 2 has not estimated.
  const now = await latestTimestamp();
  let roundId = await rounds.read.roundCount();
  const roundOf = (id: bigint) => rounds.read.round([id]);
  let round = await roundOf(roundId);
  while (roundId > 1n && !(round.params.applicationDeadline < now && now <= round.params.commitDeadline))
    round = await roundOf(--roundId);
  expect(await latestTimestamp()).toBeLessThanOrEqual(round.params.commitDeadline);
  const applicationCount = await rounds.read.applicationCount();
  let applicationId: bigint | undefined;
  for (let id = applicationCount; id >= 1n && applicationId === undefined; id--) {
    const a = await rounds.read.application([id]);
    if (a.roundId !== roundId || a.status !== APPLICATION_PENDING) continue;
    const { status } = await rounds.read.estimateOf([id, trustee]);
    if (status === 0 && a.researcher.toLowerCase() !== trustee.toLowerCase()) applicationId = id;
  }
  if (applicationId === undefined)
    throw new Error(`no application of round ${roundId} awaits trustee 2's estimate`);
  const id = applicationId;

  await openAs(page, "trustee", 2);
  const roundCard = page.getByTestId(`round-${roundId}`);
  await expect(roundCard).toHaveAttribute("data-phase", "committing");
  const row = roundCard.getByTestId(`application-${id}`);
  // Typing a probability selects the application into the batch; one transaction commits the batch.
  await row.getByTestId(`estimate-input-${id}`).fill("37.5");
  await expect(row.getByTestId(`select-${id}`)).toBeChecked();
  const commit = roundCard.getByTestId(`commit-selected-${roundId}`);
  await expect(commit).toContainText("Commit 1 selected estimate (one transaction)");
  await commit.click();
  await expectConfirmed(page, `Commit my selected estimates in round #${roundId}`);
  await expect(row.getByTestId(`estimate-state-${id}`)).toContainText("Committed (37.5%");

  const committed = await rounds.read.estimateOf([id, trustee]);
  expect(committed.sealedEstimate).not.toBe(zeroHash);
  expect(committed.status).toBe(2); // Committed

  // Past the commit deadline (read fresh), into the reveal phase.
  await increaseTime(round.params.commitDeadline - (await latestTimestamp()) + 1n);
  expect(await latestTimestamp()).toBeGreaterThan(round.params.commitDeadline);

  await page.reload();
  await expect(page.getByTestId("account-address")).toHaveAttribute("title", trustee);
  await expect(roundCard).toHaveAttribute("data-phase", "revealing");
  const reveal = roundCard.getByTestId(`reveal-all-${roundId}`);
  await expect(reveal).toContainText("Reveal 1 selected estimate");
  await reveal.click();
  await expectConfirmed(page, `Reveal my estimates in round #${roundId}`);
  await expect(row.getByTestId(`estimate-state-${id}`)).toContainText("Revealed: 37.5%");

  const revealed = await rounds.read.estimateOf([id, trustee]);
  expect(revealed.status).toBe(3); // Revealed
  expect(revealed.probabilityBps).toBe(3750);
});
