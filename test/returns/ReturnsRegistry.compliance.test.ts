import { expect } from "chai";

import { DAY, ETH, commit, periodEnd, promiseTerms, returnsNetwork } from "../helpers/returns.js";
import type { PromiseTerms, ReturnsSystem } from "../helpers/returns.js";
import type { ReturnsRegistry } from "../../types/ethers-contracts/index.js";

const { ethers, networkHelpers, system } = await returnsNetwork();

interface ComplianceSystem extends ReturnsSystem {
  terms: PromiseTerms;
  commitmentId: bigint;
}

/** One commitment: four 30-day periods, 7 days' grace. */
async function committed(): Promise<ComplianceSystem> {
  const base = await system();
  const terms = promiseTerms(base.companyId, base.start, { periods: 4n, gracePeriod: 7n * DAY });
  const commitmentId = await commit(base.registry, base.companyAdmin, terms);
  return { ...base, terms, commitmentId };
}

/** The compliance counts in the order the view returns them. */
function counts(elapsed: bigint, reported: bigint, due: bigint, overdue: bigint): Expected {
  return { elapsed, reported, due, overdue };
}

interface Expected {
  elapsed: bigint;
  reported: bigint;
  due: bigint;
  overdue: bigint;
  disputed?: bigint;
}

/** Mines a block at `time` and checks the compliance view there. */
async function expectComplianceAt(
  registry: ReturnsRegistry,
  commitmentId: bigint,
  time: bigint,
  expected: Expected,
): Promise<void> {
  const latest = BigInt(await networkHelpers.time.latest());
  if (time > latest) await networkHelpers.time.increaseTo(time);
  const status = await registry.compliance(commitmentId);
  expect(
    {
      elapsed: status.periodsElapsed,
      reported: status.periodsReported,
      due: status.periodsDue,
      overdue: status.periodsOverdue,
      delinquent: status.delinquent,
      disputed: status.disputed,
    },
    `compliance at ${time}`,
  ).to.deep.equal({
    elapsed: expected.elapsed,
    reported: expected.reported,
    due: expected.due,
    overdue: expected.overdue,
    delinquent: expected.overdue > 0n,
    disputed: expected.disputed ?? 0n,
  });
}

describe("ReturnsRegistry — compliance, computed from time", function () {
  it("shows nothing elapsed before the first period ends", async function () {
    const { registry, terms, commitmentId } = await networkHelpers.loadFixture(committed);
    await expectComplianceAt(registry, commitmentId, terms.start - 1n, counts(0n, 0n, 0n, 0n));
    await expectComplianceAt(registry, commitmentId, periodEnd(terms, 0n) - 1n, counts(0n, 0n, 0n, 0n));
  });

  it("shows a period as due from its end through the last second of its grace, then overdue", async function () {
    const { registry, terms, commitmentId } = await networkHelpers.loadFixture(committed);
    const endsAt = periodEnd(terms, 0n);
    await expectComplianceAt(registry, commitmentId, endsAt, counts(1n, 0n, 1n, 0n));
    await expectComplianceAt(registry, commitmentId, endsAt + terms.gracePeriod, counts(1n, 0n, 1n, 0n));
    await expectComplianceAt(registry, commitmentId, endsAt + terms.gracePeriod + 1n, counts(1n, 0n, 0n, 1n));
  });

  it("clears delinquency once the overdue periods are reported", async function () {
    const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(committed);
    const late = periodEnd(terms, 1n) + terms.gracePeriod + 1n;
    await expectComplianceAt(registry, commitmentId, late, counts(2n, 0n, 0n, 2n));
    await registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 0n, ethers.ZeroHash);
    await expectComplianceAt(registry, commitmentId, late, counts(2n, 1n, 0n, 1n));
    await registry.connect(companySigner).reportReturns(commitmentId, 1n, ETH, 0n, ethers.ZeroHash);
    await expectComplianceAt(registry, commitmentId, late, counts(2n, 2n, 0n, 0n));
  });

  it("counts due and overdue periods side by side", async function () {
    const { registry, terms, commitmentId } = await networkHelpers.loadFixture(committed);
    // Period 0 is past grace, period 1 has just ended.
    await expectComplianceAt(registry, commitmentId, periodEnd(terms, 1n), counts(2n, 0n, 1n, 1n));
  });

  it("caps elapsed periods at the commitment's period count", async function () {
    const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(committed);
    await expectComplianceAt(registry, commitmentId, terms.end + 1000n * DAY, counts(4n, 0n, 0n, 4n));
    for (let period = 0n; period < 4n; period++) {
      await registry.connect(companySigner).reportReturns(commitmentId, period, ETH, 0n, ethers.ZeroHash);
    }
    await expectComplianceAt(registry, commitmentId, terms.end + 1000n * DAY, counts(4n, 4n, 0n, 0n));
  });

  it("makes a period overdue right after its end when there is no grace", async function () {
    const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(committed);
    const terms = promiseTerms(companyId, start, { nonce: 2n, gracePeriod: 0n });
    const commitmentId = await commit(registry, companyAdmin, terms);
    const endsAt = periodEnd(terms, 0n);
    await expectComplianceAt(registry, commitmentId, endsAt, counts(1n, 0n, 1n, 0n));
    await expectComplianceAt(registry, commitmentId, endsAt + 1n, counts(1n, 0n, 0n, 1n));
  });

  it("keeps several periods due when the grace is longer than a period", async function () {
    const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(committed);
    const terms = promiseTerms(companyId, start, {
      nonce: 2n,
      periodLength: 7n * DAY,
      gracePeriod: 20n * DAY,
    });
    const commitmentId = await commit(registry, companyAdmin, terms);
    await expectComplianceAt(registry, commitmentId, periodEnd(terms, 2n), counts(3n, 0n, 3n, 0n));
    await expectComplianceAt(
      registry,
      commitmentId,
      periodEnd(terms, 0n) + 20n * DAY + 1n,
      counts(3n, 0n, 2n, 1n),
    );
  });

  it("reports disputed periods alongside without changing the counts", async function () {
    const { registry, council, companySigner, terms, commitmentId } =
      await networkHelpers.loadFixture(committed);
    await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
    await registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 0n, ethers.ZeroHash);
    await registry.connect(council).disputeReport(commitmentId, 0n, ethers.id("missing revenue"));
    await expectComplianceAt(registry, commitmentId, periodEnd(terms, 0n) + 1n, {
      elapsed: 1n,
      reported: 1n,
      due: 0n,
      overdue: 0n,
      disputed: 1n,
    });
  });

  it("tracks each commitment on its own", async function () {
    const { registry, companyAdmin, companySigner, companyId, terms, commitmentId } =
      await networkHelpers.loadFixture(committed);
    const later = promiseTerms(companyId, terms.start + 60n * DAY, { nonce: 2n });
    const laterId = await commit(registry, companyAdmin, later);
    const time = periodEnd(terms, 2n) + terms.gracePeriod + 1n;
    await networkHelpers.time.increaseTo(time);
    await registry.connect(companySigner).reportReturns(laterId, 0n, ETH, 0n, ethers.ZeroHash);
    await expectComplianceAt(registry, commitmentId, time, counts(3n, 0n, 0n, 3n));
    await expectComplianceAt(registry, laterId, time, counts(1n, 1n, 0n, 0n));
  });
});
