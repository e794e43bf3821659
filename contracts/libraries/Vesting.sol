// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {VestingMath} from "./math/VestingMath.sol";

/// @title Cliff-and-linear vesting
/// @notice In the style of OpenZeppelin's VestingWallet with a cliff: nothing before the cliff,
/// then `total × elapsed / duration` (rounded down), everything from the end of the duration on.
/// @dev The arithmetic is VestingMath's (contracts/libraries/math/), whose properties the formal
/// harnesses state; this entry point keeps the grant rounds' import unchanged.
library Vesting {
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
        return VestingMath.vested(total, start, cliff, duration, at);
    }
}
