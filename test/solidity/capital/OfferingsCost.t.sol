// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// The runner requires the `testFuzz_` prefix.
// solhint-disable func-name-mixedcase

import {Offerings} from "../../../contracts/capital/Offerings.sol";
import {IOfferings} from "../../../contracts/interfaces/IOfferings.sol";
import {ITrusteeCouncil} from "../../../contracts/interfaces/ITrusteeCouncil.sol";
import {PoolAndLedger} from "../utils/PoolAndLedger.sol";

/// @notice Fuzz tests of the subscription cost: ceil(shares × price / 1e18), never less than the
/// exact price and never a wei more than needed. This contract is the council.
contract OfferingsCostTest is PoolAndLedger {
    uint256 private constant SHARE = 1e18;
    address private constant INVESTOR = address(0xA11CE);

    Offerings private offerings;

    function setUp() public {
        _deployPoolAndLedger();
        offerings = new Offerings(ITrusteeCouncil(address(this)), shares, pool);
        shares.grantRole(shares.MINTER_ROLE(), address(offerings));
        pool.grantRole(pool.DEPOSITOR_ROLE(), address(offerings));
    }

    function testFuzz_quoteIsTheSmallestCostCoveringThePrice(uint256 price, uint256 shareAmount) public {
        price = bound(price, 1, type(uint128).max);
        shareAmount = bound(shareAmount, 0, type(uint128).max);
        uint256 id = _open(price, 1); // the quote does not depend on the cap
        uint256 cost = offerings.quote(id, shareAmount);
        // shareAmount × price ≤ (2^128 − 1)^2 and cost × 1e18 < shareAmount × price + 1e18: both fit.
        uint256 exact = shareAmount * price;
        assertGe(cost * SHARE, exact, "cost covers shares x price");
        if (cost != 0) assertTrue((cost - 1) * SHARE < exact, "one wei less would not pay");
        else assertEq(exact, 0, "only nothing is free");
    }

    function testFuzz_subscriptionChargesExactlyTheQuote(uint256 price, uint256 shareAmount) public {
        price = bound(price, 1, 1e24);
        shareAmount = bound(shareAmount, 1, 1e24);
        uint256 id = _open(price, 1e24); // the cap's cost, ≤ 1e30, fits 128 bits
        uint256 cost = offerings.quote(id, shareAmount);
        vm.deal(INVESTOR, cost + 1);

        vm.prank(INVESTOR);
        vm.expectRevert(abi.encodeWithSelector(IOfferings.OfferingsWrongPayment.selector, cost, cost - 1));
        offerings.subscribe{value: cost - 1}(id, shareAmount, new bytes32[](0));
        vm.prank(INVESTOR);
        vm.expectRevert(abi.encodeWithSelector(IOfferings.OfferingsWrongPayment.selector, cost, cost + 1));
        offerings.subscribe{value: cost + 1}(id, shareAmount, new bytes32[](0));

        vm.prank(INVESTOR);
        uint256 charged = offerings.subscribe{value: cost}(id, shareAmount, new bytes32[](0));
        assertEq(charged, cost, "charged the quote");
        assertEq(address(offerings).balance, cost, "escrow received the cost");
        assertEq(offerings.offering(id).capitalRaised, cost, "raise counts the cost");
        assertEq(INVESTOR.balance, 1, "investor kept the rest");
        assertEq(offerings.pendingShares(id, INVESTOR), shareAmount, "pending shares recorded");
        assertGe(charged * SHARE, shareAmount * price, "paid at least the price");
    }

    function _open(uint256 price, uint256 cap) private returns (uint256) {
        return
            offerings.openOffering(
                IOfferings.OfferingParams({
                    asset: address(0),
                    pricePerShare: uint128(price),
                    shareCap: uint128(cap),
                    minShares: 0,
                    start: uint64(block.timestamp),
                    end: uint64(block.timestamp + 1 days),
                    allowlistRoot: bytes32(0)
                })
            );
    }
}
