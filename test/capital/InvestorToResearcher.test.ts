import { expect } from "chai";
import { ZeroHash, parseEther } from "ethers";

import { ActionKind, ETH, argsFor, at } from "../helpers/council.js";
import { apply, estimateRound, estimatesOf, roundParams } from "../helpers/grants.js";
import { DAY, SHARE, deployLensFund, pass } from "../helpers/lens.js";
import { connect } from "../helpers/network.js";

const { ethers, networkHelpers, time } = await connect();

describe("Investor capital becomes a researcher's stipend; both then share returns by their shares", function () {
  it("subscribe → settle the offering → a round reserves and pays the stipend → returns claimed pro rata", async function () {
    const fund = await deployLensFund(ethers);
    const { offerings, pool, grants, shares, trustees, researcher, outsider } = fund;
    const [ivy, omar] = [fund.investor, at(await ethers.getSigners(), 13)];
    const start = BigInt(await time.latest());

    // The council opens an ETH offering at 0.01 ETH per share for five days.
    const offeringEnd = start + 5n * DAY;
    await pass(
      fund,
      ActionKind.OpenOffering,
      argsFor(offerings.interface, "openOffering", [
        {
          asset: ETH,
          pricePerShare: parseEther("0.01"),
          shareCap: 10_000n * SHARE,
          minShares: SHARE,
          start,
          end: offeringEnd,
          allowlistRoot: ZeroHash,
        },
      ]),
    );
    const offeringId = await offerings.offeringCount();

    // Two investors subscribe: 1,000 shares for 10 ETH and 500 shares for 5 ETH, held in escrow.
    await offerings.connect(ivy).subscribe(offeringId, 1_000n * SHARE, [], { value: parseEther("10") });
    await offerings.connect(omar).subscribe(offeringId, 500n * SHARE, [], { value: parseEther("5") });
    expect(await ethers.provider.getBalance(offerings)).to.equal(parseEther("15"));

    // A round of 1,500 shares with a 6 ETH stipend budget; one researcher applies for a 6 ETH stipend.
    const params = roundParams(BigInt(await time.latest()), {
      sharePool: 1_500n * SHARE,
      applicationDeadline: offeringEnd + DAY,
      commitDeadline: offeringEnd + 2n * DAY,
      revealDeadline: offeringEnd + 3n * DAY,
      stipendBudget: parseEther("6"),
    });
    await pass(fund, ActionKind.OpenRound, argsFor(grants.interface, "openRound", [params]));
    const roundId = await grants.roundCount();
    const applicationId = await apply(
      grants,
      researcher,
      roundId,
      "interpretability-probes",
      12,
      parseEther("6"),
    );

    // The window closes; anyone settles the offering, and its 15 ETH becomes available capital.
    await time.increaseTo(offeringEnd + 1n);
    await expect(offerings.connect(outsider).settleOffering(offeringId))
      .to.emit(pool, "CapitalDeposited")
      .withArgs(ETH, await offerings.getAddress(), offeringId, parseEther("15"));
    expect(await pool.availableCapital(ETH)).to.equal(parseEther("15"));
    await offerings.connect(ivy).claimShares(offeringId);
    await offerings.connect(omar).claimShares(offeringId);

    // Trustees estimate (median 50%); the round settles and reserves the stipend from the capital.
    await estimateRound(
      networkHelpers,
      grants,
      params,
      new Map([[applicationId, estimatesOf(trustees, [5_000, 4_000, 6_000])]]),
    );
    await grants.connect(outsider).finalizeApplications([applicationId]);
    await grants.connect(outsider).settleRound(roundId);
    expect(await grants.award(applicationId)).to.equal(1_500n * SHARE);
    expect(await grants.stipendAward(applicationId)).to.equal(parseEther("6"));
    expect((await pool.books(ETH)).reserved).to.equal(parseEther("6"));
    expect(await pool.availableCapital(ETH)).to.equal(parseEther("9"));

    // Fully vested: the researcher claims the shares and is paid the stipend out of investor capital.
    await time.increase(params.vestingDuration);
    await grants.connect(researcher).claimShares(applicationId);
    await expect(grants.connect(researcher).claimStipend(applicationId)).to.changeEtherBalances(
      ethers,
      [researcher, pool],
      [parseEther("6"), -parseEther("6")],
    );
    const books = await pool.books(ETH);
    expect([books.capitalIn, books.stipendsPaid, books.reserved]).to.deep.equal([
      parseEther("15"),
      parseEther("6"),
      0n,
    ]);
    expect(await ethers.provider.getBalance(pool)).to.equal(parseEther("9"));

    // 3,000 shares in all: 1,000 (Ivy), 500 (Omar), 1,500 (the researcher).
    expect(await shares.totalSupply()).to.equal(3_000n * SHARE);

    // A company's 3 ETH of returns are pooled: each holder is owed 0.001 ETH per share.
    await shares.connect(outsider).distribute(ETH, parseEther("3"), { value: parseEther("3") });
    for (const [holder, owed] of [
      [ivy, parseEther("1")],
      [omar, parseEther("0.5")],
      [researcher, parseEther("1.5")],
    ] as const) {
      const claimable = await shares.claimable(holder, ETH);
      expect(claimable).to.be.within(owed - 1n, owed); // rounded down by at most 1 wei
      await expect(shares.connect(holder).claimReturns(ETH)).to.changeEtherBalances(
        ethers,
        [holder, shares],
        [claimable, -claimable],
      );
    }
    // Returns never touched the capital, and the capital never paid returns.
    expect(await ethers.provider.getBalance(pool)).to.equal(parseEther("9"));
    expect(await ethers.provider.getBalance(offerings)).to.equal(0n);
  });
});
