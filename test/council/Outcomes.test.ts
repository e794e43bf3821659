import { expect } from "chai";

import { ActionKind, at, deploySystem, failure, pass, proposeAndApprove } from "../helpers/council.js";
import {
  DAY,
  apply,
  estimateProbabilities,
  openRound,
  openRoundArgs,
  roundParams,
} from "../helpers/grants.js";
import { connect } from "../helpers/network.js";
import { expectExecutionFailed } from "../helpers/proposals.js";

const { ethers, networkHelpers, loadFixture, time, coder } = await connect();

const OutcomeResolution = { None: 0n, PaidOff: 1n, DidNotPayOff: 2n } as const;
const DEFAULT_HORIZON = 3n * 365n * DAY;

const resolveArgs = (applicationId: bigint, paidOff: boolean) =>
  coder.encode(["uint256", "bool"], [applicationId, paidOff]);
const horizonArgs = (horizon: bigint) => coder.encode(["uint64"], [horizon]);

/** A round with a funded application (`funded`), an unfunded one (`unfunded`), estimated, not settled. */
async function estimatedRound() {
  const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
  const params = roundParams(BigInt(await time.latest()));
  const roundId = await openRound(system, params);
  const funded = await apply(system.grants, at(system.researchers, 0), roundId, "funded", 12, 0n);
  const unfunded = await apply(system.grants, at(system.researchers, 1), roundId, "unfunded", 12, 0n);
  await estimateProbabilities(networkHelpers, { ...system, params }, [
    [funded, [4000, 5000, 6000]],
    [unfunded, [0, 0, 0]],
  ]);
  await system.grants.finalizeApplications([funded, unfunded]);
  return { ...system, roundId, funded, unfunded };
}

/**
 * The first two trustees propose and approve resolving `applicationId` as paid off; the outsider's
 * execution fails with `reason` (see `failure`) on record for that proposal, and the recorded
 * resolution stays `stands`.
 */
async function expectPaidOffRefused(
  f: Awaited<ReturnType<typeof estimatedRound>>,
  applicationId: bigint,
  reason: string,
  stands: bigint,
): Promise<void> {
  const args = resolveArgs(applicationId, true);
  const id = await proposeAndApprove(f.council, f.trustees.slice(0, 2), ActionKind.ResolveOutcome, args);
  await expectExecutionFailed(f.council.connect(f.outsider).execute(id), f.council, reason, [
    id,
    ActionKind.ResolveOutcome,
    f.outsider.address,
  ]);
  expect(await f.council.outcomeResolution(await f.grants.getAddress(), applicationId)).to.equal(stands);
}

async function settledRound() {
  const f = await estimatedRound();
  await f.grants.settleRound(f.roundId);
  return f;
}

describe("Outcomes: horizons fixed when a round opens, council resolutions", function () {
  describe("outcome horizon", function () {
    it("fixes the horizon in force (three years by default) when a round opens, with an event", async function () {
      const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
      const grantsAddress = await system.grants.getAddress();
      expect(await system.council.outcomeHorizon()).to.equal(DEFAULT_HORIZON);
      const params = roundParams(BigInt(await time.latest()));
      await expect(pass(system, ActionKind.OpenRound, openRoundArgs(system.grants, params)))
        .to.emit(system.council, "OutcomeHorizonFixed")
        .withArgs(grantsAddress, 1n, DEFAULT_HORIZON);
      expect(await system.council.roundOutcomeHorizon(grantsAddress, 1n)).to.equal(DEFAULT_HORIZON);
    });

    it("a new horizon applies to rounds opened afterwards, never to rounds already open", async function () {
      const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
      const grantsAddress = await system.grants.getAddress();
      await openRound(system, roundParams(BigInt(await time.latest())));
      await expect(pass(system, ActionKind.SetOutcomeHorizon, horizonArgs(30n * DAY)))
        .to.emit(system.council, "OutcomeHorizonSet")
        .withArgs(30n * DAY);
      await openRound(system, roundParams(BigInt(await time.latest())));
      expect(await system.council.roundOutcomeHorizon(grantsAddress, 1n)).to.equal(DEFAULT_HORIZON);
      expect(await system.council.roundOutcomeHorizon(grantsAddress, 2n)).to.equal(30n * DAY);
      expect(await system.council.outcomeHorizon()).to.equal(30n * DAY);
    });

    it("refuses a horizon outside 1 day .. 50 years when proposed, and changes nothing", async function () {
      const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
      const trustee = at(system.trustees, 0);
      const max = 50n * 365n * DAY;
      for (const bad of [0n, DAY - 1n, max + 1n]) {
        await expect(system.council.connect(trustee).propose(ActionKind.SetOutcomeHorizon, horizonArgs(bad)))
          .to.be.revertedWithCustomError(system.council, "CouncilInvalidOutcomeHorizon")
          .withArgs(bad, DAY, max);
      }
      await expect(
        system.council.connect(trustee).propose(ActionKind.SetOutcomeHorizon, `0x${"ff".repeat(32)}`),
      ).to.be.revertedWithCustomError(system.council, "CouncilInvalidArgs");
      expect(await system.council.proposalCount()).to.equal(0n);
      expect(await system.council.outcomeHorizon()).to.equal(DEFAULT_HORIZON);
    });

    it("nobody but the council itself sets the horizon or resolves an outcome", async function () {
      const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
      const trustee = at(system.trustees, 0);
      await expect(system.council.connect(trustee).setOutcomeHorizon(30n * DAY))
        .to.be.revertedWithCustomError(system.council, "CouncilOnlySelf")
        .withArgs(trustee.address);
      await expect(system.council.connect(trustee).resolveOutcome(1n, true))
        .to.be.revertedWithCustomError(system.council, "CouncilOnlySelf")
        .withArgs(trustee.address);
    });
  });

  describe("council resolutions", function () {
    it("records a resolution of a funded application of a settled round, with an event", async function () {
      const f = await loadFixture(settledRound);
      const grantsAddress = await f.grants.getAddress();
      await expect(pass(f, ActionKind.ResolveOutcome, resolveArgs(f.funded, true)))
        .to.emit(f.council, "OutcomeResolved")
        .withArgs(grantsAddress, f.funded, f.roundId, true);
      expect(await f.council.outcomeResolution(grantsAddress, f.funded)).to.equal(OutcomeResolution.PaidOff);
    });

    it("a resolution is final: a second one fails and the first stands", async function () {
      const f = await loadFixture(settledRound);
      await pass(f, ActionKind.ResolveOutcome, resolveArgs(f.funded, false));
      const refused = failure(f.council, "CouncilOutcomeAlreadyResolved", [
        f.funded,
        OutcomeResolution.DidNotPayOff,
      ]);
      await expectPaidOffRefused(f, f.funded, refused, OutcomeResolution.DidNotPayOff);
    });

    it("refuses to resolve an unfunded application", async function () {
      const f = await loadFixture(settledRound);
      const refused = failure(f.council, "CouncilApplicationNotFunded", [f.unfunded]);
      await expectPaidOffRefused(f, f.unfunded, refused, OutcomeResolution.None);
    });

    it("refuses to resolve before the round is settled", async function () {
      const f = await loadFixture(estimatedRound);
      const refused = failure(f.council, "CouncilRoundNotSettled", [f.roundId]);
      await expectPaidOffRefused(f, f.funded, refused, OutcomeResolution.None);
    });

    it("refuses, when proposed, an application that does not exist or a paid-off flag that is not a bool", async function () {
      const f = await loadFixture(settledRound);
      const trustee = at(f.trustees, 0);
      for (const unknown of [0n, 3n]) {
        await expect(
          f.council.connect(trustee).propose(ActionKind.ResolveOutcome, resolveArgs(unknown, true)),
        )
          .to.be.revertedWithCustomError(f.council, "CouncilUnknownApplication")
          .withArgs(unknown);
      }
      const notBool = coder.encode(["uint256", "uint256"], [f.funded, 2n]);
      await expect(f.council.connect(trustee).propose(ActionKind.ResolveOutcome, notBool))
        .to.be.revertedWithCustomError(f.council, "CouncilInvalidArgs")
        .withArgs(ActionKind.ResolveOutcome);
    });

    it("a cancelled grant was funded: its outcome can still be resolved", async function () {
      const f = await loadFixture(settledRound);
      await pass(f, ActionKind.CancelGrant, coder.encode(["uint256"], [f.funded]));
      await pass(f, ActionKind.ResolveOutcome, resolveArgs(f.funded, false));
      expect(await f.council.outcomeResolution(await f.grants.getAddress(), f.funded)).to.equal(
        OutcomeResolution.DidNotPayOff,
      );
    });
  });
});
