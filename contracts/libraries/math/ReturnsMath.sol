// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ReturnsMath
/// @notice The arithmetic of a Promise of Future Returns: what a period owes, how many periods a term
/// holds, and how many of them are due or overdue, the ledger's paused time included.
/// @dev Plain Solidity without assembly, so that solc's SMTChecker sees every step (the harnesses in
/// test/formal/ state its properties; `npm run verify:formal` checks them).
library ReturnsMath {
    /// @notice Basis points in a whole (100 %).
    uint256 internal constant BPS = 10_000;

    /// @notice The Fund's share of `grossReturns`: ceil(grossReturns × bps / 10,000), for bps ≤ 10,000.
    /// @dev Rounds up, so the Fund never receives less than its exact share and at most 1 unit more.
    /// With grossReturns = q·10,000 + r, the share is q·bps + ceil(r·bps / 10,000): exact for every
    /// `grossReturns` with no 512-bit product, and never above `grossReturns` (the registry refuses
    /// bps > 10,000).
    function due(uint256 grossReturns, uint256 bps) internal pure returns (uint256) {
        return (grossReturns / BPS) * bps + ((grossReturns % BPS) * bps + (BPS - 1)) / BPS;
    }

    /// @notice Whole periods of `periodLength` seconds between `start` and `end` (a trailing part is dropped).
    function periodCount(uint64 start, uint64 end, uint64 periodLength) internal pure returns (uint256) {
        if (end <= start || periodLength == 0) return 0;
        return (end - start) / periodLength;
    }

    /// @notice The end of period `period` (from 0): start + (period + 1) × periodLength.
    function periodEnd(uint256 start, uint256 period, uint256 periodLength) internal pure returns (uint256) {
        return start + (period + 1) * periodLength;
    }

    /// @notice Periods of a term whose end lies at or before `time` plus `lag` seconds ago, capped at `count`.
    /// @dev Period k ends at start + (k+1)·periodLength; with `lag` = 0 these are the ended periods, with
    /// `lag` = grace + 1 those whose grace has fully passed. `periodLength` > 0.
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

    /// @notice Where a commitment stands at `time`: periods ended, due (ended, unreported, within
    /// grace) and overdue (unreported past their grace).
    /// @dev Period k is due from its end until its end + `grace` + `extension` (inclusive), overdue
    /// strictly after. `extension` is the ledger's paused time since the commitment's mark: every
    /// paused second extends the grace of the periods still unreported. Requires `reported` ≤ the
    /// periods ended (reports follow period ends) and `periodLength` > 0.
    /// @return elapsed periods ended by `time` (≤ count)
    /// @return dueNow ended, unreported periods still within their grace
    /// @return overdue unreported periods past their grace; elapsed = reported + dueNow + overdue
    function standing(
        uint256 time,
        uint256 start,
        uint256 periodLength,
        uint256 count,
        uint256 reported,
        uint256 grace,
        uint256 extension
    ) internal pure returns (uint256 elapsed, uint256 dueNow, uint256 overdue) {
        elapsed = periodsEndedBy(time, 0, start, periodLength, count);
        uint256 pastGrace = periodsEndedBy(time, grace + extension + 1, start, periodLength, count);
        overdue = pastGrace > reported ? pastGrace - reported : 0;
        dueNow = elapsed - reported - overdue;
    }

    /// @notice Grace extension: the ledger's paused seconds now less those at the commitment's mark.
    /// @dev The ledger's paused-time clock never runs backwards, so `pausedNow` ≥ `pausedAtMark`.
    function graceExtension(uint256 pausedNow, uint256 pausedAtMark) internal pure returns (uint256) {
        return pausedNow - pausedAtMark;
    }
}
