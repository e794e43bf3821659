import { expect } from "chai";

import { ETH, MAX_OUTSTANDING_PER_ASSET, ONE, ONE_SHARE, ONE_USDC } from "../helpers/ledger.js";
import { expectWithinOneWeiBelow, proRata, rpsIncrement } from "../helpers/exact.js";
import {
  booksOf,
  distributedBooks,
  mintThreeToOne,
  sharesNetwork,
  snapshotLedger,
} from "../helpers/shares.js";

const { ethers, networkHelpers, deploySharesWithTokens } = await sharesNetwork();

/** Alice 3 shares, Bob 1 share: supply 4. */
async function deployWithHolders() {
  const fixture = await deploySharesWithTokens();
  await mintThreeToOne(fixture);
  return fixture;
}

describe("FundShares: inflows (distribute, receive, syncReturns, held returns)", function () {
  describe("distribute in ETH", function () {
    it("credits the exact value to all holders, with ReturnsReceived and ReturnsDistributed", async function () {
      const { shares, sharesAddress, payer, alice, bob } =
        await networkHelpers.loadFixture(deployWithHolders);
      const amount = 4n * ONE;
      const supply = 4n * ONE_SHARE;
      const tx = shares.connect(payer).distribute(ETH, amount, { value: amount });
      await expect(tx).to.emit(shares, "ReturnsReceived").withArgs(ETH, payer.address, amount);
      await expect(tx)
        .to.emit(shares, "ReturnsDistributed")
        .withArgs(ETH, amount, supply, rpsIncrement(amount, supply));
      await expect(tx).to.changeEtherBalances(ethers, [payer, sharesAddress], [-amount, amount]);
      expect(await booksOf(shares, ETH)).to.deep.equal(distributedBooks(amount));
      expect(await shares.claimable(alice.address, ETH)).to.equal(3n * ONE);
      expect(await shares.claimable(bob.address, ETH)).to.equal(ONE);
    });

    it("returns the amount credited", async function () {
      const { shares, payer } = await networkHelpers.loadFixture(deployWithHolders);
      expect(await shares.connect(payer).distribute.staticCall(ETH, 123n, { value: 123n })).to.equal(123n);
    });

    it("accumulates returns per share over several distributions", async function () {
      const { shares, payer } = await networkHelpers.loadFixture(deployWithHolders);
      const supply = 4n * ONE_SHARE;
      await shares.connect(payer).distribute(ETH, ONE, { value: ONE });
      const second = 7n * ONE + 3n;
      await expect(shares.connect(payer).distribute(ETH, second, { value: second }))
        .to.emit(shares, "ReturnsDistributed")
        .withArgs(ETH, second, supply, rpsIncrement(ONE, supply) + rpsIncrement(second, supply));
    });

    it("is open to anyone, holders or not", async function () {
      const { shares, outsider, alice } = await networkHelpers.loadFixture(deployWithHolders);
      await shares.connect(outsider).distribute(ETH, 4n, { value: 4n });
      await shares.connect(alice).distribute(ETH, 4n, { value: 4n });
      expect((await booksOf(shares, ETH)).received).to.equal(8n);
    });

    it("refuses a value that differs from the amount declared, either way, and changes nothing", async function () {
      const { shares, payer, alice, bob } = await networkHelpers.loadFixture(deployWithHolders);
      const accounts = [alice.address, bob.address];
      const before = await snapshotLedger(ethers, shares, accounts);
      await expect(shares.connect(payer).distribute(ETH, ONE, { value: ONE - 1n }))
        .to.be.revertedWithCustomError(shares, "FundSharesWrongValue")
        .withArgs(ONE, ONE - 1n);
      await expect(shares.connect(payer).distribute(ETH, ONE, { value: ONE + 1n }))
        .to.be.revertedWithCustomError(shares, "FundSharesWrongValue")
        .withArgs(ONE, ONE + 1n);
      expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
    });

    it("refuses a zero payment", async function () {
      const { shares, payer, alice } = await networkHelpers.loadFixture(deployWithHolders);
      const before = await snapshotLedger(ethers, shares, [alice.address]);
      await expect(shares.connect(payer).distribute(ETH, 0n)).to.be.revertedWithCustomError(
        shares,
        "FundSharesZeroAmount",
      );
      expect(await snapshotLedger(ethers, shares, [alice.address])).to.deep.equal(before);
    });
  });

  describe("distribute in ERC-20", function () {
    it("pulls the tokens with transferFrom and credits the balance delta (18 decimals)", async function () {
      const { shares, sharesAddress, payer, alice, bob, token18, token18Address } =
        await networkHelpers.loadFixture(deployWithHolders);
      const amount = 10n * ONE;
      const tx = shares.connect(payer).distribute(token18Address, amount);
      await expect(tx).to.emit(shares, "ReturnsReceived").withArgs(token18Address, payer.address, amount);
      await expect(tx)
        .to.emit(shares, "ReturnsDistributed")
        .withArgs(token18Address, amount, 4n * ONE_SHARE, rpsIncrement(amount, 4n * ONE_SHARE));
      await expect(tx).to.changeTokenBalances(ethers, token18, [payer, sharesAddress], [-amount, amount]);
      expect(await shares.claimable(alice.address, token18Address)).to.equal((amount * 3n) / 4n);
      expect(await shares.claimable(bob.address, token18Address)).to.equal(amount / 4n);
      expect(await shares.claimable(alice.address, ETH)).to.equal(0n);
    });

    it("handles a 6-decimal token the same way", async function () {
      const { shares, payer, alice, bob, token6Address } =
        await networkHelpers.loadFixture(deployWithHolders);
      const amount = 1_000n * ONE_USDC;
      expect(await shares.connect(payer).distribute.staticCall(token6Address, amount)).to.equal(amount);
      await shares.connect(payer).distribute(token6Address, amount);
      // The magnitude is decimal (10^33), so a decimal split of a round amount is exact, not a wei short.
      const supply = 4n * ONE_SHARE;
      // Exactly three quarters and one quarter: 750 and 250 tUSD, to the unit.
      expect(proRata(amount, ONE_SHARE, supply)).to.deep.equal({
        num: 250n * ONE_USDC * supply,
        den: supply,
      });
      expect(await shares.claimable(alice.address, token6Address)).to.equal(750n * ONE_USDC);
      expect(await shares.claimable(bob.address, token6Address)).to.equal(250n * ONE_USDC);
      expect(await booksOf(shares, token6Address)).to.deep.equal(distributedBooks(amount));
    });

    it("refuses ETH sent along with an ERC-20 payment", async function () {
      const { shares, payer, alice, token18Address } = await networkHelpers.loadFixture(deployWithHolders);
      const before = await snapshotLedger(ethers, shares, [alice.address]);
      await expect(shares.connect(payer).distribute(token18Address, ONE, { value: 1n }))
        .to.be.revertedWithCustomError(shares, "FundSharesWrongValue")
        .withArgs(0n, 1n);
      expect(await snapshotLedger(ethers, shares, [alice.address])).to.deep.equal(before);
    });

    it("refuses a zero amount", async function () {
      const { shares, payer, token18Address } = await networkHelpers.loadFixture(deployWithHolders);
      await expect(shares.connect(payer).distribute(token18Address, 0n)).to.be.revertedWithCustomError(
        shares,
        "FundSharesZeroAmount",
      );
      expect((await booksOf(shares, token18Address)).received).to.equal(0n);
    });

    it("fails without an allowance, with the token's own error", async function () {
      const { shares, sharesAddress, outsider, token18, token18Address } =
        await networkHelpers.loadFixture(deployWithHolders);
      await token18.mint(outsider.address, ONE);
      await expect(shares.connect(outsider).distribute(token18Address, ONE))
        .to.be.revertedWithCustomError(token18, "ERC20InsufficientAllowance")
        .withArgs(sharesAddress, 0n, ONE);
      expect((await booksOf(shares, token18Address)).received).to.equal(0n);
    });

    it("refuses an asset that is not listed", async function () {
      const { shares, payer, outsider } = await networkHelpers.loadFixture(deployWithHolders);
      const stranger = await ethers.deployContract("TestToken", ["S", "S", 18]);
      const strangerAddress = await stranger.getAddress();
      await stranger.mint(payer.address, ONE);
      await stranger.connect(payer).approve(await shares.getAddress(), ONE);
      for (const asset of [strangerAddress, outsider.address]) {
        await expect(shares.connect(payer).distribute(asset, ONE))
          .to.be.revertedWithCustomError(shares, "FundSharesUnknownAsset")
          .withArgs(asset);
      }
      expect(await stranger.balanceOf(payer.address)).to.equal(ONE);
    });

    it("bounds what is outstanding, not what passed through: FundSharesLimitExceeded only while it is owed", async function () {
      const { shares, payer, alice, bob, token18, token18Address } =
        await networkHelpers.loadFixture(deployWithHolders);
      await token18.mint(payer.address, 2n ** 99n);
      await shares.connect(payer).distribute(token18Address, MAX_OUTSTANDING_PER_ASSET - ONE);
      const before = await snapshotLedger(ethers, shares, [alice.address, bob.address]);
      await expect(shares.connect(payer).distribute(token18Address, ONE + 1n))
        .to.be.revertedWithCustomError(shares, "FundSharesLimitExceeded")
        .withArgs(MAX_OUTSTANDING_PER_ASSET + 1n, MAX_OUTSTANDING_PER_ASSET);
      expect(await snapshotLedger(ethers, shares, [alice.address, bob.address])).to.deep.equal(before);

      // Once the holders claimed, the whole old lifetime cap's volume passes through again, twice.
      for (let round = 0; round < 2; round++) {
        await shares.connect(alice).claimReturns(token18Address);
        await shares.connect(bob).claimReturns(token18Address);
        await shares.connect(payer).distribute(token18Address, MAX_OUTSTANDING_PER_ASSET - ONE);
      }
      const books = await booksOf(shares, token18Address);
      expect(books.received).to.equal(3n * (MAX_OUTSTANDING_PER_ASSET - ONE));
      expect(books.received).to.be.greaterThan(MAX_OUTSTANDING_PER_ASSET);
      expect(books.distributed - books.claimed).to.be.lte(MAX_OUTSTANDING_PER_ASSET);
      await shares.connect(alice).claimReturns(token18Address);
      await shares.connect(payer).distribute(token18Address, ONE);
      expect((await booksOf(shares, token18Address)).received).to.equal(
        3n * (MAX_OUTSTANDING_PER_ASSET - ONE) + ONE,
      );
    });
  });

  describe("receive (plain ETH transfers)", function () {
    it("credits ETH sent straight to the ledger as returns from the sender", async function () {
      const { shares, sharesAddress, outsider, alice } = await networkHelpers.loadFixture(deployWithHolders);
      const tx = outsider.sendTransaction({ to: sharesAddress, value: 2n * ONE });
      await expect(tx)
        .to.emit(shares, "ReturnsReceived")
        .withArgs(ETH, outsider.address, 2n * ONE);
      await expect(tx).to.emit(shares, "ReturnsDistributed");
      expect(await shares.claimable(alice.address, ETH)).to.equal((2n * ONE * 3n) / 4n);
    });

    it("refuses a zero-value transfer", async function () {
      const { shares, sharesAddress, outsider } = await networkHelpers.loadFixture(deployWithHolders);
      await expect(outsider.sendTransaction({ to: sharesAddress, value: 0n })).to.be.revertedWithCustomError(
        shares,
        "FundSharesZeroAmount",
      );
    });
  });

  describe("syncReturns", function () {
    it("credits tokens sent straight to the ledger, once", async function () {
      const { shares, sharesAddress, outsider, alice, bob, token6, token6Address } =
        await networkHelpers.loadFixture(deployWithHolders);
      await token6.mint(sharesAddress, 40n * ONE_USDC);
      expect(await shares.connect(outsider).syncReturns.staticCall(token6Address)).to.equal(40n * ONE_USDC);
      await expect(shares.connect(outsider).syncReturns(token6Address))
        .to.emit(shares, "ReturnsReceived")
        .withArgs(token6Address, outsider.address, 40n * ONE_USDC);
      const supply = 4n * ONE_SHARE;
      expectWithinOneWeiBelow(
        await shares.claimable(alice.address, token6Address),
        proRata(40n * ONE_USDC, 3n * ONE_SHARE, supply),
        "alice",
      );
      expectWithinOneWeiBelow(
        await shares.claimable(bob.address, token6Address),
        proRata(40n * ONE_USDC, ONE_SHARE, supply),
        "bob",
      );

      expect(await shares.connect(outsider).syncReturns.staticCall(token6Address)).to.equal(0n);
      await expect(shares.connect(outsider).syncReturns(token6Address)).to.not.emit(
        shares,
        "ReturnsReceived",
      );
      expect((await booksOf(shares, token6Address)).received).to.equal(40n * ONE_USDC);
    });

    it("credits ETH that arrived without a call (as a coinbase reward or self-destruct would)", async function () {
      const { shares, sharesAddress, payer, alice } = await networkHelpers.loadFixture(deployWithHolders);
      await shares.connect(payer).distribute(ETH, ONE, { value: ONE });
      await networkHelpers.setBalance(sharesAddress, 5n * ONE);
      await expect(shares.connect(payer).syncReturns(ETH))
        .to.emit(shares, "ReturnsReceived")
        .withArgs(ETH, payer.address, 4n * ONE);
      expect(await shares.claimable(alice.address, ETH)).to.equal((5n * ONE * 3n) / 4n);
    });

    it("counts only what is above the books, after claims too", async function () {
      const { shares, sharesAddress, payer, alice, token18, token18Address } =
        await networkHelpers.loadFixture(deployWithHolders);
      await shares.connect(payer).distribute(token18Address, 8n * ONE);
      await shares.connect(alice).claimReturns(token18Address);
      expect(await shares.syncReturns.staticCall(token18Address)).to.equal(0n);
      await token18.mint(sharesAddress, 4n);
      expect(await shares.syncReturns.staticCall(token18Address)).to.equal(4n);
    });

    it("refuses an asset that is not listed", async function () {
      const { shares, outsider } = await networkHelpers.loadFixture(deployWithHolders);
      await expect(shares.syncReturns(outsider.address))
        .to.be.revertedWithCustomError(shares, "FundSharesUnknownAsset")
        .withArgs(outsider.address);
    });
  });

  describe("returns arriving while less than one share exists", function () {
    it("holds a payment that arrives before any share exists, with ReturnsHeld and no distribution", async function () {
      const { shares, payer, alice } = await networkHelpers.loadFixture(deploySharesWithTokens);
      const tx = shares.connect(payer).distribute(ETH, ONE, { value: ONE });
      await expect(tx).to.emit(shares, "ReturnsReceived").withArgs(ETH, payer.address, ONE);
      await expect(tx).to.emit(shares, "ReturnsHeld").withArgs(ETH, ONE, ONE);
      await expect(tx).to.not.emit(shares, "ReturnsDistributed");
      expect(await booksOf(shares, ETH)).to.deep.equal({
        received: ONE,
        distributed: 0n,
        claimed: 0n,
        undistributed: ONE,
      });
      expect(await shares.claimable(alice.address, ETH)).to.equal(0n);
    });

    it("holds payments while supply is below one whole share, accumulating them", async function () {
      const { shares, minter, payer, alice, token18Address } =
        await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(minter).mint(alice.address, ONE_SHARE - 1n);
      await shares.connect(payer).distribute(token18Address, 5n);
      await expect(shares.connect(payer).distribute(token18Address, 7n))
        .to.emit(shares, "ReturnsHeld")
        .withArgs(token18Address, 7n, 12n);
      expect(await shares.claimable(alice.address, token18Address)).to.equal(0n);
      expect((await booksOf(shares, token18Address)).undistributed).to.equal(12n);
    });

    it("keeps held returns held once a share exists: the next payment distributes only itself", async function () {
      const { shares, minter, payer, alice, bob } = await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(payer).distribute(ETH, 3n * ONE, { value: 3n * ONE });
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      await shares.connect(minter).mint(bob.address, ONE_SHARE);
      const tx = shares.connect(payer).distribute(ETH, ONE, { value: ONE });
      await expect(tx).to.emit(shares, "ReturnsReceived").withArgs(ETH, payer.address, ONE);
      await expect(tx)
        .to.emit(shares, "ReturnsDistributed")
        .withArgs(ETH, ONE, 2n * ONE_SHARE, rpsIncrement(ONE, 2n * ONE_SHARE));
      expect(await booksOf(shares, ETH)).to.deep.equal({
        received: 4n * ONE,
        distributed: ONE,
        claimed: 0n,
        undistributed: 3n * ONE,
      });
      expect(await shares.claimable(alice.address, ETH)).to.equal(ONE / 2n);
      expect(await shares.claimable(bob.address, ETH)).to.equal(ONE / 2n);
    });

    it("lets anyone move held returns into the capital pool, booked there as capital", async function () {
      const { shares, sharesAddress, pool, minter, payer, outsider, alice, token6, token6Address } =
        await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(payer).distribute(token6Address, 9n * ONE_USDC);
      await shares.connect(minter).mint(alice.address, 2n * ONE_SHARE);
      expect(await shares.connect(outsider).moveHeldToCapital.staticCall(token6Address)).to.equal(
        9n * ONE_USDC,
      );
      const tx = shares.connect(outsider).moveHeldToCapital(token6Address);
      await expect(tx)
        .to.emit(shares, "HeldReturnsMovedToCapital")
        .withArgs(token6Address, 9n * ONE_USDC);
      await expect(tx)
        .to.emit(pool, "CapitalDeposited")
        .withArgs(token6Address, sharesAddress, 0n, 9n * ONE_USDC);
      await expect(tx).to.not.emit(shares, "ReturnsDistributed");
      expect(await booksOf(shares, token6Address)).to.deep.equal({
        received: 9n * ONE_USDC,
        distributed: 0n,
        claimed: 0n,
        undistributed: 0n,
      });
      expect(await shares.movedToCapital(token6Address)).to.equal(9n * ONE_USDC);
      expect(await token6.balanceOf(await pool.getAddress())).to.equal(9n * ONE_USDC);
      expect((await pool.books(token6Address)).capitalIn).to.equal(9n * ONE_USDC);
      expect(await shares.claimable(alice.address, token6Address)).to.equal(0n);
    });

    it("moves held ETH too, also while fewer than one share exists", async function () {
      const { shares, pool, minter, payer, alice } = await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(payer).distribute(ETH, ONE, { value: ONE });
      await shares.connect(minter).mint(alice.address, ONE_SHARE / 2n);
      await expect(shares.moveHeldToCapital(ETH)).to.changeEtherBalances(ethers, [shares, pool], [-ONE, ONE]);
      expect((await pool.books(ETH)).capitalIn).to.equal(ONE);
    });

    it("refuses to move when nothing is held, or an unlisted asset, changing nothing", async function () {
      const { shares, minter, payer, alice, outsider } =
        await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      await shares.connect(payer).distribute(ETH, ONE, { value: ONE });
      const before = await snapshotLedger(ethers, shares, [alice.address]);
      await expect(shares.moveHeldToCapital(ETH))
        .to.be.revertedWithCustomError(shares, "FundSharesNothingHeld")
        .withArgs(ETH);
      await expect(shares.moveHeldToCapital(outsider.address))
        .to.be.revertedWithCustomError(shares, "FundSharesUnknownAsset")
        .withArgs(outsider.address);
      expect(await snapshotLedger(ethers, shares, [alice.address])).to.deep.equal(before);
    });

    it("holds tokens synced while no share exists, and direct ETH donations too", async function () {
      const { shares, sharesAddress, payer, outsider, token18, token18Address } =
        await networkHelpers.loadFixture(deploySharesWithTokens);
      await token18.mint(sharesAddress, 6n);
      await expect(shares.connect(outsider).syncReturns(token18Address))
        .to.emit(shares, "ReturnsHeld")
        .withArgs(token18Address, 6n, 6n);
      await expect(payer.sendTransaction({ to: sharesAddress, value: 2n }))
        .to.emit(shares, "ReturnsHeld")
        .withArgs(ETH, 2n, 2n);
    });

    it("holds again after holders burn below one share, keeping what they earned", async function () {
      const { shares, minter, payer, alice, bob } = await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      await shares.connect(minter).mint(bob.address, ONE_SHARE);
      await shares.connect(payer).distribute(ETH, 2n * ONE, { value: 2n * ONE });
      await shares.connect(alice).burn(ONE_SHARE);
      await shares.connect(bob).burn(ONE_SHARE / 2n);
      await expect(shares.connect(payer).distribute(ETH, ONE, { value: ONE }))
        .to.emit(shares, "ReturnsHeld")
        .withArgs(ETH, ONE, ONE);
      expect(await shares.claimable(alice.address, ETH)).to.equal(ONE);
      expect(await shares.claimable(bob.address, ETH)).to.equal(ONE);

      await shares.connect(minter).mint(bob.address, ONE_SHARE / 2n);
      expect(await shares.claimable(bob.address, ETH)).to.equal(ONE);
      expect(await shares.moveHeldToCapital.staticCall(ETH)).to.equal(ONE);
    });

    it("never strands held returns: everything paid in while supply was zero reaches the capital pool", async function () {
      const { shares, sharesAddress, pool, minter, payer, alice } =
        await networkHelpers.loadFixture(deploySharesWithTokens);
      const paid = [ONE, 2n * ONE + 1n, 5n];
      for (const amount of paid) await shares.connect(payer).distribute(ETH, amount, { value: amount });
      await shares.connect(minter).mint(alice.address, 2n * ONE_SHARE);
      await shares.moveHeldToCapital(ETH);
      const total = paid.reduce((a, b) => a + b, 0n);
      expect(await ethers.provider.getBalance(await pool.getAddress())).to.equal(total);
      expect(await ethers.provider.getBalance(sharesAddress)).to.equal(0n);
      expect((await pool.books(ETH)).capitalIn).to.equal(total);
    });
  });
});
