// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {ReturnsMath} from "../../contracts/libraries/math/ReturnsMath.sol";

/// @title Checker harness: periods elapsed, due and overdue, with the ledger's paused time
/// @notice Not deployed; see ReturnsDueHarness. Times, grace, extension, count and reports are free
/// within the registry's bounds (64-bit times, 32-bit counts); the period length is fixed at 30 days
/// (with a free length the divisions are non-linear: fuzzed instead).
contract ReturnsPeriodsHarness {
    uint256 private constant PERIOD = 30 days;

    /// @notice Every ended period is reported, due or overdue, exactly once, and no more periods end than the term holds.
    function standingAddsUp(
        uint64 time,
        uint64 start,
        uint32 count,
        uint32 reported,
        uint64 grace,
        uint64 extension
    ) external pure {
        require(reported <= ReturnsMath.periodsEndedBy(time, 0, start, PERIOD, count));
        (uint256 elapsed, uint256 dueNow, uint256 overdue) = ReturnsMath.standing(
            time,
            start,
            PERIOD,
            count,
            reported,
            grace,
            extension
        );
        assert(elapsed <= count);
        assert(reported + dueNow + overdue == elapsed);
    }

    /// @notice Paused time never makes a period overdue: more extension, never more overdue periods.
    /// @custom:fuzz testFuzz_pausedTimeNeverAddsOverdue
    function pausedTimeNeverAddsOverdue(
        uint64 time,
        uint64 start,
        uint32 count,
        uint32 reported,
        uint64 grace,
        uint64 extension,
        uint64 more
    ) external pure {
        require(reported <= ReturnsMath.periodsEndedBy(time, 0, start, PERIOD, count));
        (, , uint256 overdueBefore) = ReturnsMath.standing(
            time,
            start,
            PERIOD,
            count,
            reported,
            grace,
            extension
        );
        (, , uint256 overdueAfter) = ReturnsMath.standing(
            time,
            start,
            PERIOD,
            count,
            reported,
            grace,
            uint256(extension) + more
        );
        assert(overdueAfter <= overdueBefore);
    }

    /// @notice The next unreported period is not overdue until its end plus grace plus paused time has passed.
    /// @custom:fuzz testFuzz_notOverdueWithinGrace
    function notOverdueWithinGrace(
        uint64 time,
        uint64 start,
        uint32 count,
        uint32 reported,
        uint64 grace,
        uint64 extension
    ) external pure {
        require(reported <= ReturnsMath.periodsEndedBy(time, 0, start, PERIOD, count));
        require(time <= ReturnsMath.periodEnd(start, reported, PERIOD) + grace + extension);
        (, , uint256 overdue) = ReturnsMath.standing(time, start, PERIOD, count, reported, grace, extension);
        assert(overdue == 0);
    }

    /// @notice Periods ended by a time are capped at the count and never decrease as time passes.
    function periodsEndedGrowWithTime(
        uint64 time,
        uint64 later,
        uint64 start,
        uint32 count,
        uint64 lag
    ) external pure {
        require(time <= later);
        uint256 before = ReturnsMath.periodsEndedBy(time, lag, start, PERIOD, count);
        uint256 after_ = ReturnsMath.periodsEndedBy(later, lag, start, PERIOD, count);
        assert(before <= after_);
        assert(after_ <= count);
    }

    /// @notice The grace extension is the paused time since the mark, never negative on the ledger's monotone clock.
    function graceExtensionIsPausedTimeSinceMark(uint256 pausedAtMark, uint256 pausedLater) external pure {
        require(pausedAtMark <= pausedLater);
        assert(ReturnsMath.graceExtension(pausedLater, pausedAtMark) == pausedLater - pausedAtMark);
    }
}
