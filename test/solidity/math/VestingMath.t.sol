// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {VestingMath} from "../../../contracts/libraries/math/VestingMath.sol";
import {TestBase} from "../utils/Vm.sol";

// Test names follow the runner's testFuzz_ convention.
// solhint-disable func-name-mixedcase, gas-small-strings

/// @notice Vesting properties out of the checker's reach (a non-linear product), fuzzed instead
/// (100,000 runs in the deep profile): see test/formal/reach/VestingReach.sol.
contract VestingMathTest is TestBase {
    function testFuzz_vestedNeverExceedsTotalAndNeverDecreases(
        uint128 total,
        uint64 start,
        uint64 cliffSeed,
        uint64 durationSeed,
        uint64 at,
        uint64 laterSeed
    ) public pure {
        uint256 duration = bound(durationSeed, 1, type(uint40).max);
        uint256 cliff = bound(cliffSeed, 0, duration);
        uint256 later = bound(laterSeed, at, type(uint64).max);
        uint256 now_ = VestingMath.vested(total, start, cliff, duration, at);
        uint256 then = VestingMath.vested(total, start, cliff, duration, later);
        assertLe(now_, total, "vested within the total");
        assertLe(now_, then, "vesting never decreases");
        if (later < uint256(start) + cliff) assertEq(then, 0, "nothing before the cliff");
        if (at >= uint256(start) + duration) assertEq(now_, total, "everything at the end");
        if (at >= uint256(start) + cliff && at < uint256(start) + duration) {
            uint256 elapsed = at - start;
            // ⌊total × elapsed / duration⌋: below the exact value by less than one unit.
            assertLe(now_ * duration, uint256(total) * elapsed, "rounded down");
            assertTrue(uint256(total) * elapsed < (now_ + 1) * duration, "by less than one unit");
        }
    }
}
