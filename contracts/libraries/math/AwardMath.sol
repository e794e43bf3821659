// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title AwardMath: weights, share awards and stipend awards of a grant round
/// @notice All divisions round down, in the Fund's favour: Σ share awards ≤ share pool, and a stipend
/// award never exceeds the assessed stipend (the median of the trustees' assessed values, each capped
/// at the request), while the stipend awards of a round add up to exactly the reserve.
/// @dev Plain Solidity without assembly, so that solc's SMTChecker sees every step. Bounds (those of
/// the grant rounds): median ≤ 10,000 bps, effort ≤ 1,200 months, Σ weights < 2^64, pool < 2^128,
/// Σ assessed stipends < 2^128, so no product below overflows.
library AwardMath {
    /// @notice weight = median estimate (bps) × effort (months).
    function weight(uint256 medianEstimateBps, uint256 effortMonths) internal pure returns (uint256) {
        return medianEstimateBps * effortMonths;
    }

    /// @notice Share award = ⌊pool × weight / totalWeight⌋ (0 when nothing was funded).
    /// @dev Σ awards ≤ pool, since Σ ⌊xᵢ⌋ ≤ ⌊Σ xᵢ⌋; the sub-share remainder is never minted.
    function shareAward(
        uint256 pool,
        uint256 applicationWeight,
        uint256 totalWeight
    ) internal pure returns (uint256) {
        if (totalWeight == 0) return 0;
        return (pool * applicationWeight) / totalWeight;
    }

    /// @notice Stipend award of one funded application when `reserved` covers `assessedTotal` only in part.
    /// @dev Applications are laid end to end in finalization order: this one covers
    /// `[assessedBefore, assessedBefore + assessed)`. Its award is the difference of the scaled,
    /// rounded-down cumulative sums at its two ends: ⌊assessed × reserved / total⌋ or one unit more,
    /// never more than `assessed`, and the awards of a round add up to exactly `reserved`. Fully
    /// covered (`reserved` ≥ `assessedTotal`): the assessed stipend itself.
    /// @param assessed this application's assessed stipend (≤ its request)
    /// @param assessedBefore Σ assessed stipends of the applications of the round funded before this one
    /// @param reserved the round's stipend reserve (≤ the stipend budget)
    /// @param assessedTotal Σ assessed stipends of all funded applications of the round
    function stipendAward(
        uint256 assessed,
        uint256 assessedBefore,
        uint256 reserved,
        uint256 assessedTotal
    ) internal pure returns (uint256) {
        if (reserved >= assessedTotal) return assessed;
        return
            ((assessedBefore + assessed) * reserved) / assessedTotal -
            (assessedBefore * reserved) / assessedTotal;
    }
}
