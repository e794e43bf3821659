// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {ReturnsMath} from "../../../contracts/libraries/math/ReturnsMath.sol";

/// @title Checker harness, beyond reach: the amount due for every share
/// @notice Not deployed. Non-linear products or sorting loops the CHC engine does not settle in
/// reasonable time; `npm run verify:formal -- --reach` runs it, and each property names the fuzz test
/// (100,000 runs in the deep profile) that defends it meanwhile.
contract ReturnsDueReach {
    /// @notice For every share ≤ 100 % the amount due never exceeds the gross returns (no overflow).
    /// @custom:fuzz testFuzz_dueIsTheCeilingOfTheExactShare
    function dueWithinGrossForEveryShare(uint256 gross, uint256 bps) external pure {
        require(bps <= ReturnsMath.BPS);
        assert(ReturnsMath.due(gross, bps) <= gross);
    }
}
