// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {GrantMath} from "../libraries/GrantMath.sol";
import {RevealBook} from "../libraries/RevealBook.sol";
import {Median} from "../libraries/Median.sol";
import {Vesting} from "../libraries/Vesting.sol";

/// @title GrantRounds
/// @notice Research grants weighted by the trustees' estimated probability of success: apply,
/// commit and reveal estimates, finalize, settle, then vest and claim shares and stipends.
/// @dev Rules beyond the interface:
/// - Estimates: only current trustees commit and reveal; at finalization only estimates of
///   addresses that are trustees *then* count (see the gas note below). Median rule: odd
///   count → middle value; even count → mean of the two middle values, rounded down.
/// - Shares: award = ⌊P × weight / Σweight⌋, so Σ awards ≤ P; the sub-share remainder of the
///   rounding (< one share unit per funded application) is never minted.
/// - Stipends: each request is at most the round's budget. At settlement the round reserves
///   R = min(Σ funded requests, budget, available capital). Awards split R by cumulative sums in
///   finalization order (see GrantMath.stipendAward): each is the request when fully covered,
///   else ⌊request × R / Σ⌋ or one unit more, and they add up to exactly R, so no rounding dust
///   is left in the reserve; whatever a cancellation frees is released in the same transaction.
/// - Pause (of the share ledger) stops opening and settling rounds — new awards — and share
///   claims (minting); stipend claims keep working (they were earned).
/// - A grant can be cancelled only after its round settled; close the round to stop it before.
/// - `Application.revealCount` counts the reveals made (saturating at 255); the `revealCount` of
///   `ApplicationFinalized` is the number that counted (revealed by trustees current at finalization).
/// - Gas: commit, reveal, finalize and claims are O(1) in applications and rounds. Finalize reads
///   the application's packed reveal book (`RevealBook`) while no trustee was removed since its first
///   reveal; otherwise (or past 13 reveals) it loops over the ≤ 20 current trustees (one council
///   call, one storage read per trustee). Either way only current trustees' estimates count.
contract GrantRounds is IGrantRounds, ReentrancyGuardTransient {
    /// @notice Most research-months an application may state.
    uint32 public constant MAX_EFFORT_MONTHS = 1200;
    /// @notice An estimate is a probability in basis points, 0 .. 10,000.
    uint16 public constant MAX_ESTIMATE_BPS = 10_000;
    /// @notice Largest stipend budget a round may have (2^96 − 1 units: 7.9e10 ETH), so a round's
    /// stipend totals fit the packed storage.
    uint256 public constant MAX_STIPEND_BUDGET = type(uint96).max;
    /// @notice Longest vesting cliff or duration, in seconds (40 bits: beyond 34,000 years).
    uint256 public constant MAX_VESTING_SECONDS = type(uint40).max;

    /// @dev Laid out for the hot paths. Share claims touch slots 0 and 1; stipend claims slots 0–3.
    /// Finalize reads slots 0, 1 and 4 (the packed reveal book) and, for a stipend request, 2 and 3.
    /// Submitting an application creates slots 3 (`stipendBooked`, when a stipend is requested) and
    /// 4 (`RevealBook.EMPTY`), so reveals and finalize only ever update non-zero slots: the applicant,
    /// not a trustee or the finalizer, pays for the application's storage. weight ≤ 10,000 × 1,200
    /// fits uint32; stipendRequestedBefore ≤ the round's fundedStipendTotal, which fits uint128
    /// (see RoundData).
    // The layout is deliberate (slots by access pattern, above), not the tightest possible packing.
    // solhint-disable-next-line gas-struct-packing
    struct ApplicationData {
        address researcher;
        ApplicationStatus status;
        uint16 effortMonths;
        uint16 medianEstimateBps;
        uint8 revealCount;
        uint32 weight;
        bool requestsStipend;
        uint64 roundId;
        uint64 cancelledAt;
        uint128 sharesClaimed;
        uint128 stipendRequested;
        uint128 stipendClaimed;
        uint128 stipendRequestedBefore;
        bool stipendBooked; // never read: makes slot 3 non-zero from submission (see above)
        uint256 revealBook;
        bytes32 contentHash;
        string uri;
    }

    /// @dev A round, packed for the hot paths: the phase checks read slot 0, finalize writes
    /// slot 1 only, a share claim reads slots 1 and 2. A round counts as settled once `settledAt != 0`.
    /// Bounds: totalWeight < 2^32 applications × 2^24 per weight fits uint64; fundedStipendTotal <
    /// 2^32 applications × MAX_STIPEND_BUDGET (2^96) fits uint128; stipendReserved ≤ budget; the
    /// vesting times are checked ≤ MAX_VESTING_SECONDS (40 bits) at opening and settledAt is a
    /// timestamp (40 bits last until the year 36812).
    struct RoundData {
        RoundStatus status;
        uint64 applicationDeadline;
        uint64 commitDeadline;
        uint64 revealDeadline;
        uint32 applicationCount;
        uint32 finalizedCount;
        uint32 fundedCount;
        uint64 totalWeight;
        uint128 fundedStipendTotal;
        uint128 sharePool;
        uint40 vestingCliff;
        uint40 vestingDuration;
        uint40 settledAt;
        address stipendAsset;
        bool grantCancelled;
        uint128 stipendBudget;
        uint128 stipendReserved;
    }

    /// @dev Slot 0 is written by the commit, slot 1 by the reveal.
    struct EstimateRecord {
        bytes32 sealedEstimate;
        uint16 estimateBps;
        bool revealed;
    }

    ITrusteeCouncil private immutable _council;
    IFundShares private immutable _shares;
    ICapitalPool private immutable _pool;

    uint256 private _roundCount;
    uint256 private _applicationCount;
    mapping(uint256 roundId => RoundData) private _rounds;
    mapping(uint256 applicationId => ApplicationData) private _applications;
    mapping(uint256 applicationId => mapping(address trustee => EstimateRecord)) private _estimates;

    modifier onlyCouncil() {
        if (msg.sender != address(_council)) revert GrantRoundsNotCouncil(msg.sender);
        _;
    }

    modifier onlyTrustee() {
        if (!_council.isTrustee(msg.sender)) revert GrantRoundsNotTrustee(msg.sender);
        _;
    }

    constructor(ITrusteeCouncil council_, IFundShares shares_, ICapitalPool pool_) {
        if (
            address(council_) == address(0) || address(shares_) == address(0) || address(pool_) == address(0)
        ) {
            revert GrantRoundsInvalidParams();
        }
        _council = council_;
        _shares = shares_;
        _pool = pool_;
    }

    // ---------------------------------------------------------------- council

    /// @inheritdoc IGrantRounds
    function openRound(RoundParams calldata params) external onlyCouncil returns (uint256 roundId) {
        if (_shares.paused()) revert GrantRoundsPaused();
        if (
            params.sharePool == 0 ||
            block.timestamp >= params.applicationDeadline ||
            params.applicationDeadline >= params.commitDeadline ||
            params.commitDeadline >= params.revealDeadline ||
            params.vestingDuration == 0 ||
            params.vestingDuration > MAX_VESTING_SECONDS ||
            params.vestingCliff > params.vestingDuration ||
            params.stipendBudget > MAX_STIPEND_BUDGET
        ) revert GrantRoundsInvalidParams();
        if (
            params.stipendBudget != 0 &&
            params.stipendAsset != address(0) &&
            !_shares.isReturnsAsset(params.stipendAsset)
        ) revert GrantRoundsInvalidParams();

        roundId = ++_roundCount;
        RoundData storage stored = _rounds[roundId];
        stored.status = RoundStatus.Open;
        stored.applicationDeadline = params.applicationDeadline;
        stored.commitDeadline = params.commitDeadline;
        stored.revealDeadline = params.revealDeadline;
        stored.sharePool = params.sharePool;
        // cliff ≤ duration ≤ MAX_VESTING_SECONDS = type(uint40).max, checked above.
        stored.vestingCliff = uint40(params.vestingCliff);
        stored.vestingDuration = uint40(params.vestingDuration);
        stored.stipendAsset = params.stipendAsset;
        stored.stipendBudget = params.stipendBudget;
        emit RoundOpened(roundId, params);
    }

    /// @inheritdoc IGrantRounds
    function closeRound(uint256 roundId) external onlyCouncil {
        RoundData storage stored = _round(roundId);
        _requireOpen(roundId, stored);
        stored.status = RoundStatus.Closed;
        emit RoundClosed(roundId);
    }

    /// @inheritdoc IGrantRounds
    function cancelGrant(uint256 applicationId) external onlyCouncil nonReentrant {
        ApplicationData storage app = _application(applicationId);
        if (app.status == ApplicationStatus.Cancelled) revert GrantRoundsAlreadyCancelled(applicationId);
        if (app.status != ApplicationStatus.Funded) revert GrantRoundsNotFunded(applicationId);
        uint256 roundId = app.roundId;
        RoundData storage stored = _rounds[roundId];
        if (stored.settledAt == 0) revert GrantRoundsNotSettled(roundId);

        uint256 shareTotal = _shareAward(app, stored);
        uint256 stipendTotal = _stipendAward(app, stored);
        uint256 sharesVested = _vested(shareTotal, stored, block.timestamp);
        uint256 stipendReleased = stipendTotal - _vested(stipendTotal, stored, block.timestamp);

        app.status = ApplicationStatus.Cancelled;
        app.cancelledAt = uint64(block.timestamp);
        // Stipend awards depend on the reserve: once a cancellation released part of it, a top-up
        // could no longer be shared out exactly, so the round's stipends are fixed from now on.
        stored.grantCancelled = true;
        emit GrantCancelled(applicationId, sharesVested, shareTotal - sharesVested, stipendReleased);
        if (stipendReleased != 0) _pool.releaseStipends(stored.stipendAsset, stipendReleased);
    }

    // ---------------------------------------------------------------- researchers

    /// @inheritdoc IGrantRounds
    function submitApplication(
        uint256 roundId,
        string calldata uri,
        bytes32 contentHash,
        uint32 effortMonths,
        uint128 stipendRequested
    ) external returns (uint256 applicationId) {
        RoundData storage stored = _round(roundId);
        _requireOpen(roundId, stored);
        uint64 deadline = stored.applicationDeadline;
        if (block.timestamp > deadline)
            revert GrantRoundsWrongPhase(roundId, uint64(block.timestamp), 0, deadline);
        if (
            bytes(uri).length == 0 ||
            contentHash == bytes32(0) ||
            effortMonths == 0 ||
            effortMonths > MAX_EFFORT_MONTHS ||
            stipendRequested > stored.stipendBudget
        ) revert GrantRoundsInvalidApplication();

        applicationId = ++_applicationCount;
        ++stored.applicationCount;
        ApplicationData storage app = _applications[applicationId];
        app.researcher = msg.sender;
        // effortMonths ≤ MAX_EFFORT_MONTHS = 1200 fits uint16; round ids never reach 2^64.
        app.effortMonths = uint16(effortMonths);
        app.status = ApplicationStatus.Pending;
        app.roundId = uint64(roundId);
        if (stipendRequested != 0) {
            app.requestsStipend = true;
            app.stipendRequested = stipendRequested;
            app.stipendBooked = true;
        }
        app.revealBook = RevealBook.EMPTY;
        app.contentHash = contentHash;
        app.uri = uri;
        emit ApplicationSubmitted(
            applicationId,
            roundId,
            msg.sender,
            uri,
            contentHash,
            effortMonths,
            stipendRequested
        );
    }

    /// @inheritdoc IGrantRounds
    function claimShares(uint256 applicationId) external nonReentrant returns (uint256 amount) {
        (ApplicationData storage app, RoundData storage stored) = _claimant(applicationId);
        uint256 vested = _vested(_shareAward(app, stored), stored, _vestingStop(app));
        amount = vested - app.sharesClaimed;
        if (amount == 0) revert GrantRoundsNothingToClaim(applicationId);
        // vested ≤ award ≤ sharePool, a uint128.
        app.sharesClaimed = uint128(vested);
        emit SharesClaimed(applicationId, msg.sender, amount);
        _shares.mint(msg.sender, amount);
    }

    /// @inheritdoc IGrantRounds
    function claimStipend(uint256 applicationId) external nonReentrant returns (uint256 amount) {
        (ApplicationData storage app, RoundData storage stored) = _claimant(applicationId);
        uint256 vested = _vested(_stipendAward(app, stored), stored, _vestingStop(app));
        amount = vested - app.stipendClaimed;
        if (amount == 0) revert GrantRoundsNothingToClaim(applicationId);
        // vested ≤ stipend award ≤ request, a uint128.
        app.stipendClaimed = uint128(vested);
        address asset = stored.stipendAsset;
        emit StipendClaimed(applicationId, msg.sender, asset, amount);
        _pool.payStipend(asset, msg.sender, amount);
    }

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

    /// @inheritdoc IGrantRounds
    function settleRound(uint256 roundId) external nonReentrant {
        RoundData storage stored = _round(roundId);
        _requireOpen(roundId, stored);
        _requirePhase(roundId, stored.revealDeadline, type(uint64).max);
        if (stored.finalizedCount != stored.applicationCount) {
            revert GrantRoundsNotAllFinalized(roundId, stored.finalizedCount, stored.applicationCount);
        }
        if (_shares.paused()) revert GrantRoundsPaused();

        address asset = stored.stipendAsset;
        uint256 reserved = _stipendsToReserve(stored, 0);

        stored.status = RoundStatus.Settled;
        stored.settledAt = uint40(block.timestamp);
        // reserved ≤ stipendBudget, a uint128.
        stored.stipendReserved = uint128(reserved);
        emit RoundSettled(roundId, stored.totalWeight, stored.fundedCount, reserved);
        if (reserved != 0) _pool.reserveStipends(asset, reserved);
    }

    /// @inheritdoc IGrantRounds
    /// @dev Safe to change the reserve only while every stipend award is still unvested: before a
    /// non-zero cliff nothing vests, so nothing was claimed or released against the old reserve
    /// (a cancellation would have released some: `grantCancelled` then fixes the round).
    function topUpStipends(uint256 roundId) external nonReentrant returns (uint256 added) {
        RoundData storage stored = _round(roundId);
        uint256 settledAt = stored.settledAt;
        if (settledAt == 0) revert GrantRoundsNotSettled(roundId);
        uint256 cliff = stored.vestingCliff;
        if (cliff == 0 || block.timestamp >= settledAt + cliff || stored.grantCancelled) {
            revert GrantRoundsStipendsFixed(roundId);
        }
        if (_shares.paused()) revert GrantRoundsPaused();
        address asset = stored.stipendAsset;
        uint256 reserved = stored.stipendReserved;
        added = _stipendsToReserve(stored, reserved);
        if (added == 0) revert GrantRoundsNothingToTopUp(roundId);

        reserved += added;
        // reserved ≤ target ≤ stipendBudget, a uint128.
        stored.stipendReserved = uint128(reserved);
        emit StipendsToppedUp(roundId, added, reserved);
        _pool.reserveStipends(asset, added);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IGrantRounds
    function roundCount() external view returns (uint256) {
        return _roundCount;
    }

    /// @inheritdoc IGrantRounds
    function applicationCount() external view returns (uint256) {
        return _applicationCount;
    }

    /// @inheritdoc IGrantRounds
    function round(uint256 roundId) external view returns (Round memory) {
        RoundData storage stored = _round(roundId);
        return
            Round({
                params: RoundParams({
                    sharePool: stored.sharePool,
                    applicationDeadline: stored.applicationDeadline,
                    commitDeadline: stored.commitDeadline,
                    revealDeadline: stored.revealDeadline,
                    vestingCliff: stored.vestingCliff,
                    vestingDuration: stored.vestingDuration,
                    stipendAsset: stored.stipendAsset,
                    stipendBudget: stored.stipendBudget
                }),
                status: stored.status,
                settledAt: stored.settledAt,
                applicationCount: stored.applicationCount,
                finalizedCount: stored.finalizedCount,
                fundedCount: stored.fundedCount,
                totalWeight: stored.totalWeight,
                fundedStipendTotal: stored.fundedStipendTotal,
                stipendReserved: stored.stipendReserved
            });
    }

    /// @inheritdoc IGrantRounds
    function application(uint256 applicationId) external view returns (Application memory) {
        ApplicationData storage app = _application(applicationId);
        return
            Application({
                roundId: app.roundId,
                researcher: app.researcher,
                effortMonths: app.effortMonths,
                medianEstimateBps: app.medianEstimateBps,
                revealCount: app.revealCount,
                status: app.status,
                stipendRequested: app.stipendRequested,
                cancelledAt: app.cancelledAt,
                contentHash: app.contentHash,
                weight: app.weight,
                sharesClaimed: app.sharesClaimed,
                stipendClaimed: app.stipendClaimed,
                uri: app.uri
            });
    }

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

    /// @inheritdoc IGrantRounds
    function award(uint256 applicationId) external view returns (uint256) {
        ApplicationData storage app = _applications[applicationId];
        return _shareAward(app, _rounds[app.roundId]);
    }

    /// @inheritdoc IGrantRounds
    function stipendAward(uint256 applicationId) external view returns (uint256) {
        ApplicationData storage app = _applications[applicationId];
        return _stipendAward(app, _rounds[app.roundId]);
    }

    /// @inheritdoc IGrantRounds
    function vestedShares(uint256 applicationId) public view returns (uint256) {
        ApplicationData storage app = _applications[applicationId];
        RoundData storage stored = _rounds[app.roundId];
        return _vested(_shareAward(app, stored), stored, _vestingStop(app));
    }

    /// @inheritdoc IGrantRounds
    function claimableShares(uint256 applicationId) external view returns (uint256) {
        return vestedShares(applicationId) - _applications[applicationId].sharesClaimed;
    }

    /// @inheritdoc IGrantRounds
    function claimableStipend(uint256 applicationId) external view returns (uint256) {
        ApplicationData storage app = _applications[applicationId];
        RoundData storage stored = _rounds[app.roundId];
        return _vested(_stipendAward(app, stored), stored, _vestingStop(app)) - app.stipendClaimed;
    }

    /// @inheritdoc IGrantRounds
    function council() external view returns (address) {
        return address(_council);
    }

    /// @inheritdoc IGrantRounds
    function shares() external view returns (address) {
        return address(_shares);
    }

    /// @inheritdoc IGrantRounds
    function capitalPool() external view returns (address) {
        return address(_pool);
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

    function _round(uint256 roundId) private view returns (RoundData storage stored) {
        stored = _rounds[roundId];
        if (stored.status == RoundStatus.None) revert GrantRoundsUnknownRound(roundId);
    }

    function _application(uint256 applicationId) private view returns (ApplicationData storage app) {
        app = _applications[applicationId];
        if (app.status == ApplicationStatus.None) revert GrantRoundsUnknownApplication(applicationId);
    }

    function _requireOpen(uint256 roundId, RoundData storage stored) private view {
        RoundStatus status = stored.status;
        if (status != RoundStatus.Open) revert GrantRoundsRoundNotOpen(roundId, status);
    }

    /// @dev Requires `after < now ≤ until` (deadlines are inclusive).
    function _requirePhase(uint256 roundId, uint64 after_, uint64 until) private view {
        if (block.timestamp <= after_ || block.timestamp > until) {
            revert GrantRoundsWrongPhase(roundId, uint64(block.timestamp), after_ + 1, until);
        }
    }

    /// @dev The caller's funded (or cancelled) application and its round.
    function _claimant(
        uint256 applicationId
    ) private view returns (ApplicationData storage app, RoundData storage stored) {
        app = _application(applicationId);
        if (msg.sender != app.researcher) revert GrantRoundsNotResearcher(applicationId, msg.sender);
        ApplicationStatus status = app.status;
        if (status != ApplicationStatus.Funded && status != ApplicationStatus.Cancelled) {
            revert GrantRoundsNotFunded(applicationId);
        }
        stored = _rounds[app.roundId];
    }

    /// @dev Awards exist once the round settled, for funded and cancelled applications.
    function _hasAward(ApplicationData storage app, RoundData storage stored) private view returns (bool) {
        ApplicationStatus status = app.status;
        return
            stored.settledAt != 0 &&
            (status == ApplicationStatus.Funded || status == ApplicationStatus.Cancelled);
    }

    function _shareAward(
        ApplicationData storage app,
        RoundData storage stored
    ) private view returns (uint256) {
        if (!_hasAward(app, stored)) return 0;
        return GrantMath.shareAward(stored.sharePool, app.weight, stored.totalWeight);
    }

    function _stipendAward(
        ApplicationData storage app,
        RoundData storage stored
    ) private view returns (uint256) {
        if (!_hasAward(app, stored)) return 0;
        return
            GrantMath.stipendAward(
                app.stipendRequested,
                app.stipendRequestedBefore,
                stored.stipendReserved,
                stored.fundedStipendTotal
            );
    }

    /// @dev Vesting runs until now, or until the cancellation.
    function _vestingStop(ApplicationData storage app) private view returns (uint256) {
        uint64 cancelledAt = app.cancelledAt;
        return cancelledAt == 0 ? block.timestamp : cancelledAt;
    }

    function _vested(uint256 total, RoundData storage stored, uint256 at) private view returns (uint256) {
        if (total == 0) return 0;
        return Vesting.vested(total, stored.settledAt, stored.vestingCliff, stored.vestingDuration, at);
    }

    /// @dev What a round may add to its stipend reserve, which holds `reserved`: the funded requests
    /// within the budget, less `reserved`, as far as the pool's available capital goes.
    function _stipendsToReserve(RoundData storage stored, uint256 reserved) private view returns (uint256) {
        uint256 target = _min(stored.fundedStipendTotal, stored.stipendBudget);
        if (target <= reserved) return 0;
        return _min(target - reserved, _pool.availableCapital(stored.stipendAsset));
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
