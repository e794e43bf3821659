import { expect } from "chai";
import { network } from "hardhat";

import { ActionKind, ETH, at, deploySystem, pass } from "../helpers/council.js";
import {
  ApplicationStatus,
  EstimateStatus,
  SHARE_POOL,
  apply,
  commitEstimates,
  estimateRound,
  estimatesOf,
  finalize,
  mulDiv,
  openRound,
  passDeadline,
  revealEstimates,
  roundParams,
} from "../helpers/grants.js";
import type { Estimate } from "../helpers/grants.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const coder = ethers.AbiCoder.defaultAbiCoder();
const ETHER = 10n ** 18n;
const DEPOSIT = ETHER / 100n;

/** 5 trustees, M = 3; a round with a 10 ETH stipend budget and a 0.01 ETH deposit; 10 ETH of capital. */
async function depositRound() {
  const system = await deploySystem(ethers, { trustees: 5, threshold: 3 });
  await system.pool.connect(system.depositor).depositCapital(ETH, 10n * ETHER, 0, { value: 10n * ETHER });
  const params = roundParams(BigInt(await time.latest()), {
    stipendBudget: 10n * ETHER,
    applicationDeposit: DEPOSIT,
  });
  const roundId = await openRound(system, params);
  return { ...system, params, roundId };
}

describe("GrantRounds attacks", function () {
  describe("inflated declarations", function () {
    it("caps an inflated effort and stipend at the trustees' medians: 1,200 declared months earn what 12 do", async function () {
      const f = await loadFixture(depositRound);
      const [honest, inflator] = [at(f.researchers, 0), at(f.researchers, 1)];
      const a = await apply(f.grants, honest, f.roundId, "honest", 12, 1n * ETHER, DEPOSIT);
      const b = await apply(f.grants, inflator, f.roundId, "inflated", 1200, 9n * ETHER, DEPOSIT);
      // Trustees judge both the same work: 12 months, 1 ETH, 50%; one outlier believes the inflator.
      const assess = (outlier: Partial<Estimate>): Estimate[] =>
        estimatesOf(f.trustees, [5000, 5000, 5000, 5000, 5000]).map((e, i) =>
          i === 4
            ? { ...e, effortMonths: 12, stipend: ETHER, ...outlier }
            : { ...e, effortMonths: 12, stipend: ETHER },
        );
      await estimateRound(
        networkHelpers,
        f.grants,
        f.params,
        new Map([
          [a, assess({})],
          [b, assess({ effortMonths: 1200, stipend: 9n * ETHER })],
        ]),
      );
      await expect(finalize(f.grants, [a, b]))
        .to.emit(f.grants, "ApplicationFinalized")
        .withArgs(b, true, 5000n, 12n, ETHER, 5n, 5n, 5000n * 12n);
      await f.grants.settleRound(f.roundId);
      // Equal weights: half the pool each (before the fix, 1,200 months took 99% of it).
      expect(await f.grants.award(a)).to.equal(mulDiv(SHARE_POOL, 1n, 2n));
      expect(await f.grants.award(b)).to.equal(await f.grants.award(a));
      expect(await f.grants.stipendAward(b)).to.equal(ETHER);
      expect((await f.grants.application(b)).effortMonths).to.equal(1200n);
    });
  });

  describe("recusal", function () {
    it("keeps a trustee from estimating their own application, and records the recusal", async function () {
      const f = await loadFixture(depositRound);
      const trustee = at(f.trustees, 0);
      await expect(
        f.grants
          .connect(trustee)
          .submitApplication(f.roundId, "Own work", "ipfs://own", ethers.id("own"), 12, 0, {
            value: DEPOSIT,
          }),
      )
        .to.emit(f.grants, "TrusteeRecused")
        .withArgs(1n, f.roundId, trustee.address);
      await passDeadline(networkHelpers, f.params.applicationDeadline);
      await expect(f.grants.connect(trustee).commitEstimates([1n], [ethers.id("self-serving")]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsRecused")
        .withArgs(1n, trustee.address);
      expect((await f.grants.estimateOf(1n, trustee.address)).status).to.equal(EstimateStatus.Recused);
      expect(await f.grants.trusteeRecord(f.roundId, trustee.address)).to.deep.equal([0n, 0n, 0n, 1n]);
      // The other four hold the quorum of 3.
      await commitEstimates(f.grants, 1n, estimatesOf(f.trustees.slice(1), [4000, 4000, 4000]));
      await passDeadline(networkHelpers, f.params.commitDeadline);
      await revealEstimates(f.grants, 1n, estimatesOf(f.trustees.slice(1), [4000, 4000, 4000]));
      await passDeadline(networkHelpers, f.params.revealDeadline);
      await expect(finalize(f.grants, [1n]))
        .to.emit(f.grants, "ApplicationFinalized")
        .withArgs(1n, true, 4000n, 12n, 0n, 3n, 3n, 4000n * 12n);
    });

    it("needs every other trustee when fewer than M may estimate (2 of 2), and never funds a sole trustee's own application", async function () {
      const pair = await deploySystem(ethers, { trustees: 2, threshold: 2 });
      const params = roundParams(BigInt(await time.latest()));
      const roundId = await openRound(pair, params);
      const own = await apply(pair.grants, at(pair.trustees, 0), roundId, "pair", 12);
      await estimateRound(
        networkHelpers,
        pair.grants,
        params,
        new Map([[own, estimatesOf(pair.trustees.slice(1), [6000])]]),
      );
      // Quorum = min(M = 2, one eligible trustee) = 1.
      await expect(finalize(pair.grants, [own]))
        .to.emit(pair.grants, "ApplicationFinalized")
        .withArgs(own, true, 6000n, 12n, 0n, 1n, 1n, 6000n * 12n);

      const solo = await deploySystem(ethers, { trustees: 1, threshold: 1 });
      const soloParams = roundParams(BigInt(await time.latest()));
      const soloRound = await openRound(solo, soloParams);
      const mine = await apply(solo.grants, at(solo.trustees, 0), soloRound, "solo", 12);
      await passDeadline(networkHelpers, soloParams.revealDeadline);
      await networkHelpers.time.increase(1);
      expect((await solo.grants.application(mine)).status).to.equal(ApplicationStatus.Unfunded);
      await expect(solo.grants.settleRound(soloRound)).to.emit(solo.grants, "RoundSettled");
    });
  });

  describe("withholding", function () {
    it("cannot veto: the last trustee who withholds after the others revealed leaves the application funded, on record as missed", async function () {
      const f = await loadFixture(depositRound);
      const app = await apply(f.grants, at(f.researchers, 0), f.roundId, "target", 12, 0n, DEPOSIT);
      const three = estimatesOf(f.trustees, [7000, 7200, 100]);
      await passDeadline(networkHelpers, f.params.applicationDeadline);
      await commitEstimates(f.grants, app, three);
      await passDeadline(networkHelpers, f.params.commitDeadline);
      // Two reveal; the third sees 7000 and 7200 and withholds, hoping to drop the application below M = 3.
      await revealEstimates(f.grants, app, three.slice(0, 2));
      await passDeadline(networkHelpers, f.params.revealDeadline);
      await expect(finalize(f.grants, [app]))
        .to.emit(f.grants, "ApplicationFinalized")
        .withArgs(app, true, 7100n, 12n, 0n, 3n, 2n, 7100n * 12n);
      const withholder = at(f.trustees, 2).address;
      expect((await f.grants.estimateOf(app, withholder)).status).to.equal(EstimateStatus.Missed);
      expect(await f.grants.trusteeRecord(f.roundId, withholder)).to.deep.equal([1n, 0n, 1n, 0n]);
      expect(await f.grants.trusteeRecord(f.roundId, at(f.trustees, 0).address)).to.deep.equal([
        1n,
        1n,
        0n,
        0n,
      ]);
    });

    it("needs at least one reveal: a quorum of sealed estimates that nobody reveals funds nothing, without a transaction", async function () {
      const f = await loadFixture(depositRound);
      const researcher = at(f.researchers, 1);
      const app = await apply(f.grants, researcher, f.roundId, "silent", 12, 0n, DEPOSIT);
      await passDeadline(networkHelpers, f.params.applicationDeadline);
      await commitEstimates(f.grants, app, estimatesOf(f.trustees, [5000, 5000, 5000]));
      // Sealed estimates alone mark nothing: the first reveal marks an application estimated.
      expect((await f.grants.application(app)).estimated).to.equal(false);
      await expect(f.grants.refundDeposit(app))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNoDepositToRefund")
        .withArgs(app);
      await passDeadline(networkHelpers, f.params.revealDeadline);
      await networkHelpers.time.increase(1);
      expect((await f.grants.application(app)).status).to.equal(ApplicationStatus.Unfunded);
      await expect(finalize(f.grants, [app]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotEstimated")
        .withArgs(app);
      // Every trustee's record shows the missed reveal; nothing blocks settlement.
      for (const trustee of f.trustees.slice(0, 3))
        expect((await f.grants.trusteeRecord(f.roundId, trustee.address)).missed).to.equal(1n);
      await expect(f.grants.settleRound(f.roundId))
        .to.emit(f.grants, "DepositsForfeited")
        .withArgs(f.roundId, 1n, DEPOSIT);
    });
  });

  describe("junk applications", function () {
    it("cannot block settlement: 1,000 junk applications need no transaction, and their deposits go to the capital pool", async function () {
      const f = await loadFixture(depositRound);
      const researcher = at(f.researchers, 0);
      const real = await apply(f.grants, researcher, f.roundId, "real", 12, 0n, DEPOSIT);
      const spammer = at(f.researchers, 4);
      const address = await f.grants.getAddress();
      let nonce = await spammer.getNonce();
      for (let i = 0; i < 1000; i++) {
        await spammer.sendTransaction({
          to: address,
          nonce: nonce++,
          value: DEPOSIT,
          gasLimit: 300_000n,
          data: f.grants.interface.encodeFunctionData("submitApplication", [
            f.roundId,
            `Junk ${i}`,
            `ipfs://junk-${i}`,
            ethers.id(`junk-${i}`),
            1200,
            10n * ETHER,
          ]),
        });
      }
      expect((await f.grants.round(f.roundId)).applicationCount).to.equal(1001n);
      await estimateRound(
        networkHelpers,
        f.grants,
        f.params,
        new Map([[real, estimatesOf(f.trustees, [5000, 5000, 5000])]]),
      );
      // One finalization (the estimated application) and one settlement: nothing per junk application.
      await finalize(f.grants, [real]);
      const capitalBefore = (await f.pool.books(ETH)).capitalIn;
      await expect(f.grants.settleRound(f.roundId))
        .to.emit(f.grants, "DepositsForfeited")
        .withArgs(f.roundId, 1000n, 1000n * DEPOSIT);
      expect((await f.pool.books(ETH)).capitalIn - capitalBefore).to.equal(1000n * DEPOSIT);
      expect(await f.grants.award(real)).to.equal(SHARE_POOL);
      expect((await f.grants.application(2n)).status).to.equal(ApplicationStatus.Unfunded);
      await expect(f.grants.connect(spammer).refundDeposit(2n))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNoDepositToRefund")
        .withArgs(2n);
      // The estimated application's deposit comes back.
      await expect(f.grants.connect(f.outsider).refundDeposit(real)).to.changeEtherBalances(
        ethers,
        [researcher, f.grants],
        [DEPOSIT, -DEPOSIT],
      );
      await expect(f.grants.refundDeposit(real))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNoDepositToRefund")
        .withArgs(real);
      expect(await ethers.provider.getBalance(address)).to.equal(0n);
    });

    it("takes exactly the round's deposit, and refunds every deposit of a closed round", async function () {
      const f = await loadFixture(depositRound);
      const researcher = at(f.researchers, 0);
      for (const wrong of [0n, DEPOSIT - 1n, DEPOSIT + 1n]) {
        await expect(
          f.grants
            .connect(researcher)
            .submitApplication(f.roundId, "X", "ipfs://x", ethers.id("x"), 12, 0, { value: wrong }),
        )
          .to.be.revertedWithCustomError(f.grants, "GrantRoundsWrongDeposit")
          .withArgs(DEPOSIT, wrong);
      }
      const app = await apply(f.grants, researcher, f.roundId, "closing", 12, 0n, DEPOSIT);
      await expect(f.grants.refundDeposit(app))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNoDepositToRefund")
        .withArgs(app);
      await pass(f, ActionKind.CloseRound, coder.encode(["uint256"], [f.roundId]));
      await expect(f.grants.refundDeposit(app))
        .to.emit(f.grants, "DepositRefunded")
        .withArgs(app, researcher.address, DEPOSIT);
      expect((await f.grants.application(app)).depositRefunded).to.equal(true);
    });
  });
});
