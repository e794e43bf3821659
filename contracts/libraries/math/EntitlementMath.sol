// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title EntitlementMath: the share ledger's pooled returns accounting
/// @notice Per asset, `returnsPerShare` (rps) is the cumulative return per share unit, magnified by
/// 10^33. A holder's magnified entitlement is `rps × balance + correction`; every mint, burn and
/// transfer moves `rps × amount` of correction so that moving shares never moves returns already
/// earned, and a claim of `c` subtracts `c × 10^33`. A distribution of `amount` over `supply` raises
/// rps by ⌊amount × 10^33 / supply⌋, so a holder is never credited more than the exact pro-rata value.
/// @dev Plain Solidity without assembly, so that solc's SMTChecker sees every step. Bounds (those of
/// the ledger): amount < 2^96 per distribution, supply ≥ 10^18 and < 2^96, rps < 2^152, so
/// rps × balance < 2^248 fits int256.
library EntitlementMath {
    /// @notice The magnitude of returns per share: 10^33 (decimal, so decimal splits come out exact).
    uint256 internal constant MAGNITUDE = 1e33;

    /// @notice rps after distributing `amount` over `supply` share units (> 0); the remainder is dropped.
    function raise(uint256 rps, uint256 amount, uint256 supply) internal pure returns (uint256) {
        return rps + (amount * MAGNITUDE) / supply;
    }

    /// @notice Correction moved by `value` share units at `rps`: added to the sender's correction and
    /// subtracted from the receiver's (a mint has no sender, a burn no receiver).
    function shift(uint256 rps, uint256 value) internal pure returns (int256) {
        return int256(rps * value);
    }

    /// @notice Magnified entitlement `rps × balance + correction`; never negative by construction,
    /// clamped at zero defensively.
    function magnified(uint256 rps, uint256 balance, int256 correction) internal pure returns (uint256) {
        return fromEarned(rps * balance, correction);
    }

    /// @notice Magnified entitlement from what the balance earned at the current rps (`rps × balance`,
    /// < 2^248) and the correction, clamped at zero.
    function fromEarned(uint256 earned, int256 correction) internal pure returns (uint256) {
        int256 value = int256(earned) + correction;
        return value > 0 ? uint256(value) : 0;
    }

    /// @notice What a holder may claim now: the whole units of the magnified entitlement.
    function claimable(uint256 rps, uint256 balance, int256 correction) internal pure returns (uint256) {
        return magnified(rps, balance, correction) / MAGNITUDE;
    }

    /// @notice The correction after claiming `amount` (≤ claimable).
    function afterClaim(int256 correction, uint256 amount) internal pure returns (int256) {
        return correction - int256(amount * MAGNITUDE);
    }
}
