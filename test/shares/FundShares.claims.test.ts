import { expect } from "chai";

import { ETH, ONE, ONE_SHARE, ONE_USDC } from "../helpers/ledger.js";
import { expectWithinOneWeiBelow, proRata, sumExact } from "../helpers/exact.js";
import { booksOf, deployThreeToOneWithReturns, sharesNetwork, snapshotLedger } from "../helpers/shares.js";

const { ethers, networkHelpers, deploySharesWithTokens } = await sharesNetwork();

/** Alice 3 shares, Bob 1 share (supply 4); 4 ETH, 40 TUSD and 400 TUSDC distributed. */
async function deployWithReturns() {
  return deployThreeToOneWithReturns(deploySharesWithTokens, ({ token18Address, token6Address }) => [
    [ETH, 4n * ONE],
    [token18Address, 40n * ONE],
    [token6Address, 400n * ONE_USDC],
  ]);
}

/** Three equal holders (supply 3): every payment splits into thirds, which never divide evenly. */
async function deployThreeEqualHolders() {
  const fixture = await deploySharesWithTokens();
  const { shares, minter, alice, bob, carol } = fixture;
  for (const holder of [alice, bob, carol]) await shares.connect(minter).mint(holder.address, ONE_SHARE);
  return fixture;
}

describe("FundShares: claims", function () {
  describe("claimReturns", function () {
    it("pays a holder their pro-rata ETH, with ReturnsClaimed, and books it", async function () {
      const { shares, sharesAddress, alice } = await networkHelpers.loadFixture(deployWithReturns);
      const tx = shares.connect(alice).claimReturns(ETH);
      await expect(tx)
        .to.emit(shares, "ReturnsClaimed")
        .withArgs(alice.address, ETH, 3n * ONE);
      await expect(tx).to.changeEtherBalances(ethers, [alice, sharesAddress], [3n * ONE, -3n * ONE]);
      expect(await shares.claimable(alice.address, ETH)).to.equal(0n);
      expect(await booksOf(shares, ETH)).to.deep.equal({
        received: 4n * ONE,
        distributed: 4n * ONE,
        claimed: 3n * ONE,
        undistributed: 0n,
      });
    });

    it("returns the amount paid", async function () {
      const { shares, bob } = await networkHelpers.loadFixture(deployWithReturns);
      expect(await shares.connect(bob).claimReturns.staticCall(ETH)).to.equal(ONE);
    });

    it("pays ERC-20 returns with a transfer (18 and 6 decimals)", async function () {
      const { shares, sharesAddress, bob, token18, token18Address, token6, token6Address } =
        await networkHelpers.loadFixture(deployWithReturns);
      await expect(shares.connect(bob).claimReturns(token18Address)).to.changeTokenBalances(
        ethers,
        token18,
        [bob, sharesAddress],
        [10n * ONE, -10n * ONE],
      );
      const owed = await shares.claimable(bob.address, token6Address);
      expectWithinOneWeiBelow(owed, proRata(400n * ONE_USDC, ONE_SHARE, 4n * ONE_SHARE), "bob's TUSDC");
      await expect(shares.connect(bob).claimReturns(token6Address))
        .to.emit(shares, "ReturnsClaimed")
        .withArgs(bob.address, token6Address, owed);
      expect(await token6.balanceOf(bob.address)).to.equal(owed);
      expect(await shares.claimable(bob.address, ETH)).to.equal(ONE);
    });

    it("refuses a second claim with nothing new, naming holder and asset, and changes nothing", async function () {
      const { shares, alice, bob } = await networkHelpers.loadFixture(deployWithReturns);
      await shares.connect(alice).claimReturns(ETH);
      const accounts = [alice.address, bob.address];
      const before = await snapshotLedger(ethers, shares, accounts);
      await expect(shares.connect(alice).claimReturns(ETH))
        .to.be.revertedWithCustomError(shares, "FundSharesNothingToClaim")
        .withArgs(alice.address, ETH);
      expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
    });

    it("refuses a claim from someone who never held shares", async function () {
      const { shares, outsider, token18Address } = await networkHelpers.loadFixture(deployWithReturns);
      await expect(shares.connect(outsider).claimReturns(token18Address))
        .to.be.revertedWithCustomError(shares, "FundSharesNothingToClaim")
        .withArgs(outsider.address, token18Address);
    });

    it("refuses a claim in an asset that is not listed", async function () {
      const { shares, alice } = await networkHelpers.loadFixture(deployWithReturns);
      const stranger = await ethers.deployContract("TestToken", ["S", "S", 18]);
      const strangerAddress = await stranger.getAddress();
      await expect(shares.connect(alice).claimReturns(strangerAddress))
        .to.be.revertedWithCustomError(shares, "FundSharesUnknownAsset")
        .withArgs(strangerAddress);
    });

    it("refuses a claim before any distribution", async function () {
      const { shares, minter, alice } = await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      await expect(shares.connect(alice).claimReturns(ETH))
        .to.be.revertedWithCustomError(shares, "FundSharesNothingToClaim")
        .withArgs(alice.address, ETH);
    });
  });

  describe("claimEth", function () {
    it("pays a holder's ETH like claimReturns(ETH), with ReturnsClaimed, and books it", async function () {
      const { shares, sharesAddress, alice } = await networkHelpers.loadFixture(deployWithReturns);
      expect(await shares.connect(alice).claimEth.staticCall()).to.equal(3n * ONE);
      const tx = shares.connect(alice).claimEth();
      await expect(tx)
        .to.emit(shares, "ReturnsClaimed")
        .withArgs(alice.address, ETH, 3n * ONE);
      await expect(tx).to.changeEtherBalances(ethers, [alice, sharesAddress], [3n * ONE, -3n * ONE]);
      expect(await shares.claimable(alice.address, ETH)).to.equal(0n);
      expect((await booksOf(shares, ETH)).claimed).to.equal(3n * ONE);
    });

    it("refuses a second claim with nothing new, naming holder and ETH, and changes nothing", async function () {
      const { shares, bob, alice } = await networkHelpers.loadFixture(deployWithReturns);
      await shares.connect(bob).claimEth();
      const before = await snapshotLedger(ethers, shares, [alice.address, bob.address]);
      await expect(shares.connect(bob).claimEth())
        .to.be.revertedWithCustomError(shares, "FundSharesNothingToClaim")
        .withArgs(bob.address, ETH);
      expect(await snapshotLedger(ethers, shares, [alice.address, bob.address])).to.deep.equal(before);
    });

    it("leaves the token returns of the holder untouched", async function () {
      const { shares, alice, token18Address } = await networkHelpers.loadFixture(deployWithReturns);
      await shares.connect(alice).claimEth();
      expect(await shares.claimable(alice.address, token18Address)).to.equal(30n * ONE);
    });
  });

  describe("claimAll", function () {
    it("pays every asset with returns in one call, in returnsAssets order", async function () {
      const { shares, sharesAddress, alice, token18, token18Address, token6, token6Address } =
        await networkHelpers.loadFixture(deployWithReturns);
      expect(await shares.returnsAssets()).to.deep.equal([ETH, token18Address, token6Address]);
      const usdc = await shares.claimable(alice.address, token6Address);
      expect(await shares.connect(alice).claimAll.staticCall()).to.deep.equal([3n * ONE, 30n * ONE, usdc]);
      const tx = shares.connect(alice).claimAll();
      await expect(tx)
        .to.emit(shares, "ReturnsClaimed")
        .withArgs(alice.address, ETH, 3n * ONE);
      await expect(tx)
        .to.emit(shares, "ReturnsClaimed")
        .withArgs(alice.address, token18Address, 30n * ONE);
      await expect(tx).to.emit(shares, "ReturnsClaimed").withArgs(alice.address, token6Address, usdc);
      await expect(tx).to.changeEtherBalances(ethers, [alice, sharesAddress], [3n * ONE, -3n * ONE]);
      expect(await token18.balanceOf(alice.address)).to.equal(30n * ONE);
      expect(await token6.balanceOf(alice.address)).to.equal(usdc);
      for (const asset of [ETH, token18Address, token6Address]) {
        expect(await shares.claimable(alice.address, asset)).to.equal(0n);
      }
    });

    it("skips assets with nothing to claim and reports zero for them", async function () {
      const { shares, payer, alice, bob, token18Address } =
        await networkHelpers.loadFixture(deployWithReturns);
      await shares.connect(bob).claimAll();
      await shares.connect(payer).distribute(token18Address, 4n * ONE);
      expect(await shares.connect(bob).claimAll.staticCall()).to.deep.equal([0n, ONE, 0n]);
      const tx = shares.connect(bob).claimAll();
      await expect(tx).to.emit(shares, "ReturnsClaimed").withArgs(bob.address, token18Address, ONE);
      await expect(tx).to.not.emit(shares, "Transfer");
      expect(await shares.claimable(alice.address, token18Address)).to.equal(33n * ONE);
    });

    it("refuses a holder with nothing in any asset, and changes nothing", async function () {
      const { shares, alice, bob } = await networkHelpers.loadFixture(deployWithReturns);
      await shares.connect(alice).claimAll();
      const accounts = [alice.address, bob.address];
      const before = await snapshotLedger(ethers, shares, accounts);
      await expect(shares.connect(alice).claimAll())
        .to.be.revertedWithCustomError(shares, "FundSharesNothingToClaimAny")
        .withArgs(alice.address);
      expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
    });
  });

  describe("claims in every order", function () {
    it("pays the same total whether a holder claims between distributions or once at the end", async function () {
      const { shares, minter, payer, alice, bob } = await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(minter).mint(alice.address, 2n * ONE_SHARE);
      await shares.connect(minter).mint(bob.address, 5n * ONE_SHARE);
      const payments = [ONE, 3n * ONE + 7n, 11n];
      const supply = 7n * ONE_SHARE;
      let aliceClaimed = 0n;
      for (const amount of payments) {
        await shares.connect(payer).distribute(ETH, amount, { value: amount });
        const owed = await shares.claimable(alice.address, ETH);
        if (owed > 0n) {
          await shares.connect(alice).claimReturns(ETH);
          aliceClaimed += owed;
        }
      }
      const bobClaimed = await shares.claimable(bob.address, ETH);
      await shares.connect(bob).claimReturns(ETH);
      const total = payments.reduce((a, b) => a + b, 0n);
      // Alice rounds down at each claim; her sub-wei remainders stay hers, so she is still within a wei.
      expectWithinOneWeiBelow(
        aliceClaimed + (await shares.claimable(alice.address, ETH)),
        proRata(total, 2n * ONE_SHARE, supply),
        "alice",
      );
      expectWithinOneWeiBelow(bobClaimed, proRata(total, 5n * ONE_SHARE, supply), "bob");
    });

    it("gives a holder who joins after a distribution nothing from it, and their share of later ones", async function () {
      const { shares, minter, payer, alice, bob } = await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      await shares.connect(payer).distribute(ETH, 2n * ONE, { value: 2n * ONE });
      await shares.connect(minter).mint(bob.address, ONE_SHARE);
      expect(await shares.claimable(bob.address, ETH)).to.equal(0n);
      expect(await shares.claimable(alice.address, ETH)).to.equal(2n * ONE);
      await shares.connect(payer).distribute(ETH, 2n * ONE, { value: 2n * ONE });
      expect(await shares.claimable(bob.address, ETH)).to.equal(ONE);
      expect(await shares.claimable(alice.address, ETH)).to.equal(3n * ONE);
    });

    it("lets a holder claim before, between and after other holders' claims without changing theirs", async function () {
      const { shares, payer, alice, bob, carol } = await networkHelpers.loadFixture(deployThreeEqualHolders);
      await shares.connect(payer).distribute(ETH, 10n * ONE, { value: 10n * ONE });
      const carolOwed = await shares.claimable(carol.address, ETH);
      await shares.connect(alice).claimReturns(ETH);
      expect(await shares.claimable(carol.address, ETH)).to.equal(carolOwed);
      await shares.connect(payer).distribute(ETH, 5n * ONE, { value: 5n * ONE });
      await shares.connect(bob).claimReturns(ETH);
      await shares.connect(alice).claimReturns(ETH);
      await shares.connect(carol).claimReturns(ETH);
      const books = await booksOf(shares, ETH);
      expect(books.claimed).to.be.lte(15n * ONE);
      expect(books.claimed).to.be.gte(15n * ONE - 3n);
    });

    it("keeps several assets' books independent", async function () {
      const { shares, payer, alice, bob, token18Address, token6Address } =
        await networkHelpers.loadFixture(deployWithReturns);
      await shares.connect(alice).claimReturns(token18Address);
      await shares.connect(payer).distribute(ETH, 8n * ONE, { value: 8n * ONE });
      expect(await shares.claimable(alice.address, ETH)).to.equal(9n * ONE);
      expect(await shares.claimable(alice.address, token18Address)).to.equal(0n);
      expect(await shares.claimable(bob.address, token18Address)).to.equal(10n * ONE);
      expect((await booksOf(shares, token6Address)).claimed).to.equal(0n);
      expect((await booksOf(shares, token18Address)).claimed).to.equal(30n * ONE);
    });
  });

  describe("rounding", function () {
    it("splits an amount that does not divide evenly within a wei below each exact share", async function () {
      const { shares, sharesAddress, payer, alice, bob, carol, token6Address } =
        await networkHelpers.loadFixture(deployThreeEqualHolders);
      const amount = 100n * ONE_USDC + 1n;
      await shares.connect(payer).distribute(token6Address, amount);
      let claimed = 0n;
      for (const holder of [alice, bob, carol]) {
        const owed = await shares.claimable(holder.address, token6Address);
        expectWithinOneWeiBelow(owed, proRata(amount, ONE_SHARE, 3n * ONE_SHARE), holder.address);
        await shares.connect(holder).claimReturns(token6Address);
        claimed += owed;
      }
      const token6 = await ethers.getContractAt("TestToken", token6Address);
      expect(await token6.balanceOf(sharesAddress)).to.equal(amount - claimed);
      expect(amount - claimed).to.be.lte(3n);
    });

    it("keeps sub-wei remainders with their holder until they add up to a claimable wei", async function () {
      const { shares, payer, alice } = await networkHelpers.loadFixture(deployThreeEqualHolders);
      for (let i = 0n; i < 3n; i++) await shares.connect(payer).distribute(ETH, 1n, { value: 1n });
      // Three thirds of a wei, each rounded down a hair: still below one wei.
      expect(await shares.claimable(alice.address, ETH)).to.equal(0n);
      await shares.connect(payer).distribute(ETH, 1n, { value: 1n });
      expect(await shares.claimable(alice.address, ETH)).to.equal(1n);
      expectWithinOneWeiBelow(1n, proRata(4n, ONE_SHARE, 3n * ONE_SHARE), "alice");
    });

    it("never credits more than the exact pro-rata value when supply changes between distributions", async function () {
      // Regression: carrying a distribution's division remainder into the next one spread it over
      // whoever held shares then; with these numbers that paid Alice one wei above her exact value.
      const { shares, minter, payer, alice, bob } = await networkHelpers.loadFixture(deploySharesWithTokens);
      const aliceShares = 1_683_268_451_013_967_869n;
      const bobShares = 1_150_367_245_457_070_922n;
      const first = 1_361_488_514_839_280_533n;
      await shares.connect(minter).mint(alice.address, aliceShares);
      await shares.connect(minter).mint(bob.address, bobShares);
      await shares.connect(payer).distribute(ETH, first, { value: first });
      await shares.connect(bob).burn(bobShares);
      await shares.connect(payer).distribute(ETH, 1n, { value: 1n });
      const exact = sumExact(
        proRata(first, aliceShares, aliceShares + bobShares),
        proRata(1n, aliceShares, aliceShares),
      );
      expectWithinOneWeiBelow(await shares.claimable(alice.address, ETH), exact, "alice");
      expect(await shares.claimable(alice.address, ETH)).to.equal(808_766_866_644_477_358n);
    });
  });

  describe("views", function () {
    it("reports zero claimable for an unlisted asset or a non-holder", async function () {
      const { shares, alice, outsider } = await networkHelpers.loadFixture(deployWithReturns);
      expect(await shares.claimable(alice.address, outsider.address)).to.equal(0n);
      expect(await shares.claimable(outsider.address, ETH)).to.equal(0n);
    });

    it("reports zero books for an unlisted asset", async function () {
      const { shares, outsider } = await networkHelpers.loadFixture(deployWithReturns);
      expect(await booksOf(shares, outsider.address)).to.deep.equal({
        received: 0n,
        distributed: 0n,
        claimed: 0n,
        undistributed: 0n,
      });
    });

    it("keeps received = distributed + undistributed (held stays held) and claimed ≤ distributed", async function () {
      const { shares, minter, payer, alice } = await networkHelpers.loadFixture(deploySharesWithTokens);
      await shares.connect(payer).distribute(ETH, 5n, { value: 5n });
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      await shares.connect(payer).distribute(ETH, 3n * ONE, { value: 3n * ONE });
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      await shares.connect(alice).claimReturns(ETH);
      await shares.connect(alice).burn(2n * ONE_SHARE);
      await shares.connect(payer).distribute(ETH, 2n, { value: 2n });
      const books = await booksOf(shares, ETH);
      expect(books.received).to.equal(3n * ONE + 7n);
      expect(books.distributed).to.equal(3n * ONE);
      expect(books.undistributed).to.equal(7n);
      expect(books.received).to.equal(books.distributed + books.undistributed);
      // The sole holder claimed everything distributed, less the documented rounding.
      expectWithinOneWeiBelow(books.claimed, proRata(3n * ONE, ONE_SHARE, ONE_SHARE), "claimed");
    });
  });
});
