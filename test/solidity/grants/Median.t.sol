// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MedianMath} from "../../../contracts/libraries/math/MedianMath.sol";
import {TestBase} from "../utils/Vm.sol";

// Test names follow the runner's conventions (testFuzz_*).
// solhint-disable func-name-mixedcase

/// @notice The median of up to 20 estimates against a plain bubble sort.
contract MedianTest is TestBase {
    uint256 private constant MAX_VALUES = 20;

    function testFuzz_medianMatchesReferenceSort(uint16[20] memory raw, uint256 countSeed) public pure {
        uint256 count = bound(countSeed, 0, MAX_VALUES);
        uint256[] memory values = new uint256[](MAX_VALUES);
        uint256[] memory sorted = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            values[i] = raw[i] % 10_001;
            sorted[i] = values[i];
        }
        _bubbleSort(sorted);

        uint256 expected;
        if (count != 0) {
            expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        }
        assertEq(MedianMath.ofFirst(values, count), expected, "median");
        for (uint256 i; i < count; ++i) {
            assertEq(values[i], sorted[i], "sorted in place");
        }
    }

    function testFuzz_medianIgnoresOneOutlierAmongFive(uint16[5] memory raw, uint16 outlier) public pure {
        uint256[] memory values = new uint256[](5);
        for (uint256 i; i < 5; ++i) {
            values[i] = raw[i] % 10_001;
        }
        uint256[] memory copy = new uint256[](5);
        for (uint256 i; i < 5; ++i) {
            copy[i] = values[i];
        }
        _bubbleSort(copy);
        // Replacing any one value by an outlier keeps the median between the 2nd and 4th smallest.
        values[uint256(outlier) % 5] = outlier % 2 == 0 ? 0 : 10_000;
        uint256 median = MedianMath.ofFirst(values, 5);
        assertGe(median, copy[1], "above the second smallest");
        assertLe(median, copy[3], "below the second largest");
    }

    function testFuzz_evenCountRoundsTheMeanDown(uint256 low, uint256 high) public pure {
        low = bound(low, 0, 10_000);
        high = bound(high, low, 10_000);
        uint256[] memory values = new uint256[](2);
        values[0] = high;
        values[1] = low;
        assertEq(MedianMath.ofFirst(values, 2), (low + high) / 2, "mean rounded down");
    }

    function _bubbleSort(uint256[] memory values) private pure {
        uint256 n = values.length;
        for (uint256 i; i < n; ++i) {
            for (uint256 j; j + 1 < n - i; ++j) {
                if (values[j] > values[j + 1]) (values[j], values[j + 1]) = (values[j + 1], values[j]);
            }
        }
    }
}
