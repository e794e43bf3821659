// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ReturnsMath
/// @notice The arithmetic of a Promise of Future Returns: what a period owes and how many periods a term holds.
library ReturnsMath {
    /// @notice Basis points in a whole (100 %).
    uint256 internal constant BPS = 10_000;

    /// @notice The Fund's share of `grossReturns`: ceil(grossReturns × bps / 10,000).
    /// @dev Rounds up, so the Fund never receives less than its exact share and at most 1 unit more.
    /// Full 512-bit intermediate product: exact for every `grossReturns`.
    function due(uint256 grossReturns, uint256 bps) internal pure returns (uint256) {
        return Math.mulDiv(grossReturns, bps, BPS, Math.Rounding.Ceil);
    }

    /// @notice Whole periods of `periodLength` seconds between `start` and `end` (a trailing part is dropped).
    function periodCount(uint64 start, uint64 end, uint64 periodLength) internal pure returns (uint256) {
        if (end <= start || periodLength == 0) return 0;
        return (end - start) / periodLength;
    }

    /// @notice Periods of a term whose end lies at or before `time` plus `lag` seconds ago, capped at `count`.
    /// @dev Period k ends at start + (k+1)·periodLength; with `lag` = 0 these are the ended periods, with
    /// `lag` = grace + 1 those whose grace has fully passed.
    function periodsEndedBy(
        uint256 time,
        uint256 lag,
        uint256 start,
        uint256 periodLength,
        uint256 count
    ) internal pure returns (uint256 ended) {
        if (time < start + lag) return 0;
        ended = (time - start - lag) / periodLength;
        if (ended > count) ended = count;
    }
}
