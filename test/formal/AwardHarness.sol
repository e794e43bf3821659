// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {AwardMath} from "../../contracts/libraries/math/AwardMath.sol";

/// @title Checker harness: weights, share awards and stipend awards
/// @notice Not deployed; see ReturnsDueHarness. Inputs are free within the grant rounds' bounds
/// (median ≤ 10,000 bps, effort ≤ 1,200 months, pool and stipends < 2^128, Σ weights < 2^64);
/// two applications stand for a round (rounds of up to 12 are fuzzed).
contract AwardHarness {
    /// @notice A round that funded nothing (Σ weights = 0) awards no shares.
    function nothingFundedAwardsNothing(uint128 pool, uint64 applicationWeight) external pure {
        assert(AwardMath.shareAward(pool, applicationWeight, 0) == 0);
    }

    /// @notice A fully covered stipend award is the assessed stipend itself.
    function fullyCoveredStipendIsAssessed(uint128 assessed, uint128 before, uint128 reserved) external pure {
        uint256 total = uint256(before) + assessed;
        require(reserved >= total);
        assert(AwardMath.stipendAward(assessed, before, reserved, total) == assessed);
    }
}
