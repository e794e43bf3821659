import { expect } from "chai";

import { ETH, SHARE, type CapitalSystem } from "../helpers/capital.js";
import { deployCapitalSystem, offeringParams, openOffering } from "../helpers/capital.js";
import { connect } from "../helpers/network.js";

const { ethers, networkHelpers, time } = await connect();

const ETHER = 10n ** 18n;

interface AttackFixture extends CapitalSystem {
  window: { id: bigint; end: bigint };
}

/**
 * Alice (60 shares) and Bob (40 shares) became holders through a first offering that has settled;
 * a second offering is now open, its window running.
 */
async function existingHoldersFixture(): Promise<AttackFixture> {
  const system = await deployCapitalSystem(ethers);
  const { offerings, alice, bob } = system;
  const first = await offeringParams(ethers, { pricePerShare: ETHER / 10n });
  const firstId = await openOffering(system, first);
  await offerings.connect(alice).subscribe(firstId, 60n * SHARE, [], { value: 6n * ETHER });
  await offerings.connect(bob).subscribe(firstId, 40n * SHARE, [], { value: 4n * ETHER });
  await time.increaseTo(first.end);
  await offerings.connect(alice).claimShares(firstId);
  await offerings.connect(bob).claimShares(firstId);

  const second = await offeringParams(ethers, { pricePerShare: ETHER / 10n });
  const id = await openOffering(system, second);
  return { ...system, window: { id, end: BigInt(second.end) } };
}

describe("Offerings front-running defence", function () {
  it("gives an investor who subscribes just before a large returns payment no part of it", async function () {
    const { offerings, shares, deployer, window, alice, bob, mallory } =
      await networkHelpers.loadFixture(existingHoldersFixture);
    const payment = 1_000n * ETHER;

    // Mallory, the attacker, sees the payment coming and buys as many shares as the two holders have together.
    await offerings.connect(mallory).subscribe(window.id, 100n * SHARE, [], { value: 10n * ETHER });
    await shares.connect(deployer).distribute(ETH, payment, { value: payment });

    expect(await shares.claimable(mallory, ETH)).to.equal(0n);
    expect(await shares.claimable(alice, ETH)).to.equal(600n * ETHER);
    expect(await shares.claimable(bob, ETH)).to.equal(400n * ETHER);
    await expect(shares.connect(mallory).claimReturns(ETH))
      .to.be.revertedWithCustomError(shares, "FundSharesNothingToClaim")
      .withArgs(mallory.address, ETH);

    // No way around the window: shares cannot be minted before it closes.
    await expect(offerings.connect(mallory).claimShares(window.id))
      .to.be.revertedWithCustomError(offerings, "OfferingsWindowOpen")
      .withArgs(window.id, window.end);
    expect(await shares.balanceOf(mallory)).to.equal(0n);

    // Once the window is over, the shares exist, but the past payment stays with the old holders.
    await time.increaseTo(window.end);
    await offerings.connect(mallory).claimShares(window.id);
    expect(await shares.balanceOf(mallory)).to.equal(100n * SHARE);
    expect(await shares.claimable(mallory, ETH)).to.equal(0n);
    expect(await shares.claimable(alice, ETH)).to.equal(600n * ETHER);
    expect(await shares.claimable(bob, ETH)).to.equal(400n * ETHER);
    await expect(shares.connect(alice).claimReturns(ETH)).to.changeEtherBalance(ethers, alice, 600n * ETHER);
    await expect(shares.connect(bob).claimReturns(ETH)).to.changeEtherBalance(ethers, bob, 400n * ETHER);
  });

  it("offers no quick exit: the attacker's shares cannot be sold on while transfers are off", async function () {
    const { offerings, shares, window, alice, mallory } =
      await networkHelpers.loadFixture(existingHoldersFixture);
    await offerings.connect(mallory).subscribe(window.id, 10n * SHARE, [], { value: ETHER });
    await time.increaseTo(window.end);
    await offerings.connect(mallory).claimShares(window.id);

    expect(await shares.transfersEnabled()).to.equal(false);
    await expect(shares.connect(mallory).transfer(alice, 10n * SHARE))
      .to.be.revertedWithCustomError(shares, "FundSharesTransfersDisabled")
      .withArgs(mallory.address, alice.address);
    expect(await shares.balanceOf(mallory)).to.equal(10n * SHARE);
  });

  it("lets the new investor earn from later payments only, pro rata", async function () {
    const { offerings, shares, deployer, window, alice, bob, mallory } =
      await networkHelpers.loadFixture(existingHoldersFixture);
    await offerings.connect(mallory).subscribe(window.id, 100n * SHARE, [], { value: 10n * ETHER });
    await shares.connect(deployer).distribute(ETH, 1_000n * ETHER, { value: 1_000n * ETHER });
    await time.increaseTo(window.end);
    await offerings.connect(mallory).claimShares(window.id);

    // 200 shares now exist: Mallory holds half, Alice 30%, Bob 20%.
    const later = 200n * ETHER;
    await shares.connect(deployer).distribute(ETH, later, { value: later });
    expect(await shares.claimable(mallory, ETH)).to.equal(100n * ETHER);
    expect(await shares.claimable(alice, ETH)).to.equal(600n * ETHER + 60n * ETHER);
    expect(await shares.claimable(bob, ETH)).to.equal(400n * ETHER + 40n * ETHER);
    await expect(shares.connect(mallory).claimReturns(ETH)).to.changeEtherBalances(
      ethers,
      [mallory, shares],
      [100n * ETHER, -100n * ETHER],
    );
  });

  it("keeps a payment made in the same block as the subscription away from it", async function () {
    const { offerings, shares, deployer, window, alice, bob, mallory } =
      await networkHelpers.loadFixture(existingHoldersFixture);
    await ethers.provider.send("evm_setAutomine", [false]);
    try {
      const subscribe = await offerings
        .connect(mallory)
        .subscribe(window.id, 100n * SHARE, [], { value: 10n * ETHER, gasLimit: 300_000n });
      const pay = await shares
        .connect(deployer)
        .distribute(ETH, 100n * ETHER, { value: 100n * ETHER, gasLimit: 300_000n });
      await networkHelpers.mine();
      const [subscribed, paid] = [await subscribe.wait(), await pay.wait()];
      if (subscribed === null || paid === null) throw new Error("both transactions must be mined");
      expect(subscribed.blockNumber).to.equal(paid.blockNumber);
      expect(subscribed.index).to.be.lessThan(paid.index);
    } finally {
      await ethers.provider.send("evm_setAutomine", [true]);
    }
    expect(await offerings.pendingShares(window.id, mallory)).to.equal(100n * SHARE);
    expect(await shares.claimable(mallory, ETH)).to.equal(0n);
    expect(await shares.claimable(alice, ETH)).to.equal(60n * ETHER);
    expect(await shares.claimable(bob, ETH)).to.equal(40n * ETHER);
  });

  it("holds pending shares through a pause: claiming fails while paused and succeeds afterwards", async function () {
    const { offerings, shares, deployer, window, carol } =
      await networkHelpers.loadFixture(existingHoldersFixture);
    const investor = carol;
    await offerings.connect(investor).subscribe(window.id, 5n * SHARE, [], { value: ETHER / 2n });
    await time.increaseTo(window.end);
    await shares.connect(deployer).pause();

    await expect(offerings.connect(investor).claimShares(window.id)).to.be.revertedWithCustomError(
      offerings,
      "OfferingsPaused",
    );
    expect(await offerings.pendingShares(window.id, investor)).to.equal(5n * SHARE);
    expect(await shares.balanceOf(investor)).to.equal(0n);

    await shares.connect(deployer).unpause();
    await expect(offerings.connect(investor).claimShares(window.id))
      .to.emit(offerings, "SubscriptionSharesClaimed")
      .withArgs(window.id, investor.address, 5n * SHARE);
    expect(await shares.balanceOf(investor)).to.equal(5n * SHARE);
    expect(await offerings.pendingShares(window.id, investor)).to.equal(0n);
  });
});
