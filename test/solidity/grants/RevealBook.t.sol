// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RevealBook} from "../../../contracts/libraries/RevealBook.sol";
import {TestBase} from "../utils/Vm.sol";

// Test names follow the runner's conventions (testFuzz_*).
// solhint-disable func-name-mixedcase

/// @notice The packed reveal book: it returns exactly what was recorded, in order, while the council's
/// removal count is unchanged since the first reveal, and is never trusted otherwise or once full.
contract RevealBookTest is TestBase {
    function testFuzz_returnsEveryRecordedEstimateInOrder(
        uint16[13] memory values,
        uint256 countSeed,
        uint32 removals
    ) public pure {
        uint256 count = bound(countSeed, 0, RevealBook.CAPACITY);
        uint256 book = RevealBook.EMPTY;
        for (uint256 i; i < count; ++i) {
            book = RevealBook.record(book, bound(values[i], 0, 10_000), removals);
        }
        (bool trusted, uint256[] memory estimates) = RevealBook.estimates(book, removals);
        assertTrue(trusted, "trusted, same removals");
        assertEq(estimates.length, count, "one estimate per reveal");
        for (uint256 i; i < count; ++i) {
            assertEq(estimates[i], bound(values[i], 0, 10_000), "kept in reveal order");
        }
    }

    function testFuzz_isNotTrustedAfterARemovalSinceTheFirstReveal(
        uint16 first,
        uint16 second,
        uint32 removalsAtFirst,
        uint32 removalsLater
    ) public pure {
        unchecked {
            if (removalsLater == removalsAtFirst) removalsLater = removalsAtFirst + 1; // wraps at 2^32
        }
        uint256 book = RevealBook.record(RevealBook.EMPTY, bound(first, 0, 10_000), removalsAtFirst);
        // Later reveals do not move the recorded count: only the first reveal's count matters.
        book = RevealBook.record(book, bound(second, 0, 10_000), removalsLater);
        (bool trusted, uint256[] memory estimates) = RevealBook.estimates(book, removalsLater);
        assertTrue(!trusted, "a removal voids the book");
        assertEq(estimates.length, 0, "nothing when untrusted");
        (trusted, estimates) = RevealBook.estimates(book, removalsAtFirst);
        assertTrue(trusted, "trusted at first count");
        assertEq(estimates.length, 2, "both reveals held");
    }

    function testFuzz_anEmptyBookIsTrustedWhateverTheRemovals(uint32 removals) public pure {
        (bool trusted, uint256[] memory estimates) = RevealBook.estimates(RevealBook.EMPTY, removals);
        assertTrue(trusted, "no reveal, nothing to distrust");
        assertEq(estimates.length, 0, "no estimates");
    }

    function testFuzz_isNeverTrustedOnceARevealFoundItFull(
        uint16 value,
        uint32 removals,
        uint8 extra
    ) public pure {
        uint256 book = RevealBook.EMPTY;
        for (uint256 i; i < RevealBook.CAPACITY; ++i) book = RevealBook.record(book, 10_000, removals);
        (bool trusted, uint256[] memory estimates) = RevealBook.estimates(book, removals);
        assertTrue(trusted, "a full book is still trusted");
        assertEq(estimates.length, RevealBook.CAPACITY, "holds CAPACITY estimates");
        for (uint256 i; i <= bound(extra, 0, 20); ++i) {
            book = RevealBook.record(book, bound(value, 0, 10_000), removals);
        }
        (trusted, estimates) = RevealBook.estimates(book, removals);
        assertTrue(!trusted, "overflowed: not trusted");
        assertEq(estimates.length, 0, "nothing when overflowed");
    }
}
