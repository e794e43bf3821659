import { expect } from "chai";

import { ETH, SHARE, costOf, deployCapitalSystem, offeringParams, openOffering } from "../helpers/capital.js";
import type { CapitalSystem } from "../helpers/capital.js";
import { connect } from "../helpers/network.js";

const { ethers, loadFixture, time } = await connect();

const PRICE = 10n ** 15n; // 0.001 ETH per share
const PAYMENT = 100n * 10n ** 18n;

interface LaunchFixture extends CapitalSystem {
  id: bigint;
  end: bigint;
}

/**
 * The Fund at launch: no share exists. The first offering is open; Mallory subscribes for one
 * share, Alice for 999; a company pays 100 ETH of returns during the window.
 */
async function launch(): Promise<LaunchFixture> {
  const system = await deployCapitalSystem(ethers);
  const params = await offeringParams(ethers, { pricePerShare: PRICE });
  const id = await openOffering(system, params);
  const { offerings, shares, alice, mallory, deployer } = system;
  await offerings.connect(mallory).subscribe(id, SHARE, [], { value: costOf(SHARE, PRICE) });
  await offerings.connect(alice).subscribe(id, 999n * SHARE, [], { value: costOf(999n * SHARE, PRICE) });
  await shares.connect(deployer).distribute(ETH, PAYMENT, { value: PAYMENT });
  return { ...system, id, end: BigInt(params.end) };
}

describe("Launch capture and early close", function () {
  it("gives a 1-share early claimant none of the returns paid before any share existed", async function () {
    const f = await loadFixture(launch);
    const { offerings, shares, pool, alice, mallory, deployer } = f;
    expect((await shares.assetTotals(ETH)).undistributed).to.equal(PAYMENT);
    await time.increaseTo(f.end + 1n);

    // The attack: claim first with one share, then have held returns released.
    await offerings.connect(mallory).claimShares(f.id);
    expect(await shares.totalSupply()).to.equal(SHARE);
    // A next distribution (which used to release everything held) pays her only what it carries.
    await shares.connect(deployer).distribute(ETH, 1n, { value: 1n });
    expect(await shares.claimable(mallory.address, ETH)).to.equal(1n);
    await shares.connect(mallory).moveHeldToCapital(ETH);
    expect(await shares.claimable(mallory.address, ETH)).to.equal(1n);
    await expect(shares.connect(mallory).claimReturns(ETH)).to.changeEtherBalance(ethers, mallory, 1n);

    // Everything paid before a share existed became capital, not anybody's returns.
    expect((await pool.books(ETH)).capitalIn).to.equal(PAYMENT);
    expect((await shares.assetTotals(ETH)).undistributed).to.equal(0n);

    // From now on, returns are pro rata: 1 to 999.
    await offerings.connect(alice).claimShares(f.id);
    await shares.connect(deployer).distribute(ETH, 1000n * 10n ** 15n, { value: 1000n * 10n ** 15n });
    expect(await shares.claimable(mallory.address, ETH)).to.be.closeTo(10n ** 15n, 1n);
    expect(await shares.claimable(alice.address, ETH)).to.be.closeTo(999n * 10n ** 15n, 1n);
  });

  it("makes subscribed shares claimable as soon as the council closes the offering early", async function () {
    const f = await loadFixture(launch);
    const { offerings, shares, council, alice, mallory, deployer } = f;
    await expect(offerings.connect(alice).claimShares(f.id))
      .to.be.revertedWithCustomError(offerings, "OfferingsWindowOpen")
      .withArgs(f.id, f.end);
    await offerings.connect(council).closeOffering(f.id);
    expect(BigInt(await time.latest())).to.be.lessThan(f.end);
    await offerings.connect(alice).claimShares(f.id);
    await offerings.connect(mallory).claimShares(f.id);
    expect(await shares.totalSupply()).to.equal(1000n * SHARE);

    // A payment after the close is shared by both, pro rata: the 1-share holder takes a thousandth.
    await shares.connect(deployer).distribute(ETH, 10n ** 18n, { value: 10n ** 18n });
    expect(await shares.claimable(mallory.address, ETH)).to.be.closeTo(10n ** 15n, 1n);
    expect(await shares.claimable(alice.address, ETH)).to.be.closeTo(999n * 10n ** 15n, 1n);
  });
});
