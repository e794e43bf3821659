// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title VestingMath: cliff-then-linear vesting
/// @notice Nothing before the cliff, then `total × elapsed / duration` (rounded down), everything
/// from the end of the duration on.
/// @dev Plain Solidity without assembly, so that solc's SMTChecker sees every step. Bounds (those of
/// the grant rounds): total < 2^128, cliff ≤ duration < 2^64, so total × elapsed < 2^192 never
/// overflows.
library VestingMath {
    /// @notice Amount of `total` vested at time `at` for a schedule starting at `start`.
    /// @param cliff seconds after `start` before anything vests (≤ duration)
    /// @param duration seconds after `start` until everything has vested (> 0)
    function vested(
        uint256 total,
        uint256 start,
        uint256 cliff,
        uint256 duration,
        uint256 at
    ) internal pure returns (uint256) {
        if (at < start) return 0;
        uint256 elapsed = at - start;
        if (elapsed < cliff) return 0;
        if (elapsed >= duration) return total;
        return (total * elapsed) / duration;
    }
}
