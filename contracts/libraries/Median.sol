// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title Median of a short list of values
/// @notice Rule: for an odd count the middle value; for an even count the mean of the two middle
/// values rounded down; 0 for an empty list.
/// @dev Insertion sort, meant for the ≤ 20 trustee estimates of one application.
library Median {
    /// @notice The median of the first `count` entries of `values`, which are sorted in place.
    /// @dev `count` must not exceed `values.length` (an out-of-range index panics).
    function ofFirst(uint256[] memory values, uint256 count) internal pure returns (uint256) {
        if (count == 0) return 0;
        sortFirst(values, count);
        uint256 middle = count / 2;
        if (count % 2 == 1) return values[middle];
        // Math.average is the mean rounded down, without overflow.
        return Math.average(values[middle - 1], values[middle]);
    }

    /// @notice Sorts the first `count` entries of `values` in ascending order, in place.
    function sortFirst(uint256[] memory values, uint256 count) internal pure {
        for (uint256 i = 1; i < count; ++i) {
            uint256 value = values[i];
            uint256 j = i;
            while (j != 0 && values[j - 1] > value) {
                values[j] = values[j - 1];
                --j;
            }
            values[j] = value;
        }
    }
}
