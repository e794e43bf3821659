// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Entitlement: the returns arithmetic of the share ledger
/// @notice Pure functions of one asset's cumulative returns per share (rps) and one holder's balance
/// and correction; no storage. A holder's magnified entitlement is `rps × balance + correction`; a
/// distribution of `amount` raises rps by `perShare(amount, supply)`, a mint, burn or transfer moves
/// the correction by `∓ rps × value` (`afterReceive` / `afterSend`) so that moving shares never moves
/// already-earned returns, and a claim of `c` lowers it by `c × MAGNITUDE` (`afterClaim`).
/// @dev Callers keep the bounds that make the products fit (see `FundShares`): balance ≤ 2^96 − 1,
/// rps < 2^152, so rps × balance < 2^248.
library Entitlement {
    /// @notice Scale of rps and corrections. Decimal, so that decimal splits come out exact (750 of
    /// 3,000 tUSD to a quarter holder is 750, not 749.999999).
    uint256 internal constant MAGNITUDE = 1e33;

    /// @notice The rise of rps for a distribution of `amount` over `supply` share units, rounded down.
    /// @dev Requires supply > 0 and amount × MAGNITUDE < 2^256 (amount < 2^96 gives < 2^206).
    function perShare(uint256 amount, uint256 supply) internal pure returns (uint256) {
        return (amount * MAGNITUDE) / supply;
    }

    /// @notice Magnified entitlement `rps × balance + correction`, clamped at zero.
    /// @dev Never negative by construction; the clamp is defensive.
    function magnified(uint256 rps, uint256 balance, int256 correction) internal pure returns (uint256) {
        int256 value = int256(rps * balance) + correction;
        return value > 0 ? uint256(value) : 0;
    }

    /// @notice Whole asset units claimable: the magnified entitlement divided by MAGNITUDE, rounded down.
    function claimable(uint256 rps, uint256 balance, int256 correction) internal pure returns (uint256) {
        return magnified(rps, balance, correction) / MAGNITUDE;
    }

    /// @notice The correction after a claim of `amount` whole units.
    /// @dev amount × MAGNITUDE ≤ the magnified entitlement, which fits int256.
    function afterClaim(int256 correction, uint256 amount) internal pure returns (int256) {
        return correction - int256(amount * MAGNITUDE);
    }

    /// @notice The correction of a holder whose balance falls by `value` (burn or transfer out).
    function afterSend(int256 correction, uint256 rps, uint256 value) internal pure returns (int256) {
        return correction + int256(rps * value);
    }

    /// @notice The correction of a holder whose balance rises by `value` (mint or transfer in).
    function afterReceive(int256 correction, uint256 rps, uint256 value) internal pure returns (int256) {
        return correction - int256(rps * value);
    }
}
