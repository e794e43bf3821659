// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {AwardMath} from "../../../contracts/libraries/math/AwardMath.sol";

/// @title Checker harness, beyond reach: share and stipend pro-rating
/// @notice Not deployed. Non-linear products or sorting loops the CHC engine does not settle in
/// reasonable time; `npm run verify:formal -- --reach` runs it, and each property names the fuzz test
/// (100,000 runs in the deep profile) that defends it meanwhile.
contract AwardReach {
    /// @notice A weight is at most 10,000 × 1,200, so a round's Σ weights stays far below 2^64.
    /// @custom:fuzz testFuzz_shareAwardsNeverExceedThePool
    function weightIsBounded(uint16 medianBps, uint16 effortMonths) external pure {
        require(medianBps <= 10_000 && effortMonths <= 1_200);
        assert(AwardMath.weight(medianBps, effortMonths) <= 12_000_000);
    }

    /// @notice Σ share awards ≤ the share pool (two applications).
    /// @custom:fuzz testFuzz_shareAwardsNeverExceedThePool
    function shareAwardsWithinPool(uint128 pool, uint64 first, uint64 second) external pure {
        uint256 total = uint256(first) + second;
        require(total > 0);
        assert(AwardMath.shareAward(pool, first, total) + AwardMath.shareAward(pool, second, total) <= pool);
    }

    /// @notice A pro-rated stipend award never exceeds the assessed stipend (so never the request).
    /// @custom:fuzz testFuzz_stipendAwardsWithinAssessedAndAddUpToReserve
    function stipendAwardWithinAssessed(
        uint128 assessed,
        uint128 before,
        uint128 after_,
        uint128 reserved
    ) external pure {
        uint256 total = uint256(before) + assessed + after_;
        require(reserved < total);
        assert(AwardMath.stipendAward(assessed, before, reserved, total) <= assessed);
    }

    /// @notice The pro-rated stipend awards of a round add up to exactly the reserve (two applications), so Σ ≤ budget.
    /// @custom:fuzz testFuzz_stipendAwardsWithinAssessedAndAddUpToReserve
    function stipendAwardsAddUpToReserve(uint128 first, uint128 second, uint128 reserved) external pure {
        uint256 total = uint256(first) + second;
        require(reserved < total);
        uint256 sum =
            AwardMath.stipendAward(first, 0, reserved, total) +
                AwardMath.stipendAward(second, first, reserved, total);
        assert(sum == reserved);
    }
}
