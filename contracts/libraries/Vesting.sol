// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title Cliff-and-linear vesting
/// @notice In the style of OpenZeppelin's VestingWallet with a cliff: nothing before the cliff,
/// then `total × elapsed / duration` (rounded down), everything from the end of the duration on.
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
        if (at < start) return 0;
        uint256 elapsed = at - start;
        if (elapsed < cliff) return 0;
        if (elapsed >= duration) return total;
        return Math.mulDiv(total, elapsed, duration);
    }
}
