import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import {
  DAY,
  ETH,
  WHOLE_SHARE,
  commit,
  dueFor,
  entry,
  isWithinLedgerRounding,
  periodCounts,
  periodEnd,
  promiseTerms,
  returnsNetwork,
} from "../helpers/returns.js";
import type { PromiseTerms } from "../helpers/returns.js";
import { expectClaimsBoth } from "../helpers/ledger.js";

const { ethers, networkHelpers, system } = await returnsNetwork();

/** An exact rational amount, so expected entitlements carry no rounding of their own. */
class Exact {
  constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static zero(): Exact {
    return new Exact(0n, 1n);
  }

  plus(amount: bigint, times: bigint, over: bigint): Exact {
    return new Exact(this.numerator * over + amount * times * this.denominator, this.denominator * over);
  }

  floor(): bigint {
    return this.numerator / this.denominator;
  }
}

describe("ReturnsRegistry — end-to-end scenarios", function () {
  it("acceptance: a company signs, pays three periods, misses the fourth, and holders claim their share", async function () {
    const {
      registry,
      shares,
      token,
      minter,
      companyAdmin,
      companySigner,
      outsider,
      holders,
      companyId,
      start,
    } = await networkHelpers.loadFixture(system);
    const [alice, bob, carol] = [holders[0], holders[1], holders[2]];
    await shares.connect(minter).mint(alice.address, 50n * WHOLE_SHARE);
    await shares.connect(minter).mint(bob.address, 30n * WHOLE_SHARE);
    await shares.connect(minter).mint(carol.address, 20n * WHOLE_SHARE);

    // The company signs a 10 % promise over six 30-day periods with 7 days' grace; anyone submits it.
    const terms = promiseTerms(companyId, start, {
      techniqueIds: [1n, 2n],
      returnsShareBps: 1_000,
      periods: 6n,
      periodLength: 30n * DAY,
      gracePeriod: 7n * DAY,
    });
    const commitmentId = await commit(registry, companyAdmin, terms, outsider);
    expect((await registry.commitment(commitmentId)).periodCount).to.equal(6n);

    // Period 0: 40 ETH of returns → 4 ETH.
    await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
    const gross0 = ethers.parseEther("40");
    const paid0 = ethers.parseEther("4");
    await expect(
      registry
        .connect(companySigner)
        .reportReturns(commitmentId, 0n, ETH, gross0, ethers.id("Q1"), { value: paid0 }),
    ).to.changeEtherBalances(ethers, [companySigner, shares], [-paid0, paid0]);

    // Period 1: 25,000 test dollars → 2,500, paid in the token.
    await networkHelpers.time.increaseTo(periodEnd(terms, 1n) + DAY);
    const asset = await token.getAddress();
    const gross1 = 25_000_000_000n;
    const paid1 = 2_500_000_000n;
    await token.mint(companySigner.address, paid1);
    await token.connect(companySigner).approve(await registry.getAddress(), paid1);
    await expect(
      registry.connect(companySigner).reportReturns(commitmentId, 1n, asset, gross1, ethers.id("Q2")),
    ).to.changeTokenBalances(ethers, token, [companySigner, shares], [-paid1, paid1]);

    // Period 2 is reported late but within grace; its share rounds up to the next wei.
    await networkHelpers.time.increaseTo(periodEnd(terms, 2n) + 6n * DAY);
    let status = await registry.compliance(commitmentId);
    expect([status.periodsElapsed, status.periodsDue, status.delinquent]).to.deep.equal([3n, 1n, false]);
    const gross2 = 12_345_678_901_234_567_891n;
    const paid2 = 1_234_567_890_123_456_790n; // ceil(1,234,567,890,123,456,789.1)
    expect(dueFor(gross2, 1_000)).to.equal(paid2);
    await expect(
      registry
        .connect(companyAdmin)
        .reportReturns(commitmentId, 2n, ETH, gross2, ethers.id("Q3"), { value: paid2 }),
    )
      .to.emit(registry, "ReturnsReported")
      .withArgs(commitmentId, 2n, ETH, gross2, paid2, ethers.id("Q3"));

    status = await registry.compliance(commitmentId);
    expect(periodCounts(status)).to.deep.equal([3n, 3n, 0n, 0n]);
    expect(status.delinquent).to.equal(false);

    // Period 3 ends unreported: due within grace, delinquent after it.
    const endsAt3 = periodEnd(terms, 3n);
    await networkHelpers.time.increaseTo(endsAt3);
    status = await registry.compliance(commitmentId);
    expect(periodCounts(status)).to.deep.equal([4n, 3n, 1n, 0n]);
    expect(status.delinquent).to.equal(false);
    await networkHelpers.time.increaseTo(endsAt3 + terms.gracePeriod);
    expect((await registry.compliance(commitmentId)).delinquent).to.equal(false);
    await networkHelpers.time.increaseTo(endsAt3 + terms.gracePeriod + 1n);
    status = await registry.compliance(commitmentId);
    expect(periodCounts(status)).to.deep.equal([4n, 3n, 0n, 1n]);
    expect(status.delinquent).to.equal(true);

    // Everything paid reached the ledger, and holders claim 50 / 30 / 20 % of it.
    const paidEth = paid0 + paid2;
    expect(await registry.totalPaid(ETH)).to.equal(paidEth);
    expect(await registry.totalPaid(asset)).to.equal(paid1);
    expect((await shares.assetTotals(ETH)).received).to.equal(paidEth);
    expect((await shares.assetTotals(asset)).received).to.equal(paid1);

    let claimedEth = 0n;
    for (const [holder, percent] of [
      [alice, 50n],
      [bob, 30n],
      [carol, 20n],
    ] as const) {
      const exactEth = (paidEth * percent) / 100n;
      const exactToken = (paid1 * percent) / 100n;
      const claimableEth = await shares.claimable(holder.address, ETH);
      const claimableToken = await shares.claimable(holder.address, asset);
      expect(isWithinLedgerRounding(claimableEth, exactEth), `${holder.address} ETH`).to.equal(true);
      expect(isWithinLedgerRounding(claimableToken, exactToken), `${holder.address} token`).to.equal(true);
      await expectClaimsBoth(ethers, shares, holder, token, { eth: claimableEth, token: claimableToken });
      expect(await shares.claimable(holder.address, ETH)).to.equal(0n);
      claimedEth += claimableEth;
    }
    // At most 1 wei per holder stays behind, in the Fund's favour.
    expect(paidEth - claimedEth <= 3n).to.equal(true);
    expect((await shares.assetTotals(ETH)).claimed).to.equal(claimedEth);
  });

  it("pools returns of several companies over many periods pro rata to the holders of each moment", async function () {
    const { registry, shares, token, minter, outsider, holders, start } =
      await networkHelpers.loadFixture(system);
    const asset = await token.getAddress();
    const [alice, bob, carol] = [holders[0], holders[1], holders[2]];
    const balances = new Map<string, bigint>();
    const owed = new Map<string, Map<string, Exact>>([
      [ETH, new Map()],
      [asset, new Map()],
    ]);
    const everyone = [alice, bob, carol];
    for (const holder of everyone) {
      balances.set(holder.address, 0n);
      for (const book of owed.values()) book.set(holder.address, Exact.zero());
    }

    async function mint(holder: HardhatEthersSigner, amount: bigint): Promise<void> {
      await shares.connect(minter).mint(holder.address, amount);
      balances.set(holder.address, entry(balances, holder.address) + amount);
    }
    function credit(assetId: string, amount: bigint): void {
      const supply = [...balances.values()].reduce((sum, balance) => sum + balance, 0n);
      const book = entry(owed, assetId);
      for (const [address, balance] of balances)
        book.set(address, entry(book, address).plus(amount, balance, supply));
    }

    // Three companies, each with its own admin, share, period length and asset.
    const plans: { terms: PromiseTerms; asset: string; admin: HardhatEthersSigner; id: bigint }[] = [];
    const shapes = [
      { bps: 500, length: 30n * DAY, asset: ETH, admin: holders[3] },
      { bps: 1_250, length: 7n * DAY, asset, admin: outsider },
      { bps: 10_000, length: 14n * DAY, asset: ETH, admin: alice },
    ];
    for (const [index, shape] of shapes.entries()) {
      const admin = shape.admin;
      await registry.connect(admin).registerCompany(`Company ${index}`, "", admin.address);
      const companyId = await registry.companyCount();
      const terms = promiseTerms(companyId, start, {
        returnsShareBps: shape.bps,
        periodLength: shape.length,
        periods: 12n,
      });
      plans.push({ terms, asset: shape.asset, admin, id: await commit(registry, admin, terms) });
      await token.mint(admin.address, 10n ** 15n);
      await token.connect(admin).approve(await registry.getAddress(), 10n ** 15n);
    }

    await mint(alice, 100n * WHOLE_SHARE);
    // Reports over ~4 months in time order; holders join along the way.
    const events: { time: bigint; plan: number; period: bigint }[] = [];
    for (const [index, plan] of plans.entries()) {
      for (let period = 0n; period < 12n; period++) {
        const time = periodEnd(plan.terms, period) + 1n;
        if (time <= start + 120n * DAY) events.push({ time, plan: index, period });
      }
    }
    events.sort((left, right) =>
      left.time === right.time ? left.plan - right.plan : Number(left.time - right.time),
    );

    let reports = 0;
    for (const [step, event] of events.entries()) {
      if (step === 4) await mint(bob, 100n * WHOLE_SHARE);
      if (step === 9) await mint(carol, 50n * WHOLE_SHARE);
      const plan = plans[event.plan];
      if (!plan) throw new Error(`no plan ${event.plan}`);
      const latest = BigInt(await networkHelpers.time.latest());
      if (event.time > latest) await networkHelpers.time.increaseTo(event.time);
      const gross = 1_000_003n * BigInt(step + 1) * (plan.asset === ETH ? 10n ** 9n : 1n);
      const due = dueFor(gross, plan.terms.returnsShareBps);
      await registry
        .connect(plan.admin)
        .reportReturns(plan.id, event.period, plan.asset, gross, ethers.id(`report ${step}`), {
          value: plan.asset === ETH ? due : 0n,
        });
      credit(plan.asset, due);
      reports++;
    }
    expect(reports).to.be.greaterThan(15);

    for (const assetId of [ETH, asset]) {
      let claimable = 0n;
      for (const holder of everyone) {
        const exact = entry(entry(owed, assetId), holder.address);
        const actual = await shares.claimable(holder.address, assetId);
        expect(isWithinLedgerRounding(actual, exact.floor()), `${holder.address} in ${assetId}`).to.equal(
          true,
        );
        claimable += actual;
      }
      const paid = await registry.totalPaid(assetId);
      expect((await shares.assetTotals(assetId)).received).to.equal(paid);
      expect(claimable <= paid && paid - claimable <= BigInt(everyone.length)).to.equal(true);
    }
    // A later holder earns nothing from what was paid before it joined.
    expect(await shares.claimable(carol.address, ETH)).to.be.lessThan(
      await shares.claimable(bob.address, ETH),
    );
    for (const plan of plans) {
      const status = await registry.compliance(plan.id);
      expect(status.periodsReported).to.equal(status.periodsElapsed);
      expect(status.delinquent).to.equal(false);
    }
  });
});
