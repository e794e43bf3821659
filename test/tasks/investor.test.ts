import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { parseEther, parseUnits } from "ethers";

import type { OfferingClaimSummary, SubscribeSummary } from "../../tasks/investor.js";
import {
  SHARE,
  account,
  ethers,
  expectTaskError,
  loadFund,
  networkHelpers,
  openOffering,
  runTask,
} from "../helpers/tasks.js";

const { time } = networkHelpers;

describe("investor tasks", () => {
  describe("offering:subscribe", () => {
    it("buys shares in an ETH offering at the quoted cost, paid into the capital pool", async () => {
      const fund = await loadFund();
      const { offeringId } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      const investor = account(fund.signers, 13);
      const cost = await fund.offerings.quote(offeringId, 150n * SHARE + SHARE / 2n);

      const summary = await runTask<SubscribeSummary>(fund, "offering:subscribe", {
        offering: offeringId.toString(),
        shares: "150.5",
        from: "13",
      });
      expect(summary.investor).to.equal(investor.address);
      expect(summary.shares).to.equal(150n * SHARE + SHARE / 2n);
      expect(summary.cost).to.equal(cost);
      expect(summary.approval).to.equal(undefined);
      expect(summary.pendingShares).to.equal(summary.shares);
      expect(await fund.offerings.pendingShares(offeringId, investor.address)).to.equal(summary.shares);
      expect((await fund.pool.books(ethers.ZeroAddress)).capitalIn).to.equal(cost);
    });

    it("approves the ERC-20 first when the allowance is short", async () => {
      const fund = await loadFund();
      const tUsd = await fund.testUsd.getAddress();
      const { offeringId } = await openOffering(fund, tUsd, parseUnits("2.5", 6));
      const investor = account(fund.signers, 14);
      await (await fund.testUsd.mint(investor.address, parseUnits("1000", 6))).wait();

      const summary = await runTask<SubscribeSummary>(fund, "offering:subscribe", {
        offering: offeringId.toString(),
        shares: "100",
        from: investor.address,
      });
      expect(summary.asset).to.deep.equal({ address: tUsd, symbol: "tUSD", decimals: 6 });
      expect(summary.cost).to.equal(parseUnits("250", 6));
      expect(summary.approval).to.match(/^0x[0-9a-f]{64}$/);
      expect(await fund.testUsd.balanceOf(investor.address)).to.equal(parseUnits("750", 6));
      expect((await fund.pool.books(tUsd)).capitalIn).to.equal(parseUnits("250", 6));
    });

    it("subscribes to an allowlisted offering with a Merkle proof, and refuses without one", async () => {
      const fund = await loadFund();
      const [ivy, omar] = [13, 14].map((index) => account(fund.signers, index));
      const tree = StandardMerkleTree.of([[ivy?.address], [omar?.address]], ["address"]);
      const { offeringId } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"), tree.root);
      const id = offeringId.toString();

      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: id, shares: "10", from: "13" },
        `is not on the allowlist of offering ${id} (pass --proof with its Merkle proof)`,
      );
      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: id, shares: "10", from: "13", proof: "[0x12" },
        "--proof: malformed JSON",
      );
      expect(await fund.offerings.pendingShares(offeringId, ivy?.address ?? "")).to.equal(0n);

      const proof = JSON.stringify(tree.getProof(0));
      const summary = await runTask<SubscribeSummary>(fund, "offering:subscribe", {
        offering: id,
        shares: "10",
        from: "13",
        proof,
      });
      expect(summary.shares).to.equal(10n * SHARE);
      expect(await fund.offerings.pendingShares(offeringId, ivy?.address ?? "")).to.equal(10n * SHARE);
    });

    it("rejects negative or non-numeric shares, an unknown offering and a short balance", async () => {
      const fund = await loadFund();
      const tUsd = await fund.testUsd.getAddress();
      const { offeringId } = await openOffering(fund, tUsd, parseUnits("2.5", 6));
      const id = offeringId.toString();
      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: id, shares: "-5" },
        "--shares: must not be negative (got -5)",
      );
      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: id, shares: "ten" },
        '--shares: "ten" is not a decimal number',
      );
      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: id, shares: "0" },
        "--shares: must be greater than zero",
      );
      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: "2", shares: "1" },
        "--offering: offering 2 does not exist (ids run from 1 to 1)",
      );
      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: id, shares: "10", from: "15" },
        `--from ${account(fund.signers, 15).address}: holds 0.0 tUSD, but 10.0 shares cost 25.0 tUSD`,
      );
      expect((await fund.offerings.offering(offeringId)).sharesSold).to.equal(0n);
    });

    it("explains a revert in words: subscribing after the window", async () => {
      const fund = await loadFund();
      const { offeringId, end } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await time.increaseTo(end + 1);
      await expectTaskError(
        fund,
        "offering:subscribe",
        { offering: offeringId.toString(), shares: "10", from: "13" },
        `OfferingsEnded(offeringId: ${offeringId}, end: ${end}`,
      );
    });
  });

  describe("offering:claim", () => {
    it("mints the subscribed shares after the window", async () => {
      const fund = await loadFund();
      const { offeringId, end } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await runTask(fund, "offering:subscribe", {
        offering: offeringId.toString(),
        shares: "40",
        from: "13",
      });
      await time.increaseTo(end + 1);

      const summary = await runTask<OfferingClaimSummary>(fund, "offering:claim", {
        offering: offeringId.toString(),
      });
      const investor = account(fund.signers, 13).address;
      expect(summary.investor).to.equal(investor);
      expect(summary.shares).to.equal(40n * SHARE);
      expect(await fund.shares.balanceOf(investor)).to.equal(40n * SHARE);
      expect(await fund.offerings.pendingShares(offeringId, investor)).to.equal(0n);
    });

    it("refuses an account without subscribed shares, and explains claiming before the window ends", async () => {
      const fund = await loadFund();
      const { offeringId } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await runTask(fund, "offering:subscribe", {
        offering: offeringId.toString(),
        shares: "40",
        from: "13",
      });
      await expectTaskError(
        fund,
        "offering:claim",
        { offering: offeringId.toString(), from: "14" },
        `has no subscribed shares to claim in offering ${offeringId}`,
      );
      await expectTaskError(
        fund,
        "offering:claim",
        { offering: offeringId.toString() },
        "OfferingsNotSettled(offeringId: 1",
      );
      expect(await fund.shares.balanceOf(account(fund.signers, 13).address)).to.equal(0n);
    });
  });
});
