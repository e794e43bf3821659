// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {EstimateWord} from "../libraries/EstimateWord.sol";
import {AwardMath} from "../libraries/math/AwardMath.sol";
import {MedianMath} from "../libraries/math/MedianMath.sol";
import {GrantRoundsBase} from "./GrantRoundsBase.sol";

/// @title GrantEstimates
/// @notice The trustees' part of a grant round: sealed estimates committed and revealed in batches,
/// and applications finalized in batches on the medians of the revealed estimates.
/// @dev Rules beyond the interface:
/// - An estimate counts only if its trustee is a trustee at finalization and is not the
///   application's researcher (recusal). Quorum = min(threshold, trustees who may estimate it):
///   when fewer than M trustees may estimate an application (its researcher is a trustee of a council
///   with M = N), every one of them must commit; a sole trustee's own application is never funded.
/// - Estimated ⇔ some trustee revealed an estimate for it (marked by the first reveal). Only estimated
///   applications are finalized: one without any reveal is unfunded whatever was committed, so it
///   needs no transaction, like one nobody committed to.
/// - Funded ⇔ committed ≥ quorum, at least one reveal, and both medians p̃ and ẽ positive. The
///   medians take revealed values only, so withholding a reveal never drops an application below
///   its quorum: it only decides whether the withholder's own value enters the medians.
/// - Median rule: odd count → middle value; even count → mean of the two middle values, rounded down.
/// - Gas: commit and reveal are O(1) per application; finalize reads the ≤ 20 current trustees'
///   words of each application (the trustee list is read once per batch). None depends on the
///   number of applications or rounds.
abstract contract GrantEstimates is GrantRoundsBase {
    uint8 private constant COMMIT_PHASE = 0;
    uint8 private constant REVEAL_PHASE = 1;
    uint8 private constant FINALIZE_PHASE = 2;

    /// @dev The counted estimates of one application, and scratch lists reused across a batch.
    struct Count {
        uint256 committed;
        uint256 revealed;
        uint256 eligible;
        uint256[] probabilities;
        uint256[] efforts;
        uint256[] stipends;
    }

    // ---------------------------------------------------------------- trustees

    /// @inheritdoc IGrantRounds
    function sealEstimate(
        address trustee,
        uint256 applicationId,
        uint16 probabilityBps,
        uint32 effortMonths,
        uint128 stipend,
        bytes32 salt
    ) public view returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    block.chainid,
                    address(this),
                    trustee,
                    applicationId,
                    probabilityBps,
                    effortMonths,
                    stipend,
                    salt
                )
            );
    }

    /// @inheritdoc IGrantRounds
    function commitEstimates(
        uint256[] calldata applicationIds,
        bytes32[] calldata sealedEstimates
    ) external onlyTrustee {
        uint256 count = applicationIds.length;
        (uint256 roundId, ) = _batchRound(
            count,
            sealedEstimates.length,
            count == 0 ? 0 : applicationIds[0],
            COMMIT_PHASE
        );
        // A commit writes only the trustee's own word per application (and its tally once): the
        // application is marked estimated by its first reveal, which updates its slot anyway.
        for (uint256 i; i < count; ++i) {
            uint256 applicationId = applicationIds[i];
            ApplicationData storage app = _batchApplication(roundId, applicationId);
            if (app.researcher == msg.sender) revert GrantRoundsRecused(applicationId, msg.sender);
            bytes32 sealedEstimate = sealedEstimates[i];
            if (sealedEstimate == bytes32(0) || EstimateWord.isRevealed(sealedEstimate)) {
                revert GrantRoundsInvalidSealedEstimate(applicationId);
            }
            mapping(address => bytes32) storage words = _estimates[applicationId];
            if (words[msg.sender] != bytes32(0))
                revert GrantRoundsAlreadyCommitted(applicationId, msg.sender);
            words[msg.sender] = sealedEstimate;
        }
        // count ≤ MAX_BATCH.
        _tallies[roundId][msg.sender].committed += uint32(count);
        emit EstimatesCommitted(roundId, msg.sender, applicationIds, sealedEstimates);
    }

    /// @inheritdoc IGrantRounds
    function revealEstimates(Reveal[] calldata reveals) external onlyTrustee {
        uint256 count = reveals.length;
        (uint256 roundId, RoundData storage stored) = _batchRound(
            count,
            count,
            count == 0 ? 0 : reveals[0].applicationId,
            REVEAL_PHASE
        );
        uint256 newlyEstimated;
        for (uint256 i; i < count; ++i) {
            Reveal calldata entry = reveals[i];
            uint256 applicationId = entry.applicationId;
            ApplicationData storage app = _batchApplication(roundId, applicationId);
            mapping(address => bytes32) storage words = _estimates[applicationId];
            bytes32 word = words[msg.sender];
            if (word == bytes32(0)) revert GrantRoundsNoSealedEstimate(applicationId, msg.sender);
            if (EstimateWord.isRevealed(word)) revert GrantRoundsAlreadyRevealed(applicationId, msg.sender);
            if (
                sealEstimate(
                    msg.sender,
                    applicationId,
                    entry.probabilityBps,
                    entry.effortMonths,
                    entry.stipend,
                    entry.salt
                ) != word
            ) revert GrantRoundsSealMismatch(applicationId, msg.sender);
            // Capped, never refused: a mistaken value must not cost the trustee their reveal.
            uint16 probabilityBps = uint16(_min(entry.probabilityBps, MAX_PROBABILITY_BPS));
            uint32 effortMonths = uint32(_min(entry.effortMonths, app.effortMonths));
            uint128 stipend = app.requestsStipend ? uint128(_min(entry.stipend, app.stipendRequested)) : 0;
            words[msg.sender] = EstimateWord.pack(probabilityBps, effortMonths, stipend);
            emit EstimateRevealed(applicationId, msg.sender, probabilityBps, effortMonths, stipend);
            if (!app.estimated) {
                app.estimated = true;
                ++newlyEstimated;
            }
        }
        // Both counts are bounded by the round's application count, a uint32; count ≤ MAX_BATCH.
        if (newlyEstimated != 0) stored.estimatedCount += uint32(newlyEstimated);
        _tallies[roundId][msg.sender].revealed += uint32(count);
    }

    // ---------------------------------------------------------------- anyone

    /// @inheritdoc IGrantRounds
    function finalizeApplications(uint256[] calldata applicationIds) external {
        uint256 count = applicationIds.length;
        (uint256 roundId, RoundData storage stored) = _batchRound(
            count,
            count,
            count == 0 ? 0 : applicationIds[0],
            FINALIZE_PHASE
        );
        (address[] memory trustees, uint256 threshold) = _council.trusteesAndThreshold();
        Count memory tally;
        tally.probabilities = new uint256[](trustees.length);
        tally.efforts = new uint256[](trustees.length);
        tally.stipends = new uint256[](trustees.length);
        uint256 funded;
        uint256 addedWeight;
        uint256 stipendTotal = stored.fundedStipendTotal;
        for (uint256 i; i < count; ++i) {
            uint256 applicationId = applicationIds[i];
            ApplicationData storage app = _batchApplication(roundId, applicationId);
            if (app.status != ApplicationStatus.Pending) revert GrantRoundsAlreadyFinalized(applicationId);
            if (!app.estimated) revert GrantRoundsNotEstimated(applicationId);
            uint256 weight;
            (weight, stipendTotal) = _finalize(applicationId, app, trustees, threshold, tally, stipendTotal);
            if (weight != 0) {
                ++funded;
                addedWeight += weight;
            }
        }
        // Bounded by the round's application count (uint32); see RoundData for the totals.
        stored.finalizedCount += uint32(count);
        if (funded != 0) {
            stored.fundedCount += uint32(funded);
            stored.totalWeight += uint64(addedWeight);
            stored.fundedStipendTotal = uint128(stipendTotal);
        }
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IGrantRounds
    function estimateOf(
        uint256 applicationId,
        address trustee
    ) external view returns (EstimateView memory view_) {
        ApplicationData storage app = _applications[applicationId];
        bytes32 word = _estimates[applicationId][trustee];
        if (app.status != ApplicationStatus.None && app.researcher == trustee) {
            view_.status = EstimateStatus.Recused;
        } else if (EstimateWord.isRevealed(word)) {
            view_.status = EstimateStatus.Revealed;
            (view_.probabilityBps, view_.effortMonths, view_.stipend) = EstimateWord.unpack(word);
        } else if (word != bytes32(0)) {
            view_.sealedEstimate = word;
            view_.status =
                block.timestamp > _rounds[app.roundId].revealDeadline
                    ? EstimateStatus.Missed
                    : EstimateStatus.Committed;
        }
    }

    /// @inheritdoc IGrantRounds
    function trusteeRecord(uint256 roundId, address trustee) external view returns (TrusteeRecord memory) {
        Tally storage tally = _tallies[roundId][trustee];
        uint256 committed = tally.committed;
        uint256 revealed = tally.revealed;
        bool over = block.timestamp > _rounds[roundId].revealDeadline;
        return
            TrusteeRecord({
                committed: committed,
                revealed: revealed,
                missed: over ? committed - revealed : 0,
                recused: tally.recused
            });
    }

    // ---------------------------------------------------------------- internals

    /// @dev Finalizes one estimated, pending application; returns its weight (0 if unfunded) and
    /// the round's Σ assessed stipends after it.
    function _finalize(
        uint256 applicationId,
        ApplicationData storage app,
        address[] memory trustees,
        uint256 threshold,
        Count memory tally,
        uint256 stipendTotal
    ) private returns (uint256 weight, uint256) {
        _count(applicationId, app.researcher, trustees, tally);
        uint256 quorum = _min(threshold, tally.eligible);
        uint16 probabilityBps;
        uint16 effortMonths;
        uint96 stipend;
        if (tally.revealed != 0 && tally.committed >= quorum) {
            // Medians of capped values: ≤ 10,000, ≤ the declared effort (≤ 1,200) and ≤ the request (< 2^96).
            probabilityBps = uint16(MedianMath.ofFirst(tally.probabilities, tally.revealed));
            effortMonths = uint16(MedianMath.ofFirst(tally.efforts, tally.revealed));
            weight = AwardMath.weight(probabilityBps, effortMonths);
        }
        // At most 20 trustees: both counts fit uint8. The medians are kept even when they fund nothing.
        app.committedCount = uint8(tally.committed);
        app.revealedCount = uint8(tally.revealed);
        app.medianProbabilityBps = probabilityBps;
        app.medianEffortMonths = effortMonths;
        if (weight == 0) {
            app.status = ApplicationStatus.Unfunded;
        } else {
            app.status = ApplicationStatus.Funded;
            // weight ≤ 10,000 × 1,200 < 2^24.
            app.weight = uint24(weight);
            if (app.requestsStipend) {
                stipend = uint96(MedianMath.ofFirst(tally.stipends, tally.revealed));
                app.medianStipend = stipend;
                app.stipendBefore = uint128(stipendTotal);
                app.stipendBooked = true;
                stipendTotal += stipend;
            }
        }
        emit ApplicationFinalized(
            applicationId,
            weight != 0,
            probabilityBps,
            effortMonths,
            stipend,
            tally.committed,
            tally.revealed,
            weight
        );
        return (weight, stipendTotal);
    }

    /// @dev Counts the words of the current trustees other than `researcher` (at most 20: the
    /// council's bound) into `tally`, reusing its lists.
    function _count(
        uint256 applicationId,
        address researcher,
        address[] memory trustees,
        Count memory tally
    ) private view {
        mapping(address => bytes32) storage words = _estimates[applicationId];
        tally.committed = 0;
        tally.revealed = 0;
        tally.eligible = trustees.length;
        for (uint256 j; j < trustees.length; ++j) {
            address trustee = trustees[j];
            if (trustee == researcher) {
                --tally.eligible;
                continue;
            }
            bytes32 word = words[trustee];
            if (word == bytes32(0)) continue;
            ++tally.committed;
            if (!EstimateWord.isRevealed(word)) continue;
            (uint16 probabilityBps, uint32 effortMonths, uint128 stipend) = EstimateWord.unpack(word);
            uint256 k = tally.revealed;
            ++tally.revealed;
            tally.probabilities[k] = probabilityBps;
            tally.efforts[k] = effortMonths;
            tally.stipends[k] = stipend;
        }
    }
}
