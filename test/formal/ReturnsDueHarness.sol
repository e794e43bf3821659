// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {ReturnsMath} from "../../contracts/libraries/math/ReturnsMath.sol";

/// @title Checker harness: the amount due of a Promise of Future Returns
/// @notice Not deployed. `npm run verify:formal` runs solc's SMTChecker (CHC) over it: each function is
/// one property, its `assert`s and every arithmetic check on the way must be proved safe. Inputs are
/// free within the `require`d bounds. With a symbolic share the products are non-linear, beyond the
/// checker; the ceiling is proved for fixed shares and fuzzed for all shares.
contract ReturnsDueHarness {
    uint256 private constant GROSS_BOUND = 2 ** 240;

    /// @notice At 25 % the amount due is the ceiling of the exact share: never below it, less than one unit above.
    function dueIsCeilingAtQuarterShare(uint256 gross) external pure {
        require(gross < GROSS_BOUND);
        uint256 owed = ReturnsMath.due(gross, 2_500);
        assert(owed * 10_000 >= gross * 2_500);
        assert(owed * 10_000 < gross * 2_500 + 10_000);
    }

    /// @notice At 0.01 % (the smallest share) the amount due is the ceiling of the exact share.
    function dueIsCeilingAtSmallestShare(uint256 gross) external pure {
        require(gross < GROSS_BOUND);
        uint256 owed = ReturnsMath.due(gross, 1);
        assert(owed * 10_000 >= gross);
        assert(owed * 10_000 < gross + 10_000);
    }

    /// @notice At 99.99 % the amount due is the ceiling of the exact share and never above the gross returns.
    function dueIsCeilingAtLargestPartialShare(uint256 gross) external pure {
        require(gross < GROSS_BOUND);
        uint256 owed = ReturnsMath.due(gross, 9_999);
        assert(owed * 10_000 >= gross * 9_999);
        assert(owed * 10_000 < gross * 9_999 + 10_000);
        assert(owed <= gross);
    }

    /// @notice At 100 % the whole gross returns are due, for every uint256 amount (no overflow).
    function dueIsWholeAtFullShare(uint256 gross) external pure {
        assert(ReturnsMath.due(gross, 10_000) == gross);
    }
}
