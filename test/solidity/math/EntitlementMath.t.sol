// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {EntitlementMath} from "../../../contracts/libraries/math/EntitlementMath.sol";
import {TestBase} from "../utils/Vm.sol";

// Test names follow the runner's testFuzz_ convention.
// solhint-disable func-name-mixedcase, gas-small-strings

/// @notice Ledger entitlement properties out of the checker's reach (non-linear products), fuzzed
/// instead (100,000 runs in the deep profile): see test/formal/EntitlementHarness.sol.
contract EntitlementMathTest is TestBase {
    uint256 private constant M = EntitlementMath.MAGNITUDE;
    uint256 private constant MIN_SUPPLY = 1e18;
    uint256 private constant STEPS = 8;

    function testFuzz_creditNeverAboveExactProRata(
        uint152 rps,
        uint96 amount,
        uint96 supplySeed,
        uint96 balanceSeed
    ) public pure {
        uint256 supply = bound(supplySeed, MIN_SUPPLY, type(uint96).max);
        uint256 balance = bound(balanceSeed, 0, supply);
        uint256 raised = EntitlementMath.raise(rps, amount, supply);
        // The exact share amount × 10^33 × balance / supply needs 512 bits: mulDiv rounds it down.
        assertLe(
            (raised - rps) * balance,
            Math.mulDiv(uint256(amount) * M, balance, supply),
            "within the exact share"
        );
        assertLe((raised - rps) * supply, uint256(amount) * M, "sum of credits within the amount");
    }

    function testFuzz_movesKeepEntitlements(
        uint152 rps,
        uint96 fromBalance,
        uint96 toBalance,
        uint96 valueSeed,
        int200 fromCorrection,
        int200 toCorrection
    ) public pure {
        uint256 value = bound(valueSeed, 0, fromBalance);
        int256 moved = EntitlementMath.shift(rps, value);
        assertEq(
            EntitlementMath.magnified(rps, uint256(fromBalance) - value, fromCorrection + moved),
            EntitlementMath.magnified(rps, fromBalance, fromCorrection),
            "the sender keeps what it earned"
        );
        assertEq(
            EntitlementMath.magnified(rps, uint256(toBalance) + value, toCorrection - moved),
            EntitlementMath.magnified(rps, toBalance, toCorrection),
            "the receiver gains nothing earned before"
        );
    }

    /// @notice Over any sequence of distributions, transfers, mints, burns and claims between two
    /// holders, each holder's claimed + claimable never exceeds the exact pro-rata value of what was
    /// distributed while it held shares (tracked exactly, rounded down per distribution).
    function testFuzz_holderNeverCreditedAboveExactProRata(
        uint8[8] memory kinds,
        uint96[8] memory amounts,
        uint96 firstBalance,
        uint96 secondBalance
    ) public pure {
        uint256[2] memory balances = [bound(firstBalance, MIN_SUPPLY, 1e30), bound(secondBalance, 0, 1e30)];
        int256[2] memory corrections;
        uint256[2] memory claimed;
        uint256[2] memory exactMagnified;
        uint256 rps;
        for (uint256 step; step < STEPS; ++step) {
            uint256 kind = kinds[step] % 5;
            uint256 holder = (kinds[step] / 5) % 2;
            if (kind == 0 || kind == 1) {
                uint256 supply = balances[0] + balances[1];
                if (supply < MIN_SUPPLY) continue;
                uint256 amount = bound(amounts[step], 0, 1e27);
                rps = EntitlementMath.raise(rps, amount, supply);
                for (uint256 i; i < 2; ++i) exactMagnified[i] += Math.mulDiv(amount * M, balances[i], supply);
            } else if (kind == 2) {
                uint256 value = bound(amounts[step], 0, balances[holder]);
                int256 moved = EntitlementMath.shift(rps, value);
                balances[holder] -= value;
                corrections[holder] += moved;
                balances[1 - holder] += value;
                corrections[1 - holder] -= moved;
            } else if (kind == 3) {
                uint256 value = bound(amounts[step], 0, 1e27);
                balances[holder] += value;
                corrections[holder] -= EntitlementMath.shift(rps, value);
            } else {
                uint256 amount = EntitlementMath.claimable(rps, balances[holder], corrections[holder]);
                corrections[holder] = EntitlementMath.afterClaim(corrections[holder], amount);
                claimed[holder] += amount;
            }
        }
        for (uint256 i; i < 2; ++i) {
            uint256 held = EntitlementMath.magnified(rps, balances[i], corrections[i]);
            assertLe(held + claimed[i] * M, exactMagnified[i], "never above the exact pro-rata value");
        }
    }
}
