// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AwardMath} from "../../../contracts/libraries/math/AwardMath.sol";
import {TestBase} from "../utils/Vm.sol";

// Test names follow the runner's testFuzz_ convention.
// solhint-disable func-name-mixedcase, gas-small-strings

/// @notice Award properties out of the checker's reach (non-linear products), fuzzed instead over
/// rounds of up to 12 applications (100,000 runs in the deep profile): see test/formal/AwardHarness.sol.
contract AwardMathTest is TestBase {
    uint256 private constant MAX_APPLICATIONS = 12;

    function testFuzz_shareAwardsNeverExceedThePool(
        uint128 pool,
        uint16[12] memory medians,
        uint16[12] memory efforts,
        uint256 countSeed
    ) public pure {
        uint256 count = bound(countSeed, 1, MAX_APPLICATIONS);
        uint256[] memory weights = new uint256[](count);
        uint256 totalWeight;
        for (uint256 i; i < count; ++i) {
            weights[i] = AwardMath.weight(bound(medians[i], 1, 10_000), bound(efforts[i], 1, 1_200));
            assertLe(weights[i], 12_000_000, "a weight is at most 10,000 x 1,200");
            totalWeight += weights[i];
        }
        uint256 sum;
        for (uint256 i; i < count; ++i) {
            uint256 award = AwardMath.shareAward(pool, weights[i], totalWeight);
            // award = ⌊pool × w / W⌋: award × W ≤ pool × w < (award + 1) × W.
            assertLe(award * totalWeight, uint256(pool) * weights[i], "never above the exact share");
            assertTrue(uint256(pool) * weights[i] < (award + 1) * totalWeight, "less than one unit below it");
            sum += award;
        }
        assertLe(sum, pool, "awards within the pool");
        assertTrue(pool - sum < count, "less than one unit of dust per application");
    }

    function testFuzz_nothingFundedAwardsNothing(uint128 pool, uint256 weight) public pure {
        assertEq(AwardMath.shareAward(pool, weight, 0), 0, "no award without weight");
    }

    function testFuzz_stipendAwardsWithinAssessedAndAddUpToReserve(
        uint96[12] memory requests,
        uint96[12] memory assessedSeeds,
        uint256 countSeed,
        uint256 reservedSeed
    ) public pure {
        uint256 count = bound(countSeed, 1, MAX_APPLICATIONS);
        uint256[] memory assessed = new uint256[](count);
        uint256 total;
        for (uint256 i; i < count; ++i) {
            // The assessed stipend (a median of values capped at the request) ≤ the request.
            assessed[i] = bound(assessedSeeds[i], 0, requests[i]);
            total += assessed[i];
        }
        uint256 reserved = bound(reservedSeed, 0, total);
        uint256 before;
        uint256 sum;
        for (uint256 i; i < count; ++i) {
            uint256 award = AwardMath.stipendAward(assessed[i], before, reserved, total);
            assertLe(award, assessed[i], "award within the assessed stipend");
            assertLe(award, requests[i], "award within the request");
            if (reserved == total) {
                assertEq(award, assessed[i], "the assessed stipend itself when fully covered");
            } else {
                uint256 floor = (assessed[i] * reserved) / total;
                assertGe(award, floor, "at least the rounded-down pro-rata award");
                assertLe(award, floor + 1, "at most one unit above it");
            }
            before += assessed[i];
            sum += award;
        }
        assertEq(sum, reserved, "awards add up to the reserve, never above the budget");
    }
}
