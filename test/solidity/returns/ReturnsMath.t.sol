// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Test names follow the runner's testFuzz_ / invariant_ convention; assertion messages are long on purpose.
// solhint-disable func-name-mixedcase, gas-small-strings

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {ReturnsMath} from "../../../contracts/libraries/math/ReturnsMath.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the Promise of Future Returns arithmetic.
contract ReturnsMathTest is TestBase {
    /// @notice due = ceil(gross × bps / 10,000) for every gross amount, including the full uint256 range.
    function testFuzz_dueIsTheCeilingOfTheExactShare(uint256 gross, uint256 bpsSeed) public pure {
        uint256 bps = bound(bpsSeed, 1, 10_000);
        uint256 due = ReturnsMath.due(gross, bps);
        uint256 floorShare = Math.mulDiv(gross, bps, 10_000);
        uint256 remainder = mulmod(gross, bps, 10_000);
        assertEq(due, remainder == 0 ? floorShare : floorShare + 1, "due is the rounded-up share");
        assertLe(due, gross, "due never exceeds the gross returns");
    }

    /// @notice The Fund never receives less than its exact share, and at most one unit more.
    function testFuzz_dueNeverBelowTheExactShareAndAtMostOneAbove(
        uint128 gross,
        uint256 bpsSeed
    ) public pure {
        uint256 bps = bound(bpsSeed, 1, 10_000);
        uint256 due = ReturnsMath.due(gross, bps);
        // gross < 2^128 and bps ≤ 10^4, so these products cannot overflow.
        uint256 exactTimesBps = uint256(gross) * bps;
        assertGe(due * 10_000, exactTimesBps, "due covers the exact share");
        if (due > 0) assertTrue((due - 1) * 10_000 < exactTimesBps, "due is at most one unit above");
        else assertEq(gross, 0, "only zero gross owes nothing");
    }

    /// @notice More returns never owe less, and 100 % owes everything.
    function testFuzz_dueIsMonotonicAndWholeAtFullShare(
        uint256 gross,
        uint256 more,
        uint256 bpsSeed
    ) public pure {
        uint256 bps = bound(bpsSeed, 1, 10_000);
        uint256 larger = more > gross ? more : gross;
        assertLe(ReturnsMath.due(gross, bps), ReturnsMath.due(larger, bps), "monotonic in gross");
        assertEq(ReturnsMath.due(gross, 10_000), gross, "10,000 bps owes the whole amount");
    }

    /// @notice The period count is the number of whole periods inside the term.
    function testFuzz_periodCountCountsWholePeriods(
        uint64 start,
        uint64 end,
        uint64 periodLength
    ) public pure {
        uint256 count = ReturnsMath.periodCount(start, end, periodLength);
        if (end <= start || periodLength == 0) {
            assertEq(count, 0, "an empty term has no periods");
            return;
        }
        assertLe(uint256(start) + count * periodLength, end, "every counted period ends within the term");
        assertTrue(uint256(start) + (count + 1) * periodLength > end, "no further whole period fits");
    }

    /// @notice Ended periods: exactly those whose end (plus the lag) is at or before the time.
    function testFuzz_periodsEndedByMatchesTheDefinition(
        uint64 time,
        uint64 lag,
        uint64 start,
        uint64 periodLength,
        uint32 count
    ) public pure {
        if (periodLength == 0) return; // commitments never have zero-length periods
        uint256 ended = ReturnsMath.periodsEndedBy(time, lag, start, periodLength, count);
        assertLe(ended, count, "capped at the period count");
        if (ended > 0) {
            // Period ended-1 has ended (with lag).
            assertLe(
                uint256(start) + ended * uint256(periodLength) + lag,
                time,
                "the last counted period ended"
            );
        }
        if (ended < count) {
            assertTrue(
                uint256(start) + (ended + 1) * uint256(periodLength) + lag > time,
                "the next period has not ended"
            );
        }
    }

    /// @notice Paused time never makes a period overdue, for every period length (the checker proves
    /// it for a fixed one: test/formal/ReturnsPeriodsHarness.sol).
    function testFuzz_pausedTimeNeverAddsOverdue(
        uint64 time,
        uint64 start,
        uint64 periodLengthSeed,
        uint32 count,
        uint32 reportedSeed,
        uint64 grace,
        uint64 extension,
        uint64 more
    ) public pure {
        Term memory term = Term(time, start, bound(periodLengthSeed, 1, type(uint64).max), count, 0, grace);
        term.reported = bound(
            reportedSeed,
            0,
            ReturnsMath.periodsEndedBy(time, 0, start, term.periodLength, count)
        );
        (uint256 elapsed, uint256 dueNow, uint256 overdue) = _standing(term, extension);
        assertEq(term.reported + dueNow + overdue, elapsed, "every ended period reported, due or overdue");
        (, , uint256 overdueLater) = _standing(term, uint256(extension) + more);
        assertLe(overdueLater, overdue, "more paused time, never more overdue periods");
    }

    struct Term {
        uint256 time;
        uint256 start;
        uint256 periodLength;
        uint256 count;
        uint256 reported;
        uint256 grace;
    }

    function _standing(Term memory term, uint256 extension) private pure returns (uint256, uint256, uint256) {
        return
            ReturnsMath.standing(
                term.time,
                term.start,
                term.periodLength,
                term.count,
                term.reported,
                term.grace,
                extension
            );
    }

    /// @notice The next unreported period is not overdue until its end plus grace plus paused time.
    function testFuzz_notOverdueWithinGrace(
        uint64 start,
        uint64 periodLengthSeed,
        uint32 count,
        uint32 reportedSeed,
        uint64 grace,
        uint64 extension,
        uint256 timeSeed
    ) public pure {
        uint256 periodLength = bound(periodLengthSeed, 1, type(uint32).max);
        uint256 reported = bound(reportedSeed, 0, count);
        uint256 deadline = ReturnsMath.periodEnd(start, reported, periodLength) + grace + extension;
        // From the end of the last reported period on (reports follow period ends).
        uint256 time = bound(timeSeed, uint256(start) + reported * periodLength, deadline);
        assertLe(
            reported,
            ReturnsMath.periodsEndedBy(time, 0, start, periodLength, count),
            "reported periods ended"
        );
        (, , uint256 overdue) = ReturnsMath.standing(
            time,
            start,
            periodLength,
            count,
            reported,
            grace,
            extension
        );
        assertEq(overdue, 0, "not overdue within its grace");
    }
}
