// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MedianMath} from "../../../contracts/libraries/math/MedianMath.sol";
import {TestBase} from "../utils/Vm.sol";

// Test names follow the runner's testFuzz_ convention.
// solhint-disable func-name-mixedcase, gas-small-strings

/// @notice The median of up to 20 assessed values (the checker proves fixed shapes of up to four):
/// see test/formal/MedianHarness.sol. 100,000 runs in the deep profile.
contract MedianMathTest is TestBase {
    function testFuzz_medianLiesBetweenMinAndMax(
        uint256[20] memory seeds,
        uint256 countSeed,
        uint256 cap
    ) public pure {
        uint256 count = bound(countSeed, 1, 20);
        uint256[] memory values = new uint256[](count);
        uint256 low = type(uint256).max;
        uint256 high;
        for (uint256 i; i < count; ++i) {
            // Assessed stipends are capped at the request: cap every value at `cap`.
            values[i] = seeds[i] > cap ? cap : seeds[i];
            if (values[i] < low) low = values[i];
            if (values[i] > high) high = values[i];
        }
        uint256 median = MedianMath.ofFirst(values, count);
        for (uint256 i = 1; i < count; ++i) assertLe(values[i - 1], values[i], "sorted ascending");
        assertLe(low, median, "median at least the minimum");
        assertLe(median, high, "median at most the maximum");
        assertLe(median, cap, "median within the request");
        uint256 middle = count / 2;
        uint256 expected =
            count % 2 == 1 ? values[middle] : values[middle - 1] + (values[middle] - values[middle - 1]) / 2;
        assertEq(median, expected, "the grant rounds' median rule");
    }
}
