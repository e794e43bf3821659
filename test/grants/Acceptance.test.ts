import { expect } from "chai";
import { network } from "hardhat";

import { ActionKind, ETH, at, deploySystem, pass } from "../helpers/council.js";
import {
  ApplicationStatus,
  RoundStatus,
  SHARE_POOL,
  VESTING_DURATION,
  apply,
  estimateRound,
  estimatesOf,
  mulDiv,
  openRoundArgs,
  roundParams,
  walletTrustee,
} from "../helpers/grants.js";
import type { Estimate } from "../helpers/grants.js";

const { ethers, networkHelpers } = await network.create();
const { time } = networkHelpers;
const ETHER = 10n ** 18n;

describe("A full grant round, from the opening proposal to returns in researchers' hands", function () {
  it("weights grants by the median estimate, vests shares and stipends, and pays pooled returns to the researchers", async function () {
    // Five trustees, M = 3, plus a Safe-like contract wallet trustee added by the council.
    const system = await deploySystem(ethers, { trustees: 5, threshold: 3 });
    const { council, grants, shares, pool, trustees, researchers, depositor, outsider } = system;
    await pool.connect(depositor).depositCapital(ETH, 10n * ETHER, 0, { value: 10n * ETHER });
    const walletOwner = at(await ethers.getSigners(), 16);
    const wallet = await ethers.deployContract("ContractWalletMock", [walletOwner.address]);
    const coder = ethers.AbiCoder.defaultAbiCoder();
    await pass(system, ActionKind.AddTrustee, coder.encode(["address"], [await wallet.getAddress()]));
    const walletActor = await walletTrustee(wallet, walletOwner);

    // The opening proposal: made by the wallet, approved by two trustees, executed by anyone.
    const params = roundParams(BigInt(await time.latest()), { stipendBudget: 2n * ETHER });
    const proposeData = council.interface.encodeFunctionData("propose", [
      ActionKind.OpenRound,
      openRoundArgs(grants, params),
    ]);
    await walletActor.send(await council.getAddress(), proposeData);
    const proposalId = await council.proposalCount();
    await council.connect(at(trustees, 0)).approve(proposalId);
    await expect(council.connect(outsider).execute(proposalId))
      .to.be.revertedWithCustomError(council, "CouncilInsufficientApprovals")
      .withArgs(proposalId, 2n, 3n);
    await council.connect(at(trustees, 1)).approve(proposalId);
    await expect(council.connect(outsider).execute(proposalId))
      .to.emit(grants, "RoundOpened")
      .withArgs(1n, Object.values(params));
    const roundId = 1n;

    // Researchers apply.
    const [alice, bob, carol] = [at(researchers, 0), at(researchers, 1), at(researchers, 2)];
    const a = await apply(grants, alice, roundId, "mechanistic-interpretability", 12, 1n * ETHER);
    const b = await apply(grants, bob, roundId, "debate-at-scale", 24, 2n * ETHER);
    const c = await apply(grants, carol, roundId, "perpetual-motion", 6, 0n);

    // Six trustees estimate; one outlier per application does not move the median.
    const everyone = (values: number[]): Estimate[] => [
      ...estimatesOf(trustees, values.slice(0, 5)),
      { trustee: walletActor, probabilityBps: at(values, 5) },
    ];
    await estimateRound(
      networkHelpers,
      grants,
      params,
      new Map([
        [a, everyone([4000, 4200, 3800, 4100, 3900, 10_000])],
        [b, everyone([1000, 1200, 800, 1100, 900, 0])],
        [c, everyone([0, 0, 0, 0, 0, 9000])],
      ]),
    );
    // a: 3800 3900 4000 4100 4200 10000 → (4000 + 4100) / 2 = 4050
    // b: 0 800 900 1000 1100 1200 → (900 + 1000) / 2 = 950
    // c: five zeros and 9000 → 0 → unfunded
    // Effort and stipend: every trustee assessed the declared values (the median is the request).
    const finalized = grants.connect(outsider).finalizeApplications([a, b, c]);
    await expect(finalized)
      .to.emit(grants, "ApplicationFinalized")
      .withArgs(a, true, 4050n, 12n, 1n * ETHER, 6n, 6n, 4050n * 12n);
    await expect(finalized)
      .to.emit(grants, "ApplicationFinalized")
      .withArgs(b, true, 950n, 24n, 2n * ETHER, 6n, 6n, 950n * 24n);
    await expect(finalized)
      .to.emit(grants, "ApplicationFinalized")
      .withArgs(c, false, 0n, 6n, 0n, 6n, 6n, 0n);

    // Settlement: weights 48,600 and 22,800; stipends 3 ETH requested against a 2 ETH budget.
    const totalWeight = 4050n * 12n + 950n * 24n;
    await expect(grants.connect(outsider).settleRound(roundId))
      .to.emit(grants, "RoundSettled")
      .withArgs(roundId, totalWeight, 2n, 2n * ETHER);
    expect((await grants.round(roundId)).status).to.equal(RoundStatus.Settled);
    const awardA = mulDiv(SHARE_POOL, 4050n * 12n, totalWeight);
    const awardB = mulDiv(SHARE_POOL, 950n * 24n, totalWeight);
    expect(await grants.award(a)).to.equal(awardA);
    expect(await grants.award(b)).to.equal(awardB);
    expect((await grants.application(c)).status).to.equal(ApplicationStatus.Unfunded);
    const stipendA = (1n * ETHER * 2n * ETHER) / (3n * ETHER);
    expect(await grants.stipendAward(a)).to.equal(stipendA);
    expect(await grants.stipendAward(b)).to.equal(2n * ETHER - stipendA);

    // Everything vests; researchers claim shares and stipends.
    await time.increase(VESTING_DURATION);
    await grants.connect(alice).claimShares(a);
    await grants.connect(bob).claimShares(b);
    await expect(grants.connect(carol).claimShares(c))
      .to.be.revertedWithCustomError(grants, "GrantRoundsNotFunded")
      .withArgs(c);
    await expect(grants.connect(alice).claimStipend(a)).to.changeEtherBalances(ethers, [alice], [stipendA]);
    await expect(grants.connect(bob).claimStipend(b)).to.changeEtherBalances(
      ethers,
      [bob],
      [2n * ETHER - stipendA],
    );
    expect(await shares.balanceOf(alice.address)).to.equal(awardA);
    expect(await shares.balanceOf(bob.address)).to.equal(awardB);
    const supply = await shares.totalSupply();
    expect(supply).to.equal(awardA + awardB);
    expect(supply <= SHARE_POOL && SHARE_POOL - supply < 2n).to.equal(true);
    expect((await pool.books(ETH)).reserved).to.equal(0n);

    // A company's returns arrive in the ledger and are pooled to every shareholder.
    const returns = 6n * ETHER;
    await shares.connect(outsider).distribute(ETH, returns, { value: returns });
    const owedA = await shares.claimable(alice.address, ETH);
    const owedB = await shares.claimable(bob.address, ETH);
    expect((returns * awardA) / supply - owedA <= 1n).to.equal(true);
    expect((returns * awardB) / supply - owedB <= 1n).to.equal(true);
    await expect(shares.connect(alice).claimReturns(ETH)).to.changeEtherBalances(
      ethers,
      [alice, shares],
      [owedA, -owedA],
    );
    await expect(shares.connect(bob).claimReturns(ETH)).to.changeEtherBalances(
      ethers,
      [bob, shares],
      [owedB, -owedB],
    );
    expect(owedA + owedB <= returns).to.equal(true);
    expect(owedA > owedB).to.equal(true);
  });
});
