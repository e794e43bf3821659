import { expect } from "chai";
import { parseEther } from "ethers";
import { readFileSync } from "node:fs";

import { parseSaltDocument } from "@fef/sdk/salts";

import type {
  EstimateSummary,
  FinalizeSummary,
  RevealSummary,
  SettleSummary,
  TopUpSummary,
} from "../../tasks/rounds.js";
import {
  DAY,
  type TaskFund,
  ethers,
  loadTaskFund,
  openOffering,
  openRound,
  scratchFile,
  submitApplication,
  time,
  roundInCommitPhase,
} from "../helpers/tasks.js";

/** Trustees 1–3 estimate `probes`, only trustees 1–2 estimate `debate` (below the quorum of 3). */
async function roundAfterReveals(fund: TaskFund) {
  const setup = await roundInCommitPhase(fund);
  const { saltFile } = setup;
  const estimates: [bigint, string, string][] = [
    [setup.probes, "1", "6000"],
    [setup.probes, "2", "5000"],
    [setup.probes, "3", "7000"],
    [setup.debate, "1", "3000"],
    [setup.debate, "2", "2000"],
  ];
  for (const [id, from, estimate] of estimates) {
    await fund.run("estimate:commit", { application: id.toString(), estimate, from, saltFile });
  }
  await time.increaseTo(setup.commitDeadline + 1);
  for (const [id, from] of estimates) {
    await fund.run("estimate:reveal", { application: id.toString(), from, saltFile });
  }
  return setup;
}

describe("grant round tasks", () => {
  describe("estimate:commit", () => {
    it("commits the hash of the estimate with a generated salt and stores the salt locally", async () => {
      const fund = await loadTaskFund();
      const { probes, saltFile } = await roundInCommitPhase(fund);
      const summary = await fund.run<EstimateSummary>("estimate:commit", {
        application: probes.toString(),
        estimate: "6500",
        saltFile,
      });

      const trustee = fund.trustee(0).address;
      expect(summary.trustee).to.equal(trustee);
      expect(summary.estimateBps).to.equal(6500);
      expect(summary.salt).to.match(/^0x[0-9a-f]{64}$/);
      expect(summary.sealedEstimate).to.equal(
        await fund.rounds.sealEstimate(trustee, probes, 6500, summary.salt),
      );
      const [commitment, revealed] = await fund.rounds.sealedEstimateOf(probes, trustee);
      expect(commitment).to.equal(summary.sealedEstimate);
      expect(revealed).to.equal(false);
      // The shared salt document: what the dashboard can import to reveal from the browser.
      const stored = parseSaltDocument(readFileSync(saltFile, "utf8"));
      const entry = stored.find((record) => record.trustee.toLowerCase() === trustee.toLowerCase());
      expect(entry).to.deep.include({
        salt: summary.salt,
        estimateBps: 6500,
        sealedEstimate: summary.sealedEstimate,
      });
    });

    it("uses a given salt", async () => {
      const fund = await loadTaskFund();
      const { probes, saltFile } = await roundInCommitPhase(fund);
      const salt = `0x${"ab".repeat(32)}`;
      const summary = await fund.run<EstimateSummary>("estimate:commit", {
        application: probes.toString(),
        estimate: "100",
        salt,
        from: "3",
        saltFile,
      });
      const trustee = fund.trustee(2).address;
      expect(summary.salt).to.equal(salt);
      expect((await fund.rounds.sealedEstimateOf(probes, trustee))[0]).to.equal(
        await fund.rounds.sealEstimate(trustee, probes, 100, salt),
      );
    });

    it("rejects an estimate out of range, a bad salt, an unknown application and a non-trustee", async () => {
      const fund = await loadTaskFund();
      const { probes, saltFile } = await roundInCommitPhase(fund);
      const application = probes.toString();
      await fund.expectErrors("estimate:commit", [
        [{ application, estimate: "10001", saltFile }, "--estimate: must be at most 10000 (got 10001)"],
        [{ application, estimate: "12.5", saltFile }, '--estimate: "12.5" is not a whole number'],
        [
          { application, estimate: "10", salt: "0x1234", saltFile },
          '--salt: "0x1234" is not a 32-byte hex value',
        ],
        [
          { application: "9", estimate: "10", saltFile },
          "--application: application 9 does not exist (ids run from 1 to 2)",
        ],
        [
          { application, estimate: "10", from: "6", saltFile },
          `--from ${fund.account(6).address}: is not a trustee`,
        ],
      ]);
      expect((await fund.rounds.sealedEstimateOf(probes, fund.trustee(0).address))[0]).to.equal(
        `0x${"00".repeat(32)}`,
      );
    });

    it("explains a revert in words: committing before the commit phase", async () => {
      const fund = await loadTaskFund();
      const round = await openRound(fund, 0n);
      const id = await submitApplication(fund, 6, round.roundId, "early");
      await fund.expectError(
        "estimate:commit",
        { application: id.toString(), estimate: "10", saltFile: scratchFile("salts.json") },
        `GrantRoundsWrongPhase(roundId: ${round.roundId}, now_:`,
      );
    });
  });

  describe("estimate:reveal", () => {
    it("reveals the stored estimate with its salt", async () => {
      const fund = await loadTaskFund();
      const { probes, saltFile, commitDeadline } = await roundInCommitPhase(fund);
      await fund.run("estimate:commit", {
        application: probes.toString(),
        estimate: "4200",
        from: "2",
        saltFile,
      });
      await time.increaseTo(commitDeadline + 1);
      const summary = await fund.run<RevealSummary>("estimate:reveal", {
        application: probes.toString(),
        saltFile,
      });

      const trustee = fund.trustee(1).address;
      expect(summary.trustee).to.equal(trustee);
      expect(summary.estimateBps).to.equal(4200);
      expect(summary.revealCount).to.equal(1n);
      expect((await fund.rounds.sealedEstimateOf(probes, trustee))[1]).to.equal(true);
      expect((await fund.rounds.application(probes)).revealCount).to.equal(1n);
    });

    it("fails clearly when no salt is stored for the commitment", async () => {
      const fund = await loadTaskFund();
      const { probes, commitDeadline } = await roundInCommitPhase(fund);
      const trustee = fund.trustee(0);
      const salt = `0x${"11".repeat(32)}`;
      const commitment = await fund.rounds.sealEstimate(trustee.address, probes, 5000, salt);
      await (await fund.rounds.connect(trustee).commitEstimate(probes, commitment)).wait();
      await time.increaseTo(commitDeadline + 1);

      await fund.expectErrors("estimate:reveal", [
        [
          { application: probes.toString(), from: "1", saltFile: scratchFile("empty-salts.json") },
          `No salt for application ${probes} by ${trustee.address}`,
        ],
        [
          { application: probes.toString(), from: "2", saltFile: scratchFile("empty-salts.json") },
          `has not committed an estimate for application ${probes}`,
        ],
      ]);
      expect((await fund.rounds.sealedEstimateOf(probes, trustee.address))[1]).to.equal(false);
    });
  });

  describe("round:finalize", () => {
    it("finalizes every pending application of a round: median of at least M estimates, else unfunded", async () => {
      const fund = await loadTaskFund();
      const { roundId, probes, debate, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      const summary = await fund.run<FinalizeSummary>("round:finalize", {
        round: roundId.toString(),
        pageSize: "1",
      });

      expect(summary.pending).to.equal(0n);
      expect(
        summary.finalized.map((done) => [done.applicationId, done.funded, done.medianEstimateBps]),
      ).to.deep.equal([
        [probes, true, 6000n],
        [debate, false, 0n],
      ]);
      expect((await fund.rounds.application(probes)).status).to.equal(2n); // Funded
      expect((await fund.rounds.application(debate)).status).to.equal(3n); // Unfunded
      expect((await fund.rounds.round(roundId)).finalizedCount).to.equal(2n);
    });

    it("finalizes a single application", async () => {
      const fund = await loadTaskFund();
      const { probes, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      const summary = await fund.run<FinalizeSummary>("round:finalize", {
        application: probes.toString(),
      });
      expect(summary.finalized).to.have.length(1);
      expect(summary.finalized[0]?.weight).to.equal((await fund.rounds.application(probes)).weight);
      expect(summary.pending).to.equal(1n);
    });

    it("refuses to finalize before the reveal deadline, and ambiguous or unknown targets", async () => {
      const fund = await loadTaskFund();
      const { roundId, probes } = await roundAfterReveals(fund);
      await fund.expectErrors("round:finalize", [
        [{ round: roundId.toString() }, `--round: round ${roundId} accepts reveals until`],
        [
          { round: roundId.toString(), application: probes.toString() },
          "Pass either --application <id> or --round <id> (not both)",
        ],
        [{ round: "4" }, "--round: round 4 does not exist (ids run from 1 to 1)"],
      ]);
      expect((await fund.rounds.round(roundId)).finalizedCount).to.equal(0n);
    });
  });

  describe("round:settle", () => {
    it("settles a round whose applications are all finalized", async () => {
      const fund = await loadTaskFund();
      const { roundId, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      await fund.run("round:finalize", { round: roundId.toString() });
      const summary = await fund.run<SettleSummary>("round:settle", { round: roundId.toString() });

      const round = await fund.rounds.round(roundId);
      expect(round.status).to.equal(2n); // Settled
      expect(summary.fundedCount).to.equal(1n);
      expect(summary.totalWeight).to.equal(round.totalWeight);
      expect(summary.settledAt).to.equal(round.settledAt);
    });

    it("refuses a round with unfinalized applications, and a settled one", async () => {
      const fund = await loadTaskFund();
      const { roundId, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      await fund.expectError(
        "round:settle",
        { round: roundId.toString() },
        `--round: 2 of the 2 applications of round ${roundId} are not finalized yet`,
      );
      expect((await fund.rounds.round(roundId)).status).to.equal(1n); // Open
      await fund.run("round:finalize", { round: roundId.toString() });
      await fund.run("round:settle", { round: roundId.toString() });
      await fund.expectError(
        "round:settle",
        { round: roundId.toString() },
        `--round: round ${roundId} was already settled`,
      );
    });
  });

  describe("round:top-up", () => {
    /** A settled round (30-day cliff) whose one funded application asked for a 2 ETH stipend that
     * the empty capital pool could not reserve, and an ended ETH offering of 5 ETH not yet settled. */
    async function roundShortOfCapital(fund: TaskFund) {
      const offering = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await (
        await fund.offerings
          .connect(fund.account(14))
          .subscribe(offering.offeringId, 500n * 10n ** 18n, [], { value: parseEther("5") })
      ).wait();
      const round = await openRound(fund, parseEther("10"), 30 * DAY);
      const probes = await submitApplication(fund, 6, round.roundId, "probes", 24, parseEther("2"));
      await time.increaseTo(round.applicationDeadline + 1);
      const saltFile = scratchFile("salts.json");
      for (const from of ["1", "2", "3"]) {
        await fund.run("estimate:commit", {
          application: probes.toString(),
          estimate: "6000",
          from,
          saltFile,
        });
      }
      await time.increaseTo(round.commitDeadline + 1);
      for (const from of ["1", "2", "3"]) {
        await fund.run("estimate:reveal", { application: probes.toString(), from, saltFile });
      }
      await time.increaseTo(round.revealDeadline + 1);
      await fund.run("round:finalize", { round: round.roundId.toString() });
      await fund.run("round:settle", { round: round.roundId.toString() });
      return { roundId: round.roundId, offeringId: offering.offeringId, probes };
    }

    it("reserves the stipend once the offering's capital reaches the pool, for any account", async () => {
      const fund = await loadTaskFund();
      const { roundId, offeringId, probes } = await roundShortOfCapital(fund);
      expect((await fund.rounds.round(roundId)).stipendReserved).to.equal(0n);
      await fund.expectError("round:top-up", { round: roundId.toString() }, "GrantRoundsNothingToTopUp");
      await fund.run("offering:settle", { offering: offeringId.toString() });

      const summary = await fund.run<TopUpSummary>("round:top-up", {
        round: roundId.toString(),
        from: "19",
      });
      expect(summary).to.deep.include({ roundId, added: parseEther("2"), stipendReserved: parseEther("2") });
      expect(await fund.rounds.stipendAward(probes)).to.equal(parseEther("2"));
      expect(await fund.pool.availableCapital(ethers.ZeroAddress)).to.equal(parseEther("3"));
    });

    it("refuses an unknown round, an unsettled one and one whose vesting has begun, sending nothing", async () => {
      const fund = await loadTaskFund();
      const { roundId, offeringId } = await roundShortOfCapital(fund);
      await fund.run("offering:settle", { offering: offeringId.toString() });
      await fund.expectError("round:top-up", { round: "99" }, "--round");
      const open = await openRound(fund);
      await fund.expectError(
        "round:top-up",
        { round: open.roundId.toString() },
        `--round: round ${open.roundId} is not settled`,
      );
      const { settledAt } = await fund.rounds.round(roundId);
      await time.increaseTo(settledAt + BigInt(30 * DAY));
      await fund.expectError(
        "round:top-up",
        { round: roundId.toString() },
        `--round: round ${roundId}'s stipends are fixed`,
      );
      expect((await fund.rounds.round(roundId)).stipendReserved).to.equal(0n);
    });
  });
});
