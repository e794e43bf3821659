import { expect } from "chai";

import { SHARE, costOf, deployCapitalSystem, offeringParams, openOffering } from "../helpers/capital.js";
import type { CapitalSystem } from "../helpers/capital.js";
import { connect } from "../helpers/network.js";

const { ethers, loadFixture, time } = await connect();

const PRICE = 2n * 10n ** 18n; // 2 tDAI per share
const STRAY = 7n * 10n ** 18n;

interface StrayFixture extends CapitalSystem {
  open: bigint;
  settled: bigint;
  escrow: bigint;
  capital: bigint;
  reserved: bigint;
}

/**
 * Two tDAI offerings: #1 settled into the pool (its raise is capital, part of it reserved for
 * stipends), #2 still open with Bob's subscription in escrow. Then someone sends 7 tDAI straight to
 * Offerings and 7 tDAI straight to the pool.
 */
async function withStrays(): Promise<StrayFixture> {
  const system = await deployCapitalSystem(ethers);
  const { offerings, pool, dai, alice, bob, stipendPayer, erin } = system;
  const asset = await dai.getAddress();
  const first = await offeringParams(ethers, { asset, pricePerShare: PRICE, shareCap: 100n * SHARE });
  const settled = await openOffering(system, first);
  await offerings.connect(alice).subscribe(settled, 10n * SHARE, []);
  await time.increaseTo(BigInt(first.end) + 1n);
  await offerings.settleOffering(settled);
  const capital = costOf(10n * SHARE, PRICE);
  const reserved = capital / 2n;
  await pool.connect(stipendPayer).reserveStipends(asset, reserved);

  const second = await offeringParams(ethers, { asset, pricePerShare: PRICE, shareCap: 100n * SHARE });
  const open = await openOffering(system, second);
  await offerings.connect(bob).subscribe(open, 3n * SHARE, []);
  const escrow = costOf(3n * SHARE, PRICE);

  await dai.connect(erin).transfer(await offerings.getAddress(), STRAY);
  await dai.connect(erin).transfer(await pool.getAddress(), STRAY);
  return { ...system, open, settled, escrow, capital, reserved };
}

describe("Recovery of strays: only the excess over what is owed", function () {
  it("returns tokens sent to Offerings, never the escrow an unsettled offering may hold", async function () {
    const f = await loadFixture(withStrays);
    const { offerings, dai, council, erin, bob } = f;
    const asset = await dai.getAddress();
    const here = await offerings.getAddress();
    // The open offering may still raise up to its cap's cost: that much is never a stray.
    const ceiling = await offerings.escrowCeiling(asset);
    expect(ceiling).to.equal(costOf(100n * SHARE, PRICE) + 100n * SHARE);
    const balance = await dai.balanceOf(here);
    expect(balance).to.equal(f.escrow + STRAY);
    const excess = await offerings.strays(asset);
    expect(excess).to.equal(0n);

    await expect(offerings.connect(council).recoverStrays(asset, erin.address, 1n))
      .to.be.revertedWithCustomError(offerings, "OfferingsNotStray")
      .withArgs(asset, 1n, 0n);
    await expect(offerings.connect(erin).recoverStrays(asset, erin.address, 1n))
      .to.be.revertedWithCustomError(offerings, "OfferingsNotCouncil")
      .withArgs(erin.address);
    expect(await dai.balanceOf(here)).to.equal(balance);

    // Once the offering has settled, everything left is a stray.
    await time.increaseTo(BigInt((await offerings.offering(f.open)).params.end) + 1n);
    await offerings.settleOffering(f.open);
    expect(await offerings.escrowCeiling(asset)).to.equal(0n);
    expect(await offerings.strays(asset)).to.equal(STRAY);
    await expect(offerings.connect(council).recoverStrays(asset, erin.address, STRAY + 1n))
      .to.be.revertedWithCustomError(offerings, "OfferingsNotStray")
      .withArgs(asset, STRAY + 1n, STRAY);
    await expect(offerings.connect(council).recoverStrays(asset, erin.address, STRAY))
      .to.emit(offerings, "StraysRecovered")
      .withArgs(asset, erin.address, STRAY);
    expect(await dai.balanceOf(here)).to.equal(0n);
    // Bob's paid-for shares are untouched.
    expect(await offerings.pendingShares(f.open, bob.address)).to.equal(3n * SHARE);
  });

  it("returns tokens sent to the capital pool, never its capital or reserved stipends", async function () {
    const f = await loadFixture(withStrays);
    const { pool, dai, deployer, erin, stipendPayer, carol } = f;
    const asset = await dai.getAddress();
    const here = await pool.getAddress();
    const books = await pool.books(asset);
    expect(await pool.strays(asset)).to.equal(STRAY);

    await expect(pool.connect(deployer).recoverStrays(asset, erin.address, STRAY + 1n))
      .to.be.revertedWithCustomError(pool, "CapitalPoolNotStray")
      .withArgs(asset, STRAY + 1n, STRAY);
    await expect(pool.connect(erin).recoverStrays(asset, erin.address, 1n)).to.be.revertedWithCustomError(
      pool,
      "AccessControlUnauthorizedAccount",
    );
    expect(await pool.books(asset)).to.deep.equal(books);

    await expect(pool.connect(deployer).recoverStrays(asset, erin.address, STRAY))
      .to.emit(pool, "StraysRecovered")
      .withArgs(asset, erin.address, STRAY);
    expect(await dai.balanceOf(here)).to.equal(f.capital);
    expect(await pool.books(asset)).to.deep.equal(books);
    expect(await pool.strays(asset)).to.equal(0n);
    await expect(pool.connect(deployer).recoverStrays(asset, erin.address, 1n))
      .to.be.revertedWithCustomError(pool, "CapitalPoolNotStray")
      .withArgs(asset, 1n, 0n);
    // The whole reserve can still be paid out.
    await pool.connect(stipendPayer).payStipend(asset, carol.address, f.reserved);
    expect(await pool.availableCapital(asset)).to.equal(f.capital - f.reserved);
  });
});
