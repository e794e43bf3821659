import { expect } from "chai";
import { MaxUint256, ZeroAddress } from "ethers";

import { MAX_SUPPLY, ONE_SHARE } from "../helpers/ledger.js";
import { allHolders, sharesNetwork, snapshotLedger } from "../helpers/shares.js";

const { ethers, networkHelpers, deployShares } = await sharesNetwork();

async function deployWithHolders() {
  const fixture = await deployShares();
  const { shares, minter, alice, bob, carol } = fixture;
  await shares.connect(minter).mint(alice.address, 3n * ONE_SHARE);
  await shares.connect(minter).mint(bob.address, 2n * ONE_SHARE);
  await shares.connect(minter).mint(carol.address, ONE_SHARE);
  return fixture;
}

async function deployWithTransfersOn() {
  const fixture = await deployWithHolders();
  await fixture.shares.connect(fixture.admin).setTransfersEnabled(true);
  return fixture;
}

describe("FundShares: minting, burning, transfers and the holder list", function () {
  describe("mint", function () {
    it("lets the minter mint shares, with a Transfer event from address zero", async function () {
      const { shares, minter, alice } = await networkHelpers.loadFixture(deployShares);
      await expect(shares.connect(minter).mint(alice.address, 5n * ONE_SHARE))
        .to.emit(shares, "Transfer")
        .withArgs(ZeroAddress, alice.address, 5n * ONE_SHARE);
      expect(await shares.balanceOf(alice.address)).to.equal(5n * ONE_SHARE);
      expect(await shares.totalSupply()).to.equal(5n * ONE_SHARE);
      expect(await shares.holderCount()).to.equal(1n);
    });

    it("mints while transfers are off", async function () {
      const { shares, minter, alice } = await networkHelpers.loadFixture(deployShares);
      expect(await shares.transfersEnabled()).to.equal(false);
      await shares.connect(minter).mint(alice.address, ONE_SHARE);
      expect(await shares.balanceOf(alice.address)).to.equal(ONE_SHARE);
    });

    it("refuses anyone without the minter role, the admin included, and mints nothing", async function () {
      const { shares, admin, alice, outsider, minterRole } = await networkHelpers.loadFixture(deployShares);
      for (const caller of [admin, alice, outsider]) {
        await expect(shares.connect(caller).mint(alice.address, ONE_SHARE))
          .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, minterRole);
      }
      expect(await shares.totalSupply()).to.equal(0n);
      expect(await shares.holderCount()).to.equal(0n);
    });

    it("refuses to mint to address zero or to the ledger itself", async function () {
      const { shares, sharesAddress, minter } = await networkHelpers.loadFixture(deployShares);
      for (const to of [ZeroAddress, sharesAddress]) {
        await expect(shares.connect(minter).mint(to, ONE_SHARE))
          .to.be.revertedWithCustomError(shares, "ERC20InvalidReceiver")
          .withArgs(to);
      }
      expect(await shares.totalSupply()).to.equal(0n);
    });

    it("mints up to MAX_SUPPLY and refuses one unit more with FundSharesLimitExceeded", async function () {
      const { shares, minter, alice, bob } = await networkHelpers.loadFixture(deployShares);
      await shares.connect(minter).mint(alice.address, MAX_SUPPLY - ONE_SHARE);
      await expect(shares.connect(minter).mint(bob.address, ONE_SHARE + 1n))
        .to.be.revertedWithCustomError(shares, "FundSharesLimitExceeded")
        .withArgs(MAX_SUPPLY + 1n, MAX_SUPPLY);
      await shares.connect(minter).mint(bob.address, ONE_SHARE);
      expect(await shares.totalSupply()).to.equal(MAX_SUPPLY);
      await expect(shares.connect(minter).mint(bob.address, 1n))
        .to.be.revertedWithCustomError(shares, "FundSharesLimitExceeded")
        .withArgs(MAX_SUPPLY + 1n, MAX_SUPPLY);
      expect(await shares.balanceOf(bob.address)).to.equal(ONE_SHARE);
    });

    it("refuses a huge mint with FundSharesLimitExceeded and changes nothing", async function () {
      const { shares, minter, alice } = await networkHelpers.loadFixture(deployShares);
      await expect(shares.connect(minter).mint(alice.address, MaxUint256))
        .to.be.revertedWithCustomError(shares, "FundSharesLimitExceeded")
        .withArgs(MaxUint256, MAX_SUPPLY);
      expect(await shares.totalSupply()).to.equal(0n);
      expect(await shares.balanceOf(alice.address)).to.equal(0n);
      expect(await shares.holderCount()).to.equal(0n);
    });
  });

  describe("burn", function () {
    it("burns the caller's shares, with a Transfer event to address zero", async function () {
      const { shares, alice } = await networkHelpers.loadFixture(deployWithHolders);
      await expect(shares.connect(alice).burn(ONE_SHARE))
        .to.emit(shares, "Transfer")
        .withArgs(alice.address, ZeroAddress, ONE_SHARE);
      expect(await shares.balanceOf(alice.address)).to.equal(2n * ONE_SHARE);
      expect(await shares.totalSupply()).to.equal(5n * ONE_SHARE);
    });

    it("burns while transfers are off", async function () {
      const { shares, bob } = await networkHelpers.loadFixture(deployWithHolders);
      await shares.connect(bob).burn(2n * ONE_SHARE);
      expect(await shares.balanceOf(bob.address)).to.equal(0n);
    });

    it("refuses to burn more than the balance and changes nothing", async function () {
      const { shares, carol, alice, bob } = await networkHelpers.loadFixture(deployWithHolders);
      const accounts = [alice.address, bob.address, carol.address];
      const before = await snapshotLedger(ethers, shares, accounts);
      await expect(shares.connect(carol).burn(ONE_SHARE + 1n))
        .to.be.revertedWithCustomError(shares, "ERC20InsufficientBalance")
        .withArgs(carol.address, ONE_SHARE, ONE_SHARE + 1n);
      expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
    });
  });

  describe("transfers", function () {
    it("refuses transfer and transferFrom while transfers are off, naming both sides", async function () {
      const { shares, alice, bob, carol } = await networkHelpers.loadFixture(deployWithHolders);
      const accounts = [alice.address, bob.address, carol.address];
      await shares.connect(alice).approve(carol.address, ONE_SHARE);
      const before = await snapshotLedger(ethers, shares, accounts);
      await expect(shares.connect(alice).transfer(bob.address, ONE_SHARE))
        .to.be.revertedWithCustomError(shares, "FundSharesTransfersDisabled")
        .withArgs(alice.address, bob.address);
      await expect(shares.connect(carol).transferFrom(alice.address, bob.address, ONE_SHARE))
        .to.be.revertedWithCustomError(shares, "FundSharesTransfersDisabled")
        .withArgs(alice.address, bob.address);
      expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
      expect(await shares.allowance(alice.address, carol.address)).to.equal(ONE_SHARE);
    });

    it("moves shares once the admin enables transfers, and stops again when disabled", async function () {
      const { shares, admin, alice, bob } = await networkHelpers.loadFixture(deployWithTransfersOn);
      await expect(shares.connect(alice).transfer(bob.address, ONE_SHARE))
        .to.emit(shares, "Transfer")
        .withArgs(alice.address, bob.address, ONE_SHARE);
      expect(await shares.balanceOf(alice.address)).to.equal(2n * ONE_SHARE);
      expect(await shares.balanceOf(bob.address)).to.equal(3n * ONE_SHARE);

      await shares.connect(admin).setTransfersEnabled(false);
      await expect(shares.connect(bob).transfer(alice.address, ONE_SHARE))
        .to.be.revertedWithCustomError(shares, "FundSharesTransfersDisabled")
        .withArgs(bob.address, alice.address);
    });

    it("moves shares with transferFrom and an allowance", async function () {
      const { shares, alice, bob, carol } = await networkHelpers.loadFixture(deployWithTransfersOn);
      await shares.connect(alice).approve(carol.address, ONE_SHARE);
      await shares.connect(carol).transferFrom(alice.address, bob.address, ONE_SHARE);
      expect(await shares.balanceOf(bob.address)).to.equal(3n * ONE_SHARE);
      expect(await shares.allowance(alice.address, carol.address)).to.equal(0n);
    });

    it("refuses a transfer to the ledger itself (its shares would earn unclaimable returns)", async function () {
      const { shares, sharesAddress, alice, bob } = await networkHelpers.loadFixture(deployWithTransfersOn);
      const accounts = [alice.address, bob.address];
      const before = await snapshotLedger(ethers, shares, accounts);
      await expect(shares.connect(alice).transfer(sharesAddress, ONE_SHARE))
        .to.be.revertedWithCustomError(shares, "ERC20InvalidReceiver")
        .withArgs(sharesAddress);
      expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
    });

    it("refuses a transfer to address zero", async function () {
      const { shares, alice } = await networkHelpers.loadFixture(deployWithTransfersOn);
      await expect(shares.connect(alice).transfer(ZeroAddress, ONE_SHARE))
        .to.be.revertedWithCustomError(shares, "ERC20InvalidReceiver")
        .withArgs(ZeroAddress);
      expect(await shares.balanceOf(alice.address)).to.equal(3n * ONE_SHARE);
    });
  });

  describe("holderCount and holders", function () {
    it("lists every address with a balance exactly once", async function () {
      const { shares, alice, bob, carol } = await networkHelpers.loadFixture(deployWithHolders);
      expect(await shares.holderCount()).to.equal(3n);
      expect([...(await shares.holders(0n, 10n))].sort()).to.deep.equal(
        [alice.address, bob.address, carol.address].sort(),
      );
    });

    it("pages through the holders without gaps or repeats, whatever the page size", async function () {
      const { shares, minter, alice, bob, carol, dave, payer, outsider } =
        await networkHelpers.loadFixture(deployWithHolders);
      await shares.connect(minter).mint(dave.address, ONE_SHARE);
      await shares.connect(minter).mint(payer.address, ONE_SHARE);
      await shares.connect(minter).mint(outsider.address, ONE_SHARE);
      const everyone = [alice, bob, carol, dave, payer, outsider].map((s) => s.address).sort();
      for (const pageSize of [1n, 2n, 4n, 6n, 100n]) {
        expect((await allHolders(shares, pageSize)).sort()).to.deep.equal(everyone);
      }
    });

    it("returns a short last page, and an empty page past the end or for limit zero", async function () {
      const { shares } = await networkHelpers.loadFixture(deployWithHolders);
      expect(await shares.holders(2n, 5n)).to.have.length(1);
      expect(await shares.holders(1n, 1n)).to.have.length(1);
      expect(await shares.holders(3n, 5n)).to.deep.equal([]);
      expect(await shares.holders(1000n, 5n)).to.deep.equal([]);
      expect(await shares.holders(0n, 0n)).to.deep.equal([]);
      expect(await shares.holders(1n, MaxUint256)).to.have.length(2);
      expect(await shares.holders(MaxUint256, MaxUint256)).to.deep.equal([]);
    });

    it("drops a holder who burns everything and keeps one who burns part", async function () {
      const { shares, alice, bob, carol } = await networkHelpers.loadFixture(deployWithHolders);
      await shares.connect(bob).burn(2n * ONE_SHARE);
      await shares.connect(alice).burn(ONE_SHARE);
      expect(await shares.holderCount()).to.equal(2n);
      expect((await allHolders(shares, 1n)).sort()).to.deep.equal([alice.address, carol.address].sort());
    });

    it("follows transfers: a full transfer swaps the holder, a partial one adds the receiver", async function () {
      const { shares, alice, bob, carol, dave } = await networkHelpers.loadFixture(deployWithTransfersOn);
      await shares.connect(carol).transfer(dave.address, ONE_SHARE);
      expect((await allHolders(shares, 2n)).sort()).to.deep.equal(
        [alice.address, bob.address, dave.address].sort(),
      );
      await shares.connect(alice).transfer(carol.address, ONE_SHARE);
      expect((await allHolders(shares, 2n)).sort()).to.deep.equal(
        [alice.address, bob.address, carol.address, dave.address].sort(),
      );
      await shares.connect(bob).transfer(alice.address, 2n * ONE_SHARE);
      expect(await shares.holderCount()).to.equal(3n);
      expect((await allHolders(shares, 2n)).sort()).to.deep.equal(
        [alice.address, carol.address, dave.address].sort(),
      );
    });

    it("ignores zero-amount mints and transfers and self-transfers", async function () {
      const { shares, minter, alice, dave } = await networkHelpers.loadFixture(deployWithTransfersOn);
      await shares.connect(minter).mint(dave.address, 0n);
      await shares.connect(alice).transfer(dave.address, 0n);
      expect(await shares.holderCount()).to.equal(3n);
      expect(await shares.holders(0n, 10n)).to.not.include(dave.address);
      await shares.connect(dave).transfer(alice.address, 0n);
      await shares.connect(alice).transfer(alice.address, 3n * ONE_SHARE);
      expect(await shares.balanceOf(alice.address)).to.equal(3n * ONE_SHARE);
      expect(await shares.holderCount()).to.equal(3n);
      expect(await shares.holders(0n, 10n)).to.include(alice.address);
    });

    it("lists a holder again after they come back", async function () {
      const { shares, minter, carol } = await networkHelpers.loadFixture(deployWithHolders);
      await shares.connect(carol).burn(ONE_SHARE);
      expect(await shares.holders(0n, 10n)).to.not.include(carol.address);
      await shares.connect(minter).mint(carol.address, 1n);
      expect(await shares.holderCount()).to.equal(3n);
      expect(await shares.holders(0n, 10n)).to.include(carol.address);
    });
  });
});
