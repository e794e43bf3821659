import { expect } from "chai";
import { ZeroAddress, ZeroHash, parseEther } from "ethers";
import { network } from "hardhat";

import { ETH, at } from "../helpers/council.js";
import { NO_PAGE, SHARE, THRESHOLD, deployLensFund, page, populate } from "../helpers/lens.js";

const { ethers, networkHelpers } = await network.create();

const populated = () => populate(ethers, networkHelpers);

function query(
  viewer: string,
  overrides: Partial<
    Record<
      | "holders"
      | "rounds"
      | "applications"
      | "offerings"
      | "techniques"
      | "companies"
      | "commitments"
      | "proposals",
      ReturnType<typeof page>
    >
  > = {},
) {
  return {
    viewer,
    holders: NO_PAGE,
    rounds: NO_PAGE,
    applications: NO_PAGE,
    offerings: NO_PAGE,
    techniques: NO_PAGE,
    companies: NO_PAGE,
    commitments: NO_PAGE,
    proposals: NO_PAGE,
    ...overrides,
  };
}

describe("FundLens", () => {
  it("refuses a council address without code", async () => {
    const eoa = at(await ethers.getSigners(), 1);
    const factory = await ethers.getContractFactory("FundLens");
    await expect(ethers.deployContract("FundLens", [eoa.address]))
      .to.be.revertedWithCustomError(factory, "FundLensInvalidCouncil")
      .withArgs(eoa.address);
  });

  it("reverts with FundLensSystemNotBound until the council binds the system", async () => {
    const fund = await deployLensFund(ethers, false);
    await expect(fund.lens.fund()).to.be.revertedWithCustomError(fund.lens, "FundLensSystemNotBound");
    await expect(fund.lens.snapshot(query(ZeroAddress))).to.be.revertedWithCustomError(
      fund.lens,
      "FundLensSystemNotBound",
    );
  });

  it("reports totals, assets with metadata and books, the council and every count in one call", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    const f = await fund.lens.fund();

    expect(f.system.shares).to.equal(await fund.shares.getAddress());
    expect(f.system.returnsRegistry).to.equal(await fund.registry.getAddress());
    expect([f.name, f.symbol]).to.deep.equal(["Future Endowment Fund Share", "FEFS"]);
    expect(f.totalSupply).to.equal(100n * SHARE);
    expect(f.holderCount).to.equal(1n);
    expect([f.paused, f.transfersEnabled]).to.deep.equal([false, false]);
    expect(f.trustees).to.deep.equal(fund.trustees.map((t) => t.address));
    expect(f.threshold).to.equal(BigInt(THRESHOLD));
    expect(f.proposalLifetime).to.equal(14n * 86_400n);
    expect(f.proposalCount).to.equal(5n);
    expect([f.roundCount, f.applicationCount, f.offeringCount]).to.deep.equal([1n, 1n, 2n]);
    expect([f.techniqueCount, f.companyCount, f.commitmentCount]).to.deep.equal([1n, 1n, 1n]);
    expect(f.blockNumber).to.equal(BigInt(await ethers.provider.getBlockNumber()));
    expect(f.timestamp).to.equal(BigInt(await networkHelpers.time.latest()));

    expect(f.assets.map((a) => [a.asset, a.symbol, a.decimals])).to.deep.equal([
      [ETH, "ETH", 18n],
      [await fund.token.getAddress(), "tUSD", 6n],
    ]);
    const eth = at(f.assets, 0);
    expect([eth.received, eth.distributed, eth.claimed, eth.undistributed]).to.deep.equal([
      parseEther("1"),
      parseEther("1"),
      0n,
      0n,
    ]);
    // Only offering 1 has settled; offering 2's 0.4 ETH is still in escrow.
    expect(eth.capital.capitalIn).to.equal(parseEther("1"));
    expect(eth.availableCapital).to.equal(parseEther("1"));
    expect(eth.registryPaid).to.equal(0n);
  });

  it("returns holders with balances and claimable returns per asset", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    const holders = await fund.lens.holdersPage(page(0, 10));
    expect(holders).to.have.length(1);
    const holder = at(holders, 0);
    expect(holder.holder).to.equal(fund.investor.address);
    expect(holder.balance).to.equal(100n * SHARE);
    // One ETH over 100 shares; claimable rounds down by at most 1 wei.
    expect(at(holder.claimable, 0)).to.be.within(parseEther("1") - 1n, parseEther("1"));
    expect(at(holder.claimable, 1)).to.equal(0n);
  });

  it("returns the viewer's shares, trustee seat, claimable returns and wallet balances", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    const investor = await fund.lens.account(fund.investor.address);
    expect(investor.shares).to.equal(100n * SHARE);
    expect(investor.trustee).to.equal(false);
    expect(at(investor.claimable, 0)).to.equal(await fund.shares.claimable(fund.investor.address, ETH));
    expect(at(investor.walletBalances, 0)).to.equal(await ethers.provider.getBalance(fund.investor.address));

    const trustee = await fund.lens.account(at(fund.trustees, 0).address);
    expect([trustee.trustee, trustee.shares]).to.deep.equal([true, 0n]);

    const nobody = await fund.lens.account(ZeroAddress);
    expect(nobody.claimable).to.deep.equal([0n, 0n]);
  });

  it("pages proposals newest first, with live approvals and which trustee approved", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    const [newest, older] = await fund.lens.proposalsPage(page(0, 2, true));
    expect(newest?.id).to.equal(fund.pendingProposalId);
    expect(newest?.approvals).to.equal(1n);
    expect(newest?.approvedBy).to.deep.equal([false, false, true]);
    expect(newest?.proposal.executed).to.equal(false);
    expect(older?.id).to.equal(fund.pendingProposalId - 1n);
    expect(older?.proposal.executed).to.equal(true);
    expect(older?.approvedBy).to.deep.equal([true, true, false]);
  });

  it("includes rounds, applications with the viewer's hidden estimate, trustee records, offerings with pending shares, techniques, companies and commitments with compliance", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    const trustee = at(fund.trustees, 0);
    const all = page(0, 10);
    const snap = await fund.lens.snapshot(
      query(trustee.address, {
        rounds: all,
        applications: all,
        offerings: all,
        techniques: all,
        companies: all,
        commitments: all,
        proposals: all,
      }),
    );

    expect(snap.viewer.trustee).to.equal(true);
    expect(snap.rounds.map((r) => r.id)).to.deep.equal([1n]);
    expect(at(snap.rounds, 0).round.params.sharePool).to.equal(1_000n * SHARE);
    expect(at(snap.rounds, 0).round.applicationCount).to.equal(1n);

    const application = at(snap.applications, 0);
    expect(application.id).to.equal(fund.applicationId);
    expect(application.application.researcher).to.equal(fund.researcher.address);
    expect(application.application.title).to.equal("Interpretability probes");
    expect(application.viewerEstimate.sealedEstimate).to.equal(fund.commitment);
    expect(application.viewerEstimate.status).to.equal(2n); // Committed
    const records = await fund.lens.trusteeRecords(1n);
    expect(records.map((r) => [r.trustee, r.record.committed])).to.deep.equal(
      fund.trustees.map((t, i) => [t.address, i === 0 ? 1n : 0n]),
    );
    expect([application.award, application.claimableShares]).to.deep.equal([0n, 0n]);

    const investorView = await fund.lens.offeringsPage(page(0, 10), fund.investor.address);
    expect(
      investorView.map((o) => [
        o.id,
        o.offering.sharesSold,
        o.viewerPending,
        o.offering.capitalRaised,
        o.offering.settled,
      ]),
    ).to.deep.equal([
      [1n, 100n * SHARE, 0n, parseEther("1"), true],
      [2n, 40n * SHARE, 40n * SHARE, parseEther("0.4"), false],
    ]);
    expect(snap.offerings.map((o) => o.viewerPending)).to.deep.equal([0n, 0n]);

    expect(at(snap.techniques, 0).technique.title).to.equal("Reward-model probes");
    expect(at(snap.techniques, 0).technique.applicationIds).to.deep.equal([fund.applicationId]);
    expect(at(snap.companies, 0).company.name).to.equal("Northwind AI");
    expect(at(snap.companies, 0).viewerIsSigner).to.equal(false);
    const [company] = await fund.lens.companiesByIds([1n], fund.companyAdmin.address);
    expect(company?.viewerIsSigner).to.equal(true);

    const commitment = at(snap.commitments, 0);
    expect(commitment.commitment.modelName).to.equal("Northwind-7");
    expect(commitment.commitment.periodCount).to.equal(3n);
    expect(commitment.compliance.periodsElapsed).to.equal(0n);
    expect(commitment.compliance.delinquent).to.equal(false);
    expect(snap.proposals).to.have.length(5);
  });

  it("shows a commitment going delinquent once a period passes its grace without a report", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    await networkHelpers.time.increase(41n * 86_400n);
    const [row] = await fund.lens.commitmentsByIds([1n]);
    expect(row?.compliance.periodsElapsed).to.equal(1n);
    expect(row?.compliance.periodsOverdue).to.equal(1n);
    expect(row?.compliance.delinquent).to.equal(true);
  });

  it("pages by offset and limit, oldest or newest first, and returns nothing past the end", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    const ids = async (p: ReturnType<typeof page>) => (await fund.lens.proposalsPage(p)).map((r) => r.id);
    expect(await ids(page(0, 2))).to.deep.equal([1n, 2n]);
    expect(await ids(page(3, 10))).to.deep.equal([4n, 5n]);
    expect(await ids(page(1, 2, true))).to.deep.equal([4n, 3n]);
    expect(await ids(page(4, 10, true))).to.deep.equal([1n]);
    expect(await ids(page(5, 10))).to.deep.equal([]);
    expect(await ids(page(0, 0))).to.deep.equal([]);
    expect(await fund.lens.holdersPage(page(1, 10))).to.deep.equal([]);
  });

  it("refuses pages and id lists longer than MAX_PAGE", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    const max = await fund.lens.MAX_PAGE();
    await expect(fund.lens.roundsPage(page(0, Number(max) + 1)))
      .to.be.revertedWithCustomError(fund.lens, "FundLensPageTooLarge")
      .withArgs(max + 1n, max);
    await expect(fund.lens.holdersPage(page(0, Number(max) + 1)))
      .to.be.revertedWithCustomError(fund.lens, "FundLensPageTooLarge")
      .withArgs(max + 1n, max);
    const tooMany = Array.from({ length: Number(max) + 1 }, (_, i) => BigInt(i + 1));
    await expect(fund.lens.commitmentsByIds(tooMany))
      .to.be.revertedWithCustomError(fund.lens, "FundLensPageTooLarge")
      .withArgs(max + 1n, max);
    expect(await fund.lens.roundsPage(page(0, Number(max)))).to.have.length(1);
  });

  it("bubbles the inner error of an unknown id", async () => {
    const fund = await networkHelpers.loadFixture(populated);
    await expect(fund.lens.applicationsByIds([99n], ZeroAddress))
      .to.be.revertedWithCustomError(fund.grants, "GrantRoundsUnknownApplication")
      .withArgs(99n);
    expect(
      (await fund.lens.applicationsByIds([fund.applicationId], ZeroAddress)).map(
        (a) => a.viewerEstimate.sealedEstimate,
      ),
    ).to.deep.equal([ZeroHash]);
  });
});
