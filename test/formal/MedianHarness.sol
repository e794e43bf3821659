// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {MedianMath} from "../../contracts/libraries/math/MedianMath.sol";

/// @title Checker harness: the median of assessed values
/// @notice Not deployed; see ReturnsDueHarness. Values are free; lists of two to four values stand
/// for the general case (the checker needs a fixed shape; lists up to 20 are fuzzed).
contract MedianHarness {
    /// @notice The mean of two sorted values rounded down lies between them (no overflow for any uint256).
    function meanLiesBetween(uint256 low, uint256 high) external pure {
        require(low <= high);
        uint256 mean = MedianMath.meanOfSorted(low, high);
        assert(low <= mean && mean <= high);
        assert(mean == low + (high - low) / 2);
    }

    /// @notice The median of three sorted values is the middle one, between the minimum and the maximum.
    function medianOfThreeSortedIsMiddle(uint256 a, uint256 b, uint256 c) external pure {
        require(a <= b && b <= c);
        uint256[] memory values = new uint256[](3);
        values[0] = a;
        values[1] = b;
        values[2] = c;
        uint256 median = MedianMath.ofSorted(values, 3);
        assert(median == b);
        assert(a <= median && median <= c);
    }

    /// @notice The median of four sorted values lies between the minimum and the maximum.
    function medianOfFourSortedLiesBetween(uint256 a, uint256 b, uint256 c, uint256 d) external pure {
        require(a <= b && b <= c && c <= d);
        uint256[] memory values = new uint256[](4);
        values[0] = a;
        values[1] = b;
        values[2] = c;
        values[3] = d;
        uint256 median = MedianMath.ofSorted(values, 4);
        assert(b <= median && median <= c);
        assert(a <= median && median <= d);
    }

    /// @notice A median of assessed stipends, each capped at the request, never exceeds the request.
    function assessedMedianWithinRequest(
        uint256 a,
        uint256 b,
        uint256 c,
        uint256 d,
        uint256 request
    ) external pure {
        require(a <= b && b <= c && c <= d && d <= request);
        uint256[] memory values = new uint256[](4);
        values[0] = a;
        values[1] = b;
        values[2] = c;
        values[3] = d;
        assert(MedianMath.ofSorted(values, 4) <= request);
        assert(MedianMath.ofSorted(values, 3) <= request);
    }
}
