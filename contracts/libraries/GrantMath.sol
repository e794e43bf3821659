// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title Allocation math of grant rounds
/// @notice Weights, share awards and stipend awards; all divisions round down, in the Fund's favour.
library GrantMath {
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
        return Math.mulDiv(pool, applicationWeight, totalWeight);
    }

    /// @notice Stipend award of one funded application when `reserved` covers `requestedTotal` only in part.
    /// @dev Applications are laid end to end in finalization order: this one covers the requests
    /// `[requestedBefore, requestedBefore + requested)`. Its award is the difference of the scaled,
    /// rounded-down cumulative sums at its two ends. Each award is ⌊requested × reserved / total⌋
    /// or one unit more, never more than requested, and the awards of a round add up to exactly
    /// `reserved` — so no rounding dust is ever left in the reserve. Fully covered: the request itself.
    /// @param requested this application's request
    /// @param requestedBefore Σ requests of the applications of the round funded before this one
    /// @param reserved the round's stipend reserve (≤ requestedTotal)
    /// @param requestedTotal Σ requests of all funded applications of the round
    function stipendAward(
        uint256 requested,
        uint256 requestedBefore,
        uint256 reserved,
        uint256 requestedTotal
    ) internal pure returns (uint256) {
        if (reserved >= requestedTotal) return requested;
        return
            Math.mulDiv(requestedBefore + requested, reserved, requestedTotal) -
            Math.mulDiv(requestedBefore, reserved, requestedTotal);
    }
}
