import { expect } from "chai";

import {
  DAY,
  ETH,
  commit,
  periodEnd,
  promiseTerms,
  signPromise,
  returnsNetwork,
} from "../helpers/returns.js";

const { ethers, loadFixture, time, system, committed } = await returnsNetwork();
const EVIDENCE = ethers.id("evidence");
const PAUSE = 30n * DAY; // the ledger's pause lapse in these fixtures

describe("ReturnsRegistry: a pause never runs a company's periods against it", function () {
  it("extends the grace of unreported periods by the paused time, so an honest company is not delinquent", async function () {
    const f = await loadFixture(committed);
    const { registry, shares, deployer, companySigner, terms, commitmentId } = f;
    // Period 0 ends; the Fund pauses on the first day of its grace, for the whole lapse.
    const pausedAt = periodEnd(terms, 0n) + DAY;
    await time.setNextBlockTimestamp(pausedAt);
    await shares.connect(deployer).pause();
    await expect(
      registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 100n, EVIDENCE, { value: 5n }),
    ).to.be.revertedWithCustomError(registry, "ReturnsRegistryPaused");

    // Far past the plain grace (7 days) while paused: still only due, never overdue.
    await time.increase(20n * DAY);
    let status = await registry.compliance(commitmentId);
    expect([status.periodsDue, status.periodsOverdue, status.delinquent]).to.deep.equal([1n, 0n, false]);
    expect((await registry.commitment(commitmentId)).graceExtension).to.equal(20n * DAY);

    // The pause lapses by itself; the company keeps the 6 days of grace it had left.
    await time.increaseTo(pausedAt + PAUSE);
    expect(await shares.paused()).to.equal(false);
    expect((await registry.commitment(commitmentId)).graceExtension).to.equal(PAUSE);
    await time.increaseTo(periodEnd(terms, 0n) + terms.gracePeriod + PAUSE);
    status = await registry.compliance(commitmentId);
    expect(status.delinquent).to.equal(false);
    await registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 100n, EVIDENCE, { value: 5n });
    status = await registry.compliance(commitmentId);
    expect([status.periodsReported, status.periodsOverdue]).to.deep.equal([1n, 0n]);
    // Period 1 ended during the pause: it keeps its credit after period 0's report.
    expect((await registry.commitment(commitmentId)).graceExtension).to.equal(PAUSE);
    await registry.connect(companySigner).reportReturns(commitmentId, 1n, ETH, 0n, EVIDENCE);
    // Reported before period 2 ended: the extension restarts, later periods get no credit for the old pause.
    expect((await registry.commitment(commitmentId)).graceExtension).to.equal(0n);
    await time.increaseTo(periodEnd(terms, 2n) + terms.gracePeriod + 1n);
    expect((await registry.compliance(commitmentId)).delinquent).to.equal(true);
  });

  it("still turns a company delinquent once its grace, extended by the pause, has passed", async function () {
    const f = await loadFixture(committed);
    const { registry, shares, deployer, terms, commitmentId } = f;
    await time.increaseTo(periodEnd(terms, 0n));
    await shares.connect(deployer).pause();
    await time.increase(10n * DAY);
    await shares.connect(deployer).unpause();
    await time.increaseTo(periodEnd(terms, 0n) + terms.gracePeriod + 10n * DAY);
    expect((await registry.compliance(commitmentId)).delinquent).to.equal(false);
    await time.increase(2n);
    const status = await registry.compliance(commitmentId);
    expect([status.periodsOverdue, status.delinquent]).to.deep.equal([1n, true]);
  });
});

describe("ReturnsRegistry: a signed Promise can be revoked before submission", function () {
  async function signedButUnsubmitted() {
    const base = await system();
    const terms = promiseTerms(base.companyId, base.start, { nonce: 5n });
    const signature = await signPromise(base.companyAdmin, base.registry, terms);
    return { ...base, terms, signature };
  }

  it("lets a company signer invalidate one nonce: the signed Promise can no longer be submitted", async function () {
    const f = await loadFixture(signedButUnsubmitted);
    const { registry, companyAdmin, companySigner, outsider, companyId, terms, signature } = f;
    await expect(registry.connect(outsider).invalidateNonce(companyId, 5n))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
      .withArgs(companyId, outsider.address);
    expect(await registry.nonceUsed(companyId, 5n)).to.equal(false);

    await expect(registry.connect(companySigner).invalidateNonce(companyId, 5n))
      .to.emit(registry, "NonceInvalidated")
      .withArgs(companyId, companySigner.address, 5n);
    expect(await registry.nonceUsed(companyId, 5n)).to.equal(true);
    // Front-running the revocation no longer works: the old signature is dead.
    await expect(registry.connect(outsider).submitCommitment(terms, companyAdmin.address, signature))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryNonceUsed")
      .withArgs(companyId, 5n);
    await expect(registry.connect(companySigner).invalidateNonce(companyId, 5n))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryNonceUsed")
      .withArgs(companyId, 5n);
    expect(await registry.commitmentCount()).to.equal(0n);

    // Re-signed under a new nonce, the Promise is submitted as usual.
    const renewed = { ...terms, nonce: 6n, returnsShareBps: 600 };
    await commit(registry, companyAdmin, renewed, outsider);
    expect(await registry.commitmentCount()).to.equal(1n);
  });

  it("lets a company signer invalidate every nonce below a floor, which only rises", async function () {
    const f = await loadFixture(signedButUnsubmitted);
    const { registry, companyAdmin, companySigner, outsider, companyId, terms, signature } = f;
    await expect(registry.connect(companyAdmin).invalidateNoncesBelow(companyId, 10n))
      .to.emit(registry, "NoncesInvalidatedBelow")
      .withArgs(companyId, companyAdmin.address, 10n);
    expect(await registry.nonceFloor(companyId)).to.equal(10n);
    expect(await registry.nonceUsed(companyId, 9n)).to.equal(true);
    expect(await registry.nonceUsed(companyId, 10n)).to.equal(false);
    await expect(registry.connect(outsider).submitCommitment(terms, companyAdmin.address, signature))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryNonceUsed")
      .withArgs(companyId, 5n);
    for (const floor of [10n, 3n]) {
      await expect(registry.connect(companySigner).invalidateNoncesBelow(companyId, floor))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNonceFloorNotRaised")
        .withArgs(companyId, 10n, floor);
    }
    await expect(registry.connect(outsider).invalidateNoncesBelow(companyId, 20n))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
      .withArgs(companyId, outsider.address);
    await expect(registry.connect(companySigner).invalidateNonce(companyId, 7n))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryNonceUsed")
      .withArgs(companyId, 7n);
    expect(await registry.nonceFloor(companyId)).to.equal(10n);
    await commit(registry, companyAdmin, { ...terms, nonce: 10n });
    expect(await registry.commitmentCount()).to.equal(1n);
  });
});
