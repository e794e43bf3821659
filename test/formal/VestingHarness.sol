// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {VestingMath} from "../../contracts/libraries/math/VestingMath.sol";

/// @title Checker harness: cliff-then-linear vesting
/// @notice Not deployed; see ReturnsDueHarness. Inputs are free within the grant rounds' bounds:
/// total < 2^128, cliff ≤ duration, 0 < duration < 2^64, times < 2^64.
contract VestingHarness {
    /// @notice Nothing vests before the start or the cliff, and everything has vested at the end of the duration.
    function nothingBeforeCliffEverythingAtEnd(
        uint128 total,
        uint64 start,
        uint64 cliff,
        uint64 duration,
        uint64 at
    ) external pure {
        require(cliff <= duration && duration > 0);
        uint256 amount = VestingMath.vested(total, start, cliff, duration, at);
        if (at < uint256(start) + cliff) assert(amount == 0);
        if (at >= uint256(start) + duration) assert(amount == total);
    }
}
