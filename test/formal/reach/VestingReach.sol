// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {VestingMath} from "../../../contracts/libraries/math/VestingMath.sol";

/// @title Checker harness, beyond reach: vesting bounds and monotony
/// @notice Not deployed. Non-linear products or sorting loops the CHC engine does not settle in
/// reasonable time; `npm run verify:formal -- --reach` runs it, and each property names the fuzz test
/// (100,000 runs in the deep profile) that defends it meanwhile.
contract VestingReach {
    /// @notice Vested amounts never exceed the total (the linear part is a non-linear product); nothing
    /// vests before the start plus the cliff, everything from the end of the duration on.
    /// @custom:fuzz testFuzz_vestedNeverExceedsTotalAndNeverDecreases
    function vestedNeverExceedsTotal(
        uint128 total,
        uint64 start,
        uint64 cliff,
        uint64 duration,
        uint64 at
    ) external pure {
        require(cliff <= duration && duration > 0);
        uint256 amount = VestingMath.vested(total, start, cliff, duration, at);
        assert(amount <= total);
        if (at < uint256(start) + cliff) assert(amount == 0);
        if (at >= uint256(start) + duration) assert(amount == total);
    }

    /// @notice Vested amounts never decrease as time passes.
    /// @custom:fuzz testFuzz_vestedNeverExceedsTotalAndNeverDecreases
    function vestedNeverDecreases(
        uint128 total,
        uint64 start,
        uint64 cliff,
        uint64 duration,
        uint64 at,
        uint64 later
    ) external pure {
        require(cliff <= duration && duration > 0 && at <= later);
        assert(
            VestingMath.vested(total, start, cliff, duration, at) <=
                VestingMath.vested(total, start, cliff, duration, later)
        );
    }
}
