import { expect } from "chai";

import { ETH, ONE, ONE_SHARE } from "../helpers/ledger.js";
import { expectWithinOneWeiBelow, proRata, rpsIncrement } from "../helpers/exact.js";
import { booksOf, distributedBooks, sharesNetwork, snapshotLedger } from "../helpers/shares.js";

const { ethers, networkHelpers, deploySharesWithTokens } = await sharesNetwork();

/** Mirrors `ReentrantHolderMock.Attack`. */
const Attack = {
  None: 0,
  ClaimReturns: 1,
  ClaimAll: 2,
  Distribute: 3,
  Donate: 4,
  SyncReturns: 5,
  MoveHeldToCapital: 6,
  TransferShares: 7,
  RefuseEth: 8,
  ClaimEth: 9,
} as const;
type AttackName = keyof typeof Attack;

const FEE_BPS = 100n; // 1 %

/**
 * Attacker (a contract) 2 shares, Alice 1, Bob 1 (supply 4). Returns assets: ETH, two TestTokens,
 * a hook token, a fee-on-transfer token and a no-return token. 4 ETH and 40 hook tokens are
 * distributed, so the attacker has 2 ETH and 20 hook tokens to claim. Transfers are enabled.
 */
async function deployUnderAttack() {
  const fixture = await deploySharesWithTokens();
  const { shares, sharesAddress, admin, minter, payer, alice, bob } = fixture;
  const hookToken = await ethers.deployContract("HookTokenMock", ["Hook", "HOOK"]);
  const feeToken = await ethers.deployContract("FeeOnTransferTokenMock", ["Fee", "FEE", FEE_BPS]);
  const noReturnToken = await ethers.deployContract("NoReturnTokenMock");
  const hookAddress = await hookToken.getAddress();
  const feeAddress = await feeToken.getAddress();
  const noReturnAddress = await noReturnToken.getAddress();
  for (const asset of [hookAddress, feeAddress, noReturnAddress]) {
    await shares.connect(admin).addReturnsAsset(asset);
  }
  const attacker = await ethers.deployContract("ReentrantHolderMock", [sharesAddress]);
  const attackerAddress = await attacker.getAddress();
  await attacker.enableHooks(hookAddress);

  await shares.connect(minter).mint(attackerAddress, 2n * ONE_SHARE);
  await shares.connect(minter).mint(alice.address, ONE_SHARE);
  await shares.connect(minter).mint(bob.address, ONE_SHARE);
  await shares.connect(admin).setTransfersEnabled(true);

  await shares.connect(payer).distribute(ETH, 4n * ONE, { value: 4n * ONE });
  await hookToken.mint(payer.address, 1000n * ONE);
  await hookToken.connect(payer).approve(sharesAddress, 1000n * ONE);
  await shares.connect(payer).distribute(hookAddress, 40n * ONE);
  // The attacker also holds tokens and ETH of its own, to pay with when it re-enters.
  await hookToken.mint(attackerAddress, 100n * ONE);
  await attacker.approveLedger(hookAddress, 100n * ONE);
  await networkHelpers.setBalance(attackerAddress, 10n * ONE);
  return {
    ...fixture,
    attacker,
    attackerAddress,
    hookToken,
    hookAddress,
    feeToken,
    feeAddress,
    noReturnToken,
    noReturnAddress,
  };
}

type UnderAttack = Awaited<ReturnType<typeof deployUnderAttack>>;

/**
 * Arms the attacker's re-entry with `attack` on `asset` (a failed re-entry reverts the whole call),
 * then each claim must be aborted by the reentrancy guard, leaving the ledger of the attacker, Alice
 * and Bob and the attacker's ETH as they were.
 */
async function expectReentryAborted(
  attack: AttackName,
  asset: string,
  claims: readonly ((attacker: UnderAttack["attacker"]) => Promise<unknown>)[],
): Promise<void> {
  const { shares, attacker, attackerAddress, alice, bob } =
    await networkHelpers.loadFixture(deployUnderAttack);
  await attacker.setAttack(Attack[attack], asset, 1n, ethers.ZeroAddress, true);
  const accounts = [attackerAddress, alice.address, bob.address];
  const before = await snapshotLedger(ethers, shares, accounts);
  const attackerEth = await ethers.provider.getBalance(attackerAddress);
  for (const claim of claims) {
    await expect(claim(attacker)).to.be.revertedWithCustomError(shares, "ReentrancyGuardReentrantCall");
  }
  expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
  expect(await ethers.provider.getBalance(attackerAddress)).to.equal(attackerEth);
}

const reentrancySelector = ethers.id("ReentrancyGuardReentrantCall()").slice(0, 10);

describe("FundShares: adversarial receivers and tokens", function () {
  describe("a receiver that re-enters a claimEth on ETH receipt", function () {
    for (const attack of ["ClaimEth", "ClaimReturns", "ClaimAll"] as const) {
      it(`aborts claimEth when the receiver re-enters with ${attack}, and loses nothing`, async function () {
        await expectReentryAborted(attack, ETH, [(attacker) => attacker.claimEth()]);
      });
    }

    it("pays exactly the entitlement once when the receiver swallows its failed claimEth re-entry", async function () {
      const { shares, sharesAddress, attacker, attackerAddress, alice } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await attacker.setAttack(Attack.ClaimEth, ETH, 1n, ethers.ZeroAddress, false);
      const aliceBefore = await shares.claimable(alice.address, ETH);
      const tx = attacker.claimEth();
      await expect(tx).to.emit(attacker, "ReentryAttempted").withArgs(Attack.ClaimEth, true);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [attackerAddress, sharesAddress],
        [2n * ONE, -2n * ONE],
      );
      expect(await attacker.lastRevert()).to.equal(reentrancySelector);
      expect(await shares.claimable(attackerAddress, ETH)).to.equal(0n);
      expect(await shares.claimable(alice.address, ETH)).to.equal(aliceBefore);
    });
  });

  describe("a receiver that re-enters on ETH receipt", function () {
    const attacks: [AttackName, string][] = [
      ["ClaimReturns", ETH],
      ["ClaimAll", ETH],
      ["Distribute", ETH],
      ["Donate", ETH],
      ["SyncReturns", ETH],
      ["MoveHeldToCapital", ETH],
    ];

    for (const [attack, asset] of attacks) {
      it(`aborts the claim when the receiver re-enters with ${attack}, and loses nothing`, async function () {
        await expectReentryAborted(attack, asset, [
          (attacker) => attacker.claimReturns(ETH),
          (attacker) => attacker.claimAll(),
        ]);
      });

      it(`pays exactly the entitlement once when the receiver swallows its failed ${attack} re-entry`, async function () {
        const { shares, sharesAddress, attacker, attackerAddress, alice, bob } =
          await networkHelpers.loadFixture(deployUnderAttack);
        await attacker.setAttack(Attack[attack], asset, 1n, ethers.ZeroAddress, false);
        const booksBefore = await booksOf(shares, ETH);
        const othersBefore = [
          await shares.claimable(alice.address, ETH),
          await shares.claimable(bob.address, ETH),
        ];
        const tx = attacker.claimReturns(ETH);
        await expect(tx).to.emit(attacker, "ReentryAttempted").withArgs(Attack[attack], true);
        await expect(tx).to.changeEtherBalances(
          ethers,
          [attackerAddress, sharesAddress],
          [2n * ONE, -2n * ONE],
        );
        expect(await attacker.attempts()).to.equal(1n);
        expect(await attacker.successes()).to.equal(0n);
        expect(await attacker.lastRevert()).to.equal(reentrancySelector);
        expect(await booksOf(shares, ETH)).to.deep.equal({
          ...booksBefore,
          claimed: booksBefore.claimed + 2n * ONE,
        });
        expect([
          await shares.claimable(alice.address, ETH),
          await shares.claimable(bob.address, ETH),
        ]).to.deep.equal(othersBefore);
        expect(await shares.claimable(attackerAddress, ETH)).to.equal(0n);
      });
    }

    it("cannot move already-settled returns by transferring its shares away mid-claim", async function () {
      const { shares, payer, attacker, attackerAddress, dave, hookAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await attacker.setAttack(Attack.TransferShares, ETH, 0n, dave.address, false);
      await expect(attacker.claimReturns(ETH))
        .to.emit(attacker, "ReentryAttempted")
        .withArgs(Attack.TransferShares, false);
      // The transfer went through (it is not a re-entry into a guarded function) and was harmless:
      expect(await shares.balanceOf(dave.address)).to.equal(2n * ONE_SHARE);
      expect(await shares.claimable(dave.address, ETH)).to.equal(0n);
      expect(await shares.claimable(dave.address, hookAddress)).to.equal(0n);
      expect(await shares.claimable(attackerAddress, ETH)).to.equal(0n);
      expect(await shares.claimable(attackerAddress, hookAddress)).to.equal(20n * ONE);
      await shares.connect(payer).distribute(ETH, 4n * ONE, { value: 4n * ONE });
      expect(await shares.claimable(dave.address, ETH)).to.equal(2n * ONE);
      expect(await shares.claimable(attackerAddress, ETH)).to.equal(0n);
      const books = await booksOf(shares, ETH);
      expect(books.claimed).to.equal(2n * ONE);
      expect(books.distributed).to.equal(8n * ONE);
    });

    it("only hurts itself by refusing ETH: other holders still claim, its own books stay intact", async function () {
      const { shares, attacker, attackerAddress, alice, bob, hookToken, hookAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await attacker.setAttack(Attack.RefuseEth, ETH, 0n, ethers.ZeroAddress, true);
      await expect(attacker.claimReturns(ETH))
        .to.be.revertedWithCustomError(attacker, "ReentrantHolderMockRefusedEth")
        .withArgs(2n * ONE);
      await expect(attacker.claimAll())
        .to.be.revertedWithCustomError(attacker, "ReentrantHolderMockRefusedEth")
        .withArgs(2n * ONE);
      expect(await shares.claimable(attackerAddress, ETH)).to.equal(2n * ONE);
      await shares.connect(alice).claimReturns(ETH);
      await shares.connect(bob).claimAll();
      expect((await booksOf(shares, ETH)).claimed).to.equal(2n * ONE);
      // It can still take its token returns one asset at a time.
      await attacker.claimReturns(hookAddress);
      expect(await hookToken.balanceOf(attackerAddress)).to.equal(120n * ONE);
    });
  });

  describe("a token whose transfers call back into the ledger (ERC-777 / ERC-1363 style)", function () {
    for (const attack of ["ClaimReturns", "ClaimAll", "Distribute", "SyncReturns"] as const) {
      it(`aborts a token claim when the recipient hook re-enters with ${attack}`, async function () {
        const { shares, attacker, attackerAddress, alice, hookToken, hookAddress } =
          await networkHelpers.loadFixture(deployUnderAttack);
        await attacker.setAttack(Attack[attack], hookAddress, ONE, ethers.ZeroAddress, true);
        const accounts = [attackerAddress, alice.address];
        const before = await snapshotLedger(ethers, shares, accounts);
        const tokensBefore = await hookToken.balanceOf(attackerAddress);
        await expect(attacker.claimReturns(hookAddress)).to.be.revertedWithCustomError(
          shares,
          "ReentrancyGuardReentrantCall",
        );
        expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
        expect(await hookToken.balanceOf(attackerAddress)).to.equal(tokensBefore);
      });
    }

    it("pays a token claim exactly once when the recipient hook swallows its failed re-entry", async function () {
      const { shares, sharesAddress, attacker, attackerAddress, hookToken, hookAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await attacker.setAttack(Attack.ClaimReturns, hookAddress, 0n, ethers.ZeroAddress, false);
      await expect(attacker.claimReturns(hookAddress)).to.changeTokenBalances(
        ethers,
        hookToken,
        [attackerAddress, sharesAddress],
        [20n * ONE, -20n * ONE],
      );
      expect(await attacker.lastRevert()).to.equal(reentrancySelector);
      expect(await attacker.successes()).to.equal(0n);
      expect((await booksOf(shares, hookAddress)).claimed).to.equal(20n * ONE);
      expect(await shares.claimable(attackerAddress, hookAddress)).to.equal(0n);
    });

    it("aborts claimAll when the token hook re-enters claimAll", async function () {
      const { shares, attacker, attackerAddress, hookAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await attacker.claimReturns(ETH); // leave only the hook token to pay, so the token hook is what re-enters
      await attacker.setAttack(Attack.ClaimAll, ETH, 0n, ethers.ZeroAddress, true);
      await expect(attacker.claimAll()).to.be.revertedWithCustomError(shares, "ReentrancyGuardReentrantCall");
      expect(await shares.claimable(attackerAddress, hookAddress)).to.equal(20n * ONE);
    });

    for (const attack of ["Distribute", "SyncReturns", "ClaimReturns"] as const) {
      it(`aborts a distribution when the sender hook re-enters with ${attack} before the tokens move`, async function () {
        const { shares, attacker, attackerAddress, alice, hookAddress } =
          await networkHelpers.loadFixture(deployUnderAttack);
        await attacker.setAttack(Attack[attack], hookAddress, ONE, ethers.ZeroAddress, true);
        const accounts = [attackerAddress, alice.address];
        const before = await snapshotLedger(ethers, shares, accounts);
        await expect(attacker.distribute(hookAddress, 10n * ONE)).to.be.revertedWithCustomError(
          shares,
          "ReentrancyGuardReentrantCall",
        );
        expect(await snapshotLedger(ethers, shares, accounts)).to.deep.equal(before);
      });
    }

    it("credits exactly what arrived when the sender hook swallows its failed re-entry", async function () {
      const { shares, sharesAddress, attacker, attackerAddress, hookToken, hookAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await attacker.setAttack(Attack.Distribute, hookAddress, ONE, ethers.ZeroAddress, false);
      const booksBefore = await booksOf(shares, hookAddress);
      const tx = attacker.distribute(hookAddress, 10n * ONE);
      await expect(tx)
        .to.emit(shares, "ReturnsReceived")
        .withArgs(hookAddress, attackerAddress, 10n * ONE);
      await expect(tx).to.changeTokenBalances(
        ethers,
        hookToken,
        [attackerAddress, sharesAddress],
        [-10n * ONE, 10n * ONE],
      );
      expect(await attacker.lastRevert()).to.equal(reentrancySelector);
      expect((await booksOf(shares, hookAddress)).received).to.equal(booksBefore.received + 10n * ONE);
    });
  });

  describe("a fee-on-transfer token", function () {
    it("credits what actually arrived, not the amount declared", async function () {
      const { shares, sharesAddress, payer, feeToken, feeAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await feeToken.mint(payer.address, 1000n * ONE);
      await feeToken.connect(payer).approve(sharesAddress, 1000n * ONE);
      const arrived = 1000n * ONE - (1000n * ONE * FEE_BPS) / 10_000n;
      expect(await shares.connect(payer).distribute.staticCall(feeAddress, 1000n * ONE)).to.equal(arrived);
      const tx = shares.connect(payer).distribute(feeAddress, 1000n * ONE);
      await expect(tx).to.emit(shares, "ReturnsReceived").withArgs(feeAddress, payer.address, arrived);
      await expect(tx)
        .to.emit(shares, "ReturnsDistributed")
        .withArgs(feeAddress, arrived, 4n * ONE_SHARE, rpsIncrement(arrived, 4n * ONE_SHARE));
      expect(await feeToken.balanceOf(sharesAddress)).to.equal(arrived);
      expect(await booksOf(shares, feeAddress)).to.deep.equal(distributedBooks(arrived));
    });

    it("stays solvent: every holder claims their credit and the ledger never runs short", async function () {
      const { shares, sharesAddress, payer, attacker, attackerAddress, alice, bob, feeToken, feeAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await feeToken.mint(payer.address, 333n * ONE);
      await feeToken.connect(payer).approve(sharesAddress, 333n * ONE);
      await shares.connect(payer).distribute(feeAddress, 333n * ONE);
      const arrived = await feeToken.balanceOf(sharesAddress);
      let claimed = 0n;
      for (const [who, balance] of [
        [alice.address, ONE_SHARE],
        [bob.address, ONE_SHARE],
      ] as const) {
        const owed = await shares.claimable(who, feeAddress);
        expectWithinOneWeiBelow(owed, proRata(arrived, balance, 4n * ONE_SHARE), who);
        claimed += owed;
      }
      await shares.connect(alice).claimReturns(feeAddress);
      await shares.connect(bob).claimReturns(feeAddress);
      const attackerOwed = await shares.claimable(attackerAddress, feeAddress);
      expectWithinOneWeiBelow(attackerOwed, proRata(arrived, 2n * ONE_SHARE, 4n * ONE_SHARE), "attacker");
      await attacker.claimReturns(feeAddress);
      claimed += attackerOwed;
      // The ledger sent exactly what it booked; each recipient bore the token's fee on the way out.
      expect((await booksOf(shares, feeAddress)).claimed).to.equal(claimed);
      expect(await feeToken.balanceOf(sharesAddress)).to.equal(arrived - claimed);
      expect(arrived - claimed).to.be.lte(3n);
    });

    it("syncs a direct fee-on-transfer payment at what arrived", async function () {
      const { shares, sharesAddress, payer, feeToken, feeAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await feeToken.mint(payer.address, 100n);
      await feeToken.connect(payer).transfer(sharesAddress, 100n);
      await expect(shares.connect(payer).syncReturns(feeAddress))
        .to.emit(shares, "ReturnsReceived")
        .withArgs(feeAddress, payer.address, 99n);
      expect((await booksOf(shares, feeAddress)).received).to.equal(99n);
    });

    it("refuses a payment that delivers nothing", async function () {
      const { shares, sharesAddress, admin, payer } = await networkHelpers.loadFixture(deployUnderAttack);
      const allFee = await ethers.deployContract("FeeOnTransferTokenMock", ["All", "ALL", 10_000n]);
      const allFeeAddress = await allFee.getAddress();
      await shares.connect(admin).addReturnsAsset(allFeeAddress);
      await allFee.mint(payer.address, ONE);
      await allFee.connect(payer).approve(sharesAddress, ONE);
      await expect(shares.connect(payer).distribute(allFeeAddress, ONE)).to.be.revertedWithCustomError(
        shares,
        "FundSharesZeroAmount",
      );
      expect((await booksOf(shares, allFeeAddress)).received).to.equal(0n);
      expect(await allFee.balanceOf(payer.address)).to.equal(ONE);
    });
  });

  describe("a token whose transfer and transferFrom return nothing (USDT style)", function () {
    it("is paid in, claimed and claimed-all like any other token", async function () {
      const {
        shares,
        sharesAddress,
        payer,
        attacker,
        attackerAddress,
        alice,
        noReturnToken,
        noReturnAddress,
      } = await networkHelpers.loadFixture(deployUnderAttack);
      await noReturnToken.mint(payer.address, 4_000_000n);
      await noReturnToken.connect(payer).approve(sharesAddress, 4_000_000n);
      await expect(shares.connect(payer).distribute(noReturnAddress, 4_000_000n))
        .to.emit(shares, "ReturnsReceived")
        .withArgs(noReturnAddress, payer.address, 4_000_000n);
      const owedAlice = await shares.claimable(alice.address, noReturnAddress);
      expectWithinOneWeiBelow(owedAlice, proRata(4_000_000n, ONE_SHARE, 4n * ONE_SHARE), "alice");
      await expect(shares.connect(alice).claimReturns(noReturnAddress))
        .to.emit(shares, "ReturnsClaimed")
        .withArgs(alice.address, noReturnAddress, owedAlice);
      expect(await noReturnToken.balanceOf(alice.address)).to.equal(owedAlice);

      const owedAttacker = await shares.claimable(attackerAddress, noReturnAddress);
      await attacker.claimAll();
      expect(await noReturnToken.balanceOf(attackerAddress)).to.equal(owedAttacker);
      expect(await noReturnToken.balanceOf(sharesAddress)).to.equal(4_000_000n - owedAlice - owedAttacker);
    });

    it("surfaces the token's own error when the pull fails", async function () {
      const { shares, sharesAddress, payer, noReturnToken, noReturnAddress } =
        await networkHelpers.loadFixture(deployUnderAttack);
      await noReturnToken.mint(payer.address, 10n);
      await expect(shares.connect(payer).distribute(noReturnAddress, 10n))
        .to.be.revertedWithCustomError(noReturnToken, "NoReturnTokenMockInsufficientAllowance")
        .withArgs(payer.address, sharesAddress, 0n, 10n);
      expect((await booksOf(shares, noReturnAddress)).received).to.equal(0n);
    });
  });
});
