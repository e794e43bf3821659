import { expect } from "chai";
import type { Address } from "viem";

import {
  brierInterval,
  brierScore,
  calibrationTable,
  computeTrackRecords,
  outcomesAt,
  trackRecordOf,
  type TrackRecordFacts,
} from "@fef/sdk/trackRecord";
import { trackRecordsFromJson, trackRecordsToJson } from "@fef/sdk/trackRecordJson";

/** Equal to nine decimals: the scores are floating-point sums. */
const round9 = (x: number | undefined): number | undefined =>
  x === undefined ? undefined : Math.round(x * 1e9) / 1e9;

const ALICE = "0x00000000000000000000000000000000000000a1" as Address;
const BOB = "0x00000000000000000000000000000000000000b2" as Address;
const SETTLED = 1_000n;
const HORIZON = 500n; // outcomes judged until 1,500

/**
 * Round 1 (settled at 1,000, horizon 500): applications 1–4 funded, 5 unfunded. Technique 10 was
 * produced by applications 1 and 2; Promise 100 names it and paid a period at 1,200 (gross > 0).
 * Technique 11 (application 3) is named by Promise 101, whose only paid period came at 1,600, after
 * the horizon, and whose period at 1,100 reported nothing. The council resolved application 4 as
 * paid off and application 1 as did not pay off (evidence wins for 1).
 */
function facts(): TrackRecordFacts {
  return {
    rounds: [{ roundId: 1n, revealDeadline: 900n, outcomeHorizon: HORIZON, settledAt: SETTLED }],
    applications: [
      { applicationId: 1n, roundId: 1n, finalized: true, funded: true, medianProbabilityBps: 8000 },
      { applicationId: 2n, roundId: 1n, finalized: true, funded: true, medianProbabilityBps: 3000 },
      { applicationId: 3n, roundId: 1n, finalized: true, funded: true, medianProbabilityBps: 6000 },
      { applicationId: 4n, roundId: 1n, finalized: true, funded: true, medianProbabilityBps: 5000 },
      { applicationId: 5n, roundId: 1n, finalized: true, funded: false, medianProbabilityBps: 0 },
    ],
    techniques: [
      { techniqueId: 10n, applicationIds: [1n, 2n] },
      { techniqueId: 11n, applicationIds: [3n] },
    ],
    commitments: [
      { commitmentId: 100n, techniqueIds: [10n] },
      { commitmentId: 101n, techniqueIds: [11n] },
    ],
    payments: [
      { commitmentId: 100n, grossReturns: 5n, timestamp: 1_200n },
      { commitmentId: 101n, grossReturns: 0n, timestamp: 1_100n },
      { commitmentId: 101n, grossReturns: 7n, timestamp: 1_600n },
    ],
    resolutions: [
      { applicationId: 4n, paidOff: true, timestamp: 1_300n },
      { applicationId: 1n, paidOff: false, timestamp: 1_050n },
    ],
    estimates: [
      { applicationId: 1n, trustee: ALICE, committed: true, recused: false, probabilityBps: 8000 },
      { applicationId: 2n, trustee: ALICE, committed: true, recused: false, probabilityBps: 3000 },
      { applicationId: 3n, trustee: ALICE, committed: true, recused: false, probabilityBps: 6000 },
      { applicationId: 4n, trustee: ALICE, committed: true, recused: false },
      { applicationId: 5n, trustee: ALICE, committed: true, recused: false, probabilityBps: 0 },
      { applicationId: 1n, trustee: BOB, committed: false, recused: true },
      { applicationId: 2n, trustee: BOB, committed: true, recused: false, probabilityBps: 10_000 },
    ],
  };
}

describe("SDK track records: outcomes, Brier score and calibration", function () {
  describe("outcome rules", function () {
    it("a paid period before the horizon pays off both applications that produced the technique", function () {
      const byId = new Map(outcomesAt(facts(), 1_250n).map((o) => [o.applicationId, o]));
      expect(byId.get(1n)).to.include({ status: "paidOff", basis: "paidPeriod", firstPaidAt: 1_200n });
      expect(byId.get(2n)).to.include({ status: "paidOff", basis: "paidPeriod", firstPaidAt: 1_200n });
    });

    it("evidence wins over a council resolution that said the work did not pay off", function () {
      const one = outcomesAt(facts(), 2_000n).find((o) => o.applicationId === 1n);
      expect(one).to.include({ status: "paidOff", basis: "paidPeriod", resolution: false });
    });

    it("a payment after the horizon does not count, and a period with nothing earned is no evidence", function () {
      const three = (at: bigint) => outcomesAt(facts(), at).find((o) => o.applicationId === 3n);
      expect(three(1_400n)).to.include({ status: "pending", horizonAt: 1_500n });
      expect(three(1_400n)).to.not.have.property("firstPaidAt");
      expect(three(1_501n)).to.include({ status: "didNotPayOff", basis: "horizonPassed" });
      expect(three(2_000n)).to.include({
        status: "didNotPayOff",
        basis: "horizonPassed",
        firstPaidAt: 1_600n,
      });
    });

    it("the council's resolution counts from the moment it is recorded and is shown as such", function () {
      const four = (at: bigint) => outcomesAt(facts(), at).find((o) => o.applicationId === 4n);
      expect(four(1_299n)).to.include({ status: "pending" });
      expect(four(1_300n)).to.include({ status: "paidOff", basis: "councilResolution" });
    });

    it("an unfunded application has no outcome; a round not settled yet leaves every outcome pending", function () {
      expect(outcomesAt(facts(), 2_000n).map((o) => o.applicationId)).to.deep.equal([1n, 2n, 3n, 4n]);
      const unsettled = {
        ...facts(),
        rounds: [{ roundId: 1n, revealDeadline: 900n, outcomeHorizon: HORIZON }],
      };
      const outcomes = outcomesAt({ ...unsettled, resolutions: [] }, 5_000n);
      expect(outcomes.map((o) => o.status)).to.deep.equal(["pending", "pending", "pending", "pending"]);
      expect(outcomes[0]).to.not.have.property("horizonAt");
    });
  });

  describe("scores against hand-computed values", function () {
    const pairs = [
      { p: 0.8, paidOff: true },
      { p: 0.3, paidOff: false },
      { p: 0.6, paidOff: false },
    ];

    it("Brier score: mean of (p − outcome)²", function () {
      // (0.2² + 0.3² + 0.6²) / 3 = (0.04 + 0.09 + 0.36) / 3 = 0.163333…
      expect(round9(brierScore(pairs))).to.equal(round9(0.49 / 3));
      expect(brierScore([{ p: 1, paidOff: true }])).to.equal(0);
      expect(brierScore([{ p: 1, paidOff: false }])).to.equal(1);
      expect(brierScore([])).to.equal(undefined);
    });

    it("Brier interval: ±1.96 standard errors, all of 0..1 with a single outcome", function () {
      // errors 0.04, 0.09, 0.36; sample variance 0.0592667 / 2 = 0.0296333; SE = √(0.0296333 / 3) = 0.0993871
      const interval = brierInterval(pairs);
      expect(interval?.[0]).to.equal(0); // 0.163333 − 0.194799 < 0
      expect(Math.round((interval?.[1] ?? 0) * 1e5)).to.equal(Math.round((0.163333 + 0.194799) * 1e5));
      expect(brierInterval([{ p: 0.5, paidOff: true }])).to.deep.equal([0, 1]);
      expect(brierInterval([])).to.equal(undefined);
    });

    it("calibration: ten bands of 10 points, with count, mean estimate and share paid off", function () {
      const table = calibrationTable([
        ...pairs,
        { p: 0.35, paidOff: true },
        { p: 1, paidOff: true },
        { p: 0, paidOff: false },
      ]);
      expect(table).to.have.length(10);
      expect(table[3]).to.include({ from: 30, to: 40, count: 2, sharePaidOff: 0.5 });
      expect(round9(table[3]?.meanEstimate)).to.equal(round9(0.325));
      expect(table[6]).to.deep.equal({ from: 60, to: 70, count: 1, meanEstimate: 0.6, sharePaidOff: 0 });
      expect(table[8]).to.deep.equal({ from: 80, to: 90, count: 1, meanEstimate: 0.8, sharePaidOff: 1 });
      expect(table[9]).to.deep.equal({ from: 90, to: 100, count: 1, meanEstimate: 1, sharePaidOff: 1 }); // 100 % in the last band
      expect(table[0]).to.deep.equal({ from: 0, to: 10, count: 1, meanEstimate: 0, sharePaidOff: 0 });
      expect(table[5]).to.deep.equal({ from: 50, to: 60, count: 0 });
    });
  });

  describe("track records", function () {
    it("scores each trustee over the resolved applications they revealed an estimate for, and counts the rest", function () {
      const records = computeTrackRecords(facts(), 2_000n);
      const alice = trackRecordOf(records, ALICE);
      // Alice: 1 (0.8, paid off), 2 (0.3, paid off), 3 (0.6, did not) → (0.04 + 0.49 + 0.36) / 3;
      // 4 committed but never revealed (missed: the reveal deadline 900 has passed); 5 unfunded.
      expect(alice).to.include({ committed: 5, revealed: 4, missed: 1, recused: 0, outcomes: 3 });
      expect(round9(alice?.brier)).to.equal(round9(0.89 / 3));
      expect(alice?.history.find((h) => h.applicationId === 5n)).to.include({
        funded: false,
        state: "revealed",
      });
      expect(alice?.history.find((h) => h.applicationId === 5n)).to.not.have.property("outcome");
      // Bob recused from 1 and said 100 % for 2, which paid off.
      const bob = trackRecordOf(records, BOB.toUpperCase().replace("0X", "0x") as Address);
      expect(bob).to.include({ committed: 1, revealed: 1, missed: 0, recused: 1, outcomes: 1, brier: 0 });
      expect(bob?.interval).to.deep.equal([0, 1]);
    });

    it("scores the council as a whole: each funded application's median against its outcome", function () {
      const { council } = computeTrackRecords(facts(), 2_000n);
      // 1: 0.8 paid off, 2: 0.3 paid off, 3: 0.6 did not, 4: 0.5 paid off (council resolution)
      // (0.04 + 0.49 + 0.36 + 0.25) / 4 = 0.285
      expect(council.outcomes).to.equal(4);
      expect(round9(council.brier)).to.equal(round9(0.285));
      expect(council).to.include({ committed: 6, revealed: 5, missed: 1, recused: 1 });
    });

    it("an estimate still inside the reveal phase is committed, not missed", function () {
      const records = computeTrackRecords(facts(), 800n);
      expect(trackRecordOf(records, ALICE)).to.include({ committed: 5, missed: 0, outcomes: 0 });
      expect(trackRecordOf(records, ALICE)?.brier).to.equal(undefined);
    });

    it("round-trips through JSON unchanged (bigints as decimal strings)", function () {
      const records = computeTrackRecords(facts(), 2_000n);
      expect(trackRecordsFromJson(trackRecordsToJson(records))).to.deep.equal(records);
    });
  });
});
