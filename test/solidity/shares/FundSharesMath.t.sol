// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Test names follow the runner's `testFuzz_` convention and assertion messages are meant to be
// read, not to save gas.
// solhint-disable func-name-mixedcase, gas-small-strings

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {PoolAndLedger} from "../utils/PoolAndLedger.sol";

/// @notice Fuzz tests of the ledger's returns arithmetic against first principles
/// (`amount × balance / supply`), in ETH and in a 6-decimal token.
contract FundSharesMathTest is PoolAndLedger {
    address private constant ETH = address(0);
    address private constant ALICE = address(uint160(0xA11CE));
    address private constant BOB = address(uint160(0xB0B));
    address private constant CAROL = address(uint160(0xCA201));
    /// @dev Fixed-point scale of the exact-value bookkeeping below (finer than the ledger's 10^33).
    uint256 private constant SCALE = 1e36;
    uint256 private constant MAX_SHARES = 1e27; // a billion whole shares
    uint256 private constant MAX_AMOUNT = 1e27; // a billion units of 18-decimal money

    TestToken private usdc;

    function setUp() public {
        _deployPoolAndLedger();
        pool.grantRole(pool.DEPOSITOR_ROLE(), address(shares));
        shares.grantRole(shares.MINTER_ROLE(), address(this));
        usdc = new TestToken("Test Coin", "TUSDC", 6);
        shares.addReturnsAsset(address(usdc));
        usdc.approve(address(shares), type(uint256).max);
        shares.setTransfersEnabled(true);
    }

    /// A single distribution credits every holder between one wei below and exactly their pro-rata
    /// share, and the holders together never more than the amount.
    function testFuzz_singleDistributionSplitsWithinOneWeiBelowExact(
        uint256 alice,
        uint256 bob,
        uint256 carol,
        uint256 amount,
        bool inToken
    ) public {
        alice = bound(alice, 1e18, MAX_SHARES); // supply ≥ one share, so the payment is distributed
        bob = bound(bob, 0, MAX_SHARES);
        carol = bound(carol, 0, MAX_SHARES);
        amount = bound(amount, 1, MAX_AMOUNT);
        _mint(ALICE, alice);
        _mint(BOB, bob);
        _mint(CAROL, carol);
        address asset = _pay(inToken, amount);

        uint256 supply = alice + bob + carol;
        uint256 total;
        total += _assertWithinOneWeiBelow(shares.claimable(ALICE, asset), amount * alice, supply);
        total += _assertWithinOneWeiBelow(shares.claimable(BOB, asset), amount * bob, supply);
        total += _assertWithinOneWeiBelow(shares.claimable(CAROL, asset), amount * carol, supply);
        assertLe(total, amount, "holders together get at most the amount");
        assertGe(total + 3, amount, "at most a wei per holder is left as dust");
    }

    /// Over distributions, transfers, burns and mints in between, a claim never pays more than the
    /// exact pro-rata entitlement accumulated so far, and the ledger owes at most a wei less.
    function testFuzz_claimNeverExceedsEntitlement(
        uint256[3] memory balances,
        uint256[3] memory amounts,
        uint256 moved,
        uint256 burned,
        uint256 minted,
        bool inToken
    ) public {
        balances[0] = bound(balances[0], 1e18, MAX_SHARES);
        balances[1] = bound(balances[1], 1e18, MAX_SHARES);
        _mint(ALICE, balances[0]);
        _mint(BOB, balances[1]);
        uint256[2] memory exact; // scaled by SCALE, rounded up: never below the true value
        uint256[2] memory claimed;
        uint256 amount;

        amount = bound(amounts[0], 1, MAX_AMOUNT);
        address asset = _pay(inToken, amount);
        _accrue(exact, amount);
        claimed[0] += _claimAndCheck(ALICE, asset, claimed[0], exact[0]);

        moved = bound(moved, 0, shares.balanceOf(ALICE));
        vm.prank(ALICE);
        shares.transfer(BOB, moved);
        amount = bound(amounts[1], 1, MAX_AMOUNT);
        _pay(inToken, amount);
        _accrue(exact, amount);
        claimed[1] += _claimAndCheck(BOB, asset, claimed[1], exact[1]);

        burned = bound(burned, 0, shares.balanceOf(BOB));
        vm.prank(BOB);
        shares.burn(burned);
        minted = bound(minted, 1e18, MAX_SHARES);
        _mint(ALICE, minted);
        amount = bound(amounts[2], 1, MAX_AMOUNT);
        _pay(inToken, amount);
        _accrue(exact, amount);
        claimed[0] += _claimAndCheck(ALICE, asset, claimed[0], exact[0]);
        claimed[1] += _claimAndCheck(BOB, asset, claimed[1], exact[1]);
    }

    /// A transfer leaves both parties' claimable returns unchanged in every asset; afterwards each
    /// earns by their new balance.
    function testFuzz_transferPreservesBothPartiesClaimable(
        uint256 alice,
        uint256 bob,
        uint256 first,
        uint256 second,
        uint256 moved
    ) public {
        alice = bound(alice, 1, MAX_SHARES);
        bob = bound(bob, 1e18, MAX_SHARES);
        _mint(ALICE, alice);
        _mint(BOB, bob);
        first = bound(first, 1, MAX_AMOUNT);
        _pay(false, first);
        _pay(true, first);
        uint256 aliceEth = shares.claimable(ALICE, ETH);
        uint256 bobEth = shares.claimable(BOB, ETH);
        uint256 aliceUsdc = shares.claimable(ALICE, address(usdc));
        uint256 bobUsdc = shares.claimable(BOB, address(usdc));

        moved = bound(moved, 0, alice);
        vm.prank(ALICE);
        shares.transfer(BOB, moved);
        assertEq(shares.claimable(ALICE, ETH), aliceEth, "sender keeps ETH earned");
        assertEq(shares.claimable(BOB, ETH), bobEth, "receiver gains no ETH from the move");
        assertEq(shares.claimable(ALICE, address(usdc)), aliceUsdc, "sender keeps tokens earned");
        assertEq(shares.claimable(BOB, address(usdc)), bobUsdc, "receiver gains no tokens from the move");

        second = bound(second, 1, MAX_AMOUNT);
        _pay(false, second);
        uint256 supply = alice + bob;
        // Each earns the second payment by the new balance: within a wei below exact, plus what they had
        // (whose own sub-wei remainder may add the one wei more that the exact sum allows).
        uint256 aliceGain = shares.claimable(ALICE, ETH) - aliceEth;
        uint256 bobGain = shares.claimable(BOB, ETH) - bobEth;
        assertLe(
            aliceGain * supply,
            second * (alice - moved) + supply,
            "sender's new earnings by new balance"
        );
        assertLe(bobGain * supply, second * (bob + moved) + supply, "receiver's new earnings by new balance");
        assertGe((aliceGain + 2) * supply, second * (alice - moved), "sender not short-changed");
        assertGe((bobGain + 2) * supply, second * (bob + moved), "receiver not short-changed");
    }

    /// Returns paid while supply is below one share are held in full, never handed to whoever holds
    /// shares next, and move whole into the capital pool; later payments go to the holders alone.
    function testFuzz_heldReturnsGoWholeToTheCapitalPool(
        uint256 early,
        uint256 held,
        uint256 alice,
        uint256 later
    ) public {
        early = bound(early, 0, 1e18 - 1);
        held = bound(held, 1, MAX_AMOUNT);
        if (early != 0) _mint(ALICE, early);
        _pay(false, held);
        (, uint256 distributed, , uint256 undistributed) = shares.assetTotals(ETH);
        assertEq(distributed, 0, "nothing distributed below one share");
        assertEq(undistributed, held, "all of it held");
        assertEq(shares.claimable(ALICE, ETH), 0, "nobody can claim held returns");

        alice = bound(alice, 1e18 - early, MAX_SHARES);
        later = bound(later, 1, MAX_AMOUNT);
        _mint(ALICE, alice);
        _pay(false, later);
        (, distributed, , undistributed) = shares.assetTotals(ETH);
        assertEq(undistributed, held, "still held once shares exist");
        assertEq(distributed, later, "only the later payment is distributed");
        _assertWithinOneWeiBelow(shares.claimable(ALICE, ETH), later * (early + alice), early + alice);

        assertEq(shares.moveHeldToCapital(ETH), held, "moves exactly what was held");
        assertEq(address(pool).balance, held, "the pool received it");
        assertEq(pool.books(ETH).capitalIn, held, "booked as capital");
        (uint256 received, , , uint256 left) = shares.assetTotals(ETH);
        assertEq(left, 0, "nothing left held");
        assertEq(received, held + later, "received counts what moved");
    }

    function _mint(address to, uint256 amount) private {
        if (amount != 0) shares.mint(to, amount);
    }

    function _pay(bool inToken, uint256 amount) private returns (address asset) {
        if (inToken) {
            usdc.mint(address(this), amount);
            shares.distribute(address(usdc), amount);
            return address(usdc);
        }
        vm.deal(address(this), amount);
        shares.distribute{value: amount}(ETH, amount);
        return ETH;
    }

    /// Adds this payment's exact pro-rata value (scaled, rounded up) to Alice's and Bob's entitlements.
    function _accrue(uint256[2] memory exact, uint256 amount) private view {
        uint256 supply = shares.totalSupply();
        exact[0] += Math.mulDiv(amount * shares.balanceOf(ALICE), SCALE, supply, Math.Rounding.Ceil);
        exact[1] += Math.mulDiv(amount * shares.balanceOf(BOB), SCALE, supply, Math.Rounding.Ceil);
    }

    /// Claims if anything is owed; checks the running total never exceeds the exact entitlement and
    /// the ledger owes at most about a wei less than it.
    function _claimAndCheck(
        address holder,
        address asset,
        uint256 claimedBefore,
        uint256 exactScaled
    ) private returns (uint256 paid) {
        uint256 owed = shares.claimable(holder, asset);
        if (owed != 0) {
            vm.prank(holder);
            paid = shares.claimReturns(asset);
            assertEq(paid, owed, "a claim pays what claimable showed");
        }
        assertLe((claimedBefore + paid) * SCALE, exactScaled, "claimed never exceeds the exact entitlement");
        // Dropped division remainders cost at most 3 × balance / 10^33 ≪ 1 wei here, so within 2 wei.
        assertGe((claimedBefore + paid + 2) * SCALE, exactScaled, "claimed is at most about a wei short");
    }

    /// Asserts exact − 1 ≤ actual ≤ exact for exact = num / den; returns `actual`.
    function _assertWithinOneWeiBelow(
        uint256 actual,
        uint256 num,
        uint256 den
    ) private pure returns (uint256) {
        assertLe(actual * den, num, "never above the exact value");
        assertGe((actual + 1) * den, num, "at most one wei below the exact value");
        return actual;
    }
}
