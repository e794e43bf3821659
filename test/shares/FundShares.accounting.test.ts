import { expect } from "chai";

import { ETH, ONE, ONE_SHARE, ONE_USDC } from "../helpers/ledger.js";
import { expectWithinOneWeiBelow, proRata, sumExact } from "../helpers/exact.js";
import { deployThreeToOneWithReturns, sharesNetwork } from "../helpers/shares.js";

const { networkHelpers, deploySharesWithTokens } = await sharesNetwork();

/** Alice 3, Bob 1 (supply 4), 4 ETH and 400 TUSDC distributed, transfers enabled. */
async function deployEarnedAndTransferable() {
  const fixture = await deployThreeToOneWithReturns(deploySharesWithTokens, ({ token6Address }) => [
    [ETH, 4n * ONE],
    [token6Address, 400n * ONE_USDC],
  ]);
  await fixture.shares.connect(fixture.admin).setTransfersEnabled(true);
  return fixture;
}

describe("FundShares: accounting through transfers and burns", function () {
  it("leaves earned returns with the sender; the receiver earns only from later distributions", async function () {
    const { shares, payer, alice, bob, carol } =
      await networkHelpers.loadFixture(deployEarnedAndTransferable);
    await shares.connect(alice).transfer(carol.address, ONE_SHARE);
    expect(await shares.claimable(alice.address, ETH)).to.equal(3n * ONE);
    expect(await shares.claimable(carol.address, ETH)).to.equal(0n);

    await shares.connect(payer).distribute(ETH, 8n * ONE, { value: 8n * ONE });
    // Supply 4: Alice 2, Bob 1, Carol 1.
    expect(await shares.claimable(alice.address, ETH)).to.equal(3n * ONE + 4n * ONE);
    expect(await shares.claimable(bob.address, ETH)).to.equal(ONE + 2n * ONE);
    expect(await shares.claimable(carol.address, ETH)).to.equal(2n * ONE);
  });

  it("keeps both parties' claimable unchanged by a transfer in every asset", async function () {
    const { shares, alice, bob, carol, token18Address, token6Address } =
      await networkHelpers.loadFixture(deployEarnedAndTransferable);
    const assets = [ETH, token18Address, token6Address];
    const parties = [alice, bob, carol];
    const before = await Promise.all(
      parties.flatMap((p) => assets.map((asset) => shares.claimable(p.address, asset))),
    );
    await shares.connect(alice).transfer(bob.address, ONE_SHARE + 12_345n);
    await shares.connect(bob).transfer(carol.address, 2n * ONE_SHARE);
    await shares.connect(carol).transfer(alice.address, ONE_SHARE / 3n);
    const after = await Promise.all(
      parties.flatMap((p) => assets.map((asset) => shares.claimable(p.address, asset))),
    );
    expect(after).to.deep.equal(before);
  });

  it("accounts transferFrom exactly like transfer", async function () {
    const { shares, payer, alice, bob, dave } = await networkHelpers.loadFixture(deployEarnedAndTransferable);
    await shares.connect(alice).approve(dave.address, 3n * ONE_SHARE);
    await shares.connect(dave).transferFrom(alice.address, dave.address, 3n * ONE_SHARE);
    expect(await shares.claimable(alice.address, ETH)).to.equal(3n * ONE);
    expect(await shares.claimable(dave.address, ETH)).to.equal(0n);
    await shares.connect(payer).distribute(ETH, 4n * ONE, { value: 4n * ONE });
    expect(await shares.claimable(alice.address, ETH)).to.equal(3n * ONE);
    expect(await shares.claimable(dave.address, ETH)).to.equal(3n * ONE);
    expect(await shares.claimable(bob.address, ETH)).to.equal(2n * ONE);
  });

  it("lets a holder who sold everything still claim what they earned", async function () {
    const { shares, alice, carol, token6Address } =
      await networkHelpers.loadFixture(deployEarnedAndTransferable);
    const usdcOwed = await shares.claimable(alice.address, token6Address);
    await shares.connect(alice).transfer(carol.address, 3n * ONE_SHARE);
    expect(await shares.holders(0n, 10n)).to.not.include(alice.address);
    await expect(shares.connect(alice).claimAll())
      .to.emit(shares, "ReturnsClaimed")
      .withArgs(alice.address, token6Address, usdcOwed);
    expect(await shares.claimable(alice.address, ETH)).to.equal(0n);
  });

  it("keeps earned returns through a burn; later distributions skip the burned shares", async function () {
    const { shares, payer, alice, bob } = await networkHelpers.loadFixture(deployEarnedAndTransferable);
    await shares.connect(alice).burn(2n * ONE_SHARE);
    expect(await shares.claimable(alice.address, ETH)).to.equal(3n * ONE);
    await shares.connect(payer).distribute(ETH, 2n * ONE, { value: 2n * ONE });
    // Supply 2: Alice 1, Bob 1.
    expect(await shares.claimable(alice.address, ETH)).to.equal(4n * ONE);
    expect(await shares.claimable(bob.address, ETH)).to.equal(2n * ONE);
    await shares.connect(alice).burn(ONE_SHARE);
    await shares.connect(payer).distribute(ETH, 2n * ONE, { value: 2n * ONE });
    expect(await shares.claimable(alice.address, ETH)).to.equal(4n * ONE);
    expect(await shares.claimable(bob.address, ETH)).to.equal(4n * ONE);
  });

  it("keeps a claim and a transfer in either order paying the same", async function () {
    const { shares, payer, alice, bob, carol } =
      await networkHelpers.loadFixture(deployEarnedAndTransferable);
    // Alice claims, then transfers; Bob transfers, then claims.
    await shares.connect(alice).claimReturns(ETH);
    await shares.connect(alice).transfer(carol.address, ONE_SHARE);
    await shares.connect(bob).transfer(carol.address, ONE_SHARE);
    expect(await shares.connect(bob).claimReturns.staticCall(ETH)).to.equal(ONE);
    await shares.connect(bob).claimReturns(ETH);
    await shares.connect(payer).distribute(ETH, 4n * ONE, { value: 4n * ONE });
    expect(await shares.claimable(alice.address, ETH)).to.equal(2n * ONE);
    expect(await shares.claimable(bob.address, ETH)).to.equal(0n);
    expect(await shares.claimable(carol.address, ETH)).to.equal(2n * ONE);
  });

  it("stays exact through a long mixed sequence of mints, transfers, burns and distributions", async function () {
    const { shares, minter, payer, alice, bob, carol, token18Address } =
      await networkHelpers.loadFixture(deployEarnedAndTransferable);
    // Starting point: supply 4 (Alice 3, Bob 1) and 4 ETH already earned (Alice 3, Bob 1).
    let exactAlice = proRata(4n * ONE, 3n * ONE_SHARE, 4n * ONE_SHARE);
    let exactBob = proRata(4n * ONE, ONE_SHARE, 4n * ONE_SHARE);
    let exactCarol = proRata(0n, 1n, 1n);
    const balances = async () =>
      Promise.all([alice, bob, carol].map((h) => shares.balanceOf(h.address))) as Promise<
        [bigint, bigint, bigint]
      >;
    const pay = async (amount: bigint) => {
      const [a, b, c] = await balances();
      const supply = await shares.totalSupply();
      await shares.connect(payer).distribute(ETH, amount, { value: amount });
      exactAlice = sumExact(exactAlice, proRata(amount, a, supply));
      exactBob = sumExact(exactBob, proRata(amount, b, supply));
      exactCarol = sumExact(exactCarol, proRata(amount, c, supply));
    };
    await shares.connect(minter).mint(carol.address, 5n * ONE_SHARE + 17n);
    await pay(ONE + 1n);
    await shares.connect(alice).transfer(carol.address, ONE_SHARE / 7n);
    await pay(3n * ONE + 333n);
    await shares.connect(bob).burn(ONE_SHARE / 2n);
    const aliceClaimed = await shares.claimable(alice.address, ETH);
    await shares.connect(alice).claimReturns(ETH);
    await pay(99n);
    await shares.connect(carol).transfer(bob.address, 2n * ONE_SHARE);
    await shares.connect(minter).mint(alice.address, 4n * ONE_SHARE);
    await pay(7n * ONE);

    expectWithinOneWeiBelow(aliceClaimed + (await shares.claimable(alice.address, ETH)), exactAlice, "alice");
    expectWithinOneWeiBelow(await shares.claimable(bob.address, ETH), exactBob, "bob");
    expectWithinOneWeiBelow(await shares.claimable(carol.address, ETH), exactCarol, "carol");
    // The token books are untouched by all of this.
    expect(await shares.claimable(alice.address, token18Address)).to.equal(0n);
  });
});
