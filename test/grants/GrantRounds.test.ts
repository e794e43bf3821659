import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import { ActionKind, ETH, at, deploySystem, failure, pass, proposeAndApprove } from "../helpers/council.js";
import type { FundSystem } from "../helpers/council.js";
import {
  ApplicationStatus,
  DAY,
  RoundStatus,
  SHARE_POOL,
  VESTING_CLIFF,
  VESTING_DURATION,
  apply,
  cancellationAt,
  EstimateStatus,
  commitEstimates,
  finalize,
  revealOf,
  sealLocally,
  eoaTrustee,
  estimateProbabilities,
  estimateRound,
  estimatesOf,
  expectFinalized,
  mulDiv,
  openRound,
  openRoundArgs,
  passDeadline,
  pinNextTimestamp,
  revealEstimates,
  roundParams,
  saltFor,
  vestedAt,
  walletTrustee,
} from "../helpers/grants.js";
import type { Estimate, Probabilities, RoundParams } from "../helpers/grants.js";
import { connect } from "../helpers/network.js";
import { expectExecutionFailed } from "../helpers/proposals.js";

const { ethers, networkHelpers, loadFixture, time, coder } = await connect();

interface RoundFixture extends FundSystem {
  params: RoundParams;
  roundId: bigint;
  /** application ids of researchers 0, 1, 2 (efforts 12, 24, 6 months) */
  apps: [bigint, bigint, bigint];
}

async function roundWith(trustees: number, threshold: number): Promise<RoundFixture> {
  const system = await deploySystem(ethers, { trustees, threshold });
  const params = roundParams(BigInt(await time.latest()));
  const roundId = await openRound(system, params);
  const r = system.researchers;
  const apps: [bigint, bigint, bigint] = [
    await apply(system.grants, at(r, 0), roundId, "interpretability", 12),
    await apply(system.grants, at(r, 1), roundId, "debate", 24),
    await apply(system.grants, at(r, 2), roundId, "evals", 6),
  ];
  return { ...system, params, roundId, apps };
}
const threeOfTwoRound = () => roundWith(3, 2);
const fiveOfThreeRound = () => roundWith(5, 3);

/** Medians 50%, 20% and 10% (efforts 12, 24, 6 months) → weights 60k, 48k, 6k. */
const settledProbabilities = (apps: RoundFixture["apps"]): Probabilities => [
  [apps[0], [5000, 4000, 6000]],
  [apps[1], [2000, 1000, 3000]],
  [apps[2], [1000, 1000, 9000]],
];

/** A settled 3-of-2 round: app 1 at 50%·12, app 2 at 20%·24, app 3 at 10%·6 → weights 60k, 48k, 6k. */
async function settledRound(): Promise<RoundFixture> {
  const f = await threeOfTwoRound();
  await estimateProbabilities(networkHelpers, f, settledProbabilities(f.apps));
  await finalize(f.grants, f.apps);
  await f.grants.settleRound(f.roundId);
  return f;
}

/** Each phase's first and last second, as `GrantRoundsWrongPhase` reports them (the SDK's phase names). */
function phaseWindows(params: RoundParams) {
  return {
    applying: [0n, params.applicationDeadline],
    committing: [params.applicationDeadline + 1n, params.commitDeadline],
    revealing: [params.commitDeadline + 1n, params.revealDeadline],
    finalizing: [params.revealDeadline + 1n, 2n ** 64n - 1n],
  } as const;
}

/** Expects `GrantRoundsWrongPhase(roundId, now, opensAt, closesAt)`: the call came at `now`, outside `phase`. */
async function expectWrongPhase(
  call: Promise<unknown>,
  f: RoundFixture,
  now: bigint,
  phase: keyof ReturnType<typeof phaseWindows>,
): Promise<void> {
  const [opensAt, closesAt] = phaseWindows(f.params)[phase];
  await expect(call)
    .to.be.revertedWithCustomError(f.grants, "GrantRoundsWrongPhase")
    .withArgs(f.roundId, now, opensAt, closesAt);
}

describe("GrantRounds", function () {
  describe("opening and closing rounds", function () {
    it("opens a round only through the council, with its terms stored", async function () {
      const f = await loadFixture(threeOfTwoRound);
      expect(await f.grants.roundCount()).to.equal(1n);
      const stored = await f.grants.round(f.roundId);
      expect(stored.params).to.deep.equal(Object.values(f.params));
      expect(stored.status).to.equal(RoundStatus.Open);
      expect(stored.applicationCount).to.equal(3n);
      expect(await f.grants.council()).to.equal(await f.council.getAddress());
      expect(await f.grants.shares()).to.equal(await f.shares.getAddress());
      expect(await f.grants.capitalPool()).to.equal(await f.pool.getAddress());
      await expect(f.grants.connect(at(f.trustees, 0)).openRound(f.params))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotCouncil")
        .withArgs(at(f.trustees, 0).address);
      await expect(f.grants.connect(at(f.trustees, 0)).closeRound(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotCouncil")
        .withArgs(at(f.trustees, 0).address);
      await expect(f.grants.round(9n))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownRound")
        .withArgs(9n);
    });

    it("refuses a zero council, ledger or pool at deployment", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const factory = await ethers.getContractFactory("GrantRounds");
      const [council, shares, pool] = [
        await f.council.getAddress(),
        await f.shares.getAddress(),
        await f.pool.getAddress(),
      ];
      for (const args of [
        [ETH, shares, pool],
        [council, ETH, pool],
        [council, shares, ETH],
      ]) {
        await expect(factory.deploy(at(args, 0), at(args, 1), at(args, 2)))
          .to.be.revertedWithCustomError(f.grants, "ShareIssuerZeroAddress")
          .withArgs(at(args, 0), at(args, 1), at(args, 2));
      }
    });

    it("refuses invalid round terms through the council's execution", async function () {
      const system = await loadFixture(threeOfTwoRound);
      const now = BigInt(await time.latest());
      const base = roundParams(now + 100n);
      const token = await ethers.deployContract("TestToken", ["Test USD", "TUSD", 6]);
      const invalid: Partial<RoundParams>[] = [
        { sharePool: 0n },
        { applicationDeadline: now + 1n },
        { commitDeadline: base.applicationDeadline },
        { revealDeadline: base.commitDeadline },
        { vestingDuration: 0n, vestingCliff: 0n },
        { vestingCliff: VESTING_DURATION + 1n },
        { stipendBudget: 1n, stipendAsset: await token.getAddress() },
        { stipendBudget: 2n ** 96n }, // over MAX_STIPEND_BUDGET: the round's stipend totals must fit 128 bits
        { vestingDuration: 2n ** 40n, vestingCliff: 0n }, // over MAX_VESTING_SECONDS (40-bit storage)
        { applicationDeposit: 2n ** 96n }, // over MAX_APPLICATION_DEPOSIT
      ];
      // Refused when proposed (the module's own check, roundParamsValid): nothing to approve.
      const proposer = system.council.connect(at(system.trustees, 0));
      const proposals = await system.council.proposalCount();
      for (const overrides of invalid) {
        const params = { ...base, ...overrides };
        expect(await system.grants.roundParamsValid(params)).to.equal(false);
        await expect(
          proposer.propose(ActionKind.OpenRound, openRoundArgs(system.grants, params)),
          JSON.stringify(overrides, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
        )
          .to.be.revertedWithCustomError(system.council, "CouncilInvalidArgs")
          .withArgs(ActionKind.OpenRound);
      }
      expect(await system.council.proposalCount()).to.equal(proposals);
      // Valid when proposed, invalid by the time it executes (its application deadline passed):
      // the execution fails and is recorded.
      const late = { ...base, applicationDeadline: now + 50n };
      const proposalId = await proposeAndApprove(
        system.council,
        system.trustees.slice(0, 2),
        ActionKind.OpenRound,
        openRoundArgs(system.grants, late),
      );
      await time.increase(100);
      await expectExecutionFailed(
        system.council.connect(system.outsider).execute(proposalId),
        system.council,
        failure(system.grants, "GrantRoundsInvalidParams", []),
      );
      expect(await system.grants.roundCount()).to.equal(1n);
      await pass(system, ActionKind.AddReturnsAsset, coder.encode(["address"], [await token.getAddress()]));
      await expect(
        pass(
          system,
          ActionKind.OpenRound,
          openRoundArgs(system.grants, {
            ...base,
            stipendBudget: 1n,
            stipendAsset: await token.getAddress(),
          }),
        ),
      )
        .to.emit(system.grants, "RoundOpened")
        .withArgs(2n, Object.values({ ...base, stipendBudget: 1n, stipendAsset: await token.getAddress() }));
    });

    it("accepts the largest stipend budget and vesting the packed storage holds", async function () {
      const system = await loadFixture(threeOfTwoRound);
      const base = roundParams(BigInt(await time.latest()) + 100n);
      expect(await system.grants.MAX_STIPEND_BUDGET()).to.equal(2n ** 96n - 1n);
      expect(await system.grants.MAX_VESTING_SECONDS()).to.equal(2n ** 40n - 1n);
      const largest = {
        ...base,
        stipendBudget: 2n ** 96n - 1n,
        vestingCliff: 2n ** 40n - 1n,
        vestingDuration: 2n ** 40n - 1n,
      };
      await pass(system, ActionKind.OpenRound, openRoundArgs(system.grants, largest));
      const stored = await system.grants.round(2n);
      expect([
        stored.params.stipendBudget,
        stored.params.vestingCliff,
        stored.params.vestingDuration,
      ]).to.deep.equal([2n ** 96n - 1n, 2n ** 40n - 1n, 2n ** 40n - 1n]);
    });

    it("opens and settles no round while the ledger is paused", async function () {
      const f = await loadFixture(threeOfTwoRound);
      await pass(f, ActionKind.Pause, "0x");
      const params = roundParams(BigInt(await time.latest()));
      await expectExecutionFailed(
        pass(f, ActionKind.OpenRound, openRoundArgs(f.grants, params)),
        f.council,
        failure(f.grants, "GrantRoundsPaused", []),
      );
      // Nobody estimated the applications: they need no finalization before settlement.
      await passDeadline(networkHelpers, f.params.revealDeadline);
      await expect(f.grants.settleRound(f.roundId)).to.be.revertedWithCustomError(
        f.grants,
        "GrantRoundsPaused",
      );
      await pass(f, ActionKind.Unpause, "0x");
      await expect(f.grants.settleRound(f.roundId)).to.emit(f.grants, "RoundSettled");
    });

    it("closes an open round so that nothing is awarded, and only an open one", async function () {
      const f = await loadFixture(threeOfTwoRound);
      await expect(pass(f, ActionKind.CloseRound, coder.encode(["uint256"], [f.roundId])))
        .to.emit(f.grants, "RoundClosed")
        .withArgs(f.roundId);
      expect((await f.grants.round(f.roundId)).status).to.equal(RoundStatus.Closed);
      await expect(
        f.grants
          .connect(at(f.researchers, 0))
          .submitApplication(f.roundId, "X", "ipfs://x", ethers.id("x"), 1, 0),
      )
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsRoundNotOpen")
        .withArgs(f.roundId, RoundStatus.Closed);
      await passDeadline(networkHelpers, f.params.revealDeadline);
      await expect(finalize(f.grants, [f.apps[0]]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsRoundNotOpen")
        .withArgs(f.roundId, RoundStatus.Closed);
      await expect(f.grants.settleRound(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsRoundNotOpen")
        .withArgs(f.roundId, RoundStatus.Closed);
      await expect(f.grants.connect(at(f.researchers, 0)).claimShares(f.apps[0]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotFunded")
        .withArgs(f.apps[0]);
      expect(await f.grants.award(f.apps[0])).to.equal(0n);
      await expectExecutionFailed(
        pass(f, ActionKind.CloseRound, coder.encode(["uint256"], [f.roundId])),
        f.council,
        failure(f.grants, "GrantRoundsRoundNotOpen", [f.roundId, RoundStatus.Closed]),
      );
      await expectExecutionFailed(
        pass(f, ActionKind.CloseRound, coder.encode(["uint256"], [5n])),
        f.council,
        failure(f.grants, "GrantRoundsUnknownRound", [5n]),
      );
    });

    it("cannot close a settled round", async function () {
      const f = await loadFixture(settledRound);
      await expectExecutionFailed(
        pass(f, ActionKind.CloseRound, coder.encode(["uint256"], [f.roundId])),
        f.council,
        failure(f.grants, "GrantRoundsRoundNotOpen", [f.roundId, RoundStatus.Settled]),
      );
    });
  });

  describe("applications", function () {
    it("records an application with a global id and announces it", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const researcher = at(f.researchers, 3);
      const document = ["Scalable oversight", "ipfs://scalable-oversight", ethers.id("so")] as const;
      await expect(f.grants.connect(researcher).submitApplication(f.roundId, ...document, 1200, 0))
        .to.emit(f.grants, "ApplicationSubmitted")
        .withArgs(4n, f.roundId, researcher.address, ...document, 1200n, 0n);
      const app = await f.grants.application(4n);
      expect(app.roundId).to.equal(f.roundId);
      expect(app.researcher).to.equal(researcher.address);
      expect(app.effortMonths).to.equal(1200n);
      expect(app.status).to.equal(ApplicationStatus.Pending);
      // The title is stored; the URI and content hash are in the event only.
      expect(app.title).to.equal("Scalable oversight");
      expect(await f.grants.applicationCount()).to.equal(4n);

      const second = await openRound(f, roundParams(BigInt(await time.latest())));
      expect(await apply(f.grants, researcher, second, "second-round", 3)).to.equal(5n);
      expect((await f.grants.round(second)).applicationCount).to.equal(1n);
      await expect(f.grants.application(6n))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownApplication")
        .withArgs(6n);
    });

    it("refuses an empty or over-long title or uri, a zero hash, an effort out of 1..1200 and a stipend above the budget", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const r = f.grants.connect(at(f.researchers, 0));
      const hash = ethers.id("h");
      await expect(r.submitApplication(f.roundId, "", "u", hash, 1, 0))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidTitle")
        .withArgs(0n, 31n);
      await expect(r.submitApplication(f.roundId, "t".repeat(32), "u", hash, 1, 0))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidTitle")
        .withArgs(32n, 31n);
      // 31 bytes of UTF-8 (a 3-byte character at the end) is the longest title.
      const longest = "t".repeat(28) + "…";
      await r.submitApplication(f.roundId, longest, "u", hash, 1, 0);
      expect((await f.grants.application(await f.grants.applicationCount())).title).to.equal(longest);
      await expect(r.submitApplication(f.roundId, "t", "", hash, 1, 0))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidUri")
        .withArgs(0n, 256n);
      await expect(r.submitApplication(f.roundId, "t", "u".repeat(257), hash, 1, 0))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidUri")
        .withArgs(257n, 256n);
      await r.submitApplication(f.roundId, "t", "u".repeat(256), hash, 1, 0);
      await expect(
        r.submitApplication(f.roundId, "t", "u", ethers.ZeroHash, 1, 0),
      ).to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidApplication");
      await expect(r.submitApplication(f.roundId, "t", "u", hash, 0, 0)).to.be.revertedWithCustomError(
        f.grants,
        "GrantRoundsInvalidApplication",
      );
      await expect(r.submitApplication(f.roundId, "t", "u", hash, 1201, 0)).to.be.revertedWithCustomError(
        f.grants,
        "GrantRoundsInvalidApplication",
      );
      // This round has no stipend budget: any stipend request is above it.
      await expect(r.submitApplication(f.roundId, "t", "u", hash, 1, 1))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsStipendAboveBudget")
        .withArgs(1n, 0n);
      await expect(r.submitApplication(7n, "t", "u", hash, 1, 0))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownRound")
        .withArgs(7n);
      expect(await f.grants.applicationCount()).to.equal(5n);
    });

    it("accepts applications until the deadline second inclusive", async function () {
      const f = await loadFixture(threeOfTwoRound);
      await time.setNextBlockTimestamp(f.params.applicationDeadline);
      await apply(f.grants, at(f.researchers, 3), f.roundId, "last-second", 1);
      await expectWrongPhase(
        f.grants
          .connect(at(f.researchers, 4))
          .submitApplication(f.roundId, "Late", "u", ethers.id("late"), 1, 0),
        f,
        f.params.applicationDeadline + 1n,
        "applying",
      );
    });
  });

  describe("estimates: commit and reveal", function () {
    it("computes the sealed estimate from chain, contract, trustee, application, values and salt", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const { chainId } = await ethers.provider.getNetwork();
      const salt = ethers.id("salt");
      const trustee = at(f.trustees, 0).address;
      const values = { probabilityBps: 4200, effortMonths: 9, stipend: 5n * 10n ** 17n };
      expect(await f.grants.sealEstimate(trustee, f.apps[0], 4200, 9, 5n * 10n ** 17n, salt)).to.equal(
        sealLocally(chainId, await f.grants.getAddress(), trustee, f.apps[0], values, salt),
      );
    });

    it("commits a batch once per current trustee and application, only in the commit phase", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const trustee = at(f.trustees, 0);
      const t = f.grants.connect(trustee);
      const sealed = ethers.id("c");
      const pinned = await pinNextTimestamp(networkHelpers);
      await expectWrongPhase(t.commitEstimates([f.apps[0]], [sealed]), f, pinned, "committing");
      await passDeadline(networkHelpers, f.params.applicationDeadline);
      await expect(f.grants.connect(f.outsider).commitEstimates([f.apps[0]], [sealed]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotTrustee")
        .withArgs(f.outsider.address);
      await expect(t.commitEstimates([99n], [sealed]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownApplication")
        .withArgs(99n);
      await expect(t.commitEstimates([], []))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidBatch")
        .withArgs(0n, 50n);
      const many = Array.from({ length: 51 }, () => f.apps[0]);
      await expect(
        t.commitEstimates(
          many,
          many.map(() => sealed),
        ),
      )
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidBatch")
        .withArgs(51n, 50n);
      await expect(t.commitEstimates([f.apps[0], f.apps[1]], [sealed]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsBatchLengthMismatch")
        .withArgs(2n, 1n);
      await expect(t.commitEstimates([f.apps[0]], [ethers.ZeroHash]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidSealedEstimate")
        .withArgs(f.apps[0]);
      // A word that reads as revealed values ("REVEALED" in its top 64 bits) is no sealed estimate.
      const revealedLooking = "0x52455645414c4544" + "00".repeat(23) + "01";
      await expect(t.commitEstimates([f.apps[0]], [revealedLooking]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidSealedEstimate")
        .withArgs(f.apps[0]);
      await expect(t.commitEstimates([f.apps[0], f.apps[0]], [sealed, ethers.id("twice")]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsAlreadyCommitted")
        .withArgs(f.apps[0], trustee.address);

      await expect(t.commitEstimates([f.apps[0], f.apps[1]], [sealed, ethers.id("d")]))
        .to.emit(f.grants, "EstimatesCommitted")
        .withArgs(f.roundId, trustee.address, [f.apps[0], f.apps[1]], [sealed, ethers.id("d")]);
      const estimate = await f.grants.estimateOf(f.apps[0], trustee.address);
      expect([estimate.status, estimate.sealedEstimate]).to.deep.equal([EstimateStatus.Committed, sealed]);
      // A commit marks nothing on the application (the first reveal does).
      expect((await f.grants.application(f.apps[0])).estimated).to.equal(false);
      expect((await f.grants.round(f.roundId)).estimatedCount).to.equal(0n);
      expect(await f.grants.trusteeRecord(f.roundId, trustee.address)).to.deep.equal([2n, 0n, 0n, 0n]);
      await expect(t.commitEstimates([f.apps[0]], [ethers.id("again")]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsAlreadyCommitted")
        .withArgs(f.apps[0], trustee.address);
      await f.grants.connect(at(f.trustees, 1)).commitEstimates([f.apps[0]], [sealed]);
      expect((await f.grants.round(f.roundId)).estimatedCount).to.equal(0n);

      // Another round's application cannot join the batch.
      const other = await openRound(f, roundParams(BigInt(await time.latest())));
      const foreign = await apply(f.grants, at(f.researchers, 3), other, "elsewhere", 3);
      await expect(t.commitEstimates([f.apps[2], foreign], [sealed, sealed]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsMixedRounds")
        .withArgs(f.roundId, foreign);

      await time.setNextBlockTimestamp(f.params.commitDeadline);
      await t.commitEstimates([f.apps[2]], [sealed]);
      await expectWrongPhase(
        f.grants.connect(at(f.trustees, 2)).commitEstimates([f.apps[2]], [sealed]),
        f,
        f.params.commitDeadline + 1n,
        "committing",
      );
    });

    it("reveals a batch of matching estimates once, in the reveal phase, capping each value", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const trustee = at(f.trustees, 0);
      const t = f.grants.connect(trustee);
      const app = f.apps[0];
      const salt = saltFor(trustee.address, app);
      const { chainId } = await ethers.provider.getNetwork();
      const grants = await f.grants.getAddress();
      // Above every bound: counts as 10,000 bps and the declared 12 months; no stipend was requested.
      const values = { probabilityBps: 12_000, effortMonths: 40, stipend: 7n };
      const second = { probabilityBps: 3000, effortMonths: 20 };
      await passDeadline(networkHelpers, f.params.applicationDeadline);
      await t.commitEstimates(
        [app, f.apps[1]],
        [
          sealLocally(chainId, grants, trustee.address, app, values, salt),
          sealLocally(chainId, grants, trustee.address, f.apps[1], second, salt),
        ],
      );
      const pinned = await pinNextTimestamp(networkHelpers);
      await expectWrongPhase(t.revealEstimates([revealOf(app, values, salt)]), f, pinned, "revealing");

      await passDeadline(networkHelpers, f.params.commitDeadline);
      await expect(f.grants.connect(f.outsider).revealEstimates([revealOf(app, values, salt)]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotTrustee")
        .withArgs(f.outsider.address);
      await expect(f.grants.connect(at(f.trustees, 1)).revealEstimates([revealOf(app, values, salt)]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNoSealedEstimate")
        .withArgs(app, at(f.trustees, 1).address);
      for (const wrong of [
        { ...values, probabilityBps: 4201 },
        { ...values, effortMonths: 41 },
        { ...values, stipend: 8n },
      ]) {
        await expect(t.revealEstimates([revealOf(app, wrong, salt)]))
          .to.be.revertedWithCustomError(f.grants, "GrantRoundsSealMismatch")
          .withArgs(app, trustee.address);
      }
      await expect(t.revealEstimates([revealOf(app, values, ethers.id("other salt"))]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsSealMismatch")
        .withArgs(app, trustee.address);
      await expect(t.revealEstimates([]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidBatch")
        .withArgs(0n, 50n);
      await expect(t.revealEstimates([revealOf(app, values, salt), revealOf(f.apps[1], second, salt)]))
        .to.emit(f.grants, "EstimateRevealed")
        .withArgs(app, trustee.address, 10_000n, 12n, 0n)
        .and.to.emit(f.grants, "EstimateRevealed")
        .withArgs(f.apps[1], trustee.address, 3000n, 20n, 0n);
      const revealed = await f.grants.estimateOf(app, trustee.address);
      expect([
        revealed.status,
        revealed.sealedEstimate,
        revealed.probabilityBps,
        revealed.effortMonths,
        revealed.stipend,
      ]).to.deep.equal([EstimateStatus.Revealed, ethers.ZeroHash, 10_000n, 12n, 0n]);
      expect(await f.grants.trusteeRecord(f.roundId, trustee.address)).to.deep.equal([2n, 2n, 0n, 0n]);
      // The first reveal marks each application estimated, once: it must then be finalized.
      expect((await f.grants.application(app)).estimated).to.equal(true);
      expect((await f.grants.application(f.apps[2])).estimated).to.equal(false);
      expect((await f.grants.round(f.roundId)).estimatedCount).to.equal(2n);
      await expect(t.revealEstimates([revealOf(app, values, salt)]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsAlreadyRevealed")
        .withArgs(app, trustee.address);

      await passDeadline(networkHelpers, f.params.revealDeadline);
      await expectWrongPhase(
        t.revealEstimates([revealOf(app, values, salt)]),
        f,
        f.params.revealDeadline + 1n,
        "revealing",
      );
    });

    it("lets a contract-wallet trustee commit and reveal through its owner", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const owner = at(f.researchers, 4);
      const wallet = await ethers.deployContract("ContractWalletMock", [owner.address]);
      await pass(f, ActionKind.AddTrustee, coder.encode(["address"], [await wallet.getAddress()]));
      const walletActor = await walletTrustee(wallet, owner);
      const estimates: Estimate[] = [
        { trustee: walletActor, probabilityBps: 7000 },
        ...estimatesOf(f.trustees, [6000]),
      ];
      await estimateRound(networkHelpers, f.grants, f.params, new Map([[f.apps[0], estimates]]));
      expect((await f.grants.estimateOf(f.apps[0], walletActor.address)).probabilityBps).to.equal(7000n);
      const finalized = finalize(f.grants, [f.apps[0]]);
      await expectFinalized(finalized, f.grants, [f.apps[0], true, 6500n, 12n, 0n, 2n, 2n, 6500n * 12n]);
    });
  });

  describe("finalization and the medians", function () {
    it("funds an application at the medians once M trustees committed (3 trustees, M = 2)", async function () {
      const f = await loadFixture(threeOfTwoRound);
      await estimateProbabilities(networkHelpers, f, [
        [f.apps[0], [5000, 4000, 6000]],
        [f.apps[1], [3000]],
        [f.apps[2], [0, 0, 9000]],
      ]);
      const finalized = finalize(f.grants, f.apps);
      await expectFinalized(finalized, f.grants, [f.apps[0], true, 5000n, 12n, 0n, 3n, 3n, 5000n * 12n]);
      // one sealed estimate, below M = 2
      await expectFinalized(finalized, f.grants, [f.apps[1], false, 0n, 0n, 0n, 1n, 1n, 0n]);
      // a median probability of 0 funds nothing
      await expectFinalized(finalized, f.grants, [f.apps[2], false, 0n, 6n, 0n, 3n, 3n, 0n]);
      const funded = await f.grants.application(f.apps[0]);
      expect([
        funded.status,
        funded.medianProbabilityBps,
        funded.medianEffortMonths,
        funded.weight,
        funded.committedCount,
        funded.revealedCount,
      ]).to.deep.equal([ApplicationStatus.Funded, 5000n, 12n, 60_000n, 3n, 3n]);
      expect((await f.grants.application(f.apps[1])).status).to.equal(ApplicationStatus.Unfunded);
      expect((await f.grants.application(f.apps[2])).status).to.equal(ApplicationStatus.Unfunded);
      // Nothing is awarded before settlement, nor ever to an unfunded application.
      expect(await f.grants.award(f.apps[0])).to.equal(0n);
      expect(await f.grants.stipendAward(f.apps[0])).to.equal(0n);
      expect(await f.grants.vestedShares(f.apps[0])).to.equal(0n);
      expect(await f.grants.claimableShares(f.apps[0])).to.equal(0n);
      expect(await f.grants.claimableStipend(f.apps[1])).to.equal(0n);
      const round = await f.grants.round(f.roundId);
      expect([round.finalizedCount, round.fundedCount, round.totalWeight]).to.deep.equal([3n, 1n, 60_000n]);
      await expect(finalize(f.grants, [f.apps[0]]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsAlreadyFinalized")
        .withArgs(f.apps[0]);
    });

    it("is robust to one outlier, breaks ties and averages an even count rounding down (5 trustees, M = 3)", async function () {
      const f = await loadFixture(fiveOfThreeRound);
      await estimateProbabilities(networkHelpers, f, [
        [f.apps[0], [6000, 6200, 10_000, 5900, 6100]],
        [f.apps[1], [5000, 7000, 5000, 5000, 0]],
        [f.apps[2], [3000, 9000, 2000, 4001]],
      ]);
      const finalized = finalize(f.grants, f.apps);
      await expectFinalized(finalized, f.grants, [f.apps[0], true, 6100n, 12n, 0n, 5n, 5n, 6100n * 12n]);
      await expectFinalized(finalized, f.grants, [f.apps[1], true, 5000n, 24n, 0n, 5n, 5n, 5000n * 24n]);
      // sorted 2000, 3000, 4001, 9000 → (3000 + 4001) / 2 = 3500.5 → 3500
      await expectFinalized(finalized, f.grants, [f.apps[2], true, 3500n, 6n, 0n, 4n, 4n, 3500n * 6n]);
    });

    it("finalizes estimated applications of one round, in batches, only after the reveal deadline", async function () {
      const f = await loadFixture(threeOfTwoRound);
      await estimateProbabilities(
        networkHelpers,
        { ...f, params: { ...f.params, revealDeadline: f.params.commitDeadline } },
        [[f.apps[0], [5000, 5000]]],
      );
      const pinned = await pinNextTimestamp(networkHelpers);
      await expectWrongPhase(finalize(f.grants, [f.apps[0]]), f, pinned, "finalizing");
      await passDeadline(networkHelpers, f.params.revealDeadline);
      await expect(finalize(f.grants, [42n]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownApplication")
        .withArgs(42n);
      await expect(finalize(f.grants, []))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsInvalidBatch")
        .withArgs(0n, 50n);
      // Nobody estimated apps 2 and 3: they are unfunded without a transaction.
      await expect(finalize(f.grants, [f.apps[0], f.apps[1]]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotEstimated")
        .withArgs(f.apps[1]);
      await networkHelpers.time.increase(1);
      expect((await f.grants.application(f.apps[1])).status).to.equal(ApplicationStatus.Unfunded);
      await expect(finalize(f.grants, [f.apps[0]])).to.emit(f.grants, "ApplicationFinalized");
      await expect(f.grants.settleRound(f.roundId)).to.emit(f.grants, "RoundSettled");
    });

    it("stops counting the estimates of a trustee removed mid-round", async function () {
      const f = await loadFixture(fiveOfThreeRound);
      await estimateProbabilities(networkHelpers, f, [
        [f.apps[0], [6000, 6200, 10_000, 5900, 6100]],
        [f.apps[1], [4000, 4000, 9000]],
      ]);
      const removed = at(f.trustees, 2);
      await pass(f, ActionKind.RemoveTrustee, coder.encode(["address"], [removed.address]));
      const finalized = finalize(f.grants, [f.apps[0], f.apps[1]]);
      // 6000, 6200, 5900, 6100 → (6000 + 6100) / 2
      await expectFinalized(finalized, f.grants, [f.apps[0], true, 6050n, 12n, 0n, 4n, 4n, 6050n * 12n]);
      // two sealed estimates left, below M = 3
      await expectFinalized(finalized, f.grants, [f.apps[1], false, 0n, 0n, 0n, 2n, 2n, 0n]);
    });

    it("counts every current trustee's estimate (20 trustees, the council's most)", async function () {
      const f = await loadFixture(fiveOfThreeRound);
      const joined: HardhatEthersSigner[] = [];
      for (let i = 0; i < 15; i++) {
        const wallet = ethers.Wallet.createRandom().connect(ethers.provider);
        await networkHelpers.setBalance(wallet.address, 10n ** 18n);
        await pass(f, ActionKind.AddTrustee, coder.encode(["address"], [wallet.address]));
        joined.push(wallet as unknown as HardhatEthersSigner);
      }
      const everyone = [...f.trustees, ...joined];
      expect(await f.council.trustees()).to.have.length(20);
      const values = everyone.map((_, i) => 500 * (i + 1));
      await estimateProbabilities(networkHelpers, { ...f, trustees: everyone }, [[f.apps[0], values]]);
      // sorted 500 … 10000: middle pair 5000 and 5500 → 5250
      const finalized = finalize(f.grants, [f.apps[0]]);
      await expectFinalized(finalized, f.grants, [f.apps[0], true, 5250n, 12n, 0n, 20n, 20n, 5250n * 12n]);
    });
  });

  describe("settlement and awards", function () {
    it("settles once every application is finalized and splits the pool by weight", async function () {
      const f = await loadFixture(threeOfTwoRound);
      await estimateProbabilities(networkHelpers, f, settledProbabilities(f.apps));
      await finalize(f.grants, [f.apps[0], f.apps[1]]);
      await expect(f.grants.settleRound(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotAllFinalized")
        .withArgs(f.roundId, 2n, 3n);
      await finalize(f.grants, [f.apps[2]]);
      await expect(f.grants.connect(f.outsider).settleRound(f.roundId))
        .to.emit(f.grants, "RoundSettled")
        .withArgs(f.roundId, 114_000n, 3n, 0n);
      const round = await f.grants.round(f.roundId);
      expect(round.status).to.equal(RoundStatus.Settled);
      expect(round.settledAt).to.equal(BigInt(await time.latest()));
      const awards = [60_000n, 48_000n, 6_000n].map((w) => mulDiv(SHARE_POOL, w, 114_000n));
      for (const [i, id] of f.apps.entries()) expect(await f.grants.award(id)).to.equal(awards[i]);
      const total = awards.reduce((a, b) => a + b, 0n);
      expect(total <= SHARE_POOL).to.equal(true);
      expect(SHARE_POOL - total < 3n).to.equal(true);
      await expect(f.grants.settleRound(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsRoundNotOpen")
        .withArgs(f.roundId, RoundStatus.Settled);
    });

    it("settles before the reveal deadline never, and a round without funded applications with nothing to award", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const pinned = await pinNextTimestamp(networkHelpers);
      await expectWrongPhase(f.grants.settleRound(f.roundId), f, pinned, "finalizing");
      await expect(f.grants.settleRound(3n))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownRound")
        .withArgs(3n);
      await passDeadline(networkHelpers, f.params.revealDeadline);
      await expect(f.grants.settleRound(f.roundId))
        .to.emit(f.grants, "RoundSettled")
        .withArgs(f.roundId, 0n, 0n, 0n);
      for (const id of f.apps) expect(await f.grants.award(id)).to.equal(0n);
      await expect(f.grants.connect(at(f.researchers, 0)).claimShares(f.apps[0]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotFunded")
        .withArgs(f.apps[0]);
      expect(await f.shares.totalSupply()).to.equal(0n);
    });

    it("settles an empty round", async function () {
      const system = await loadFixture(threeOfTwoRound);
      const params = roundParams(BigInt(await time.latest()));
      const roundId = await openRound(system, params);
      await passDeadline(networkHelpers, params.revealDeadline);
      await expect(system.grants.settleRound(roundId))
        .to.emit(system.grants, "RoundSettled")
        .withArgs(roundId, 0n, 0n, 0n);
    });
  });

  describe("vesting and share claims", function () {
    it("vests nothing before the cliff, linearly after it and everything at the end", async function () {
      const f = await loadFixture(settledRound);
      const { settledAt } = await f.grants.round(f.roundId);
      const researcher = at(f.researchers, 0);
      const app = f.apps[0];
      const total = await f.grants.award(app);
      await expect(f.grants.connect(researcher).claimShares(app))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToClaim")
        .withArgs(app);
      await time.increaseTo(settledAt + VESTING_CLIFF - 1n);
      expect(await f.grants.vestedShares(app)).to.equal(0n);

      const firstAt = settledAt + VESTING_CLIFF;
      await time.setNextBlockTimestamp(firstAt);
      const first = vestedAt(total, settledAt, VESTING_CLIFF, VESTING_DURATION, firstAt);
      expect(first).to.equal(total / 12n);
      await expect(f.grants.connect(researcher).claimShares(app))
        .to.emit(f.grants, "SharesClaimed")
        .withArgs(app, researcher.address, first);
      expect(await f.shares.balanceOf(researcher.address)).to.equal(first);
      expect(await f.grants.claimableShares(app)).to.equal(0n);

      const secondAt = settledAt + 200n * DAY + 17n;
      await time.setNextBlockTimestamp(secondAt);
      const second = vestedAt(total, settledAt, VESTING_CLIFF, VESTING_DURATION, secondAt);
      await expect(f.grants.connect(researcher).claimShares(app))
        .to.emit(f.grants, "SharesClaimed")
        .withArgs(app, researcher.address, second - first);

      await time.increaseTo(settledAt + VESTING_DURATION);
      expect(await f.grants.vestedShares(app)).to.equal(total);
      await f.grants.connect(researcher).claimShares(app);
      expect(await f.shares.balanceOf(researcher.address)).to.equal(total);
      expect((await f.grants.application(app)).sharesClaimed).to.equal(total);
      await time.increase(DAY);
      await expect(f.grants.connect(researcher).claimShares(app))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToClaim")
        .withArgs(app);
    });

    it("never mints more than the round's pool", async function () {
      const f = await loadFixture(settledRound);
      await time.increase(VESTING_DURATION);
      for (const [i, id] of f.apps.entries()) await f.grants.connect(at(f.researchers, i)).claimShares(id);
      const supply = await f.shares.totalSupply();
      expect(supply <= SHARE_POOL).to.equal(true);
      expect(SHARE_POOL - supply < 3n).to.equal(true);
    });

    it("lets only the researcher claim, only a funded grant, and not while the ledger is paused", async function () {
      const f = await loadFixture(settledRound);
      await time.increase(VESTING_CLIFF);
      await expect(f.grants.connect(at(f.researchers, 1)).claimShares(f.apps[0]))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotResearcher")
        .withArgs(f.apps[0], at(f.researchers, 1).address);
      await expect(f.grants.connect(at(f.researchers, 0)).claimShares(77n))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownApplication")
        .withArgs(77n);
      await pass(f, ActionKind.Pause, "0x");
      await expect(
        f.grants.connect(at(f.researchers, 0)).claimShares(f.apps[0]),
      ).to.be.revertedWithCustomError(f.shares, "FundSharesPaused");
      expect((await f.grants.application(f.apps[0])).sharesClaimed).to.equal(0n);
    });
  });

  describe("cancellation", function () {
    it("stops vesting at cancellation: the vested part stays claimable, the rest is never minted", async function () {
      const f = await loadFixture(settledRound);
      const { settledAt } = await f.grants.round(f.roundId);
      const app = f.apps[1];
      const researcher = at(f.researchers, 1);
      const total = await f.grants.award(app);
      await expect(f.grants.connect(at(f.trustees, 0)).cancelGrant(app))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotCouncil")
        .withArgs(at(f.trustees, 0).address);

      const cancelAt = settledAt + 90n * DAY;
      await time.increaseTo(cancelAt - 100n);
      const id = await cancellationAt(networkHelpers, f, app, cancelAt);
      const vested = vestedAt(total, settledAt, VESTING_CLIFF, VESTING_DURATION, cancelAt);
      await expect(f.council.connect(f.outsider).execute(id))
        .to.emit(f.grants, "GrantCancelled")
        .withArgs(app, vested, total - vested, 0n);
      const stored = await f.grants.application(app);
      expect([stored.status, stored.cancelledAt]).to.deep.equal([ApplicationStatus.Cancelled, cancelAt]);

      await time.increase(VESTING_DURATION);
      expect(await f.grants.vestedShares(app)).to.equal(vested);
      await expect(f.grants.connect(researcher).claimShares(app))
        .to.emit(f.grants, "SharesClaimed")
        .withArgs(app, researcher.address, vested);
      await expect(f.grants.connect(researcher).claimShares(app))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToClaim")
        .withArgs(app);
      expect(await f.shares.balanceOf(researcher.address)).to.equal(vested);
      await expectExecutionFailed(
        pass(f, ActionKind.CancelGrant, coder.encode(["uint256"], [app])),
        f.council,
        failure(f.grants, "GrantRoundsAlreadyCancelled", [app]),
      );
    });

    it("cancels only a funded grant of a settled round", async function () {
      const f = await loadFixture(threeOfTwoRound);
      await estimateProbabilities(networkHelpers, f, [[f.apps[0], [5000, 5000]]]);
      await finalize(f.grants, [f.apps[0]]);
      await expectExecutionFailed(
        pass(f, ActionKind.CancelGrant, coder.encode(["uint256"], [f.apps[0]])),
        f.council,
        failure(f.grants, "GrantRoundsNotSettled", [f.roundId]),
      );
      await expectExecutionFailed(
        pass(f, ActionKind.CancelGrant, coder.encode(["uint256"], [f.apps[1]])),
        f.council,
        failure(f.grants, "GrantRoundsNotFunded", [f.apps[1]]),
      );
      expect((await f.grants.application(f.apps[0])).status).to.equal(ApplicationStatus.Funded);
    });
  });

  describe("estimates by trustees", function () {
    it("takes estimates from EOA trustees through the same helper used for contract wallets", async function () {
      const f = await loadFixture(threeOfTwoRound);
      const actor = eoaTrustee(at(f.trustees, 0));
      await passDeadline(networkHelpers, f.params.applicationDeadline);
      await commitEstimates(f.grants, f.apps[0], [{ trustee: actor, probabilityBps: 1234 }]);
      await passDeadline(networkHelpers, f.params.commitDeadline);
      await revealEstimates(f.grants, f.apps[0], [{ trustee: actor, probabilityBps: 1234 }]);
      const estimate = await f.grants.estimateOf(f.apps[0], actor.address);
      expect([estimate.status, estimate.probabilityBps, estimate.effortMonths]).to.deep.equal([
        EstimateStatus.Revealed,
        1234n,
        12n,
      ]);
      expect((await f.grants.estimateOf(f.apps[0], ETH)).status).to.equal(EstimateStatus.None);
    });
  });
});
