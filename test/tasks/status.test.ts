import { expect } from "chai";
import { keccak256, parseEther, parseUnits, toUtf8Bytes } from "ethers";
import { writeFileSync } from "node:fs";

import type { FundStatus } from "../../tasks/status.js";
import {
  DAY,
  SHARE,
  ethers,
  loadTaskFund,
  openOffering,
  openRound,
  registerTechnique,
  scratchFile,
  submitApplication,
  time,
} from "../helpers/tasks.js";

describe("fund:status", () => {
  it("describes a new Fund: no shares, ETH and tUSD as returns assets, five trustees with M = 3", async () => {
    const fund = await loadTaskFund();
    const status = await fund.run<FundStatus>("fund:status");

    expect(status.shares).to.deep.include({
      totalSupply: 0n,
      holderCount: 0n,
      paused: false,
      transfersEnabled: false,
    });
    expect(status.shares.topHolders).to.deep.equal([]);
    expect(
      status.returns.map((entry) => [entry.asset.symbol, entry.asset.decimals, entry.received]),
    ).to.deep.equal([
      ["ETH", 18, 0n],
      ["tUSD", 6, 0n],
    ]);
    expect(status.council.trustees).to.deep.equal(fund.trustees.map((trustee) => trustee.address));
    expect(status.council.threshold).to.equal(3n);
    expect(status.council.openProposals).to.deep.equal([]);
    expect(status.counts).to.deep.equal({ rounds: 0n, offerings: 0n, companies: 0n, commitments: 0n });
    expect([status.rounds, status.offerings, status.companies]).to.deep.equal([[], [], []]);
  });

  it("reports holders, returns, capital, open proposals, rounds, offerings and compliance", async () => {
    const fund = await loadTaskFund();
    // Capital and shares: account 13 buys 1,000 shares for 10 ETH and claims them after the window.
    const { offeringId, end } = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
    const investor = fund.account(13);
    await (
      await fund.offerings
        .connect(investor)
        .subscribe(offeringId, 1_000n * SHARE, [], { value: parseEther("10") })
    ).wait();
    await time.increaseTo(end + 1);
    await (await fund.offerings.connect(investor).claimShares(offeringId)).wait();
    // Returns: a 2 ETH donation, distributed to the only holder.
    const memo = keccak256(toUtf8Bytes("gift"));
    await (
      await fund.registry.donate(ethers.ZeroAddress, parseEther("2"), memo, { value: parseEther("2") })
    ).wait();
    // A round taking applications, a pending proposal, a delinquent company.
    const { roundId } = await openRound(fund, 0n);
    await submitApplication(fund, 6, roundId, "probes");
    await fund.run("council:propose", { kind: "SetTransfersEnabled", params: "[true]" });
    await registerTechnique(fund, "probes");
    await fund.run("company:register", { name: "Quanta", uri: "https://quanta.example", from: "12" });
    const start = await time.latest();
    await fund.run("pfr:submit", {
      company: "1",
      techniques: "1",
      model: "Quanta Reasoner",
      bps: "800",
      start: start.toString(),
      end: (start + 60 * DAY).toString(),
      periodDays: "10",
      graceDays: "1",
    });
    await time.increaseTo(start + 12 * DAY);

    const status = await fund.run<FundStatus>("fund:status", { top: "1", limit: "5" });
    expect(status.shares.totalSupply).to.equal(1_000n * SHARE);
    expect(status.shares.topHolders).to.deep.equal([{ holder: investor.address, balance: 1_000n * SHARE }]);
    expect(status.returns[0]).to.deep.include({
      received: parseEther("2"),
      distributed: parseEther("2"),
      undistributed: 0n,
    });
    // The offering has not been settled: its 10 ETH are still in escrow, not in the pool.
    expect(status.capital[0]).to.deep.include({ capitalIn: 0n, available: 0n, escrow: parseEther("10") });
    expect(status.council.openProposals.map((view) => [view.kind, view.approvals])).to.deep.equal([
      ["SetTransfersEnabled", 1n],
    ]);
    expect(status.rounds.map((round) => [round.id, round.phase, round.applications])).to.deep.equal([
      [roundId, "finalizing", 1n],
    ]);
    expect(
      status.offerings.map((offering) => [offering.id, offering.state, offering.sharesSold]),
    ).to.deep.equal([[offeringId, "ended", 1_000n * SHARE]]);
    expect(status.offerings[0]).to.deep.include({
      capitalRaised: parseEther("10"),
      settled: false,
      settleable: true,
    });
    expect(status.counts).to.deep.equal({ rounds: 1n, offerings: 1n, companies: 1n, commitments: 1n });
    expect(status.companies.map((company) => [company.name, company.delinquent])).to.deep.equal([
      ["Quanta", true],
    ]);
    expect(status.companies[0]?.commitments[0]).to.deep.include({
      modelName: "Quanta Reasoner",
      periodsElapsed: 1n,
      periodsReported: 0n,
      periodsOverdue: 1n,
      delinquent: true,
    });
    expect(status.delinquentCommitments).to.equal(1n);
  });

  it("shows each offering's raise in escrow until it settles, then in the capital pool", async () => {
    const fund = await loadTaskFund();
    const tUsd = await fund.testUsd.getAddress();
    const ethOffering = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
    const usdOffering = await openOffering(fund, tUsd, parseUnits("2.5", 6));
    const investor = fund.account(13);
    await (await fund.testUsd.mint(investor.address, parseUnits("250", 6))).wait();
    await fund.run("offering:subscribe", {
      offering: ethOffering.offeringId.toString(),
      shares: "300",
      from: "13",
    });
    await fund.run("offering:subscribe", {
      offering: usdOffering.offeringId.toString(),
      shares: "100",
      from: "13",
    });

    const open = await fund.run<FundStatus>("fund:status");
    expect(
      open.offerings.map((view) => [view.id, view.state, view.capitalRaised, view.settleable]),
    ).to.deep.equal([
      [usdOffering.offeringId, "open", parseUnits("250", 6), false],
      [ethOffering.offeringId, "open", parseEther("3"), false],
    ]);
    expect(open.capital.map((books) => [books.asset.symbol, books.capitalIn, books.escrow])).to.deep.equal([
      ["ETH", 0n, parseEther("3")],
      ["tUSD", 0n, parseUnits("250", 6)],
    ]);
    const openText = await fund.runText("fund:status");
    expect(openText).to.include("  ETH: 0.0 ETH / 0.0 ETH / 0.0 ETH / 0.0 ETH; in escrow 3.0 ETH");
    expect(openText).to.include("      raised 250.0 tUSD: in escrow until the window ends");

    await time.increaseTo(usdOffering.end + 1);
    await fund.run("offering:settle", { offering: ethOffering.offeringId.toString() });
    const settled = await fund.run<FundStatus>("fund:status");
    expect(
      settled.offerings.map((view) => [view.id, view.state, view.settled, view.settleable]),
    ).to.deep.equal([
      [usdOffering.offeringId, "ended", false, true],
      [ethOffering.offeringId, "ended", true, false],
    ]);
    expect(settled.capital.map((books) => [books.capitalIn, books.available, books.escrow])).to.deep.equal([
      [parseEther("3"), parseEther("3"), 0n],
      [0n, 0n, parseUnits("250", 6)],
    ]);
    const settledText = await fund.runText("fund:status");
    expect(settledText).to.include("  ETH: 3.0 ETH / 0.0 ETH / 0.0 ETH / 3.0 ETH; in escrow 0.0 ETH");
    expect(settledText).to.include("      raised 3.0 ETH: settled into the capital pool");
    expect(settledText).to.include(
      `      raised 250.0 tUSD: in escrow, ready to settle: hardhat offering:settle --offering ${usdOffering.offeringId}`,
    );
  });

  it("rejects a bad --top and explains a missing or stale deployment record", async () => {
    const fund = await loadTaskFund();
    await fund.expectError("fund:status", { top: "0" }, "--top: must be at least 1 (got 0)");
    const missing = scratchFile("missing.json");
    await fund.expectError(
      "fund:status",
      { deployment: missing },
      `No Fund deployment for chain 31337: ${missing} does not exist`,
    );
    const stale = scratchFile("stale.json");
    const nowhere = fund.account(19).address;
    const names = [
      "TrusteeCouncil",
      "FundShares",
      "CapitalPool",
      "GrantRounds",
      "Offerings",
      "ReturnsRegistry",
      "Multicall3",
      "FundLens",
    ];
    writeFileSync(
      stale,
      JSON.stringify(Object.fromEntries(names.map((name) => [`LocalFund#${name}`, nowhere]))),
    );
    await fund.expectError(
      "fund:status",
      { deployment: stale },
      `No contract at the recorded TrusteeCouncil address ${nowhere}`,
    );
  });
});
