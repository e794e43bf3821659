// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Test names follow the runner's `invariant_` convention and assertion messages are meant to be
// read, not to save gas.
// solhint-disable func-name-mixedcase, gas-small-strings

import {CapitalPool} from "../../../contracts/capital/CapitalPool.sol";
import {FundShares} from "../../../contracts/shares/FundShares.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {InvariantTest} from "../utils/InvariantTest.sol";
import {FundSharesHandler} from "./FundSharesHandler.sol";

/// @notice Invariants of the share ledger (DESIGN §3: 1, 2, 3 and 5) under random sequences of
/// mints, transfers, burns, ETH and token distributions, direct sends with syncs, releases and
/// claims by five actors (config: 256 runs × depth 100).
contract FundSharesInvariantsTest is InvariantTest {
    FundShares private shares;
    TestToken private token;
    FundSharesHandler private handler;

    function setUp() public {
        CapitalPool pool = new CapitalPool(address(this));
        shares = new FundShares("Fund", "FEF", address(this), pool, 30 days);
        pool.grantRole(pool.DEPOSITOR_ROLE(), address(shares));
        token = new TestToken("Test Dollar", "TUSD", 18);
        shares.addReturnsAsset(address(token));
        shares.setTransfersEnabled(true);
        handler = new FundSharesHandler(shares, token);
        _targetHandler(address(handler));
        shares.grantRole(shares.MINTER_ROLE(), address(handler));
    }

    /// Invariant 1, per asset: paid in = claimed + Σ claimable + undistributed + moved to capital + dust.
    /// Dust bound: each holder's sub-wei remainder is below 1 wei (ACTORS holders at most) and each
    /// distribution drops below supply / 10^33 wei, which over ≤ 100 distributions per run (the
    /// depth) of a supply ≤ 1e26 (100 mints of ≤ 1e24) stays below 1e-5 wei; so
    /// 0 ≤ dust < ACTORS + 1, i.e. dust ≤ ACTORS + 1 (wei).
    /// The books match the ghost totals exactly.
    function invariant_conservationPerAsset() public view {
        for (uint256 i; i < handler.ASSETS(); ++i) {
            address asset = handler.assetAt(i);
            (uint256 paidIn, uint256 claimed, uint256 held, uint256 moved) = handler.ghostBooks(i);
            (uint256 received, uint256 distributed, uint256 booksClaimed, uint256 undistributed) = shares
                .assetTotals(asset);
            assertEq(received, paidIn, "books: received = everything paid in");
            assertEq(
                received,
                distributed + undistributed + moved,
                "books: received = distributed + undistributed + moved to capital"
            );
            assertEq(shares.movedToCapital(asset), moved, "books: moved to capital");
            assertEq(booksClaimed, claimed, "books: claimed = everything paid out");
            assertEq(undistributed, held, "books: undistributed = held while supply < 1 share");
            uint256 accounted = claimed + _sumClaimable(asset) + undistributed + moved;
            assertLe(accounted, paidIn, "dust >= 0: nothing owed beyond what was paid in");
            assertLe(paidIn - accounted, handler.ACTORS() + 1, "dust <= actors + 1 wei");
        }
    }

    /// Invariant 2, per asset: the ledger holds at least everything it owes.
    function invariant_balanceCoversClaimableAndHeld() public view {
        for (uint256 i; i < handler.ASSETS(); ++i) {
            address asset = handler.assetAt(i);
            (, , , uint256 undistributed) = shares.assetTotals(asset);
            uint256 balance =
                asset == address(0) ? address(shares).balance : token.balanceOf(address(shares));
            assertGe(balance, _sumClaimable(asset) + undistributed, "balance >= claimable + undistributed");
        }
    }

    /// Invariant 3: Σ balances = totalSupply = minted − burned (supply grows only by the handler's
    /// mints), and the holder list is exactly the actors with a balance.
    function invariant_supplyMatchesBalances() public view {
        address[5] memory actors = handler.actors();
        uint256 sum;
        uint256 holding;
        for (uint256 i; i < actors.length; ++i) {
            uint256 balance = shares.balanceOf(actors[i]);
            sum += balance;
            if (balance != 0) ++holding;
        }
        (uint256 minted, uint256 burned) = handler.ghostShares();
        assertEq(sum, shares.totalSupply(), "sum of balances = totalSupply");
        assertEq(shares.totalSupply(), minted - burned, "supply = minted - burned");
        assertEq(shares.holderCount(), holding, "holderCount = actors holding shares");
        address[] memory listed = shares.holders(0, 10);
        assertEq(listed.length, holding, "holders() lists every holder once");
        for (uint256 i; i < listed.length; ++i) {
            assertTrue(shares.balanceOf(listed[i]) != 0, "every listed holder holds shares");
        }
    }

    /// Invariant 5: no claim ever paid more than the holder's exact entitlement or reverted while
    /// something was claimable (checked in the handler as it happened); at any time claimed +
    /// claimable is at most the exact entitlement and at most a wei (plus the dropped sub-wei
    /// remainders) below it.
    function invariant_claimsNeverExceedEntitlement() public view {
        (uint256 overpaid, uint256 failed, uint256 miscredited) = handler.violations();
        assertEq(overpaid, 0, "no claim paid more than owed");
        assertEq(failed, 0, "no claim reverted while something was claimable");
        assertEq(miscredited, 0, "every inflow credited exactly what arrived");
        address[5] memory actors = handler.actors();
        uint256 scale = handler.SCALE();
        for (uint256 a; a < actors.length; ++a) {
            for (uint256 i; i < handler.ASSETS(); ++i) {
                (uint256 exactCeil, uint256 exactFloor, uint256 dropAllowance, uint256 claimed) = handler
                    .ghostEntitlement(actors[a], i);
                uint256 earned = claimed + shares.claimable(actors[a], handler.assetAt(i));
                assertLe(earned * scale, exactCeil, "claimed + claimable <= exact entitlement");
                assertGe(
                    (earned + 1) * scale + dropAllowance,
                    exactFloor,
                    "claimed + claimable >= exact - 1 wei"
                );
            }
        }
    }

    function _sumClaimable(address asset) private view returns (uint256 sum) {
        address[5] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            sum += shares.claimable(actors[i], asset);
        }
    }
}
