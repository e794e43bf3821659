// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {MedianMath} from "../../../contracts/libraries/math/MedianMath.sol";

/// @title Checker harness, beyond reach: the median after sorting
/// @notice Not deployed. Non-linear products or sorting loops the CHC engine does not settle in
/// reasonable time; `npm run verify:formal -- --reach` runs it, and each property names the fuzz test
/// (100,000 runs in the deep profile) that defends it meanwhile.
contract MedianReach {
    /// @notice Sorting then taking the median of any three values gives a value between their minimum and maximum.
    /// @custom:fuzz testFuzz_medianLiesBetweenMinAndMax
    function medianOfThreeUnsortedLiesBetween(uint256 a, uint256 b, uint256 c) external pure {
        uint256[] memory values = new uint256[](3);
        values[0] = a;
        values[1] = b;
        values[2] = c;
        uint256 median = MedianMath.ofFirst(values, 3);
        uint256 low = a < b ? (a < c ? a : c) : (b < c ? b : c);
        uint256 high = a > b ? (a > c ? a : c) : (b > c ? b : c);
        assert(low <= median && median <= high);
    }
}
