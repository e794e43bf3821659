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
  type TestFund,
  account,
  ethers,
  commitDirectly,
  expectTaskError,
  loadFund,
  openOffering,
  openRound,
  roundInCommitPhase,
  runTask,
  scratchFile,
  submitApplication,
  time,
  withTasks,
} from "../helpers/tasks.js";

/**
 * Trustees 1–3 estimate `probes` (trustee 3 judges 12 of its 24 declared months), only trustees 1–2
 * estimate `debate` (below the quorum of 3). Trustees 1 and 2 commit and reveal both in one batch each.
 */
async function roundAfterReveals(fund: TestFund) {
  const setup = await roundInCommitPhase(fund);
  const { saltFile, probes, debate } = setup;
  const both = `${probes},${debate}`;
  await runTask(fund, "estimate:commit", {
    application: both,
    probability: "6000,3000",
    from: "1",
    saltFile,
  });
  await runTask(fund, "estimate:commit", {
    application: both,
    probability: "5000,2000",
    from: "2",
    saltFile,
  });
  await runTask(fund, "estimate:commit", {
    application: probes.toString(),
    probability: "7000",
    effort: "12",
    from: "3",
    saltFile,
  });
  await time.increaseTo(setup.commitDeadline + 1);
  await runTask(fund, "estimate:reveal", { application: both, from: "1", saltFile });
  await runTask(fund, "estimate:reveal", { application: both, from: "2", saltFile });
  await runTask(fund, "estimate:reveal", { application: probes.toString(), from: "3", saltFile });
  return setup;
}

describe("grant round tasks", () => {
  describe("estimate:commit", () => {
    it("commits the hashes of estimates for several applications in one transaction and stores the salts locally", async () => {
      const fund = await loadFund();
      const { probes, debate, saltFile } = await roundInCommitPhase(fund);
      const summary = await runTask<EstimateSummary>(fund, "estimate:commit", {
        application: `${probes},${debate}`,
        probability: "6500,4000",
        effort: "18",
        saltFile,
      });

      const trustee = account(fund.trustees, 0).address;
      expect(summary.trustee).to.equal(trustee);
      expect(summary.transactions).to.have.length(1);
      expect(
        summary.estimates.map((e) => [e.applicationId, e.probabilityBps, e.effortMonths, e.stipend]),
      ).to.deep.equal([
        [probes, 6500, 18, 0n],
        [debate, 4000, 18, 0n],
      ]);
      for (const estimate of summary.estimates) {
        expect(estimate.salt).to.match(/^0x[0-9a-f]{64}$/);
        expect(estimate.sealedEstimate).to.equal(
          await fund.rounds.sealEstimate(
            trustee,
            estimate.applicationId,
            estimate.probabilityBps,
            18,
            0n,
            estimate.salt,
          ),
        );
        const onChain = await fund.rounds.estimateOf(estimate.applicationId, trustee);
        expect([onChain.status, onChain.sealedEstimate]).to.deep.equal([2n, estimate.sealedEstimate]);
      }
      // The shared salt document: what the dashboard can import to reveal from the browser.
      const stored = parseSaltDocument(readFileSync(saltFile, "utf8"));
      const entry = stored.find(
        (r) => r.applicationId === probes && r.trustee.toLowerCase() === trustee.toLowerCase(),
      );
      expect(entry).to.deep.include({ probabilityBps: 6500, effortMonths: 18, stipend: 0n });
    });

    it("uses a given salt, or one derived from the wallet's signature that it can recompute", async () => {
      const fund = await loadFund();
      const { probes, debate, saltFile } = await roundInCommitPhase(fund);
      const salt = `0x${"ab".repeat(32)}`;
      const given = await runTask<EstimateSummary>(fund, "estimate:commit", {
        application: probes.toString(),
        probability: "100",
        salt,
        from: "3",
        saltFile,
      });
      expect(given.estimates[0]?.salt).to.equal(salt);
      const derived = await runTask<EstimateSummary>(fund, "estimate:commit", {
        application: debate.toString(),
        probability: "100",
        deriveSalt: true,
        from: "3",
        saltFile: scratchFile("other-salts.json"),
      });
      const again = await runTask<EstimateSummary>(fund, "estimate:commit", {
        application: probes.toString(),
        probability: "100",
        deriveSalt: true,
        from: "4",
        saltFile,
      });
      expect(derived.estimates[0]?.salt).to.match(/^0x[0-9a-f]{64}$/);
      expect(derived.estimates[0]?.salt).not.to.equal(again.estimates[0]?.salt);
    });

    it("rejects a probability out of range, a bad salt, an unknown application, a non-trustee and a recused trustee", async () => {
      const fund = await loadFund();
      const { probes, saltFile, roundId } = await roundInCommitPhase(fund);
      const application = probes.toString();
      await withTasks(fund).expectErrors("estimate:commit", [
        [{ application, probability: "10001", saltFile }, "--probability: must be at most 10000 (got 10001)"],
        [{ application, probability: "10", effort: "1201", saltFile }, "--effort: must be at most 1200"],
        [
          { application, probability: "10", salt: "0x1234", saltFile },
          '--salt: "0x1234" is not a 32-byte hex value',
        ],
        [
          { application: "9", probability: "10", saltFile },
          "--application: application 9 does not exist (ids run from 1 to 2)",
        ],
        [
          { application, probability: "10", from: "6", saltFile },
          `--from ${account(fund.signers, 6).address}: is not a trustee`,
        ],
      ]);
      expect((await fund.rounds.estimateOf(probes, account(fund.trustees, 0).address)).status).to.equal(0n);
      expect(roundId).to.equal(1n);
    });

    it("explains a revert in words: committing before the commit phase", async () => {
      const fund = await loadFund();
      const round = await openRound(fund, 0n);
      const id = await submitApplication(fund, 6, round.roundId, "early");
      await expectTaskError(
        fund,
        "estimate:commit",
        { application: id.toString(), probability: "10", saltFile: scratchFile("salts.json") },
        `GrantRoundsWrongPhase(roundId: ${round.roundId}, now_:`,
      );
    });
  });

  describe("estimate:reveal", () => {
    it("reveals the stored estimates with their salts, in one transaction", async () => {
      const fund = await loadFund();
      const { probes, debate, saltFile, commitDeadline } = await roundInCommitPhase(fund);
      const both = `${probes},${debate}`;
      await runTask(fund, "estimate:commit", { application: both, probability: "4200", from: "2", saltFile });
      await time.increaseTo(commitDeadline + 1);
      const summary = await runTask<RevealSummary>(fund, "estimate:reveal", { application: both, saltFile });

      const trustee = account(fund.trustees, 1).address;
      expect(summary.trustee).to.equal(trustee);
      expect(summary.transactions).to.have.length(1);
      expect(summary.revealed.map((r) => [r.applicationId, r.probabilityBps, r.effortMonths])).to.deep.equal([
        [probes, 4200, 24],
        [debate, 4200, 12],
      ]);
      const onChain = await fund.rounds.estimateOf(probes, trustee);
      expect([onChain.status, onChain.probabilityBps]).to.deep.equal([3n, 4200n]);
      expect(await fund.rounds.trusteeRecord(1n, trustee)).to.deep.equal([2n, 2n, 0n, 0n]);
    });

    it("fails clearly when no salt is stored for the commitment", async () => {
      const fund = await loadFund();
      const { probes, commitDeadline } = await roundInCommitPhase(fund);
      const trustee = account(fund.trustees, 0);
      await commitDirectly(fund, 0, probes, 5000, `0x${"11".repeat(32)}`);
      await time.increaseTo(commitDeadline + 1);

      await withTasks(fund).expectErrors("estimate:reveal", [
        [
          { application: probes.toString(), from: "1", saltFile: scratchFile("empty-salts.json") },
          `No salt for application ${probes} by ${trustee.address}`,
        ],
        [
          { application: probes.toString(), from: "2", saltFile: scratchFile("empty-salts.json") },
          `has no unrevealed estimate for application ${probes}`,
        ],
      ]);
      expect((await fund.rounds.estimateOf(probes, trustee.address)).status).to.equal(2n);
    });
  });

  describe("round:finalize", () => {
    it("finalizes every pending application of a round: median of at least M estimates, else unfunded", async () => {
      const fund = await loadFund();
      const { roundId, probes, debate, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      const summary = await runTask<FinalizeSummary>(fund, "round:finalize", {
        round: roundId.toString(),
        pageSize: "1",
      });

      expect(summary.pending).to.equal(0n);
      // probes: medians 60% × 24 months (12, 24, 24 assessed); debate: two sealed estimates, below M = 3.
      expect(
        summary.finalized.map((done) => [
          done.applicationId,
          done.funded,
          done.medianProbabilityBps,
          done.medianEffortMonths,
          done.committedCount,
        ]),
      ).to.deep.equal([
        [probes, true, 6000n, 24n, 3n],
        [debate, false, 0n, 0n, 2n],
      ]);
      expect(summary.transactions).to.have.length(1);
      expect((await fund.rounds.application(probes)).status).to.equal(2n); // Funded
      expect((await fund.rounds.application(debate)).status).to.equal(3n); // Unfunded
      expect((await fund.rounds.round(roundId)).finalizedCount).to.equal(2n);
    });

    it("finalizes a single application", async () => {
      const fund = await loadFund();
      const { probes, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      const summary = await runTask<FinalizeSummary>(fund, "round:finalize", {
        application: probes.toString(),
      });
      expect(summary.finalized).to.have.length(1);
      expect(summary.finalized[0]?.weight).to.equal((await fund.rounds.application(probes)).weight);
      expect(summary.pending).to.equal(1n);
    });

    it("refuses to finalize before the reveal deadline, and ambiguous or unknown targets", async () => {
      const fund = await loadFund();
      const { roundId, probes } = await roundAfterReveals(fund);
      await withTasks(fund).expectErrors("round:finalize", [
        [{ round: roundId.toString() }, `--round: round ${roundId} accepts reveals until`],
        [
          { round: roundId.toString(), application: probes.toString() },
          "Pass either --application <id[,id…]> or --round <id> (not both)",
        ],
        [{ round: "4" }, "--round: round 4 does not exist (ids run from 1 to 1)"],
      ]);
      expect((await fund.rounds.round(roundId)).finalizedCount).to.equal(0n);
    });
  });

  describe("round:record", () => {
    it("prints each trustee's record: committed, revealed, missed once the reveal phase is over", async () => {
      const fund = await loadFund();
      const { roundId, probes, revealDeadline } = await roundAfterReveals(fund);
      const before = await runTask<{ records: { trustee: string; committed: bigint; missed: bigint }[] }>(
        fund,
        "round:record",
        { round: roundId.toString() },
      );
      expect(before.records.map((r) => r.committed)).to.deep.equal([2n, 2n, 1n, 0n, 0n]);
      expect((await fund.rounds.estimateOf(probes, account(fund.trustees, 3).address)).status).to.equal(0n);
      await time.increaseTo(revealDeadline + 1);
      const after = await runTask<{ records: { missed: bigint; revealed: bigint }[] }>(fund, "round:record", {
        round: roundId.toString(),
      });
      expect(after.records.map((r) => [r.revealed, r.missed])).to.deep.equal([
        [2n, 0n],
        [2n, 0n],
        [1n, 0n],
        [0n, 0n],
        [0n, 0n],
      ]);
    });
  });

  describe("round:settle", () => {
    it("settles a round whose applications are all finalized", async () => {
      const fund = await loadFund();
      const { roundId, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      await runTask(fund, "round:finalize", { round: roundId.toString() });
      const summary = await runTask<SettleSummary>(fund, "round:settle", { round: roundId.toString() });

      const round = await fund.rounds.round(roundId);
      expect(round.status).to.equal(2n); // Settled
      expect(summary.fundedCount).to.equal(1n);
      expect(summary.totalWeight).to.equal(round.totalWeight);
      expect(summary.settledAt).to.equal(round.settledAt);
    });

    it("refuses a round with unfinalized applications, and a settled one", async () => {
      const fund = await loadFund();
      const { roundId, revealDeadline } = await roundAfterReveals(fund);
      await time.increaseTo(revealDeadline + 1);
      await expectTaskError(
        fund,
        "round:settle",
        { round: roundId.toString() },
        `--round: 2 of the 2 estimated applications of round ${roundId} are not finalized yet`,
      );
      expect((await fund.rounds.round(roundId)).status).to.equal(1n); // Open
      await runTask(fund, "round:finalize", { round: roundId.toString() });
      await runTask(fund, "round:settle", { round: roundId.toString() });
      await expectTaskError(
        fund,
        "round:settle",
        { round: roundId.toString() },
        `--round: round ${roundId} was already settled`,
      );
    });
  });

  describe("round:top-up", () => {
    /** A settled round (30-day cliff) whose one funded application asked for a 2 ETH stipend that
     * the empty capital pool could not reserve, and an ended ETH offering of 5 ETH not yet settled. */
    async function roundShortOfCapital(fund: TestFund) {
      const offering = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
      await (
        await fund.offerings
          .connect(account(fund.signers, 14))
          .subscribe(offering.offeringId, 500n * 10n ** 18n, [], { value: parseEther("5") })
      ).wait();
      const round = await openRound(fund, parseEther("10"), 30 * DAY);
      const probes = await submitApplication(fund, 6, round.roundId, "probes", 24, parseEther("2"));
      await time.increaseTo(round.applicationDeadline + 1);
      const saltFile = scratchFile("salts.json");
      for (const from of ["1", "2", "3"]) {
        await runTask(fund, "estimate:commit", {
          application: probes.toString(),
          probability: "6000",
          from,
          saltFile,
        });
      }
      await time.increaseTo(round.commitDeadline + 1);
      for (const from of ["1", "2", "3"]) {
        await runTask(fund, "estimate:reveal", { application: probes.toString(), from, saltFile });
      }
      await time.increaseTo(round.revealDeadline + 1);
      await runTask(fund, "round:finalize", { round: round.roundId.toString() });
      await runTask(fund, "round:settle", { round: round.roundId.toString() });
      return { roundId: round.roundId, offeringId: offering.offeringId, probes };
    }

    it("reserves the stipend once the offering's capital reaches the pool, for any account", async () => {
      const fund = await loadFund();
      const { roundId, offeringId, probes } = await roundShortOfCapital(fund);
      expect((await fund.rounds.round(roundId)).stipendReserved).to.equal(0n);
      await expectTaskError(fund, "round:top-up", { round: roundId.toString() }, "GrantRoundsNothingToTopUp");
      await runTask(fund, "offering:settle", { offering: offeringId.toString() });

      const summary = await runTask<TopUpSummary>(fund, "round:top-up", {
        round: roundId.toString(),
        from: "19",
      });
      expect(summary).to.deep.include({ roundId, added: parseEther("2"), stipendReserved: parseEther("2") });
      expect(await fund.rounds.stipendAward(probes)).to.equal(parseEther("2"));
      expect(await fund.pool.availableCapital(ethers.ZeroAddress)).to.equal(parseEther("3"));
    });

    it("refuses an unknown round, an unsettled one and one whose vesting has begun, sending nothing", async () => {
      const fund = await loadFund();
      const { roundId, offeringId } = await roundShortOfCapital(fund);
      await runTask(fund, "offering:settle", { offering: offeringId.toString() });
      await expectTaskError(fund, "round:top-up", { round: "99" }, "--round");
      const open = await openRound(fund);
      await expectTaskError(
        fund,
        "round:top-up",
        { round: open.roundId.toString() },
        `--round: round ${open.roundId} is not settled`,
      );
      const { settledAt } = await fund.rounds.round(roundId);
      await time.increaseTo(settledAt + BigInt(30 * DAY));
      await expectTaskError(
        fund,
        "round:top-up",
        { round: roundId.toString() },
        `--round: round ${roundId}'s stipends are fixed`,
      );
      expect((await fund.rounds.round(roundId)).stipendReserved).to.equal(0n);
    });
  });
});
