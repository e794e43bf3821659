// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// `require` states the checker's assumptions (the documented bounds of the inputs), not user errors.
// solhint-disable gas-custom-errors

import {EntitlementMath} from "../../contracts/libraries/math/EntitlementMath.sol";

/// @title Checker harness: the share ledger's entitlement arithmetic
/// @notice Not deployed; see ReturnsDueHarness. Inputs are free within the ledger's bounds: rps <
/// 2^152, balances and supply < 2^96 (supply ≥ 10^18 when distributing), amounts < 2^96, a
/// holder's magnified entitlement ≥ 0 and < 2^248.
contract EntitlementHarness {
    uint256 private constant M = EntitlementMath.MAGNITUDE;

    /// @notice A claim takes every whole unit and no more: it never exceeds the entitlement, and nothing is claimable after it.
    function claimTakesWholeUnitsOnly(uint152 rps, uint96 balance, int256 correction) external pure {
        int256 entitlement = int256(uint256(rps) * balance) + correction;
        require(entitlement >= 0 && entitlement < 2 ** 248);
        uint256 claimed = EntitlementMath.claimable(rps, balance, correction);
        assert(claimed * M <= uint256(entitlement));
        int256 corrected = EntitlementMath.afterClaim(correction, claimed);
        assert(EntitlementMath.claimable(rps, balance, corrected) == 0);
    }

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
        uint256 fromAfter = EntitlementMath.magnified(rps, uint256(fromBalance) - value, fromCorrection + moved);
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

    /// @notice At a supply of one million shares a distribution raises returns per share by exactly ⌊amount × 10^33 / supply⌋: never above the exact pro-rata value, less than one unit below.
    function raiseRoundsDown(uint152 rps, uint96 amount) external pure {
        uint256 supply = 1e24; // one million whole shares
        uint256 raised = EntitlementMath.raise(rps, amount, supply);
        assert((raised - rps) * supply <= uint256(amount) * M);
        assert(uint256(amount) * M < (raised - rps + 1) * supply);
    }
}
