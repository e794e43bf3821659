import { expect } from "chai";

import { ETH, WHOLE_SHARE, isWithinLedgerRounding, returnsNetwork } from "../helpers/returns.js";
import type { ReturnsSystem } from "../helpers/returns.js";

const { ethers, networkHelpers, system } = await returnsNetwork();

const MEMO = ethers.encodeBytes32String("for the researchers");

async function withHolders(): Promise<ReturnsSystem> {
  const base = await system();
  await base.shares.connect(base.minter).mint(base.holders[0].address, 3n * WHOLE_SHARE);
  await base.shares.connect(base.minter).mint(base.holders[1].address, 1n * WHOLE_SHARE);
  await base.token.mint(base.outsider.address, 10n ** 12n);
  return base;
}

describe("ReturnsRegistry — donations", function () {
  it("takes an ETH donation from anyone into the pool", async function () {
    const { registry, shares, outsider, holders } = await networkHelpers.loadFixture(withHolders);
    const amount = ethers.parseEther("2");
    const tx = registry.connect(outsider).donate(ETH, amount, MEMO, { value: amount });
    await expect(tx)
      .to.emit(registry, "DonationReceived")
      .withArgs(outsider.address, ETH, amount, MEMO)
      .and.to.emit(shares, "ReturnsReceived")
      .withArgs(ETH, await registry.getAddress(), amount);
    await expect(tx).to.changeEtherBalances(ethers, [outsider, registry, shares], [-amount, 0n, amount]);
    expect(await registry.totalPaid(ETH)).to.equal(amount);
    expect(
      isWithinLedgerRounding(await shares.claimable(holders[0].address, ETH), ethers.parseEther("1.5")),
    ).to.equal(true);
  });

  it("takes an ERC-20 donation straight into the ledger", async function () {
    const { registry, shares, token, outsider, holders } = await networkHelpers.loadFixture(withHolders);
    const asset = await token.getAddress();
    await token.connect(outsider).approve(await registry.getAddress(), 4_000n);
    const tx = registry.connect(outsider).donate(asset, 4_000n, MEMO);
    await expect(tx).to.emit(registry, "DonationReceived").withArgs(outsider.address, asset, 4_000n, MEMO);
    await expect(tx).to.changeTokenBalances(
      ethers,
      token,
      [outsider, registry, shares],
      [-4_000n, 0n, 4_000n],
    );
    expect(await registry.totalPaid(asset)).to.equal(4_000n);
    expect((await shares.assetTotals(asset)).received).to.equal(4_000n);
    expect(isWithinLedgerRounding(await shares.claimable(holders[1].address, asset), 1_000n)).to.equal(true);
  });

  it("adds successive donations into the asset's running total", async function () {
    const { registry, outsider } = await networkHelpers.loadFixture(withHolders);
    await registry.connect(outsider).donate(ETH, 5n, MEMO, { value: 5n });
    await registry.connect(outsider).donate(ETH, 7n, ethers.ZeroHash, { value: 7n });
    expect(await registry.totalPaid(ETH)).to.equal(12n);
  });

  it("refuses a fee-on-transfer token that delivers less than the donation", async function () {
    const { registry, shares, deployer, outsider } = await networkHelpers.loadFixture(withHolders);
    const feeToken = await ethers.deployContract("FeeOnTransferTokenMock", ["Fee", "FEE", 250n]); // 2.5 % fee
    const asset = await feeToken.getAddress();
    await shares.connect(deployer).addReturnsAsset(asset);
    await feeToken.mint(outsider.address, 10_000n);
    await feeToken.connect(outsider).approve(await registry.getAddress(), 10_000n);
    await expect(registry.connect(outsider).donate(asset, 10_000n, MEMO))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
      .withArgs(10_000n, 9_750n);
    expect(await registry.totalPaid(asset)).to.equal(0n);
    expect((await shares.assetTotals(asset)).received).to.equal(0n);
  });

  it("counts a donation made before any shares exist, which the ledger holds for later", async function () {
    const { registry, shares, outsider } = await networkHelpers.loadFixture(deployReturnsSystemFixture);
    await expect(registry.connect(outsider).donate(ETH, 1_000n, MEMO, { value: 1_000n }))
      .to.emit(shares, "ReturnsHeld")
      .withArgs(ETH, 1_000n, 1_000n);
    expect(await registry.totalPaid(ETH)).to.equal(1_000n);
    expect((await shares.assetTotals(ETH)).received).to.equal(1_000n);
  });

  it("rejects a zero donation, a wrong ETH amount and ETH sent with a token", async function () {
    const { registry, token, outsider } = await networkHelpers.loadFixture(withHolders);
    const asset = await token.getAddress();
    await expect(registry.connect(outsider).donate(ETH, 0n, MEMO)).to.be.revertedWithCustomError(
      registry,
      "ReturnsRegistryZeroDonation",
    );
    await expect(registry.connect(outsider).donate(ETH, 10n, MEMO, { value: 9n }))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
      .withArgs(10n, 9n);
    await expect(registry.connect(outsider).donate(ETH, 10n, MEMO, { value: 11n }))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
      .withArgs(10n, 11n);
    await token.connect(outsider).approve(await registry.getAddress(), 10n);
    await expect(registry.connect(outsider).donate(asset, 10n, MEMO, { value: 1n }))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
      .withArgs(0n, 1n);
    expect(await registry.totalPaid(ETH)).to.equal(0n);
    expect(await registry.totalPaid(asset)).to.equal(0n);
  });

  it("rejects an asset the ledger does not take", async function () {
    const { registry, outsider } = await networkHelpers.loadFixture(withHolders);
    const unlisted = await ethers.deployContract("TestToken", ["Other", "OTH", 18]);
    await expect(registry.connect(outsider).donate(await unlisted.getAddress(), 1n, MEMO))
      .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownAsset")
      .withArgs(await unlisted.getAddress());
  });

  it("rejects donations while the ledger is paused", async function () {
    const { registry, shares, deployer, outsider } = await networkHelpers.loadFixture(withHolders);
    await shares.connect(deployer).pause();
    await expect(
      registry.connect(outsider).donate(ETH, 1n, MEMO, { value: 1n }),
    ).to.be.revertedWithCustomError(registry, "ReturnsRegistryPaused");
  });
});

function deployReturnsSystemFixture(): Promise<ReturnsSystem> {
  return system();
}
