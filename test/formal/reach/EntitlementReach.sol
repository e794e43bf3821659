// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {EntitlementMath} from "../../../contracts/libraries/math/EntitlementMath.sol";

/// @title Checker harness, beyond reach: ledger credits and moves
/// @notice Not deployed. Non-linear products or sorting loops the CHC engine does not settle in
/// reasonable time; `npm run verify:formal -- --reach` runs it, and each property names the fuzz test
/// (100,000 runs in the deep profile) that defends it meanwhile.
contract EntitlementReach {
    uint256 private constant M = EntitlementMath.MAGNITUDE;

    /// @notice A mint, burn or transfer moves no entitlement: sender and receiver keep what they had earned.
    /// @custom:fuzz testFuzz_movesKeepEntitlements
    function movesKeepEntitlements(
        uint152 rps,
        uint96 fromBalance,
        uint96 toBalance,
        uint96 value,
        int200 fromCorrection,
        int200 toCorrection
    ) external pure {
        require(value <= fromBalance);
        uint256 fromBefore = EntitlementMath.magnified(rps, fromBalance, fromCorrection);
        uint256 toBefore = EntitlementMath.magnified(rps, toBalance, toCorrection);
        int256 moved = EntitlementMath.shift(rps, value);
        uint256 fromAfter = EntitlementMath.magnified(
            rps,
            uint256(fromBalance) - value,
            fromCorrection + moved
        );
        uint256 toAfter = EntitlementMath.magnified(rps, uint256(toBalance) + value, toCorrection - moved);
        assert(fromAfter == fromBefore && toAfter == toBefore);
    }

    /// @notice A distribution credits a holder at most the exact pro-rata value, for every supply: Δrps × supply ≤ amount × 10^33 (× balance / supply per holder).
    /// @custom:fuzz testFuzz_creditNeverAboveExactProRata
    function creditNeverAboveExactProRata(uint152 rps, uint96 amount, uint96 supply) external pure {
        require(supply >= 1e18);
        uint256 raised = EntitlementMath.raise(rps, amount, supply);
        assert((raised - rps) * supply <= uint256(amount) * M);
    }
}
