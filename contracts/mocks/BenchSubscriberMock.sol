// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IOfferings} from "../interfaces/IOfferings.sol";
import {TestToken} from "./TestToken.sol";

/// @title BenchSubscriberMock
/// @notice Gas-benchmark double: one investor of a synthetic population. It subscribes (paying ETH it
/// is sent, or TestToken it mints for itself) and claims, so that thousands of distinct investors can
/// be created in a few transactions. Benchmarks and tests only.
contract BenchSubscriberMock {
    /// @notice Subscribes `shareAmount` to `offeringId`, paying in ETH (`token == 0`, cost sent as
    /// value) or in the TestToken `token`.
    function subscribe(
        IOfferings offerings,
        uint256 offeringId,
        uint256 shareAmount,
        address token
    ) external payable {
        if (token == address(0)) {
            offerings.subscribe{value: msg.value}(offeringId, shareAmount, new bytes32[](0));
        } else {
            uint256 cost = offerings.quote(offeringId, shareAmount);
            TestToken(token).mint(address(this), cost);
            TestToken(token).approve(address(offerings), cost);
            offerings.subscribe(offeringId, shareAmount, new bytes32[](0));
        }
    }

    /// @notice Claims this investor's shares of `offeringId`.
    function claim(IOfferings offerings, uint256 offeringId) external {
        offerings.claimShares(offeringId);
    }
}
