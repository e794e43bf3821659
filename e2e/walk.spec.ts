// The newcomer's walk at a phone's width (390 px) and a desktop's (1440 px): the council queue with its
// review step, batch commit and reveal, the allowlist proof looked up, the Promise in words before
// signing, URIs refused in plain words, and — last, since it moves chain time — the local dev panel
// and faucet with which a company pays its tUSD Promise.
import { expect, test } from "@playwright/test";
import { parseUnits } from "viem";

import { abis, client, devAccount, fundAddress, latestTimestamp, nonceOf } from "./support/chain.js";
import { amountText, expectConfirmed, openAs } from "./support/dashboard.js";
import { atEachViewport } from "./support/roles.js";
import { estimateOnChain, intoRevealPhase, roundInCommitPhase } from "./support/rounds.js";

const DAY = 86_400n;

/** The council's threshold and trustees now. */
async function council() {
  const address = fundAddress("TrusteeCouncil");
  const [threshold, trustees, count] = await Promise.all([
    client.readContract({ address, abi: abis.council, functionName: "threshold" }),
    client.readContract({ address, abi: abis.council, functionName: "trustees" }),
    client.readContract({ address, abi: abis.council, functionName: "proposalCount" }),
  ]);
  return { address, threshold, trustees, count };
}

atEachViewport((viewport) => {
  test(`${viewport.name}: a proposal is reviewed before it is proposed and before it is approved, with its warnings; queue and history`, async ({
    page,
  }) => {
    const before = await council();
    const proposer = await openAs(page, "trustee", 1);
    await page.getByTestId("proposal-kind").selectOption("ChangeThreshold");
    await page.getByTestId("proposal-threshold").fill("1");
    const nonce = await nonceOf(proposer);
    await page.getByTestId("proposal-submit").click();

    // The review: decoded, effects and the threshold-of-1 warning; nothing sent yet.
    const review = page.getByTestId("proposal-review");
    await expect(review).toContainText("Change the threshold to 1 approval");
    await expect(page.getByTestId("proposal-review-warnings")).toContainText(
      "A threshold of 1 lets any single trustee pass any proposal alone",
    );
    await expect(page.getByTestId("proposal-review-effects")).toContainText(
      `Every later proposal needs 1 of ${before.trustees.length} trustees' approvals (now ${before.threshold}).`,
    );
    await review.locator("summary").click();
    await expect(page.getByTestId("proposal-review-fields")).toContainText("newThreshold");
    expect(await nonceOf(proposer)).toBe(nonce);
    await expect(page.getByTestId("tx-entry")).toHaveCount(0);

    await page.getByTestId("proposal-confirm").click();
    await expectConfirmed(page, "Propose: Change threshold");
    const id = before.count + 1n;
    expect((await council()).count).toBe(id);
    const stored = await client.readContract({
      address: before.address,
      abi: abis.council,
      functionName: "proposal",
      args: [id],
    });
    expect(stored.kind).toBe(2); // ActionKind.ChangeThreshold
    // The proposer's own queue does not ask the proposer again.
    await expect(page.getByTestId("needs-your-approval").getByTestId(`proposal-${id}`)).toHaveCount(0);
    await expect(page.getByTestId(`proposal-${id}`)).toHaveAttribute("data-state", "open");

    // Another trustee sees it under "Needs your approval"; approving opens the same review first.
    await openAs(page, "trustee", 2);
    const mine = page.getByTestId("needs-your-approval").getByTestId(`proposal-${id}`);
    await expect(mine).toBeVisible();
    await mine.getByTestId(`approve-${id}`).click();
    await expect(mine.getByTestId(`proposal-${id}-review-warnings`)).toContainText(
      "A threshold of 1 lets any single trustee pass any proposal alone",
    );
    // Cancelled: nothing approved, the proposal still waits.
    await mine.getByRole("button", { name: "Cancel" }).click();
    await expect(mine.getByTestId(`approve-confirm-${id}`)).toHaveCount(0);
    expect(
      await client.readContract({
        address: before.address,
        abi: abis.council,
        functionName: "hasApproved",
        args: [id, await devAccount(2)],
      }),
    ).toBe(false);

    // History: executed proposals of the seed, never in the queue.
    await page.getByTestId("proposals-tab-history").click();
    const history = page.getByTestId("proposals-history");
    await expect(history.locator("[data-state='executed']").first()).toBeVisible();
    await expect(history.locator("[data-state='open']")).toHaveCount(0);
    await expect(history.locator("[data-state='ready']")).toHaveCount(0);
  });

  test(`${viewport.name}: a URI that is not http(s) or ipfs is refused in plain words and nothing is sent`, async ({
    page,
  }) => {
    const trustee = await openAs(page, "trustee", 1);
    const nonce = await nonceOf(trustee);
    await page.getByTestId("proposal-kind").selectOption("RegisterTechnique");
    await page.getByTestId("proposal-title").fill("Harmless title");
    const uri = page.getByTestId("proposal-uri");
    await uri.fill("javascript:alert(1)");
    await page.getByTestId("proposal-contentHash").fill(`0x${"ab".repeat(32)}`);
    await page.getByTestId("proposal-applicationIds").fill("1");
    await page.getByTestId("proposal-submit").click();
    await expect(uri).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("URI must start with https://, http:// or ipfs://")).toBeVisible();
    await expect(page.getByTestId("proposal-review")).toHaveCount(0);
    await expect(page.getByTestId("tx-entry")).toHaveCount(0);
    expect(await nonceOf(trustee)).toBe(nonce);
  });

  test(`${viewport.name}: a trustee commits two estimates in one transaction and reveals both in one, with the council's progress`, async ({
    page,
  }) => {
    const researcher = await devAccount(17);
    const round = await roundInCommitPhase(researcher, 15n * 60n, { applications: 2 });
    const [first, second] = round.applicationIds;
    if (first === undefined || second === undefined) throw new Error("two applications expected");
    const trustee = await openAs(page, "trustee", 3);
    const card = page.getByTestId(`round-${round.roundId}`);
    await expect(card).toHaveAttribute("data-phase", "committing");
    await expect(card.getByTestId(`round-deadline-${round.roundId}`)).toContainText(
      "Commit your estimates by",
    );
    await expect(card.getByTestId(`trustee-progress-${round.roundId}`)).toContainText("0 of 5 committed");

    await card.getByTestId(`estimate-input-${first}`).fill("40");
    await card.getByTestId(`estimate-input-${second}`).fill("12.5");
    const commit = card.getByTestId(`commit-selected-${round.roundId}`);
    await expect(commit).toContainText("Commit 2 selected estimates (one transaction)");
    const nonce = await nonceOf(trustee);
    await commit.click();
    await expectConfirmed(page, `Commit my selected estimates in round #${round.roundId}`);
    expect(await nonceOf(trustee)).toBe(nonce + 1);
    for (const id of [first, second]) expect((await estimateOnChain(id, trustee)).revealed).toBe(false);
    await expect(card.getByTestId(`trustee-progress-${round.roundId}`)).toContainText("1 of 5 committed");
    await expect(card.getByTestId(`trustee-record-${round.roundId}-${trustee.toLowerCase()}`)).toContainText(
      "committed 2",
    );

    await intoRevealPhase(round);
    await page.reload();
    await expect(page.getByTestId("account-address")).toHaveAttribute("title", trustee);
    await expect(card).toHaveAttribute("data-phase", "revealing");
    await expect(card.getByTestId(`round-deadline-${round.roundId}`)).toContainText(
      "Reveal your estimates by",
    );
    const reveal = card.getByTestId(`reveal-all-${round.roundId}`);
    await expect(reveal).toContainText("Reveal 2 selected estimates (one transaction)");
    await reveal.click();
    await expectConfirmed(page, `Reveal my estimates in round #${round.roundId}`);
    expect(await nonceOf(trustee)).toBe(nonce + 2);
    expect(await estimateOnChain(first, trustee)).toMatchObject({ revealed: true, probabilityBps: 4000 });
    expect(await estimateOnChain(second, trustee)).toMatchObject({ revealed: true, probabilityBps: 1250 });
    await expect(card.getByTestId(`trustee-record-${round.roundId}-${trustee.toLowerCase()}`)).toContainText(
      "revealed all",
    );
  });

  test(`${viewport.name}: an allowlisted investor's proof is looked up in the published allowlist; another account is told it is not on it`, async ({
    page,
  }) => {
    const offeringId = 2n;
    await openAs(page, "investor", 15); // Priya, on the seed's allowlist
    const status = page.getByTestId(`allowlist-status-${offeringId}`);
    await expect(status).toContainText(
      "You are on the allowlist: your proof was found in the published allowlist and checks against the offering's root",
    );
    await expect(page.getByTestId(`subscribe-proof-${offeringId}`)).toHaveValue("");
    await openAs(page, "investor", 16);
    await expect(status).toContainText("Your account is not on this offering's allowlist.");
  });

  test(`${viewport.name}: the Promise is shown in words before the wallet signs it`, async ({ page }) => {
    await openAs(page, "company", 10);
    await page.getByTestId("pfr-technique-1").check();
    await page.getByTestId("pfr-model-name").fill("Northwind draft");
    await page.getByTestId("pfr-model-doc-text").fill("Northwind draft model card");
    await page.getByTestId("pfr-model-doc-use-text").click();
    await expect(page.getByTestId("pfr-model-hash")).toHaveValue(/^0x[0-9a-f]{64}$/);
    await page.getByTestId("pfr-share").fill("2");
    await page.getByTestId("pfr-sign").click();
    const summary = page.getByTestId("pfr-summary");
    await expect(summary).toContainText("Company #1 promises 2% of the returns of “Northwind draft”");
    await expect(summary).toContainText(`Nonce ${await summary.getAttribute("data-nonce")};`);
    // Nothing signed until the signer confirms.
    await expect(page.getByTestId("pfr-signed")).toHaveCount(0);
    await page.getByTestId("pfr-sign-confirm").click();
    await expect(page.getByTestId("pfr-signed")).toContainText("promises 2% of the returns");
  });
});

// Last: moving chain time changes every later phase, so these run after the others at both widths.
atEachViewport((viewport) => {
  test(`${viewport.name}: on the local chain the dev panel moves time to the next phase, and after the faucet a company pays its tUSD Promise`, async ({
    page,
  }) => {
    // A round of its own, so a next phase lies ahead whatever other tests did to chain time.
    await roundInCommitPhase(await devAccount(17), DAY);
    const admin = await openAs(page, "company", 11); // Helix Labs, which reports in tUSD
    const panel = page.getByTestId("dev-panel");
    await expect(panel).toBeVisible();

    // Next phase: chain time lands just past the moment the panel names.
    const next = panel.getByTestId("dev-next-phase");
    const at = BigInt((await next.getAttribute("data-at")) ?? "0");
    expect(at).toBeGreaterThan(await latestTimestamp());
    await panel.getByTestId("dev-next-phase-button").click();
    await expect(panel.getByTestId("dev-panel-message")).toContainText("Chain time moved forward");
    expect(await latestTimestamp()).toBeGreaterThan(at);

    // A month on: Helix's next monthly period has ended.
    const monthFrom = await latestTimestamp();
    await panel.getByTestId("dev-plus-30-days").click();
    await expect(panel.getByTestId("dev-panel-message")).toContainText("30 days");
    expect(await latestTimestamp()).toBeGreaterThanOrEqual(monthFrom + 30n * DAY);

    // The faucet: 10,000 tUSD to the connected account.
    const usd = fundAddress("TestToken");
    const decimals = await client.readContract({ address: usd, abi: abis.erc20, functionName: "decimals" });
    const balance = () =>
      client.readContract({ address: usd, abi: abis.erc20, functionName: "balanceOf", args: [admin] });
    const before = await balance();
    await panel.getByTestId("dev-faucet").click();
    await expectConfirmed(page, "Get 10,000 tUSD from the test faucet");
    expect(await balance()).toBe(before + parseUnits("10000", decimals));

    // Helix reports its ended period and pays in tUSD.
    const registry = fundAddress("ReturnsRegistry");
    const count = await client.readContract({
      address: registry,
      abi: abis.registry,
      functionName: "commitmentCount",
    });
    let id = 0n;
    for (let c = count; c >= 1n && id === 0n; c--) {
      const commitment = await client.readContract({
        address: registry,
        abi: abis.registry,
        functionName: "commitment",
        args: [c],
      });
      if (commitment.companyId === 2n) id = c;
    }
    expect(id).toBeGreaterThan(0n);
    const compliance = await client.readContract({
      address: registry,
      abi: abis.registry,
      functionName: "compliance",
      args: [id],
    });
    expect(compliance.periodsElapsed).toBeGreaterThan(compliance.periodsReported);
    const gross = parseUnits("2000", decimals);
    const due = await client.readContract({
      address: registry,
      abi: abis.registry,
      functionName: "dueAmount",
      args: [id, gross],
    });
    const card = page.getByTestId(`my-commitment-${id}`);
    await card.getByTestId(`report-asset-${id}`).selectOption(usd);
    await card.getByTestId(`report-gross-${id}`).fill("2000");
    await card.getByTestId(`report-evidence-doc-${id}-text`).fill("Helix accounts for the month");
    await card.getByTestId(`report-evidence-doc-${id}-use-text`).click();
    await expect(card).toContainText(`Due to the Fund: ${amountText(due, decimals, "tUSD")}.`);
    const paidBefore = await balance();
    await card.getByTestId(`report-pay-${id}`).click();
    await expectConfirmed(page, `Report period ${compliance.periodsReported} of commitment #${id} and pay`);
    expect(await balance()).toBe(paidBefore - due);
    const after = await client.readContract({
      address: registry,
      abi: abis.registry,
      functionName: "compliance",
      args: [id],
    });
    expect(after.periodsReported).toBe(compliance.periodsReported + 1n);
  });
}, "moving time");
