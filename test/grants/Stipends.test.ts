import { expect } from "chai";

import { ActionKind, ETH, at, deploySystem, pass } from "../helpers/council.js";
import type { FundSystem } from "../helpers/council.js";
import {
  DAY,
  VESTING_CLIFF,
  VESTING_DURATION,
  apply,
  cancellationAt,
  estimateProbabilities,
  finalize,
  openRound,
  roundParams,
  vestedAt,
} from "../helpers/grants.js";
import type { RoundParams } from "../helpers/grants.js";
import { connect } from "../helpers/network.js";

const { ethers, networkHelpers, loadFixture, time, coder } = await connect();
const ETHER = 10n ** 18n;

interface StipendRound extends FundSystem {
  params: RoundParams;
  roundId: bigint;
  apps: bigint[];
  requests: bigint[];
}

/**
 * A 3-of-2 system whose capital pool holds `capital` ETH, with a settled round of a given budget
 * in which every application (requests as given) is funded at 50%.
 */
async function stipendRound(
  capital: bigint,
  budget: bigint,
  requests: bigint[],
  asset = ETH,
): Promise<StipendRound> {
  const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
  if (capital > 0n) {
    await system.pool.connect(system.depositor).depositCapital(ETH, capital, 0, {
      value: capital,
    });
  }
  const params = roundParams(BigInt(await time.latest()), { stipendBudget: budget, stipendAsset: asset });
  const roundId = await openRound(system, params);
  const apps: bigint[] = [];
  for (const [i, request] of requests.entries()) {
    apps.push(await apply(system.grants, at(system.researchers, i), roundId, `stipend-${i}`, 12, request));
  }
  await estimateProbabilities(
    networkHelpers,
    { ...system, params },
    apps.map((id) => [id, [5000, 5000]] as const),
  );
  await finalize(system.grants, apps);
  return { ...system, params, roundId, apps, requests };
}

const fullyCovered = () => stipendRound(20n * ETHER, 10n * ETHER, [1n * ETHER, 2n * ETHER, 0n]);
// Σ requests = 6 ETH + 3 wei against a 5 ETH budget: plain floors would leave dust in the reserve.
const scaledByBudget = () =>
  stipendRound(20n * ETHER, 5n * ETHER, [ETHER + 1n, 2n * ETHER + 1n, 3n * ETHER + 1n]);
const scaledByPool = () => stipendRound(2n * ETHER, 10n * ETHER, [3n * ETHER, 1n * ETHER]);
const noCapital = () => stipendRound(0n, 10n * ETHER, [3n * ETHER]);
// Settled later with less capital than requested, for the top-up tests.
const shortOfCapital = () => stipendRound(1n * ETHER, 10n * ETHER, [3n * ETHER, 1n * ETHER]);
const budgetBelowRequests = () => stipendRound(0n, 3n * ETHER, [3n * ETHER, 2n * ETHER]);

/** Award of each application by cumulative sums in finalization order, as AwardMath documents it. */
function expectedAwards(requests: bigint[], reserved: bigint): bigint[] {
  const total = requests.reduce((a, b) => a + b, 0n);
  if (reserved >= total) return requests;
  let before = 0n;
  return requests.map((request) => {
    const award = ((before + request) * reserved) / total - (before * reserved) / total;
    before += request;
    return award;
  });
}

async function claimEverything(f: StipendRound): Promise<void> {
  for (const [i, id] of f.apps.entries()) {
    if ((await f.grants.claimableStipend(id)) > 0n)
      await f.grants.connect(at(f.researchers, i)).claimStipend(id);
  }
}

describe("GrantRounds stipends", function () {
  it("reserves the requests in full when budget and capital cover them, and pays them as they vest", async function () {
    const f = await loadFixture(fullyCovered);
    const tx = f.grants.settleRound(f.roundId);
    await expect(tx)
      .to.emit(f.grants, "RoundSettled")
      .withArgs(f.roundId, 3n * 5000n * 12n, 3n, 3n * ETHER);
    await expect(tx)
      .to.emit(f.pool, "StipendsReserved")
      .withArgs(ETH, await f.grants.getAddress(), 3n * ETHER);
    expect((await f.pool.books(ETH)).reserved).to.equal(3n * ETHER);
    expect(await f.pool.availableCapital(ETH)).to.equal(17n * ETHER);
    for (const [i, id] of f.apps.entries()) expect(await f.grants.stipendAward(id)).to.equal(f.requests[i]);

    const { settledAt } = await f.grants.round(f.roundId);
    const claimAt = settledAt + 100n * DAY;
    await time.setNextBlockTimestamp(claimAt);
    const vested = vestedAt(2n * ETHER, settledAt, VESTING_CLIFF, VESTING_DURATION, claimAt);
    const researcher = at(f.researchers, 1);
    const claim = f.grants.connect(researcher).claimStipend(at(f.apps, 1));
    await expect(claim).to.changeEtherBalances(ethers, [researcher, f.pool], [vested, -vested]);
    await expect(claim)
      .to.emit(f.grants, "StipendClaimed")
      .withArgs(f.apps[1], researcher.address, ETH, vested);
    expect((await f.grants.application(at(f.apps, 1))).stipendClaimed).to.equal(vested);

    await time.increaseTo(settledAt + VESTING_DURATION);
    await claimEverything(f);
    const books = await f.pool.books(ETH);
    expect([books.reserved, books.stipendsPaid]).to.deep.equal([0n, 3n * ETHER]);
    await expect(f.grants.connect(at(f.researchers, 2)).claimStipend(at(f.apps, 2)))
      .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToClaim")
      .withArgs(f.apps[2]);
  });

  it("scales the requests down to the budget and leaves no rounding dust in the reserve", async function () {
    const f = await loadFixture(scaledByBudget);
    await expect(f.grants.settleRound(f.roundId))
      .to.emit(f.grants, "RoundSettled")
      .withArgs(f.roundId, 3n * 5000n * 12n, 3n, 5n * ETHER);
    const reserved = 5n * ETHER;
    const total = f.requests.reduce((a, b) => a + b, 0n);
    const plainFloors = f.requests.reduce((sum, r) => sum + (r * reserved) / total, 0n);
    expect(plainFloors < reserved).to.equal(true);

    const awards = expectedAwards(f.requests, reserved);
    for (const [i, id] of f.apps.entries()) {
      const award = await f.grants.stipendAward(id);
      const floor = (at(f.requests, i) * reserved) / total;
      expect(award).to.equal(awards[i]);
      expect(award === floor || award === floor + 1n).to.equal(true);
      expect(award <= at(f.requests, i)).to.equal(true);
    }
    expect(awards.reduce((a, b) => a + b, 0n)).to.equal(reserved);

    await time.increase(VESTING_DURATION);
    await claimEverything(f);
    const books = await f.pool.books(ETH);
    expect([books.reserved, books.stipendsPaid]).to.deep.equal([0n, reserved]);
    expect(await f.pool.availableCapital(ETH)).to.equal(15n * ETHER);
  });

  it("never promises more than the pool's available capital", async function () {
    const f = await loadFixture(scaledByPool);
    await expect(f.grants.settleRound(f.roundId))
      .to.emit(f.grants, "RoundSettled")
      .withArgs(f.roundId, 2n * 5000n * 12n, 2n, 2n * ETHER);
    expect(await f.grants.stipendAward(at(f.apps, 0))).to.equal((3n * ETHER * 2n) / 4n);
    expect(await f.grants.stipendAward(at(f.apps, 1))).to.equal((1n * ETHER * 2n) / 4n);
    expect(await f.pool.availableCapital(ETH)).to.equal(0n);
  });

  it("reserves nothing when the pool holds no capital", async function () {
    const f = await loadFixture(noCapital);
    const tx = f.grants.settleRound(f.roundId);
    await expect(tx)
      .to.emit(f.grants, "RoundSettled")
      .withArgs(f.roundId, 5000n * 12n, 1n, 0n);
    await expect(tx).not.to.emit(f.pool, "StipendsReserved");
    expect(await f.grants.stipendAward(at(f.apps, 0))).to.equal(0n);
    await time.increase(VESTING_DURATION);
    await expect(f.grants.connect(at(f.researchers, 0)).claimStipend(at(f.apps, 0)))
      .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToClaim")
      .withArgs(f.apps[0]);
  });

  it("returns the unvested stipend to the pool when a grant is cancelled", async function () {
    const f = await loadFixture(fullyCovered);
    await f.grants.settleRound(f.roundId);
    const { settledAt } = await f.grants.round(f.roundId);
    const app = at(f.apps, 1);
    const researcher = at(f.researchers, 1);
    const cancelAt = settledAt + 120n * DAY;
    await time.increaseTo(cancelAt - 60n);
    const id = await cancellationAt(networkHelpers, f, app, cancelAt);

    const award = 2n * ETHER;
    const stipendVested = vestedAt(award, settledAt, VESTING_CLIFF, VESTING_DURATION, cancelAt);
    const released = award - stipendVested;
    const shares = await f.grants.award(app);
    const sharesVested = vestedAt(shares, settledAt, VESTING_CLIFF, VESTING_DURATION, cancelAt);
    const available = await f.pool.availableCapital(ETH);
    const tx = f.council.connect(f.outsider).execute(id);
    await expect(tx)
      .to.emit(f.grants, "GrantCancelled")
      .withArgs(app, sharesVested, shares - sharesVested, released);
    await expect(tx)
      .to.emit(f.pool, "StipendsReleased")
      .withArgs(ETH, await f.grants.getAddress(), released);
    expect(await f.pool.availableCapital(ETH)).to.equal(available + released);

    await time.increase(VESTING_DURATION);
    expect(await f.grants.claimableStipend(app)).to.equal(stipendVested);
    await expect(f.grants.connect(researcher).claimStipend(app)).to.changeEtherBalances(
      ethers,
      [researcher, f.pool],
      [stipendVested, -stipendVested],
    );
    await claimEverything(f);
    const books = await f.pool.books(ETH);
    expect([books.reserved, books.stipendsPaid]).to.deep.equal([0n, 1n * ETHER + stipendVested]);
  });

  it("keeps paying earned stipends while the ledger is paused, to the researcher only", async function () {
    const f = await loadFixture(fullyCovered);
    await f.grants.settleRound(f.roundId);
    await expect(f.grants.connect(at(f.researchers, 0)).claimStipend(at(f.apps, 0)))
      .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToClaim")
      .withArgs(f.apps[0]);
    await pass(f, ActionKind.Pause, "0x");
    await time.increase(VESTING_DURATION);
    await expect(f.grants.connect(at(f.researchers, 1)).claimStipend(at(f.apps, 0)))
      .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotResearcher")
      .withArgs(f.apps[0], at(f.researchers, 1).address);
    await expect(f.grants.connect(at(f.researchers, 0)).claimStipend(at(f.apps, 0))).to.changeEtherBalances(
      ethers,
      [at(f.researchers, 0), f.pool],
      [ETHER, -ETHER],
    );
  });

  it("pays stipends in an allowlisted ERC-20", async function () {
    const system = await loadFixture(fullyCovered);
    const token = await ethers.deployContract("TestToken", ["Test USD", "TUSD", 6]);
    const tokenAddress = await token.getAddress();
    await pass(system, ActionKind.AddReturnsAsset, coder.encode(["address"], [tokenAddress]));
    const capital = 50_000n * 10n ** 6n;
    await token.mint(await system.pool.getAddress(), capital);
    await system.pool.connect(system.depositor).depositCapital(tokenAddress, capital, 0);

    const params = roundParams(BigInt(await time.latest()), {
      stipendAsset: tokenAddress,
      stipendBudget: 30_000n * 10n ** 6n,
    });
    const roundId = await openRound(system, params);
    const researcher = at(system.researchers, 3);
    const app = await apply(system.grants, researcher, roundId, "token-stipend", 6, 12_000n * 10n ** 6n);
    await estimateProbabilities(networkHelpers, { ...system, params }, [[app, [7000, 8000]]]);
    await finalize(system.grants, [app]);
    await expect(system.grants.settleRound(roundId))
      .to.emit(system.pool, "StipendsReserved")
      .withArgs(tokenAddress, await system.grants.getAddress(), 12_000n * 10n ** 6n);
    await time.increase(VESTING_DURATION);
    await expect(system.grants.connect(researcher).claimStipend(app)).to.changeTokenBalances(
      ethers,
      token,
      [researcher, system.pool],
      [12_000n * 10n ** 6n, -(12_000n * 10n ** 6n)],
    );
  });

  describe("topping up a settled round's stipends", function () {
    /** Capital arriving after settlement: the depositor books `amount` more ETH in the pool. */
    async function deposit(f: StipendRound, amount: bigint): Promise<void> {
      await f.pool.connect(f.depositor).depositCapital(ETH, amount, 0, { value: amount });
    }

    it("reserves capital that arrived after settlement, up to the requests, and pays the full stipends", async function () {
      // 4 ETH requested, only 1 ETH of capital when the round settles.
      const f = await loadFixture(shortOfCapital);
      await f.grants.settleRound(f.roundId);
      expect((await f.grants.round(f.roundId)).stipendReserved).to.equal(1n * ETHER);

      await deposit(f, 5n * ETHER); // e.g. an offering settled after the round
      const tx = f.grants.connect(f.outsider).topUpStipends(f.roundId);
      await expect(tx)
        .to.emit(f.grants, "StipendsToppedUp")
        .withArgs(f.roundId, 3n * ETHER, 4n * ETHER);
      await expect(tx)
        .to.emit(f.pool, "StipendsReserved")
        .withArgs(ETH, await f.grants.getAddress(), 3n * ETHER);
      expect((await f.grants.round(f.roundId)).stipendReserved).to.equal(4n * ETHER);
      expect(await f.pool.availableCapital(ETH)).to.equal(2n * ETHER);
      expect(await f.grants.stipendAward(at(f.apps, 0))).to.equal(3n * ETHER);
      expect(await f.grants.stipendAward(at(f.apps, 1))).to.equal(1n * ETHER);

      // Nothing more to reserve: every request is covered.
      await expect(f.grants.topUpStipends(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToTopUp")
        .withArgs(f.roundId);
      await time.increase(VESTING_DURATION);
      await claimEverything(f);
      expect((await f.pool.books(ETH)).stipendsPaid).to.equal(4n * ETHER);
      expect((await f.pool.books(ETH)).reserved).to.equal(0n);
    });

    it("tops up only what the pool has, and never past the budget", async function () {
      const f = await loadFixture(budgetBelowRequests);
      await f.grants.settleRound(f.roundId);
      await expect(f.grants.topUpStipends(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNothingToTopUp")
        .withArgs(f.roundId);
      await deposit(f, 1n * ETHER);
      await expect(f.grants.topUpStipends(f.roundId))
        .to.emit(f.grants, "StipendsToppedUp")
        .withArgs(f.roundId, 1n * ETHER, 1n * ETHER);
      await deposit(f, 10n * ETHER);
      await expect(f.grants.topUpStipends(f.roundId))
        .to.emit(f.grants, "StipendsToppedUp")
        .withArgs(f.roundId, 2n * ETHER, 3n * ETHER); // the 3 ETH budget, not the 5 ETH requested
      expect(await f.pool.availableCapital(ETH)).to.equal(8n * ETHER);
    });

    it("refuses once vesting has begun, for a round without a cliff, and before settlement", async function () {
      const f = await loadFixture(noCapital);
      await expect(f.grants.topUpStipends(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsNotSettled")
        .withArgs(f.roundId);
      await f.grants.settleRound(f.roundId);
      await deposit(f, 5n * ETHER);
      const { settledAt } = await f.grants.round(f.roundId);
      await time.setNextBlockTimestamp(settledAt + VESTING_CLIFF);
      await expect(f.grants.topUpStipends(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsStipendsFixed")
        .withArgs(f.roundId);
      expect((await f.grants.round(f.roundId)).stipendReserved).to.equal(0n);
      expect(await f.pool.availableCapital(ETH)).to.equal(5n * ETHER);
      await expect(f.grants.topUpStipends(99n))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsUnknownRound")
        .withArgs(99n);
    });

    it("refuses for a round with no cliff, whose stipends start vesting at settlement", async function () {
      const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
      const params = roundParams(BigInt(await time.latest()), {
        stipendBudget: 10n * ETHER,
        vestingCliff: 0n,
      });
      const roundId = await openRound(system, params);
      const app = await apply(system.grants, at(system.researchers, 0), roundId, "no-cliff", 12, ETHER);
      await estimateProbabilities(networkHelpers, { ...system, params }, [[app, [5000, 5000]]]);
      await finalize(system.grants, [app]);
      await system.grants.settleRound(roundId);
      await system.pool.connect(system.depositor).depositCapital(ETH, ETHER, 0, { value: ETHER });
      await expect(system.grants.topUpStipends(roundId))
        .to.be.revertedWithCustomError(system.grants, "GrantRoundsStipendsFixed")
        .withArgs(roundId);
    });

    it("refuses once a grant of the round was cancelled", async function () {
      const f = await loadFixture(shortOfCapital);
      await f.grants.settleRound(f.roundId);
      await pass(f, ActionKind.CancelGrant, coder.encode(["uint256"], [at(f.apps, 1)]));
      await deposit(f, 5n * ETHER);
      await expect(f.grants.topUpStipends(f.roundId))
        .to.be.revertedWithCustomError(f.grants, "GrantRoundsStipendsFixed")
        .withArgs(f.roundId);
    });

    it("refuses while the ledger is paused", async function () {
      const f = await loadFixture(noCapital);
      await f.grants.settleRound(f.roundId);
      await deposit(f, 5n * ETHER);
      await pass(f, ActionKind.Pause, "0x");
      await expect(f.grants.topUpStipends(f.roundId)).to.be.revertedWithCustomError(
        f.grants,
        "GrantRoundsPaused",
      );
      await pass(f, ActionKind.Unpause, "0x");
      await expect(f.grants.topUpStipends(f.roundId))
        .to.emit(f.grants, "StipendsToppedUp")
        .withArgs(f.roundId, 3n * ETHER, 3n * ETHER);
    });
  });
});
