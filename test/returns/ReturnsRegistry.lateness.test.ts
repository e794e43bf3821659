import { expect } from "chai";

import {
  clockPaused,
  clockRenewed,
  clockUnpaused,
  graceExtensionAt,
  judgeReport,
  NEVER_PAUSED,
  pausedSecondsAt,
  type PauseClock,
} from "@fef/sdk/history/lateness";
import { overduePeriods } from "@fef/sdk/history/queries";

import { DAY, ETH, periodEnd, returnsNetwork } from "../helpers/returns.js";
import type { CommittedSystem } from "../helpers/returns.js";

// The history indexer judges payments (paid on time, paid late) and unreported periods (overdue) by
// replaying the ledger's pause events and the registry's reports through @fef/sdk/history/lateness.
// These tests replay the chain's own logs the same way and hold the result to the registry's
// `compliance` view, with pauses that extend the grace.

const { ethers, loadFixture, time, committed } = await returnsNetwork();
const EVIDENCE = ethers.id("evidence");

type Replayed = {
  clock: PauseClock;
  mark: bigint;
  lateness: Map<bigint, "on_time" | "late">;
};

type Ordered = { blockNumber: number; index: number; apply: (at: bigint) => void };

/** Replays the ledger's pause events and the commitment's registration and reports, in chain order. */
async function replay(f: CommittedSystem): Promise<Replayed> {
  const { shares, registry, terms, commitmentId } = f;
  const state: Replayed = { clock: NEVER_PAUSED, mark: 0n, lateness: new Map() };
  const steps: Ordered[] = [];
  for (const log of await shares.queryFilter(shares.filters.Paused())) {
    const until = log.args.until;
    steps.push({ ...log, apply: (at) => (state.clock = clockPaused(state.clock, at, until)) });
  }
  for (const log of await shares.queryFilter(shares.filters.PauseRenewed())) {
    const until = log.args.until;
    steps.push({ ...log, apply: () => (state.clock = clockRenewed(state.clock, until)) });
  }
  for (const log of await shares.queryFilter(shares.filters.Unpaused())) {
    steps.push({ ...log, apply: (at) => (state.clock = clockUnpaused(state.clock, at)) });
  }
  for (const log of await registry.queryFilter(registry.filters.CommitmentRegistered(commitmentId))) {
    steps.push({ ...log, apply: (at) => (state.mark = pausedSecondsAt(state.clock, at)) });
  }
  for (const log of await registry.queryFilter(registry.filters.ReturnsReported(commitmentId))) {
    const period = log.args.period;
    steps.push({
      ...log,
      apply: (at) => {
        const judged = judgeReport(terms, period, at, state.mark, state.clock);
        state.lateness.set(period, judged.late ? "late" : "on_time");
        state.mark = judged.markAfter;
      },
    });
  }
  steps.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
  for (const step of steps) {
    const block = await ethers.provider.getBlock(step.blockNumber);
    if (!block) throw new Error(`no block ${step.blockNumber}`);
    step.apply(BigInt(block.timestamp));
  }
  return state;
}

/** The replayed overdue periods at the latest block, beside the registry's own count there. */
async function overdueBoth(f: CommittedSystem): Promise<{ replayed: bigint[]; registry: bigint }> {
  const state = await replay(f);
  const now = BigInt(await time.latest());
  const reported = new Set(state.lateness.keys());
  const extension = graceExtensionAt(state.clock, state.mark, now);
  const replayed = overduePeriods({ ...f.terms, id: f.commitmentId }, reported, now, extension).map(
    (r) => r.period,
  );
  const registry = (await f.registry.compliance(f.commitmentId)).periodsOverdue;
  return { replayed, registry };
}

describe("Payment lateness replayed from events matches the registry's rule, pauses included", function () {
  it("counts a report inside the pause-extended grace as paid on time, and one after it as paid late", async function () {
    const f = await loadFixture(committed);
    const { registry, shares, deployer, companySigner, terms, commitmentId } = f;
    // Period 0 ends; the ledger pauses for 10 days during its grace.
    await time.setNextBlockTimestamp(periodEnd(terms, 0n) + DAY);
    await shares.connect(deployer).pause();
    await time.setNextBlockTimestamp(periodEnd(terms, 0n) + 11n * DAY);
    await shares.connect(deployer).unpause();

    // Past the plain grace (7 days), within the extended one (17 days): due, not overdue.
    await time.increaseTo(periodEnd(terms, 0n) + terms.gracePeriod + 5n * DAY);
    let both = await overdueBoth(f);
    expect(both.registry).to.equal(0n);
    expect(both.replayed).to.deep.equal([]);
    // Without the extension the period would count as overdue: the pause is what makes the difference.
    const plain = overduePeriods({ ...terms, id: commitmentId }, new Set(), BigInt(await time.latest()));
    expect(plain.map((r) => r.period)).to.deep.equal([0n]);

    await registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 100n, EVIDENCE, { value: 5n });
    let state = await replay(f);
    expect(state.lateness.get(0n)).to.equal("on_time");

    // Period 1: no pause any more (the report reset the mark before period 1 ended), so its grace
    // is the plain 7 days. One second past it, the registry says overdue and so does the replay.
    await time.increaseTo(periodEnd(terms, 1n) + terms.gracePeriod + 1n);
    both = await overdueBoth(f);
    expect(both.registry).to.equal(1n);
    expect(both.replayed).to.deep.equal([1n]);
    await registry.connect(companySigner).reportReturns(commitmentId, 1n, ETH, 0n, EVIDENCE);
    state = await replay(f);
    expect(state.lateness.get(1n)).to.equal("late");
  });

  it("matches the registry's overdue count through a pause that lapses by itself, second by second at the edge", async function () {
    const f = await loadFixture(committed);
    const { shares, deployer, terms } = f;
    await time.setNextBlockTimestamp(periodEnd(terms, 0n) + 2n * DAY);
    await shares.connect(deployer).pause();
    await shares.connect(deployer).renewPause();
    const pause = (await shares.pauseState()).pauseEnds;
    // The renewed pause lapses by itself (no Unpaused event); the extension is its whole length.
    await time.increaseTo(pause + 1n);
    expect(await shares.paused()).to.equal(false);
    const extension = pause - (periodEnd(terms, 0n) + 2n * DAY);
    const edge = periodEnd(terms, 0n) + terms.gracePeriod + extension;
    // Every period that ended meanwhile shares the extension: compare at the edge and one second after.
    await time.increaseTo(edge);
    let both = await overdueBoth(f);
    expect([both.registry, BigInt(both.replayed.length)]).to.deep.equal([0n, 0n]);
    await time.increase(1n);
    both = await overdueBoth(f);
    expect(both.registry).to.be.greaterThan(0n);
    expect(BigInt(both.replayed.length)).to.equal(both.registry);
    expect(both.replayed[0]).to.equal(0n);
  });
});
