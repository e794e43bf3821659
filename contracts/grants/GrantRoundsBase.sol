// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {GrantMath} from "../libraries/GrantMath.sol";
import {Vesting} from "../libraries/Vesting.sol";

/// @title GrantRoundsBase
/// @notice What every part of `GrantRounds` shares: the Fund contracts it works with, the rounds and
/// applications as stored, and the rules read everywhere (phases, awards, vesting, stipend reserve).
/// @dev State is `internal` so that the parts (`GrantEstimates`, `GrantRounds`) read and write the
/// same packed slots directly: splitting the contract must not add a call or a slot to a hot path.
abstract contract GrantRoundsBase is IGrantRounds {
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

    ITrusteeCouncil internal immutable _council;
    IFundShares internal immutable _shares;
    ICapitalPool internal immutable _pool;

    uint256 internal _roundCount;
    uint256 internal _applicationCount;
    mapping(uint256 roundId => RoundData) internal _rounds;
    mapping(uint256 applicationId => ApplicationData) internal _applications;

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
    /// @param pool_ the capital pool; `GrantRounds` needs its stipend role
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

    // ---------------------------------------------------------------- views

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
        return GrantMath.shareAward(stored.sharePool, app.weight, stored.totalWeight);
    }

    function _stipendAward(
        ApplicationData storage app,
        RoundData storage stored
    ) internal view returns (uint256) {
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
    function _vestingStop(ApplicationData storage app) internal view returns (uint256) {
        uint64 cancelledAt = app.cancelledAt;
        return cancelledAt == 0 ? block.timestamp : cancelledAt;
    }

    function _vested(uint256 total, RoundData storage stored, uint256 at) internal view returns (uint256) {
        if (total == 0) return 0;
        return Vesting.vested(total, stored.settledAt, stored.vestingCliff, stored.vestingDuration, at);
    }

    /// @dev What a round may add to its stipend reserve, which holds `reserved`: the funded requests
    /// within the budget, less `reserved`, as far as the pool's available capital goes.
    function _stipendsToReserve(RoundData storage stored, uint256 reserved) internal view returns (uint256) {
        uint256 target = _min(stored.fundedStipendTotal, stored.stipendBudget);
        if (target <= reserved) return 0;
        return _min(target - reserved, _pool.availableCapital(stored.stipendAsset));
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
