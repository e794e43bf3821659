// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AwardMath} from "../../../contracts/libraries/math/AwardMath.sol";
import {VestingMath} from "../../../contracts/libraries/math/VestingMath.sol";
import {TestBase} from "../utils/Vm.sol";

// Test names follow the runner's conventions (testFuzz_*).
// solhint-disable func-name-mixedcase

/// @notice Allocation math: share awards never exceed the pool and stay proportional, stipend
/// awards add up to the reserve exactly, vesting is monotone and bounded.
contract GrantMathTest is TestBase {
    uint256 private constant MAX_APPLICATIONS = 12;

    function testFuzz_shareAwardsNeverExceedThePoolAndStayProportional(
        uint128 pool,
        uint16[12] memory medians,
        uint16[12] memory efforts,
        uint256 countSeed
    ) public pure {
        uint256 count = bound(countSeed, 1, MAX_APPLICATIONS);
        uint256[] memory weights = new uint256[](count);
        uint256 totalWeight;
        for (uint256 i; i < count; ++i) {
            weights[i] = AwardMath.weight(bound(medians[i], 1, 10_000), bound(efforts[i], 1, 1200));
            totalWeight += weights[i];
        }
        uint256 sum;
        for (uint256 i; i < count; ++i) {
            uint256 award = AwardMath.shareAward(pool, weights[i], totalWeight);
            // award = ⌊pool × w / W⌋: award × W ≤ pool × w < (award + 1) × W.
            assertLe(award * totalWeight, uint256(pool) * weights[i], "above the exact share");
            assertTrue(uint256(pool) * weights[i] < (award + 1) * totalWeight, "one unit below or more");
            sum += award;
        }
        assertLe(sum, pool, "awards within the pool");
        assertTrue(pool - sum < count, "dust per application");
    }

    function testFuzz_nothingFundedAwardsNothing(uint128 pool, uint256 weight) public pure {
        assertEq(AwardMath.shareAward(pool, weight, 0), 0, "no award without weight");
    }

    function testFuzz_stipendAwardsAddUpToTheReserve(
        uint96[12] memory requests,
        uint256 countSeed,
        uint256 reservedSeed
    ) public pure {
        uint256 count = bound(countSeed, 1, MAX_APPLICATIONS);
        uint256 total;
        for (uint256 i; i < count; ++i) {
            total += requests[i];
        }
        uint256 reserved = bound(reservedSeed, 0, total);
        uint256 before;
        uint256 sum;
        for (uint256 i; i < count; ++i) {
            uint256 request = requests[i];
            uint256 award = AwardMath.stipendAward(request, before, reserved, total);
            before += request;
            assertLe(award, request, "never above the request");
            if (reserved == total) {
                assertEq(award, request, "full request if covered");
            } else {
                uint256 floor = (request * reserved) / total;
                assertGe(award, floor, "below the floor");
                assertLe(award, floor + 1, "above floor + 1");
            }
            sum += award;
        }
        assertEq(sum, reserved, "awards = reserve");
    }

    function testFuzz_vestingIsMonotoneAndBounded(
        uint128 total,
        uint64 start,
        uint64 cliffSeed,
        uint64 durationSeed,
        uint64 t1,
        uint64 t2
    ) public pure {
        uint256 duration = bound(durationSeed, 1, 10 * 365 days);
        uint256 cliff = bound(cliffSeed, 0, duration);
        (uint256 early, uint256 late) = t1 <= t2 ? (uint256(t1), uint256(t2)) : (uint256(t2), uint256(t1));
        uint256 vestedEarly = VestingMath.vested(total, start, cliff, duration, early);
        uint256 vestedLate = VestingMath.vested(total, start, cliff, duration, late);
        assertLe(vestedEarly, vestedLate, "monotone");
        assertLe(vestedLate, total, "never above the total");
        if (late < uint256(start) + cliff) assertEq(vestedLate, 0, "nothing before the cliff");
        if (early >= uint256(start) + duration) assertEq(vestedEarly, total, "everything at the end");
        if (early >= uint256(start) + cliff && early < uint256(start) + duration) {
            assertEq(vestedEarly, (uint256(total) * (early - start)) / duration, "linear in between");
        }
    }
}
