import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { parseEther, parseUnits } from "ethers";

import { encodeActionParams } from "@fef/sdk/proposals";

import type { OfferingClaimSummary, OfferingSettleSummary, SubscribeSummary } from "../../tasks/investor.js";
import { SHARE, type TaskFund, ethers, loadTaskFund, openOffering, pass, time } from "../helpers/tasks.js";

/** An open ETH offering at 0.01 ETH per share in which accounts 13 and 14 bought 150 and 50 shares. */
async function ethOfferingWithSubscriptions(fund: TaskFund) {
  const opened = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
  for (const [from, shares] of [
    ["13", "150"],
    ["14", "50"],
  ] as const) {
    await fund.run("offering:subscribe", { offering: opened.offeringId.toString(), shares, from });
  }
  return { ...opened, raised: parseEther("2") };
}

describe("investor tasks", () => {
  describe("offering:subscribe", () => {
    it("buys shares in an ETH offering at the quoted cost, held in escrow until the offering settles", async () => {
      const fund = await loadTaskFund();
      const { offeringId } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      const investor = fund.account(13);
      const cost = await fund.offerings.quote(offeringId, 150n * SHARE + SHARE / 2n);

      const summary = await fund.run<SubscribeSummary>("offering:subscribe", {
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
      expect((await fund.offerings.offering(offeringId)).capitalRaised).to.equal(cost);
      expect(await ethers.provider.getBalance(fund.offerings)).to.equal(cost);
      expect((await fund.pool.books(ethers.ZeroAddress)).capitalIn).to.equal(0n);
    });

    it("approves the ERC-20 first when the allowance is short", async () => {
      const fund = await loadTaskFund();
      const tUsd = await fund.testUsd.getAddress();
      const { offeringId } = await openOffering(fund, tUsd, parseUnits("2.5", 6));
      const investor = fund.account(14);
      await (await fund.testUsd.mint(investor.address, parseUnits("1000", 6))).wait();

      const summary = await fund.run<SubscribeSummary>("offering:subscribe", {
        offering: offeringId.toString(),
        shares: "100",
        from: investor.address,
      });
      expect(summary.asset).to.deep.equal({ asset: tUsd, symbol: "tUSD", decimals: 6 });
      expect(summary.cost).to.equal(parseUnits("250", 6));
      expect(summary.approval).to.match(/^0x[0-9a-f]{64}$/);
      expect(await fund.testUsd.balanceOf(investor.address)).to.equal(parseUnits("750", 6));
      expect(await fund.testUsd.balanceOf(fund.offerings)).to.equal(parseUnits("250", 6));
      expect((await fund.offerings.offering(offeringId)).capitalRaised).to.equal(parseUnits("250", 6));
      expect((await fund.pool.books(tUsd)).capitalIn).to.equal(0n);
    });

    it("subscribes to an allowlisted offering with a Merkle proof, and refuses without one", async () => {
      const fund = await loadTaskFund();
      const [ivy, omar] = [13, 14].map((index) => fund.account(index));
      const tree = StandardMerkleTree.of([[ivy?.address], [omar?.address]], ["address"]);
      const { offeringId } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"), tree.root);
      const id = offeringId.toString();

      await fund.expectErrors("offering:subscribe", [
        [
          { offering: id, shares: "10", from: "13" },
          `is not on the allowlist of offering ${id} (pass --proof with its Merkle proof)`,
        ],
        [{ offering: id, shares: "10", from: "13", proof: "[0x12" }, "--proof: malformed JSON"],
      ]);
      expect(await fund.offerings.pendingShares(offeringId, ivy?.address ?? "")).to.equal(0n);

      const proof = JSON.stringify(tree.getProof(0));
      const summary = await fund.run<SubscribeSummary>("offering:subscribe", {
        offering: id,
        shares: "10",
        from: "13",
        proof,
      });
      expect(summary.shares).to.equal(10n * SHARE);
      expect(await fund.offerings.pendingShares(offeringId, ivy?.address ?? "")).to.equal(10n * SHARE);
    });

    it("rejects negative or non-numeric shares, an unknown offering and a short balance", async () => {
      const fund = await loadTaskFund();
      const tUsd = await fund.testUsd.getAddress();
      const { offeringId } = await openOffering(fund, tUsd, parseUnits("2.5", 6));
      const id = offeringId.toString();
      await fund.expectErrors("offering:subscribe", [
        [{ offering: id, shares: "-5" }, "--shares: must not be negative (got -5)"],
        [{ offering: id, shares: "ten" }, '--shares: "ten" is not a decimal number'],
        [{ offering: id, shares: "0" }, "--shares: must be greater than zero"],
        [{ offering: "2", shares: "1" }, "--offering: offering 2 does not exist (ids run from 1 to 1)"],
        [
          { offering: id, shares: "10", from: "15" },
          `--from ${fund.account(15).address}: holds 0.0 tUSD, but 10.0 shares cost 25.0 tUSD`,
        ],
      ]);
      expect((await fund.offerings.offering(offeringId)).sharesSold).to.equal(0n);
    });

    it("explains a revert in words: subscribing after the window", async () => {
      const fund = await loadTaskFund();
      const { offeringId, end } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await time.increaseTo(end + 1);
      await fund.expectError(
        "offering:subscribe",
        { offering: offeringId.toString(), shares: "10", from: "13" },
        `OfferingsEnded(offeringId: ${offeringId}, end: ${end}`,
      );
    });
  });

  describe("offering:claim", () => {
    /** An open ETH offering in which account 13 bought 40 shares. */
    async function subscribedForty() {
      const fund = await loadTaskFund();
      const opened = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await fund.run("offering:subscribe", {
        offering: opened.offeringId.toString(),
        shares: "40",
        from: "13",
      });
      return { fund, ...opened };
    }

    it("mints the subscribed shares after the window", async () => {
      const { fund, offeringId, end } = await subscribedForty();
      await time.increaseTo(end + 1);

      const summary = await fund.run<OfferingClaimSummary>("offering:claim", {
        offering: offeringId.toString(),
      });
      const investor = fund.account(13).address;
      expect(summary.investor).to.equal(investor);
      expect(summary.shares).to.equal(40n * SHARE);
      expect(await fund.shares.balanceOf(investor)).to.equal(40n * SHARE);
      expect(await fund.offerings.pendingShares(offeringId, investor)).to.equal(0n);
    });

    it("refuses an account without subscribed shares, and explains claiming before the window ends", async () => {
      const { fund, offeringId, end } = await subscribedForty();
      await fund.expectErrors("offering:claim", [
        [
          { offering: offeringId.toString(), from: "14" },
          `has no subscribed shares to claim in offering ${offeringId}`,
        ],
        [{ offering: offeringId.toString() }, `OfferingsWindowOpen(offeringId: ${offeringId}, end: ${end})`],
      ]);
      expect(await fund.shares.balanceOf(fund.account(13).address)).to.equal(0n);
    });
  });

  describe("offering:settle", () => {
    it("moves an ended offering's raise from escrow into the capital pool, for any account", async () => {
      const fund = await loadTaskFund();
      const { offeringId, end, raised } = await ethOfferingWithSubscriptions(fund);
      await time.increaseTo(end + 1);
      const settler = fund.account(19);
      const poolAddress = await fund.pool.getAddress();
      const offeringsAddress = await fund.offerings.getAddress();
      const balancesBefore = await Promise.all(
        [poolAddress, offeringsAddress].map((address) => ethers.provider.getBalance(address)),
      );

      const summary = await fund.run<OfferingSettleSummary>("offering:settle", {
        offering: offeringId.toString(),
        from: "19",
      });
      expect(summary).to.deep.include({
        offeringId,
        capital: raised,
        poolCapitalIn: raised,
        poolAvailable: raised,
      });
      expect(summary.asset.symbol).to.equal("ETH");
      const receipt = await ethers.provider.getTransactionReceipt(summary.transaction);
      expect(receipt?.from).to.equal(settler.address);
      const offering = await fund.offerings.offering(offeringId);
      expect([offering.settled, offering.capitalRaised]).to.deep.equal([true, raised]);
      expect(await ethers.provider.getBalance(offeringsAddress)).to.equal((balancesBefore[1] ?? 0n) - raised);
      expect(await ethers.provider.getBalance(poolAddress)).to.equal((balancesBefore[0] ?? 0n) + raised);
      expect(await fund.pool.availableCapital(ethers.ZeroAddress)).to.equal(raised);
    });

    it("settles an ERC-20 offering, and says in words where the raise went", async () => {
      const fund = await loadTaskFund();
      const tUsd = await fund.testUsd.getAddress();
      const { offeringId, end } = await openOffering(fund, tUsd, parseUnits("2.5", 6));
      const investor = fund.account(14);
      await (await fund.testUsd.mint(investor.address, parseUnits("100", 6))).wait();
      await fund.run("offering:subscribe", {
        offering: offeringId.toString(),
        shares: "40",
        from: "14",
      });
      await time.increaseTo(end + 1);

      const lines = await fund.runText("offering:settle", { offering: offeringId.toString() });
      expect(lines).to.deep.equal([
        `Offering #${offeringId} settled: 100.0 tUSD moved from escrow into the capital pool`,
        "  capital pool, tUSD: 100.0 tUSD in, 100.0 tUSD available for stipends",
      ]);
      expect(await fund.testUsd.balanceOf(fund.offerings)).to.equal(0n);
      expect(await fund.testUsd.balanceOf(fund.pool)).to.equal(parseUnits("100", 6));
      expect((await fund.pool.books(tUsd)).capitalIn).to.equal(parseUnits("100", 6));
    });

    it("settles an offering the council closed before its window ended", async () => {
      const fund = await loadTaskFund();
      const { offeringId, end, raised } = await ethOfferingWithSubscriptions(fund);
      await pass(fund, "CloseOffering", encodeActionParams("CloseOffering", [offeringId]));
      expect(await time.latest()).to.be.lessThan(end);

      const summary = await fund.run<OfferingSettleSummary>("offering:settle", {
        offering: offeringId.toString(),
      });
      expect(summary.capital).to.equal(raised);
      expect((await fund.pool.books(ethers.ZeroAddress)).capitalIn).to.equal(raised);
    });

    it("settles an offering that raised nothing without depositing anything", async () => {
      const fund = await loadTaskFund();
      const { offeringId, end } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await time.increaseTo(end + 1);

      const lines = await fund.runText("offering:settle", { offering: offeringId.toString() });
      expect(lines[0]).to.equal(
        `Offering #${offeringId} settled: it raised nothing, so nothing moved to the capital pool`,
      );
      expect((await fund.offerings.offering(offeringId)).settled).to.equal(true);
      expect((await fund.pool.books(ethers.ZeroAddress)).capitalIn).to.equal(0n);
    });

    it("refuses an unknown or malformed offering id, an open window and a second settlement", async () => {
      const fund = await loadTaskFund();
      const { offeringId, end, raised } = await ethOfferingWithSubscriptions(fund);
      const id = offeringId.toString();
      await fund.expectErrors("offering:settle", [
        [{ offering: "2" }, "--offering: offering 2 does not exist (ids run from 1 to 1)"],
        [{ offering: "-1" }, "--offering: must not be negative"],
        [{}, "--offering is required"],
      ]);
      await fund.expectError(
        "offering:settle",
        { offering: id },
        `--offering: the window of offering ${id} runs until ${new Date(end * 1000).toISOString().replace(".000Z", "Z")}; ` +
          "it can be settled after that (or once the council closes it); 2.0 ETH raised so far",
      );
      expect((await fund.offerings.offering(offeringId)).settled).to.equal(false);
      expect((await fund.pool.books(ethers.ZeroAddress)).capitalIn).to.equal(0n);

      await time.increaseTo(end + 1);
      await fund.run("offering:settle", { offering: id });
      await fund.expectError(
        "offering:settle",
        { offering: id },
        `--offering: offering ${id} is already settled (2.0 ETH moved into the capital pool)`,
      );
      expect((await fund.pool.books(ethers.ZeroAddress)).capitalIn).to.equal(raised);
    });
  });
});
