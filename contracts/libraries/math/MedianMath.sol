// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title MedianMath: median of the trustees' assessed values
/// @notice The rule of the grant rounds (contracts/grants/GrantEstimates.sol): for an odd count the
/// middle value; for an even count the mean of the two middle values rounded down; 0 for none.
/// @dev Plain Solidity without assembly, so that solc's SMTChecker sees every step. Insertion sort,
/// meant for the ≤ 20 assessed values of one application.
library MedianMath {
    /// @notice The median of the first `count` entries of `values`, which are sorted in place.
    /// @dev `count` must not exceed `values.length` (an out-of-range index panics).
    function ofFirst(uint256[] memory values, uint256 count) internal pure returns (uint256) {
        sortFirst(values, count);
        return ofSorted(values, count);
    }

    /// @notice The median of the first `count` entries of `values`, already in ascending order.
    function ofSorted(uint256[] memory values, uint256 count) internal pure returns (uint256) {
        if (count == 0) return 0;
        uint256 middle = count / 2;
        if (count % 2 == 1) return values[middle];
        return meanOfSorted(values[middle - 1], values[middle]);
    }

    /// @notice ⌊(low + high) / 2⌋ for low ≤ high, without overflow.
    function meanOfSorted(uint256 low, uint256 high) internal pure returns (uint256) {
        return low + (high - low) / 2;
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
