// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ShortString, ShortStrings} from "@openzeppelin/contracts/utils/ShortStrings.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {Asset} from "../libraries/Asset.sol";
import {GrantEstimates} from "./GrantEstimates.sol";
import {GrantRoundsBase} from "./GrantRoundsBase.sol";

/// @title GrantRounds
/// @notice Research grants weighted by the trustees' assessed probability of success and effort:
/// apply, commit and reveal estimates, finalize, settle, then vest and claim shares and stipends.
/// @dev Built from parts: `GrantRoundsBase` (storage and shared rules), `GrantEstimates`
/// (commit–reveal and finalize); this contract adds the council's actions, applications,
/// settlement, claims and the round and application views. Rules beyond the interface:
/// - Shares: award = ⌊P × weight / Σweight⌋, so Σ awards ≤ P; the sub-share remainder of the
///   rounding (< one share unit per funded application) is never minted.
/// - Stipends: each request is at most the round's budget. At settlement the round reserves
///   R = min(Σ funded requests, budget, available capital). Awards split R by cumulative sums in
///   finalization order (see AwardMath.stipendAward): each is the request when fully covered,
///   else ⌊request × R / Σ⌋ or one unit more, and they add up to exactly R, so no rounding dust
///   is left in the reserve; whatever a cancellation frees is released in the same transaction.
/// - Pause (of the share ledger) stops opening and settling rounds — new awards — and share
///   claims (minting); stipend claims keep working (they were earned).
/// - A grant can be cancelled only after its round settled; close the round to stop it before.
/// - Deposits (spam defence): an application pays the round's deposit in ETH. It is refundable
///   (pulled by the researcher) once a trustee revealed an estimate for it, or if the round is
///   closed; at settlement the deposits of the applications nobody estimated — `applicationCount −
///   estimatedCount` of them, O(1) — go to the capital pool, so junk costs its sender the deposit
///   and the defenders nothing: it needs no transaction, not even to be finalized.
/// - Gas: claims are O(1) in applications and rounds (see `GrantEstimates` for estimates).
contract GrantRounds is GrantEstimates, ReentrancyGuardTransient {
    using Asset for address;

    /// @param council_ the trustee council: opens, closes and cancels, and says who is a trustee
    /// @param shares_ the share ledger; this contract needs its minter role
    /// @param pool_ the capital pool; this contract needs its stipend role
    constructor(
        ITrusteeCouncil council_,
        IFundShares shares_,
        ICapitalPool pool_
    ) GrantRoundsBase(council_, shares_, pool_) {}

    // ---------------------------------------------------------------- council

    /// @inheritdoc IGrantRounds
    function openRound(RoundParams calldata params) external onlyCouncil returns (uint256 roundId) {
        if (_shares.paused()) revert GrantRoundsPaused();
        if (!roundParamsValid(params)) revert GrantRoundsInvalidParams();

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
        // ≤ MAX_APPLICATION_DEPOSIT = type(uint96).max, checked above.
        stored.applicationDeposit = uint96(params.applicationDeposit);
        emit RoundOpened(roundId, params);
    }

    /// @inheritdoc IGrantRounds
    function roundParamsValid(RoundParams calldata params) public view returns (bool) {
        if (
            params.sharePool == 0 ||
            block.timestamp >= params.applicationDeadline ||
            params.applicationDeadline >= params.commitDeadline ||
            params.commitDeadline >= params.revealDeadline ||
            params.vestingDuration == 0 ||
            params.vestingDuration > MAX_VESTING_SECONDS ||
            params.vestingCliff > params.vestingDuration ||
            params.stipendBudget > MAX_STIPEND_BUDGET ||
            params.applicationDeposit > MAX_APPLICATION_DEPOSIT
        ) return false;
        return
            params.stipendBudget == 0 ||
            params.stipendAsset.isEth() ||
            _shares.isReturnsAsset(params.stipendAsset);
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
        // Timestamps fit 40 bits until the year 36812.
        app.cancelledAt = uint40(block.timestamp);
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
        string calldata title,
        string calldata uri,
        bytes32 contentHash,
        uint32 effortMonths,
        uint128 stipendRequested
    ) external payable returns (uint256 applicationId) {
        RoundData storage stored = _round(roundId);
        _requireOpen(roundId, stored);
        uint256 titleLength = bytes(title).length;
        if (titleLength == 0 || titleLength > MAX_TITLE_LENGTH)
            revert GrantRoundsInvalidTitle(titleLength, MAX_TITLE_LENGTH);
        _checkApplication(roundId, stored, bytes(uri).length, contentHash, effortMonths, stipendRequested);

        applicationId = ++_applicationCount;
        ++stored.applicationCount;
        ApplicationData storage app = _applications[applicationId];
        app.researcher = msg.sender;
        // Round ids never reach 2^32; effortMonths ≤ MAX_EFFORT_MONTHS = 1200 fits uint16.
        app.roundId = uint32(roundId);
        app.status = ApplicationStatus.Pending;
        app.effortMonths = uint16(effortMonths);
        if (stipendRequested != 0) {
            app.requestsStipend = true;
            // ≤ stipendBudget ≤ MAX_STIPEND_BUDGET = type(uint96).max.
            app.stipendRequested = uint96(stipendRequested);
        }
        app.booked = true;
        // OpenZeppelin's ShortString: the bytes left-aligned, the length in the last byte (≤ 31, so
        // the two never overlap).
        app.title = ShortString.wrap(bytes32(bytes(title)) | bytes32(titleLength));
        emit ApplicationSubmitted(
            applicationId,
            roundId,
            msg.sender,
            title,
            uri,
            contentHash,
            effortMonths,
            stipendRequested
        );
        if (_council.isTrustee(msg.sender)) {
            ++_tallies[roundId][msg.sender].recused;
            emit TrusteeRecused(applicationId, roundId, msg.sender);
        }
    }

    /// @inheritdoc IGrantRounds
    function refundDeposit(uint256 applicationId) external nonReentrant returns (uint256 amount) {
        ApplicationData storage app = _application(applicationId);
        RoundData storage stored = _rounds[app.roundId];
        amount = stored.applicationDeposit;
        if (amount == 0 || app.depositRefunded || !(app.estimated || stored.status == RoundStatus.Closed)) {
            revert GrantRoundsNoDepositToRefund(applicationId);
        }
        address researcher = app.researcher;
        app.depositRefunded = true;
        emit DepositRefunded(applicationId, researcher, amount);
        Asset.ETH.pay(researcher, amount);
    }

    /// @inheritdoc IGrantRounds
    function claimShares(uint256 applicationId) external nonReentrant returns (uint256 amount) {
        (ApplicationData storage app, RoundData storage stored) = _claimant(applicationId);
        uint256 vested = _vestedShares(app, stored);
        amount = _unclaimed(applicationId, vested, app.sharesClaimed);
        // vested ≤ award ≤ sharePool, a uint128.
        app.sharesClaimed = uint128(vested);
        emit SharesClaimed(applicationId, msg.sender, amount);
        _shares.mint(msg.sender, amount);
    }

    /// @inheritdoc IGrantRounds
    function claimStipend(uint256 applicationId) external nonReentrant returns (uint256 amount) {
        (ApplicationData storage app, RoundData storage stored) = _claimant(applicationId);
        uint256 vested = _vestedStipend(app, stored);
        amount = _unclaimed(applicationId, vested, app.stipendClaimed);
        // vested ≤ stipend award ≤ assessed stipend, a uint96.
        app.stipendClaimed = uint96(vested);
        address asset = stored.stipendAsset;
        emit StipendClaimed(applicationId, msg.sender, asset, amount);
        _pool.payStipend(asset, msg.sender, amount);
    }

    // ---------------------------------------------------------------- anyone

    /// @inheritdoc IGrantRounds
    function settleRound(uint256 roundId) external nonReentrant {
        RoundData storage stored = _round(roundId);
        _requireOpen(roundId, stored);
        _requirePhase(roundId, stored.revealDeadline, type(uint64).max);
        uint256 estimated = stored.estimatedCount;
        if (stored.finalizedCount != estimated) {
            revert GrantRoundsNotAllFinalized(roundId, stored.finalizedCount, estimated);
        }
        if (_shares.paused()) revert GrantRoundsPaused();

        address asset = stored.stipendAsset;
        uint256 reserved = _stipendsToReserve(stored, 0);
        uint256 unestimated = stored.applicationCount - estimated;
        uint256 forfeited = unestimated * stored.applicationDeposit;

        stored.status = RoundStatus.Settled;
        stored.settledAt = uint40(block.timestamp);
        // reserved ≤ stipendBudget, a uint128.
        stored.stipendReserved = uint128(reserved);
        emit RoundSettled(roundId, stored.totalWeight, stored.fundedCount, reserved);
        if (forfeited != 0) emit DepositsForfeited(roundId, unestimated, forfeited);
        if (reserved != 0) _pool.reserveStipends(asset, reserved);
        if (forfeited != 0) _pool.depositCapital{value: forfeited}(Asset.ETH, forfeited, 0);
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
    function round(uint256 roundId) external view returns (Round memory view_) {
        RoundData storage stored = _round(roundId);
        RoundParams memory params = view_.params;
        params.sharePool = stored.sharePool;
        params.applicationDeadline = stored.applicationDeadline;
        params.commitDeadline = stored.commitDeadline;
        params.revealDeadline = stored.revealDeadline;
        params.vestingCliff = stored.vestingCliff;
        params.vestingDuration = stored.vestingDuration;
        params.stipendAsset = stored.stipendAsset;
        params.stipendBudget = stored.stipendBudget;
        params.applicationDeposit = stored.applicationDeposit;
        view_.status = stored.status;
        view_.settledAt = stored.settledAt;
        view_.applicationCount = stored.applicationCount;
        view_.estimatedCount = stored.estimatedCount;
        view_.finalizedCount = stored.finalizedCount;
        view_.fundedCount = stored.fundedCount;
        view_.totalWeight = stored.totalWeight;
        view_.fundedStipendTotal = stored.fundedStipendTotal;
        view_.stipendReserved = stored.stipendReserved;
    }

    /// @inheritdoc IGrantRounds
    /// @dev A pending application that nobody estimated reads as Unfunded once its round's reveal
    /// phase is over: it can no longer be estimated, so it is unfunded without a transaction.
    function application(uint256 applicationId) external view returns (Application memory view_) {
        ApplicationData storage app = _application(applicationId);
        view_.roundId = app.roundId;
        view_.researcher = app.researcher;
        view_.status = app.status;
        if (
            view_.status == ApplicationStatus.Pending &&
            !app.estimated &&
            block.timestamp > _rounds[view_.roundId].revealDeadline
        ) view_.status = ApplicationStatus.Unfunded;
        view_.effortMonths = app.effortMonths;
        view_.stipendRequested = app.stipendRequested;
        view_.estimated = app.estimated;
        view_.depositRefunded = app.depositRefunded;
        view_.committedCount = app.committedCount;
        view_.revealedCount = app.revealedCount;
        view_.medianProbabilityBps = app.medianProbabilityBps;
        view_.medianEffortMonths = app.medianEffortMonths;
        view_.medianStipend = app.medianStipend;
        view_.cancelledAt = app.cancelledAt;
        view_.weight = app.weight;
        view_.sharesClaimed = app.sharesClaimed;
        view_.stipendClaimed = app.stipendClaimed;
        view_.title = ShortStrings.toString(app.title);
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
        return _vestedShares(app, _rounds[app.roundId]);
    }

    /// @inheritdoc IGrantRounds
    function claimableShares(uint256 applicationId) external view returns (uint256) {
        return vestedShares(applicationId) - _applications[applicationId].sharesClaimed;
    }

    /// @inheritdoc IGrantRounds
    function claimableStipend(uint256 applicationId) external view returns (uint256) {
        ApplicationData storage app = _applications[applicationId];
        return _vestedStipend(app, _rounds[app.roundId]) - app.stipendClaimed;
    }

    // ---------------------------------------------------------------- internals

    /// @dev The checks of `submitApplication` after the title's: phase, URI length, hash, effort,
    /// stipend (within the budget) and deposit.
    function _checkApplication(
        uint256 roundId,
        RoundData storage stored,
        uint256 uriLength,
        bytes32 contentHash,
        uint32 effortMonths,
        uint128 stipendRequested
    ) private view {
        uint64 deadline = stored.applicationDeadline;
        if (block.timestamp > deadline)
            revert GrantRoundsWrongPhase(roundId, uint64(block.timestamp), 0, deadline);
        if (uriLength == 0 || uriLength > MAX_URI_LENGTH)
            revert GrantRoundsInvalidUri(uriLength, MAX_URI_LENGTH);
        if (contentHash == bytes32(0) || effortMonths == 0 || effortMonths > MAX_EFFORT_MONTHS)
            revert GrantRoundsInvalidApplication();
        if (stipendRequested != 0) {
            uint256 budget = stored.stipendBudget;
            if (stipendRequested > budget) revert GrantRoundsStipendAboveBudget(stipendRequested, budget);
        }
        uint256 deposit = stored.applicationDeposit;
        if (msg.value != deposit) revert GrantRoundsWrongDeposit(deposit, msg.value);
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
}
