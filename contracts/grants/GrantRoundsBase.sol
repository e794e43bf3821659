// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ShortString} from "@openzeppelin/contracts/utils/ShortStrings.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {AwardMath} from "../libraries/math/AwardMath.sol";
import {VestingMath} from "../libraries/math/VestingMath.sol";
import {TextBounds} from "../libraries/TextBounds.sol";
import {ShareIssuer} from "../utils/ShareIssuer.sol";

/// @title GrantRoundsBase
/// @notice What every part of `GrantRounds` shares: the Fund contracts it works with, the rounds and
/// applications as stored, and the rules read everywhere (phases, awards, vesting, stipend reserve).
/// @dev State is `internal` so that the parts (`GrantEstimates`, `GrantRounds`) read and write the
/// same packed slots directly: splitting the contract must not add a call or a slot to a hot path.
abstract contract GrantRoundsBase is IGrantRounds, ShareIssuer {
    /// @notice Most research-months an application may declare.
    uint32 public constant MAX_EFFORT_MONTHS = 1200;
    /// @notice A probability is in basis points, 0 .. 10,000.
    uint16 public constant MAX_PROBABILITY_BPS = 10_000;
    /// @notice Largest stipend budget a round may have (2^96 − 1 units: 7.9e10 ETH), so stipend
    /// requests, assessments and claims fit the packed storage.
    uint256 public constant MAX_STIPEND_BUDGET = type(uint96).max;
    /// @notice Largest application deposit a round may ask (2^96 − 1 wei).
    uint256 public constant MAX_APPLICATION_DEPOSIT = type(uint96).max;
    /// @notice Longest vesting cliff or duration, in seconds (40 bits: beyond 34,000 years).
    uint256 public constant MAX_VESTING_SECONDS = type(uint40).max;
    /// @notice Longest proposal URI, in bytes (keeps every read of applications bounded).
    uint256 public constant MAX_URI_LENGTH = TextBounds.MAX_URI_LENGTH;
    /// @notice Longest application title, in bytes: it is stored in one slot (OpenZeppelin's
    /// ShortString format), so applying stays within its gas target.
    uint256 public constant MAX_TITLE_LENGTH = TextBounds.MAX_TITLE_LENGTH;
    /// @notice Most applications per batched commit, reveal or finalize.
    uint256 public constant MAX_BATCH = 50;

    /// @dev Laid out for the hot paths. Applying creates exactly three slots (0, 1 and the title), so
    /// it stays within 120,000 gas with or without a stipend request: the proposal URI and content
    /// hash are emitted in `ApplicationSubmitted` only (logs are as permanent as storage; clients read
    /// them from the history indexer or the logs), the title is stored for the lens. Commit reads
    /// slot 0; reveal reads slots 0 and 1 and writes slot 0; finalize reads slot 0, writes slots 0 and
    /// 1 — both created at submission (`booked` makes slot 1 non-zero without a stipend request) — and,
    /// for a funded stipend request, creates slot 2 (`stipendBooked`), which stipend claims then only
    /// update; share claims and cancellation write slot 3. Bounds: roundId < 2^32 (one round per
    /// council proposal); weight ≤ 10,000 × 1,200 < 2^24; stipend requests, assessments and claims ≤
    /// MAX_STIPEND_BUDGET < 2^96; stipendBefore < the round's fundedStipendTotal < 2^128 (see
    /// RoundData); committed and revealed counts ≤ 20 trustees; cancelledAt is a timestamp (40 bits).
    // The layout is deliberate (slots by access pattern, above), not the tightest possible packing.
    // solhint-disable-next-line gas-struct-packing
    struct ApplicationData {
        address researcher;
        uint32 roundId;
        ApplicationStatus status;
        uint16 effortMonths;
        bool requestsStipend;
        bool estimated;
        bool depositRefunded;
        uint8 committedCount;
        uint8 revealedCount;
        uint96 stipendRequested;
        uint96 medianStipend;
        uint16 medianProbabilityBps;
        uint16 medianEffortMonths;
        uint24 weight;
        bool booked; // never read: makes slot 1 non-zero from submission (see above)
        uint128 stipendBefore;
        uint96 stipendClaimed;
        bool stipendBooked; // never read: makes slot 2 non-zero from finalization (see above)
        uint128 sharesClaimed;
        uint40 cancelledAt;
        ShortString title;
    }

    /// @dev A round, packed for the hot paths: phase checks and applying use slot 0, commits and
    /// finalize write slot 1, finalize slot 2, share claims read slots 2 and 3. Settled once
    /// `settledAt != 0`. Bounds: totalWeight < 2^32 applications × 2^24 per weight fits uint64;
    /// fundedStipendTotal < 2^32 applications × 2^96 fits uint128; stipendReserved ≤ budget; the
    /// vesting times are checked ≤ MAX_VESTING_SECONDS at opening; settledAt is a timestamp.
    // solhint-disable-next-line gas-struct-packing
    struct RoundData {
        RoundStatus status;
        uint64 applicationDeadline;
        uint64 commitDeadline;
        uint64 revealDeadline;
        uint32 applicationCount;
        uint32 estimatedCount;
        uint32 finalizedCount;
        uint32 fundedCount;
        uint128 fundedStipendTotal;
        uint128 sharePool;
        uint64 totalWeight;
        uint40 settledAt;
        bool grantCancelled;
        uint40 vestingCliff;
        uint40 vestingDuration;
        uint96 applicationDeposit;
        address stipendAsset;
        uint128 stipendBudget;
        uint128 stipendReserved;
    }

    /// @dev A trustee's counters in one round (missed = committed − revealed after the reveal phase).
    struct Tally {
        uint32 committed;
        uint32 revealed;
        uint32 recused;
    }

    uint256 internal _roundCount;
    uint256 internal _applicationCount;
    mapping(uint256 roundId => RoundData) internal _rounds;
    mapping(uint256 applicationId => ApplicationData) internal _applications;
    /// @dev The sealed estimate, then (after the reveal) the revealed values: see `EstimateWord`.
    mapping(uint256 applicationId => mapping(address trustee => bytes32 word)) internal _estimates;
    mapping(uint256 roundId => mapping(address trustee => Tally)) internal _tallies;

    modifier onlyCouncil() {
        if (msg.sender != address(_council)) revert GrantRoundsNotCouncil(msg.sender);
        _;
    }

    modifier onlyTrustee() {
        if (!_council.isTrustee(msg.sender)) revert GrantRoundsNotTrustee(msg.sender);
        _;
    }

    /// @param council_ the trustee council: opens, closes and cancels, and says who is a trustee
    /// @param shares_ the share ledger; `GrantRounds` needs its minter role
    /// @param pool_ the capital pool; `GrantRounds` needs its stipend and depositor roles
    constructor(
        ITrusteeCouncil council_,
        IFundShares shares_,
        ICapitalPool pool_
    ) ShareIssuer(council_, shares_, pool_) {}

    // ---------------------------------------------------------------- internals

    function _round(uint256 roundId) internal view returns (RoundData storage stored) {
        stored = _rounds[roundId];
        if (stored.status == RoundStatus.None) revert GrantRoundsUnknownRound(roundId);
    }

    function _application(uint256 applicationId) internal view returns (ApplicationData storage app) {
        app = _applications[applicationId];
        if (app.status == ApplicationStatus.None) revert GrantRoundsUnknownApplication(applicationId);
    }

    function _requireOpen(uint256 roundId, RoundData storage stored) internal view {
        RoundStatus status = stored.status;
        if (status != RoundStatus.Open) revert GrantRoundsRoundNotOpen(roundId, status);
    }

    /// @dev Requires `after < now ≤ until` (deadlines are inclusive).
    function _requirePhase(uint256 roundId, uint64 after_, uint64 until) internal view {
        if (block.timestamp <= after_ || block.timestamp > until) {
            revert GrantRoundsWrongPhase(roundId, uint64(block.timestamp), after_ + 1, until);
        }
    }

    /// @dev The open round of the first application of a batch of 1 .. `MAX_BATCH`, in the phase
    /// `after < now ≤ until` chosen by `phase` (see `_phaseBounds`).
    function _batchRound(
        uint256 length,
        uint256 otherLength,
        uint256 firstApplicationId,
        uint8 phase
    ) internal view returns (uint256 roundId, RoundData storage stored) {
        if (length == 0 || length > MAX_BATCH) revert GrantRoundsInvalidBatch(length, MAX_BATCH);
        if (otherLength != length) revert GrantRoundsBatchLengthMismatch(length, otherLength);
        roundId = _application(firstApplicationId).roundId;
        stored = _rounds[roundId];
        _requireOpen(roundId, stored);
        (uint64 after_, uint64 until) = _phaseBounds(stored, phase);
        _requirePhase(roundId, after_, until);
    }

    /// @dev 0: commit phase; 1: reveal phase; 2: after the reveal deadline.
    function _phaseBounds(RoundData storage stored, uint8 phase) private view returns (uint64, uint64) {
        if (phase == 0) return (stored.applicationDeadline, stored.commitDeadline);
        if (phase == 1) return (stored.commitDeadline, stored.revealDeadline);
        return (stored.revealDeadline, type(uint64).max);
    }

    /// @dev The application at `applicationId`, which must belong to `roundId`.
    function _batchApplication(
        uint256 roundId,
        uint256 applicationId
    ) internal view returns (ApplicationData storage app) {
        app = _application(applicationId);
        if (app.roundId != roundId) revert GrantRoundsMixedRounds(roundId, applicationId);
    }

    /// @dev Awards exist once the round settled, for funded and cancelled applications.
    function _hasAward(ApplicationData storage app, RoundData storage stored) internal view returns (bool) {
        ApplicationStatus status = app.status;
        return
            stored.settledAt != 0 &&
            (status == ApplicationStatus.Funded || status == ApplicationStatus.Cancelled);
    }

    function _shareAward(
        ApplicationData storage app,
        RoundData storage stored
    ) internal view returns (uint256) {
        if (!_hasAward(app, stored)) return 0;
        return AwardMath.shareAward(stored.sharePool, app.weight, stored.totalWeight);
    }

    function _stipendAward(
        ApplicationData storage app,
        RoundData storage stored
    ) internal view returns (uint256) {
        if (!_hasAward(app, stored)) return 0;
        return
            AwardMath.stipendAward(
                app.medianStipend,
                app.stipendBefore,
                stored.stipendReserved,
                stored.fundedStipendTotal
            );
    }

    /// @dev The shares of `app`'s award vested by now, or by its cancellation.
    function _vestedShares(
        ApplicationData storage app,
        RoundData storage stored
    ) internal view returns (uint256) {
        return _vested(_shareAward(app, stored), stored, _vestingStop(app));
    }

    /// @dev The stipend of `app`'s award vested by now, or by its cancellation.
    function _vestedStipend(
        ApplicationData storage app,
        RoundData storage stored
    ) internal view returns (uint256) {
        return _vested(_stipendAward(app, stored), stored, _vestingStop(app));
    }

    /// @dev What a claim pays: the `vested` part of an award less what was `claimed`. Reverts when that
    /// is nothing, so that every claim pays something.
    function _unclaimed(
        uint256 applicationId,
        uint256 vested,
        uint256 claimed
    ) internal pure returns (uint256 amount) {
        amount = vested - claimed;
        if (amount == 0) revert GrantRoundsNothingToClaim(applicationId);
    }

    /// @dev Vesting runs until now, or until the cancellation.
    function _vestingStop(ApplicationData storage app) internal view returns (uint256) {
        uint40 cancelledAt = app.cancelledAt;
        return cancelledAt == 0 ? block.timestamp : cancelledAt;
    }

    function _vested(uint256 total, RoundData storage stored, uint256 at) internal view returns (uint256) {
        if (total == 0) return 0;
        return VestingMath.vested(total, stored.settledAt, stored.vestingCliff, stored.vestingDuration, at);
    }

    /// @dev What a round may add to its stipend reserve, which holds `reserved`: the funded assessed
    /// stipends within the budget, less `reserved`, as far as the pool's available capital goes.
    function _stipendsToReserve(RoundData storage stored, uint256 reserved) internal view returns (uint256) {
        uint256 target = _min(stored.fundedStipendTotal, stored.stipendBudget);
        if (target <= reserved) return 0;
        return _min(target - reserved, _pool.availableCapital(stored.stipendAsset));
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
