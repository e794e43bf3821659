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

    /// @notice A claim takes every whole unit and no more: it never exceeds the entitlement, and nothing is claimable after it (the earned product rps × balance is an input, < 2^248).
    function claimTakesWholeUnitsOnly(uint248 earned, int248 correction) external pure {
        uint256 entitlement = EntitlementMath.fromEarned(earned, correction);
        require(int256(uint256(earned)) + correction >= 0);
        uint256 claimed = entitlement / M;
        assert(claimed * M <= entitlement);
        int256 corrected = EntitlementMath.afterClaim(correction, claimed);
        assert(EntitlementMath.fromEarned(earned, corrected) / M == 0);
        assert(EntitlementMath.fromEarned(earned, corrected) == entitlement - claimed * M);
    }

    /// @notice At a supply of one million shares a distribution raises returns per share by exactly ⌊amount × 10^33 / supply⌋: never above the exact pro-rata value, less than one unit below.
    function raiseRoundsDown(uint152 rps, uint96 amount) external pure {
        uint256 supply = 1e24; // one million whole shares
        uint256 raised = EntitlementMath.raise(rps, amount, supply);
        assert((raised - rps) * supply <= uint256(amount) * M);
        assert(uint256(amount) * M < (raised - rps + 1) * supply);
    }
}
