import { expect } from "chai";

import { ETH, MAX_PAUSE, ONE, ONE_SHARE } from "../helpers/ledger.js";
import { sharesNetwork, snapshotLedger } from "../helpers/shares.js";

const { ethers, networkHelpers, deploySharesWithTokens } = await sharesNetwork();

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
      "FundSharesPaused",
    );
    await expect(shares.connect(payer).distribute(token18Address, ONE)).to.be.revertedWithCustomError(
      shares,
      "FundSharesPaused",
    );
    await expect(payer.sendTransaction({ to: sharesAddress, value: ONE })).to.be.revertedWithCustomError(
      shares,
      "FundSharesPaused",
    );
    await expect(shares.connect(payer).syncReturns(token18Address)).to.be.revertedWithCustomError(
      shares,
      "FundSharesPaused",
    );
    expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
  });

  it("stops minting", async function () {
    const { shares, minter, carol } = await networkHelpers.loadFixture(deployPaused);
    await expect(shares.connect(minter).mint(carol.address, ONE_SHARE)).to.be.revertedWithCustomError(
      shares,
      "FundSharesPaused",
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

  it("keeps claimEth working", async function () {
    const { shares, sharesAddress, alice } = await networkHelpers.loadFixture(deployPaused);
    await expect(shares.connect(alice).claimEth()).to.changeEtherBalances(
      ethers,
      [alice, sharesAddress],
      [2n * ONE, -2n * ONE],
    );
  });

  it("reports listed, paused and the paused seconds in one inflowState read", async function () {
    const { shares, sharesAddress, token18Address } = await networkHelpers.loadFixture(deployPaused);
    const [isPaused, , pausedSeconds] = await shares.pauseState();
    expect(isPaused).to.equal(true);
    expect(await shares.inflowState(token18Address)).to.deep.equal([true, true, pausedSeconds]);
    expect(await shares.inflowState(ETH)).to.deep.equal([true, true, pausedSeconds]);
    expect(await shares.inflowState(sharesAddress)).to.deep.equal([false, true, pausedSeconds]);
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

  it("lapses by itself after the maximum duration: inflows and minting resume without a transaction", async function () {
    const { shares, minter, payer, carol } = await networkHelpers.loadFixture(deployPaused);
    const [, ends] = await shares.pauseState();
    await networkHelpers.time.setNextBlockTimestamp(ends - 1n);
    await expect(shares.connect(minter).mint(carol.address, ONE_SHARE))
      .to.be.revertedWithCustomError(shares, "FundSharesPaused")
      .withArgs(ends);
    await networkHelpers.time.increaseTo(ends);
    expect(await shares.paused()).to.equal(false);
    await shares.connect(minter).mint(carol.address, ONE_SHARE);
    await shares.connect(payer).distribute(ETH, ONE, { value: ONE });
    expect(await shares.pauseState()).to.deep.equal([false, 0n, MAX_PAUSE]);
    expect(await shares.pausedSeconds()).to.equal(MAX_PAUSE);
  });

  it("renews only while paused, from the time of renewal; only the admin renews", async function () {
    const { shares, admin, outsider } = await networkHelpers.loadFixture(deployPaused);
    await networkHelpers.time.increase(10n * 24n * 3600n);
    await expect(shares.connect(outsider).renewPause()).to.be.revertedWithCustomError(
      shares,
      "AccessControlUnauthorizedAccount",
    );
    const tx = await shares.connect(admin).renewPause();
    const renewedAt = BigInt((await tx.getBlock())?.timestamp ?? 0);
    await expect(tx)
      .to.emit(shares, "PauseRenewed")
      .withArgs(admin.address, renewedAt + MAX_PAUSE);
    expect((await shares.pauseState())[1]).to.equal(renewedAt + MAX_PAUSE);

    await networkHelpers.time.increaseTo(renewedAt + MAX_PAUSE);
    await expect(shares.connect(admin).renewPause()).to.be.revertedWithCustomError(
      shares,
      "FundSharesNotPaused",
    );
    await expect(shares.connect(admin).unpause()).to.be.revertedWithCustomError(
      shares,
      "FundSharesNotPaused",
    );
  });

  it("refuses a second pause while paused and counts every paused second across pauses", async function () {
    const { shares, admin } = await networkHelpers.loadFixture(deployPaused);
    const [, ends] = await shares.pauseState();
    await expect(shares.connect(admin).pause())
      .to.be.revertedWithCustomError(shares, "FundSharesPaused")
      .withArgs(ends);
    await networkHelpers.time.increase(99n);
    const unpause = await shares.connect(admin).unpause();
    await expect(unpause).to.emit(shares, "Unpaused").withArgs(admin.address);
    const first = await shares.pausedSeconds();
    expect(first).to.equal(100n);
    await networkHelpers.time.increase(1000n);
    expect(await shares.pausedSeconds()).to.equal(first);
    await shares.connect(admin).pause();
    await networkHelpers.time.increase(49n);
    await networkHelpers.mine();
    expect(await shares.pausedSeconds()).to.equal(first + 50n);
  });
});
