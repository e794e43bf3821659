import { expect } from "chai";
import { ZeroHash } from "ethers";

import type { CallbackTokenMock, FeeOnTransferTokenMock } from "../../types/ethers-contracts/index.js";
import { DAY, ETH, SHARE, type CapitalSystem, type OfferingParams } from "../helpers/capital.js";
import { costOf, deployCapitalSystem, now, offeringParams, openOffering } from "../helpers/capital.js";
import { expectClaimsBoth } from "../helpers/ledger.js";
import { connect } from "../helpers/network.js";

const { ethers, networkHelpers, time } = await connect();

const USDC = 10n ** 6n;

async function deployFixture(): Promise<CapitalSystem> {
  return deployCapitalSystem(ethers);
}

async function booksArray(system: CapitalSystem, asset: string): Promise<bigint[]> {
  const books = await system.pool.books(asset);
  return [books.capitalIn, books.stipendsPaid, books.reserved];
}

/** Balances, books and offering counters an operation might touch. */
async function snapshot(system: CapitalSystem, offeringId: bigint, investor: string, tokens: string[] = []) {
  const { pool, offerings, dai, usdc } = system;
  const tokenBalances = [];
  for (const token of [await dai.getAddress(), await usdc.getAddress(), ...tokens]) {
    const erc20 = await ethers.getContractAt("TestToken", token);
    tokenBalances.push([
      await erc20.balanceOf(pool),
      await erc20.balanceOf(investor),
      await erc20.balanceOf(offerings),
    ]);
    tokenBalances.push(await booksArray(system, token));
  }
  const known = offeringId >= 1n && offeringId <= (await offerings.offeringCount());
  return {
    poolEth: await ethers.provider.getBalance(pool),
    offeringsEth: await ethers.provider.getBalance(offerings),
    ethBooks: await booksArray(system, ETH),
    tokenBalances,
    sold: known ? (await offerings.offering(offeringId)).sharesSold : 0n,
    raised: known ? (await offerings.offering(offeringId)).capitalRaised : 0n,
    settled: known ? (await offerings.offering(offeringId)).settled : false,
    pending: await offerings.pendingShares(offeringId, investor),
    supply: await system.shares.totalSupply(),
  };
}

/** Runs `refused` (calls that must be refused) and checks that nothing the snapshot covers changed. */
async function expectNothingChanges(
  system: CapitalSystem,
  offeringId: bigint,
  investor: string,
  refused: () => Promise<void>,
  tokens: string[] = [],
): Promise<void> {
  const before = await snapshot(system, offeringId, investor, tokens);
  await refused();
  expect(await snapshot(system, offeringId, investor, tokens)).to.deep.equal(before);
}

/** `call` is refused with OfferingsWindowOpen(id, end) now and again at `end`, the window's last second. */
async function expectWindowOpenUntilItsEnd(
  { offerings }: CapitalSystem,
  id: bigint,
  { end }: OfferingParams,
  call: () => Promise<unknown>,
): Promise<void> {
  await expect(call()).to.be.revertedWithCustomError(offerings, "OfferingsWindowOpen").withArgs(id, end);
  await time.setNextBlockTimestamp(end);
  await expect(call()).to.be.revertedWithCustomError(offerings, "OfferingsWindowOpen").withArgs(id, end);
}

/**
 * Makes `token` a returns asset, gives Alice `minted` of it with Offerings allowed to pull it, and opens
 * an offering in it; its id and parameters.
 */
async function offeringInToken(
  system: CapitalSystem,
  token: CallbackTokenMock | FeeOnTransferTokenMock,
  minted: bigint,
): Promise<{ id: bigint; params: OfferingParams }> {
  const { offerings, shares, deployer, alice } = system;
  await shares.connect(deployer).addReturnsAsset(token);
  await token.mint(alice, minted);
  await token.connect(alice).approve(offerings, ethers.MaxUint256);
  const params = await offeringParams(ethers, { asset: await token.getAddress() });
  return { id: await openOffering(system, params), params };
}

describe("Offerings", function () {
  describe("opening and closing offerings", function () {
    it("opens offerings with ids from 1 and stores their parameters", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, council, usdc } = system;
      expect(await offerings.offeringCount()).to.equal(0n);
      const params = await offeringParams(ethers);
      await expect(offerings.connect(council).openOffering(params))
        .to.emit(offerings, "OfferingOpened")
        .withArgs(1n, [
          params.asset,
          params.pricePerShare,
          params.shareCap,
          params.minShares,
          params.start,
          params.end,
          params.allowlistRoot,
        ]);
      const usdcParams = await offeringParams(ethers, {
        asset: await usdc.getAddress(),
        pricePerShare: 5n * USDC,
      });
      await offerings.connect(council).openOffering(usdcParams);

      expect(await offerings.offeringCount()).to.equal(2n);
      const stored = await offerings.offering(2n);
      expect(stored.params.asset).to.equal(await usdc.getAddress());
      expect(stored.params.pricePerShare).to.equal(5n * USDC);
      expect(stored.params.shareCap).to.equal(usdcParams.shareCap);
      expect(stored.params.start).to.equal(BigInt(usdcParams.start));
      expect(stored.params.end).to.equal(BigInt(usdcParams.end));
      expect(stored.params.minShares).to.equal(usdcParams.minShares);
      expect(stored.params.allowlistRoot).to.equal(ZeroHash);
      expect(stored.sharesSold).to.equal(0n);
      expect(stored.capitalRaised).to.equal(0n);
      expect(stored.closed).to.equal(false);
      expect(stored.settled).to.equal(false);
    });

    it("accepts an end at MAX_TIMESTAMP, the latest the packed storage holds", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings } = system;
      const max = await offerings.MAX_TIMESTAMP();
      expect(max).to.equal(2n ** 40n - 1n);
      const id = await openOffering(system, await offeringParams(ethers, { end: max }));
      expect((await offerings.offering(id)).params.end).to.equal(max);
    });

    it("exposes the council, the ledger and the pool it was built with", async function () {
      const { offerings, council, shares, pool } = await networkHelpers.loadFixture(deployFixture);
      expect(await offerings.council()).to.equal(council.address);
      expect(await offerings.shares()).to.equal(await shares.getAddress());
      expect(await offerings.capitalPool()).to.equal(await pool.getAddress());
    });

    it("refuses a zero council, ledger or pool at deployment", async function () {
      const { offerings, council, shares, pool } = await networkHelpers.loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("Offerings");
      const [c, l, p] = [council.address, await shares.getAddress(), await pool.getAddress()];
      const wirings: [string, string, string][] = [
        [ETH, l, p],
        [c, ETH, p],
        [c, l, ETH],
      ];
      for (const wiring of wirings) {
        await expect(factory.deploy(...wiring))
          .to.be.revertedWithCustomError(offerings, "ShareIssuerZeroAddress")
          .withArgs(...wiring);
      }
    });

    it("lets only the council open or close an offering", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const outsider = alice;
      const params = await offeringParams(ethers);
      await expect(offerings.connect(outsider).openOffering(params))
        .to.be.revertedWithCustomError(offerings, "OfferingsNotCouncil")
        .withArgs(outsider.address);
      const id = await openOffering(system, params);
      await expect(offerings.connect(outsider).closeOffering(id))
        .to.be.revertedWithCustomError(offerings, "OfferingsNotCouncil")
        .withArgs(outsider.address);
      expect(await offerings.offeringCount()).to.equal(1n);
      expect((await offerings.offering(id)).closed).to.equal(false);
    });

    it("refuses every invalid set of parameters and opens nothing", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, council, shares } = system;
      const base = await offeringParams(ethers);
      const t = await now(ethers);
      const unlisted = await ethers.deployContract("TestToken", ["Unlisted", "UNL", 18]);
      const invalid = [
        { pricePerShare: 0n },
        { shareCap: 0n },
        { minShares: BigInt(base.shareCap) + 1n },
        { start: base.end },
        { start: BigInt(base.end) + 1n },
        { start: t - 10, end: t + 1 }, // ends in the block that opens it
        { start: t - 10, end: t - 1 },
        { asset: await unlisted.getAddress() },
        { asset: await shares.getAddress() },
        { end: 2n ** 40n }, // past MAX_TIMESTAMP, the 40-bit storage limit
        { pricePerShare: 2n ** 127n, shareCap: 2n * SHARE }, // the cap costs 2^128: over 128 bits
        { pricePerShare: 2n ** 128n - 1n, shareCap: 2n ** 128n - 1n },
      ];
      for (const overrides of invalid) {
        await expect(
          offerings.connect(council).openOffering({ ...base, ...overrides }),
        ).to.be.revertedWithCustomError(offerings, "OfferingsInvalidParams");
      }
      expect(await offerings.offeringCount()).to.equal(0n);
    });

    it("accepts a start in the past and a minimum equal to the cap", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const t = await now(ethers);
      const id = await openOffering(
        system,
        await offeringParams(ethers, {
          start: t - DAY,
          end: t + DAY,
          shareCap: 5n * SHARE,
          minShares: 5n * SHARE,
        }),
      );
      await expect(offerings.connect(alice).subscribe(id, 5n * SHARE, [], { value: 5n * 10n ** 18n }))
        .to.emit(offerings, "Subscribed")
        .withArgs(id, alice.address, 5n * SHARE, 5n * 10n ** 18n);
    });

    it("closes an offering once, keeps what was sold claimable and refuses new subscriptions", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, council, shares, alice, bob } = system;
      const params = await offeringParams(ethers);
      const id = await openOffering(system, params);
      await offerings.connect(alice).subscribe(id, 3n * SHARE, [], { value: 3n * 10n ** 18n });

      await expect(offerings.connect(council).closeOffering(id))
        .to.emit(offerings, "OfferingClosed")
        .withArgs(id, 3n * SHARE);
      expect((await offerings.offering(id)).closed).to.equal(true);
      await expect(offerings.connect(council).closeOffering(id))
        .to.be.revertedWithCustomError(offerings, "OfferingsClosed")
        .withArgs(id);
      await expect(offerings.connect(bob).subscribe(id, SHARE, [], { value: 10n ** 18n }))
        .to.be.revertedWithCustomError(offerings, "OfferingsClosed")
        .withArgs(id);

      // Closed early: no subscription can follow, so the subscribed shares are claimable at once.
      expect(await time.latest()).to.be.lessThan(Number(params.end));
      await offerings.connect(alice).claimShares(id);
      expect(await shares.balanceOf(alice)).to.equal(3n * SHARE);
    });

    it("reports unknown offerings by id", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, council, alice } = system;
      await openOffering(system, await offeringParams(ethers));
      for (const id of [0n, 2n]) {
        const calls = [
          () => offerings.connect(council).closeOffering(id),
          () => offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n }),
          () => offerings.connect(alice).claimShares(id),
          () => offerings.quote(id, SHARE),
          () => offerings.offering(id),
          () => offerings.isAllowed(id, alice, []),
        ];
        for (const call of calls) {
          await expect(call())
            .to.be.revertedWithCustomError(offerings, "OfferingsUnknownOffering")
            .withArgs(id);
        }
      }
    });
  });

  describe("subscribing with ETH", function () {
    it("holds exactly the cost in escrow and records the investor's pending shares", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool, shares, alice } = system;
      const id = await openOffering(system, await offeringParams(ethers, { pricePerShare: 2n * 10n ** 18n }));
      const amount = 3n * SHARE;
      const cost = 6n * 10n ** 18n;
      expect(await offerings.quote(id, amount)).to.equal(cost);

      const tx = offerings.connect(alice).subscribe(id, amount, [], { value: cost });
      await expect(tx).to.emit(offerings, "Subscribed").withArgs(id, alice.address, amount, cost);
      await expect(tx).not.to.emit(pool, "CapitalDeposited");
      await expect(tx).to.changeEtherBalances(ethers, [alice, pool, offerings], [-cost, 0n, cost]);

      expect(await offerings.pendingShares(id, alice)).to.equal(amount);
      expect((await offerings.offering(id)).sharesSold).to.equal(amount);
      expect((await offerings.offering(id)).capitalRaised).to.equal(cost);
      // Not in the pool's books until the offering settles.
      expect((await pool.books(ETH)).capitalIn).to.equal(0n);
      expect(await pool.availableCapital(ETH)).to.equal(0n);
      expect(await shares.balanceOf(alice)).to.equal(0n);
      expect(await shares.totalSupply()).to.equal(0n);
    });

    it("adds up repeated subscriptions per investor and in total", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice, bob } = system;
      const id = await openOffering(system, await offeringParams(ethers));
      await offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n });
      await offerings.connect(bob).subscribe(id, 2n * SHARE, [], { value: 2n * 10n ** 18n });
      await offerings.connect(alice).subscribe(id, 4n * SHARE, [], { value: 4n * 10n ** 18n });

      expect(await offerings.pendingShares(id, alice)).to.equal(5n * SHARE);
      expect(await offerings.pendingShares(id, bob)).to.equal(2n * SHARE);
      expect((await offerings.offering(id)).sharesSold).to.equal(7n * SHARE);
      expect((await offerings.offering(id)).capitalRaised).to.equal(7n * 10n ** 18n);
      expect(await ethers.provider.getBalance(offerings)).to.equal(7n * 10n ** 18n);
    });

    it("accepts subscriptions at the first and at the last second of the window", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice, bob } = system;
      const params = await offeringParams(ethers);
      const id = await openOffering(system, { ...params, start: BigInt(params.start) + 100n });
      await time.setNextBlockTimestamp(BigInt(params.start) + 100n);
      await offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n });
      await time.setNextBlockTimestamp(params.end);
      await offerings.connect(bob).subscribe(id, SHARE, [], { value: 10n ** 18n });
      expect((await offerings.offering(id)).sharesSold).to.equal(2n * SHARE);
    });

    it("sells the cap exactly", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice, bob, carol } = system;
      const id = await openOffering(system, await offeringParams(ethers, { shareCap: 10n * SHARE }));
      await offerings.connect(alice).subscribe(id, 4n * SHARE, [], { value: 4n * 10n ** 18n });
      await offerings.connect(bob).subscribe(id, 6n * SHARE, [], { value: 6n * 10n ** 18n });
      expect((await offerings.offering(id)).sharesSold).to.equal(10n * SHARE);
      await expect(offerings.connect(carol).subscribe(id, 1n, [], { value: 1n }))
        .to.be.revertedWithCustomError(offerings, "OfferingsCapExceeded")
        .withArgs(1n, 0n);
    });
  });

  describe("subscribing with an ERC-20", function () {
    for (const [name, decimals] of [
      ["an 18-decimal token", 18n],
      ["a 6-decimal token", 6n],
    ] as const) {
      it(`pulls exactly the cost of ${name} from the investor into escrow`, async function () {
        const system = await networkHelpers.loadFixture(deployFixture);
        const { offerings, pool, alice } = system;
        const token = decimals === 18n ? system.dai : system.usdc;
        const price = (25n * 10n ** decimals) / 10n; // 2.5 tokens per share
        const id = await openOffering(
          system,
          await offeringParams(ethers, { asset: await token.getAddress(), pricePerShare: price }),
        );
        const amount = 4n * SHARE;
        const cost = 10n * 10n ** decimals;
        expect(await offerings.quote(id, amount)).to.equal(cost);

        const tx = offerings.connect(alice).subscribe(id, amount, []);
        await expect(tx).to.emit(offerings, "Subscribed").withArgs(id, alice.address, amount, cost);
        await expect(tx).not.to.emit(pool, "CapitalDeposited");
        await expect(tx).to.changeTokenBalances(ethers, token, [alice, pool, offerings], [-cost, 0n, cost]);

        expect(await offerings.pendingShares(id, alice)).to.equal(amount);
        expect((await offerings.offering(id)).capitalRaised).to.equal(cost);
        expect((await pool.books(token)).capitalIn).to.equal(0n);
      });
    }

    it("refuses an investor who has not approved the cost, changing nothing", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, usdc, mallory } = system;
      const poor = mallory; // funded with ETH only, no token approval
      const id = await openOffering(
        system,
        await offeringParams(ethers, { asset: await usdc.getAddress(), pricePerShare: USDC }),
      );
      await usdc.mint(poor, 10n * USDC);
      await expectNothingChanges(system, id, poor.address, async () => {
        await expect(offerings.connect(poor).subscribe(id, SHARE, []))
          .to.be.revertedWithCustomError(usdc, "ERC20InsufficientAllowance")
          .withArgs(await offerings.getAddress(), 0n, USDC);
      });
    });
  });

  describe("claiming subscribed shares", function () {
    it("mints the pending shares only after the window has closed", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, shares, alice } = system;
      const params = await offeringParams(ethers);
      const id = await openOffering(system, params);
      await offerings.connect(alice).subscribe(id, 3n * SHARE, [], { value: 3n * 10n ** 18n });

      await expectWindowOpenUntilItsEnd(system, id, params, () => offerings.connect(alice).claimShares(id));
      await networkHelpers.mine(); // the block at `end`: the next one is the first after the window

      await expect(offerings.connect(alice).claimShares(id))
        .to.emit(offerings, "SubscriptionSharesClaimed")
        .withArgs(id, alice.address, 3n * SHARE)
        .and.to.emit(shares, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, 3n * SHARE);
      expect(await shares.balanceOf(alice)).to.equal(3n * SHARE);
      expect(await offerings.pendingShares(id, alice)).to.equal(0n);
      expect((await offerings.offering(id)).sharesSold).to.equal(3n * SHARE);
    });

    it("refuses a second claim and a claim by someone who never subscribed", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, shares, alice, bob } = system;
      const params = await offeringParams(ethers);
      const id = await openOffering(system, params);
      await offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n });
      await time.increaseTo(params.end);
      await offerings.connect(alice).claimShares(id);

      await expect(offerings.connect(alice).claimShares(id))
        .to.be.revertedWithCustomError(offerings, "OfferingsNothingToClaim")
        .withArgs(id, alice.address);
      await expect(offerings.connect(bob).claimShares(id))
        .to.be.revertedWithCustomError(offerings, "OfferingsNothingToClaim")
        .withArgs(id, bob.address);
      expect(await shares.totalSupply()).to.equal(SHARE);
    });

    it("runs the whole flow: ETH and token subscriptions, claims, then returns shared pro rata", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, shares, usdc, deployer, alice, bob, carol } = system;
      const ethParams = await offeringParams(ethers, { pricePerShare: 10n ** 17n });
      const ethOffering = await openOffering(system, ethParams);
      const usdcParams = { ...ethParams, asset: await usdc.getAddress(), pricePerShare: 100n * USDC };
      const usdcOffering = await openOffering(system, usdcParams);

      await offerings.connect(alice).subscribe(ethOffering, 50n * SHARE, [], { value: 5n * 10n ** 18n });
      await offerings.connect(bob).subscribe(usdcOffering, 30n * SHARE, []);
      await offerings.connect(carol).subscribe(ethOffering, 15n * SHARE, [], { value: 15n * 10n ** 17n });
      await offerings.connect(carol).subscribe(usdcOffering, 5n * SHARE, []);
      expect(await usdc.balanceOf(offerings)).to.equal(3_500n * USDC);
      expect(await ethers.provider.getBalance(offerings)).to.equal(65n * 10n ** 17n);

      await time.increaseTo(ethParams.end);
      await offerings.settleOffering(ethOffering);
      await offerings.settleOffering(usdcOffering);
      expect(await usdc.balanceOf(system.pool)).to.equal(3_500n * USDC);
      expect(await ethers.provider.getBalance(system.pool)).to.equal(65n * 10n ** 17n);
      await offerings.connect(alice).claimShares(ethOffering);
      await offerings.connect(bob).claimShares(usdcOffering);
      await offerings.connect(carol).claimShares(ethOffering);
      await offerings.connect(carol).claimShares(usdcOffering);
      expect(await shares.totalSupply()).to.equal(100n * SHARE);
      expect(await shares.holderCount()).to.equal(3n);

      // A company pays 10 ETH and 2,000 USDC of returns into the ledger.
      await shares.connect(deployer).distribute(ETH, 10n * 10n ** 18n, { value: 10n * 10n ** 18n });
      await usdc.mint(deployer, 2_000n * USDC);
      await usdc.connect(deployer).approve(shares, 2_000n * USDC);
      await shares.connect(deployer).distribute(usdc, 2_000n * USDC);

      const expected: [typeof alice, bigint, bigint][] = [
        [alice, 5n * 10n ** 18n, 1_000n * USDC],
        [bob, 3n * 10n ** 18n, 600n * USDC],
        [carol, 2n * 10n ** 18n, 400n * USDC],
      ];
      // The ledger rounds each holder's claim down by at most 1 wei, in the Fund's favour.
      for (const [holder, eth, usd] of expected) {
        const claimableEth = await shares.claimable(holder, ETH);
        const claimableUsdc = await shares.claimable(holder, usdc);
        expect(claimableEth).to.be.within(eth - 1n, eth);
        expect(claimableUsdc).to.be.within(usd - 1n, usd);
        await expectClaimsBoth(ethers, shares, holder, usdc, { eth: claimableEth, token: claimableUsdc });
      }
      // The capital stayed in the pool: returns never touched it.
      expect(await ethers.provider.getBalance(system.pool)).to.equal(65n * 10n ** 17n);
      expect(await usdc.balanceOf(system.pool)).to.equal(3_500n * USDC);
    });
  });

  describe("bad subscriptions revert with a clear error and change nothing", function () {
    async function openEthOffering(system: CapitalSystem) {
      const params = await offeringParams(ethers, {
        pricePerShare: 10n ** 18n,
        shareCap: 10n * SHARE,
        minShares: SHARE / 2n,
      });
      return { id: await openOffering(system, params), params };
    }

    it("over the cap: OfferingsCapExceeded(requested, remaining)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice, bob } = system;
      const { id } = await openEthOffering(system);
      await offerings.connect(alice).subscribe(id, 7n * SHARE, [], { value: 7n * 10n ** 18n });
      await expectNothingChanges(system, id, bob.address, async () => {
        await expect(
          offerings.connect(bob).subscribe(id, 3n * SHARE + 1n, [], { value: 3n * 10n ** 18n + 1n }),
        )
          .to.be.revertedWithCustomError(offerings, "OfferingsCapExceeded")
          .withArgs(3n * SHARE + 1n, 3n * SHARE);
      });
    });

    it("before the start: OfferingsNotStarted(id, start)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const params = await offeringParams(ethers);
      const start = BigInt(params.start) + BigInt(DAY);
      const id = await openOffering(system, { ...params, start });
      await expectNothingChanges(system, id, alice.address, async () => {
        await time.setNextBlockTimestamp(start - 1n);
        await expect(offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n }))
          .to.be.revertedWithCustomError(offerings, "OfferingsNotStarted")
          .withArgs(id, start);
      });
    });

    it("after the end: OfferingsEnded(id, end)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const { id, params } = await openEthOffering(system);
      await expectNothingChanges(system, id, alice.address, async () => {
        await time.setNextBlockTimestamp(BigInt(params.end) + 1n);
        await expect(offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n }))
          .to.be.revertedWithCustomError(offerings, "OfferingsEnded")
          .withArgs(id, params.end);
      });
    });

    it("after the council closed it: OfferingsClosed(id)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, council, alice } = system;
      const { id } = await openEthOffering(system);
      await offerings.connect(council).closeOffering(id);
      await expectNothingChanges(system, id, alice.address, async () => {
        await expect(offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n }))
          .to.be.revertedWithCustomError(offerings, "OfferingsClosed")
          .withArgs(id);
      });
    });

    it("under the minimum: OfferingsBelowMinimum(shares, minShares)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const { id } = await openEthOffering(system);
      await expectNothingChanges(system, id, alice.address, async () => {
        const tooFew = SHARE / 2n - 1n;
        await expect(
          offerings.connect(alice).subscribe(id, tooFew, [], { value: costOf(tooFew, 10n ** 18n) }),
        )
          .to.be.revertedWithCustomError(offerings, "OfferingsBelowMinimum")
          .withArgs(tooFew, SHARE / 2n);
      });
    });

    it("zero shares where the minimum is zero: OfferingsBelowMinimum(0, 1)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const id = await openOffering(system, await offeringParams(ethers, { minShares: 0n }));
      await expectNothingChanges(system, id, alice.address, async () => {
        await expect(offerings.connect(alice).subscribe(id, 0n, []))
          .to.be.revertedWithCustomError(offerings, "OfferingsBelowMinimum")
          .withArgs(0n, 1n);
      });
    });

    it("short, excess or missing ETH: OfferingsWrongPayment(expected, sent)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const { id } = await openEthOffering(system);
      const cost = 2n * 10n ** 18n;
      await expectNothingChanges(system, id, alice.address, async () => {
        for (const sent of [cost - 1n, cost + 1n, 0n, 2n * cost]) {
          await expect(offerings.connect(alice).subscribe(id, 2n * SHARE, [], { value: sent }))
            .to.be.revertedWithCustomError(offerings, "OfferingsWrongPayment")
            .withArgs(cost, sent);
        }
      });
    });

    it("ETH sent with a token offering: OfferingsWrongPayment(0, sent)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, dai, alice } = system;
      const id = await openOffering(system, await offeringParams(ethers, { asset: await dai.getAddress() }));
      await expectNothingChanges(system, id, alice.address, async () => {
        await expect(offerings.connect(alice).subscribe(id, SHARE, [], { value: 1n }))
          .to.be.revertedWithCustomError(offerings, "OfferingsWrongPayment")
          .withArgs(0n, 1n);
        await expect(offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n }))
          .to.be.revertedWithCustomError(offerings, "OfferingsWrongPayment")
          .withArgs(0n, 10n ** 18n);
      });
    });

    it("a fee-on-transfer token: the short delivery is refused, OfferingsShortDelivery(asset, expected, received)", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const feeToken = await ethers.deployContract("FeeOnTransferTokenMock", ["Fee", "FEE", 100n]); // 1%
      const { id } = await offeringInToken(system, feeToken, 1_000n * 10n ** 18n);
      const feeAddress = await feeToken.getAddress();
      await expectNothingChanges(
        system,
        id,
        alice.address,
        async () => {
          const cost = 10n * 10n ** 18n;
          await expect(offerings.connect(alice).subscribe(id, 10n * SHARE, []))
            .to.be.revertedWithCustomError(offerings, "OfferingsShortDelivery")
            .withArgs(feeAddress, cost, (cost * 99n) / 100n);
        },
        [feeAddress],
      );
      expect(await feeToken.totalSupply()).to.equal(1_000n * 10n ** 18n);
    });

    it("while the ledger is paused: OfferingsPaused, for ETH and tokens alike", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, shares, deployer, dai, alice } = system;
      const { id } = await openEthOffering(system);
      const daiOffering = await openOffering(
        system,
        await offeringParams(ethers, { asset: await dai.getAddress() }),
      );
      await shares.connect(deployer).pause();
      const before = [
        await snapshot(system, id, alice.address),
        await snapshot(system, daiOffering, alice.address),
      ];
      await expect(
        offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n }),
      ).to.be.revertedWithCustomError(offerings, "OfferingsPaused");
      await expect(offerings.connect(alice).subscribe(daiOffering, SHARE, [])).to.be.revertedWithCustomError(
        offerings,
        "OfferingsPaused",
      );
      expect([
        await snapshot(system, id, alice.address),
        await snapshot(system, daiOffering, alice.address),
      ]).to.deep.equal(before);
      await shares.connect(deployer).unpause();
      await offerings.connect(alice).subscribe(id, SHARE, [], { value: 10n ** 18n });
      expect(await offerings.pendingShares(id, alice)).to.equal(SHARE);
    });
  });

  describe("rounding of the cost", function () {
    it("rounds a fractional cost up by one wei and charges exactly that", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool, alice } = system;
      const price = 10n ** 18n + 1n;
      const amount = SHARE - 1n; // exact cost (1e36 − 1) / 1e18: just under 1 ETH
      const floor = (amount * price) / SHARE;
      const id = await openOffering(system, await offeringParams(ethers, { pricePerShare: price }));
      expect(floor * SHARE).to.be.lessThan(amount * price);
      expect(await offerings.quote(id, amount)).to.equal(floor + 1n);

      await expect(offerings.connect(alice).subscribe(id, amount, [], { value: floor }))
        .to.be.revertedWithCustomError(offerings, "OfferingsWrongPayment")
        .withArgs(floor + 1n, floor);
      await expect(offerings.connect(alice).subscribe(id, amount, [], { value: floor + 2n }))
        .to.be.revertedWithCustomError(offerings, "OfferingsWrongPayment")
        .withArgs(floor + 1n, floor + 2n);
      await expect(
        offerings.connect(alice).subscribe(id, amount, [], { value: floor + 1n }),
      ).to.changeEtherBalances(ethers, [alice, offerings, pool], [-(floor + 1n), floor + 1n, 0n]);
      expect(await offerings.pendingShares(id, alice)).to.equal(amount);
    });

    it("charges a 6-decimal token the rounded-up cost, never more", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool, usdc, alice } = system;
      const price = 1_000_001n; // 1.000001 USDC per share
      const amount = SHARE / 2n; // exact cost 500000.5 units
      const id = await openOffering(
        system,
        await offeringParams(ethers, { asset: await usdc.getAddress(), pricePerShare: price }),
      );
      expect(await offerings.quote(id, amount)).to.equal(500_001n);
      await expect(offerings.connect(alice).subscribe(id, amount, [])).to.changeTokenBalances(
        ethers,
        usdc,
        [alice, offerings, pool],
        [-500_001n, 500_001n, 0n],
      );
    });

    it("charges a whole multiple exactly, and one wei for a single share unit at a tiny price", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings } = system;
      const exact = await openOffering(
        system,
        await offeringParams(ethers, { pricePerShare: 3n * 10n ** 17n }),
      );
      expect(await offerings.quote(exact, 10n * SHARE)).to.equal(3n * 10n ** 18n);
      expect(await offerings.quote(exact, 0n)).to.equal(0n);
      const tiny = await openOffering(system, await offeringParams(ethers, { pricePerShare: 1n }));
      expect(await offerings.quote(tiny, 1n)).to.equal(1n);
      expect(await offerings.quote(tiny, SHARE)).to.equal(1n);
      expect(await offerings.quote(tiny, SHARE + 1n)).to.equal(2n);
    });
  });

  describe("reentrancy", function () {
    it("refuses a token hook that re-enters subscribe", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice } = system;
      const hookToken = await ethers.deployContract("CallbackTokenMock", ["Hook", "HOOK"]);
      const { id } = await offeringInToken(system, hookToken, 100n * 10n ** 18n);
      await hookToken.arm(offerings, offerings.interface.encodeFunctionData("subscribe", [id, SHARE, []]));

      await expectNothingChanges(
        system,
        id,
        alice.address,
        async () => {
          await expect(offerings.connect(alice).subscribe(id, SHARE, [])).to.be.revertedWithCustomError(
            offerings,
            "ReentrancyGuardReentrantCall",
          );
        },
        [await hookToken.getAddress()],
      );

      await hookToken.arm(offerings, offerings.interface.encodeFunctionData("claimShares", [id]));
      await expect(offerings.connect(alice).subscribe(id, SHARE, [])).to.be.revertedWithCustomError(
        offerings,
        "ReentrancyGuardReentrantCall",
      );
      await hookToken.arm(offerings, "0x");
      await offerings.connect(alice).subscribe(id, SHARE, []);
      expect(await offerings.pendingShares(id, alice)).to.equal(SHARE);
    });

    it("refuses a token hook that re-enters settleOffering or subscribe during a settlement", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool, alice } = system;
      const hookToken = await ethers.deployContract("CallbackTokenMock", ["Hook", "HOOK"]);
      const { id, params } = await offeringInToken(system, hookToken, 100n * 10n ** 18n);
      await offerings.connect(alice).subscribe(id, 2n * SHARE, []);
      await time.increaseTo(BigInt(params.end) + 1n);

      for (const data of [
        offerings.interface.encodeFunctionData("settleOffering", [id]),
        offerings.interface.encodeFunctionData("claimShares", [id]),
      ]) {
        await hookToken.arm(offerings, data);
        await expect(offerings.settleOffering(id)).to.be.revertedWithCustomError(
          offerings,
          "ReentrancyGuardReentrantCall",
        );
        expect((await offerings.offering(id)).settled).to.equal(false);
        expect(await hookToken.balanceOf(offerings)).to.equal(2n * 10n ** 18n);
      }
      await hookToken.arm(offerings, "0x");
      await offerings.settleOffering(id);
      expect((await pool.books(hookToken)).capitalIn).to.equal(2n * 10n ** 18n);
      expect(await hookToken.balanceOf(pool)).to.equal(2n * 10n ** 18n);
    });
  });

  describe("settling an offering into the capital pool", function () {
    async function subscribedEthOffering(system: CapitalSystem) {
      const params = await offeringParams(ethers, { pricePerShare: 10n ** 17n });
      const id = await openOffering(system, params);
      await system.offerings.connect(system.alice).subscribe(id, 30n * SHARE, [], { value: 3n * 10n ** 18n });
      await system.offerings.connect(system.bob).subscribe(id, 12n * SHARE, [], { value: 12n * 10n ** 17n });
      return { id, params, raised: 42n * 10n ** 17n };
    }

    it("refuses to settle while the window is open, up to and including its last second", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, carol } = system;
      const { id, params } = await subscribedEthOffering(system);
      await expectNothingChanges(system, id, carol.address, async () => {
        await expectWindowOpenUntilItsEnd(system, id, params, () =>
          offerings.connect(carol).settleOffering(id),
        );
      });
    });

    it("after the window, anyone moves the whole ETH raise into the pool in one deposit, once", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool, carol } = system;
      const { id, params, raised } = await subscribedEthOffering(system);
      await time.increaseTo(BigInt(params.end) + 1n);

      expect(await offerings.connect(carol).settleOffering.staticCall(id)).to.equal(raised);
      const tx = offerings.connect(carol).settleOffering(id);
      await expect(tx).to.emit(offerings, "OfferingSettled").withArgs(id, ETH, raised);
      await expect(tx)
        .to.emit(pool, "CapitalDeposited")
        .withArgs(ETH, await offerings.getAddress(), id, raised);
      await expect(tx).to.changeEtherBalances(ethers, [offerings, pool, carol], [-raised, raised, 0n]);
      expect(await booksArray(system, ETH)).to.deep.equal([raised, 0n, 0n]);
      expect(await pool.availableCapital(ETH)).to.equal(raised);
      const settled = await offerings.offering(id);
      expect(settled.settled).to.equal(true);
      expect(settled.capitalRaised).to.equal(raised);

      await expectNothingChanges(system, id, carol.address, async () => {
        await expect(offerings.connect(carol).settleOffering(id))
          .to.be.revertedWithCustomError(offerings, "OfferingsAlreadySettled")
          .withArgs(id);
      });
    });

    it("settles an ERC-20 raise: the tokens move and the pool books exactly them", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool, usdc, alice, bob } = system;
      const params = await offeringParams(ethers, {
        asset: await usdc.getAddress(),
        pricePerShare: 1_000_001n,
      });
      const id = await openOffering(system, params);
      await offerings.connect(alice).subscribe(id, SHARE / 2n, []); // 500,001 units (rounded up)
      await offerings.connect(bob).subscribe(id, 3n * SHARE, []); // 3,000,003 units
      const raised = 3_500_004n;
      expect((await offerings.offering(id)).capitalRaised).to.equal(raised);
      await time.increaseTo(BigInt(params.end) + 1n);

      const tx = offerings.settleOffering(id);
      await expect(tx)
        .to.emit(offerings, "OfferingSettled")
        .withArgs(id, await usdc.getAddress(), raised);
      await expect(tx).to.changeTokenBalances(ethers, usdc, [offerings, pool], [-raised, raised]);
      expect(await booksArray(system, await usdc.getAddress())).to.deep.equal([raised, 0n, 0n]);
    });

    it("settles early once the council has closed the offering, and its shares are claimable at once", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, council, pool, alice } = system;
      const { id, params, raised } = await subscribedEthOffering(system);
      await offerings.connect(council).closeOffering(id);
      await expect(offerings.settleOffering(id))
        .to.emit(offerings, "OfferingSettled")
        .withArgs(id, ETH, raised);
      expect(await pool.availableCapital(ETH)).to.equal(raised);
      expect(await networkHelpers.time.latest()).to.be.lessThan(Number(params.end));
      await expect(offerings.connect(alice).claimShares(id)).to.emit(offerings, "SubscriptionSharesClaimed");
    });

    it("settles an offering that raised nothing without a deposit", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool } = system;
      const params = await offeringParams(ethers);
      const id = await openOffering(system, params);
      await time.increaseTo(BigInt(params.end) + 1n);
      const tx = offerings.settleOffering(id);
      await expect(tx).to.emit(offerings, "OfferingSettled").withArgs(id, ETH, 0n);
      await expect(tx).not.to.emit(pool, "CapitalDeposited");
      expect((await offerings.offering(id)).settled).to.equal(true);
      expect(await booksArray(system, ETH)).to.deep.equal([0n, 0n, 0n]);
    });

    it("settles while the ledger is paused: escrow is never stuck", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, shares, deployer, pool } = system;
      const { id, params, raised } = await subscribedEthOffering(system);
      await time.increaseTo(BigInt(params.end) + 1n);
      await shares.connect(deployer).pause();
      await offerings.settleOffering(id);
      expect(await pool.availableCapital(ETH)).to.equal(raised);
    });

    it("moves only its own raise: another offering in the same asset stays in escrow", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, pool, carol } = system;
      const { id, params, raised } = await subscribedEthOffering(system);
      const later = await openOffering(system, { ...params, end: BigInt(params.end) + BigInt(DAY) });
      await offerings.connect(carol).subscribe(later, 5n * SHARE, [], { value: 5n * 10n ** 17n });
      await time.increaseTo(BigInt(params.end) + 1n);

      await expect(offerings.settleOffering(later))
        .to.be.revertedWithCustomError(offerings, "OfferingsWindowOpen")
        .withArgs(later, BigInt(params.end) + BigInt(DAY));
      await offerings.settleOffering(id);
      expect(await ethers.provider.getBalance(pool)).to.equal(raised);
      expect(await ethers.provider.getBalance(offerings)).to.equal(5n * 10n ** 17n);
      expect((await offerings.offering(later)).capitalRaised).to.equal(5n * 10n ** 17n);
    });

    it("keeps claims and settlement independent: either may come first", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, shares, alice, bob } = system;
      const { id, params } = await subscribedEthOffering(system);
      await time.increaseTo(BigInt(params.end) + 1n);
      await offerings.connect(alice).claimShares(id);
      await offerings.settleOffering(id);
      await offerings.connect(bob).claimShares(id);
      expect(await shares.balanceOf(alice)).to.equal(30n * SHARE);
      expect(await shares.balanceOf(bob)).to.equal(12n * SHARE);
    });

    it("reports an unknown offering by id", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings } = system;
      for (const id of [0n, 1n]) {
        await expect(offerings.settleOffering(id))
          .to.be.revertedWithCustomError(offerings, "OfferingsUnknownOffering")
          .withArgs(id);
      }
    });
  });

  describe("views", function () {
    it("reports every investor allowed on an open offering, whatever the proof", async function () {
      const system = await networkHelpers.loadFixture(deployFixture);
      const { offerings, alice, bob } = system;
      const id = await openOffering(system, await offeringParams(ethers));
      expect(await offerings.isAllowed(id, alice, [])).to.equal(true);
      expect(await offerings.isAllowed(id, bob, [ZeroHash])).to.equal(true);
      expect(await offerings.pendingShares(id, alice)).to.equal(0n);
    });
  });
});
