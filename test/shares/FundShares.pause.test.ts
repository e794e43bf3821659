import { expect } from "chai";
import { network } from "hardhat";

import { ETH, ONE, ONE_SHARE, sharesFixtures, snapshotLedger } from "../helpers/shares.js";

const { ethers, networkHelpers } = await network.create();
const { deploySharesWithTokens } = sharesFixtures(ethers);

/**
 * Alice 2, Bob 1 (supply 3), 3 ETH and 30 TUSD distributed, 1 TUSD and 1 ETH waiting to be synced,
 * transfers enabled, then paused.
 */
async function deployPaused() {
  const fixture = await deploySharesWithTokens();
  const { shares, sharesAddress, admin, minter, payer, alice, bob, token18, token18Address } = fixture;
  await shares.connect(minter).mint(alice.address, 2n * ONE_SHARE);
  await shares.connect(minter).mint(bob.address, ONE_SHARE);
  await shares.connect(payer).distribute(ETH, 3n * ONE, { value: 3n * ONE });
  await shares.connect(payer).distribute(token18Address, 30n * ONE);
  await token18.mint(sharesAddress, ONE);
  await shares.connect(admin).setTransfersEnabled(true);
  await shares.connect(admin).pause();
  return fixture;
}

describe("FundShares: pause", function () {
  it("stops every inflow, direct ETH included, and changes nothing", async function () {
    const { shares, sharesAddress, payer, alice, bob, token18Address } =
      await networkHelpers.loadFixture(deployPaused);
    const accounts = [alice.address, bob.address];
    const before = await snapshotLedger(ethers, shares, accounts);
    await expect(shares.connect(payer).distribute(ETH, ONE, { value: ONE })).to.be.revertedWithCustomError(
      shares,
      "EnforcedPause",
    );
    await expect(shares.connect(payer).distribute(token18Address, ONE)).to.be.revertedWithCustomError(
      shares,
      "EnforcedPause",
    );
    await expect(payer.sendTransaction({ to: sharesAddress, value: ONE })).to.be.revertedWithCustomError(
      shares,
      "EnforcedPause",
    );
    await expect(shares.connect(payer).syncReturns(token18Address)).to.be.revertedWithCustomError(
      shares,
      "EnforcedPause",
    );
    await expect(shares.connect(payer).releaseUndistributed(ETH)).to.be.revertedWithCustomError(
      shares,
      "EnforcedPause",
    );
    expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
  });

  it("stops minting", async function () {
    const { shares, minter, carol } = await networkHelpers.loadFixture(deployPaused);
    await expect(shares.connect(minter).mint(carol.address, ONE_SHARE)).to.be.revertedWithCustomError(
      shares,
      "EnforcedPause",
    );
    expect(await shares.totalSupply()).to.equal(3n * ONE_SHARE);
  });

  it("keeps claims working: claimReturns and claimAll pay what was earned", async function () {
    const { shares, sharesAddress, alice, bob, token18Address } =
      await networkHelpers.loadFixture(deployPaused);
    await expect(shares.connect(alice).claimReturns(ETH)).to.changeEtherBalances(
      ethers,
      [alice, sharesAddress],
      [2n * ONE, -2n * ONE],
    );
    expect(await shares.connect(bob).claimAll.staticCall()).to.deep.equal([ONE, 10n * ONE, 0n]);
    await expect(shares.connect(bob).claimAll())
      .to.emit(shares, "ReturnsClaimed")
      .withArgs(bob.address, token18Address, 10n * ONE);
  });

  it("keeps burns and (enabled) transfers working", async function () {
    const { shares, alice, bob, carol } = await networkHelpers.loadFixture(deployPaused);
    await shares.connect(alice).burn(ONE_SHARE);
    await shares.connect(bob).transfer(carol.address, ONE_SHARE);
    expect(await shares.balanceOf(alice.address)).to.equal(ONE_SHARE);
    expect(await shares.balanceOf(carol.address)).to.equal(ONE_SHARE);
    expect(await shares.claimable(alice.address, ETH)).to.equal(2n * ONE);
    expect(await shares.claimable(bob.address, ETH)).to.equal(ONE);
    expect(await shares.claimable(carol.address, ETH)).to.equal(0n);
  });

  it("resumes inflows and minting after unpause, crediting what arrived meanwhile on sync", async function () {
    const { shares, admin, minter, payer, alice, bob, carol, token18Address } =
      await networkHelpers.loadFixture(deployPaused);
    await shares.connect(admin).unpause();
    await expect(shares.connect(payer).syncReturns(token18Address))
      .to.emit(shares, "ReturnsReceived")
      .withArgs(token18Address, payer.address, ONE);
    await shares.connect(payer).distribute(ETH, 3n * ONE, { value: 3n * ONE });
    await shares.connect(minter).mint(carol.address, ONE_SHARE);
    expect(await shares.claimable(alice.address, ETH)).to.equal(4n * ONE);
    expect(await shares.claimable(bob.address, ETH)).to.equal(2n * ONE);
    expect(await shares.claimable(carol.address, ETH)).to.equal(0n);
  });
});
