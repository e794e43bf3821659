// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {GrantMath} from "../libraries/GrantMath.sol";
import {Median} from "../libraries/Median.sol";
import {RevealBook} from "../libraries/RevealBook.sol";
import {GrantRoundsBase} from "./GrantRoundsBase.sol";

/// @title GrantEstimates
/// @notice The trustees' part of a grant round: sealed estimates committed, then revealed, and each
/// application finalized on the median of the estimates that count.
/// @dev Rules beyond the interface:
/// - Only current trustees commit and reveal; at finalization only estimates of addresses that
///   are trustees *then* count. Median rule: odd count → middle value; even count → mean of the
///   two middle values, rounded down. Below the threshold's quorum an application is unfunded.
/// - `Application.revealCount` counts the reveals made (saturating at 255); the `revealCount` of
///   `ApplicationFinalized` is the number that counted (revealed by trustees current at finalization).
/// - Gas: commit, reveal and finalize are O(1) in applications and rounds. Finalize reads the
///   application's packed reveal book (`RevealBook`) while no trustee was removed since its first
///   reveal; otherwise (or past 13 reveals) it loops over the ≤ 20 current trustees (one council
///   call, one storage read per trustee). Either way only current trustees' estimates count.
abstract contract GrantEstimates is GrantRoundsBase {
    /// @dev Slot 0 is written by the commit, slot 1 by the reveal.
    struct EstimateRecord {
        bytes32 sealedEstimate;
        uint16 estimateBps;
        bool revealed;
    }

    mapping(uint256 applicationId => mapping(address trustee => EstimateRecord)) private _estimates;

    // ---------------------------------------------------------------- trustees

    /// @inheritdoc IGrantRounds
    function sealEstimate(
        address trustee,
        uint256 applicationId,
        uint16 estimateBps,
        bytes32 salt
    ) public view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), trustee, applicationId, estimateBps, salt));
    }

    /// @inheritdoc IGrantRounds
    function commitEstimate(uint256 applicationId, bytes32 sealedEstimate) external onlyTrustee {
        ApplicationData storage app = _application(applicationId);
        uint256 roundId = app.roundId;
        RoundData storage stored = _rounds[roundId];
        _requireOpen(roundId, stored);
        _requirePhase(roundId, stored.applicationDeadline, stored.commitDeadline);
        if (sealedEstimate == bytes32(0)) revert GrantRoundsZeroSealedEstimate(applicationId);
        EstimateRecord storage record = _estimates[applicationId][msg.sender];
        if (record.sealedEstimate != bytes32(0))
            revert GrantRoundsAlreadyCommitted(applicationId, msg.sender);
        record.sealedEstimate = sealedEstimate;
        emit EstimateCommitted(applicationId, msg.sender, sealedEstimate);
    }

    /// @inheritdoc IGrantRounds
    function revealEstimate(uint256 applicationId, uint16 estimateBps, bytes32 salt) external onlyTrustee {
        ApplicationData storage app = _application(applicationId);
        uint256 roundId = app.roundId;
        RoundData storage stored = _rounds[roundId];
        _requireOpen(roundId, stored);
        _requirePhase(roundId, stored.commitDeadline, stored.revealDeadline);
        if (estimateBps > MAX_ESTIMATE_BPS) revert GrantRoundsEstimateOutOfRange(estimateBps);
        EstimateRecord storage record = _estimates[applicationId][msg.sender];
        bytes32 sealedEstimate = record.sealedEstimate;
        if (sealedEstimate == bytes32(0)) revert GrantRoundsNoSealedEstimate(applicationId, msg.sender);
        if (record.revealed) revert GrantRoundsAlreadyRevealed(applicationId, msg.sender);
        if (sealEstimate(msg.sender, applicationId, estimateBps, salt) != sealedEstimate) {
            revert GrantRoundsSealMismatch(applicationId, msg.sender);
        }
        record.revealed = true;
        record.estimateBps = estimateBps;
        // The book keeps the council's removal count of its first reveal (read only then).
        uint256 book = app.revealBook;
        uint256 removals;
        if (app.revealCount == 0) (, removals) = _council.thresholdAndRemovals();
        app.revealBook = RevealBook.record(book, estimateBps, removals);
        // Informational count; only trustee churn during one round could push it past 20, so saturate
        // rather than let it block a reveal.
        uint8 revealCount = app.revealCount;
        if (revealCount != type(uint8).max) app.revealCount = revealCount + 1;
        emit EstimateRevealed(applicationId, msg.sender, estimateBps);
    }

    // ---------------------------------------------------------------- anyone

    /// @inheritdoc IGrantRounds
    function finalizeApplication(uint256 applicationId) external {
        ApplicationData storage app = _application(applicationId);
        if (app.status != ApplicationStatus.Pending) revert GrantRoundsAlreadyFinalized(applicationId);
        uint256 roundId = app.roundId;
        RoundData storage stored = _rounds[roundId];
        _requireOpen(roundId, stored);
        _requirePhase(roundId, stored.revealDeadline, type(uint64).max);

        // Estimates of current trustees only. Usually the reveal book holds them all (no trustee was
        // removed since the first reveal); otherwise read the ≤ 20 current trustees' own records.
        (uint256 required, uint256 removals) = _council.thresholdAndRemovals();
        (bool trusted, uint256[] memory estimates) = RevealBook.estimates(app.revealBook, removals);
        uint256 counted = estimates.length;
        if (!trusted) (estimates, counted) = _currentTrusteesEstimates(applicationId);
        // The median of estimates ≤ 10,000 fits uint16.
        uint16 medianBps = counted >= required ? uint16(Median.ofFirst(estimates, counted)) : 0;

        ++stored.finalizedCount;
        uint256 weight;
        if (medianBps == 0) {
            app.status = ApplicationStatus.Unfunded;
        } else {
            weight = GrantMath.weight(medianBps, app.effortMonths);
            app.status = ApplicationStatus.Funded;
            app.medianEstimateBps = medianBps;
            // weight ≤ 10,000 × 1,200 < 2^32.
            app.weight = uint32(weight);
            ++stored.fundedCount;
            // See RoundData: the total weight of a round stays below 2^56, so it fits uint64.
            stored.totalWeight += uint64(weight);
            if (app.requestsStipend) {
                // Both below 2^128: see RoundData (requests ≤ budget ≤ MAX_STIPEND_BUDGET).
                uint128 before = stored.fundedStipendTotal;
                app.stipendRequestedBefore = before;
                stored.fundedStipendTotal = before + app.stipendRequested;
            }
        }
        emit ApplicationFinalized(applicationId, medianBps != 0, medianBps, counted, weight);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IGrantRounds
    function sealedEstimateOf(
        uint256 applicationId,
        address trustee
    ) external view returns (bytes32 sealedEstimate, bool revealed) {
        EstimateRecord storage record = _estimates[applicationId][trustee];
        return (record.sealedEstimate, record.revealed);
    }

    /// @inheritdoc IGrantRounds
    function estimateOf(
        uint256 applicationId,
        address trustee
    ) external view returns (bool revealed, uint16 estimateBps) {
        EstimateRecord storage record = _estimates[applicationId][trustee];
        return (record.revealed, record.estimateBps);
    }

    // ---------------------------------------------------------------- internals

    /// @dev The revealed estimates of the current trustees (at most 20: the council's bound), in
    /// the first `counted` entries of `estimates`.
    function _currentTrusteesEstimates(
        uint256 applicationId
    ) private view returns (uint256[] memory estimates, uint256 counted) {
        address[] memory trustees = _council.trustees();
        estimates = new uint256[](trustees.length);
        for (uint256 i; i < trustees.length; ++i) {
            EstimateRecord storage record = _estimates[applicationId][trustees[i]];
            if (record.revealed) {
                estimates[counted] = record.estimateBps;
                ++counted;
            }
        }
    }
}
