// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

import {IFundShares} from "../interfaces/IFundShares.sol";

/// @title LedgerControls
/// @notice The council's switches on the share ledger: the pause of inflows and minting, which lapses
/// by itself `maxPauseDuration` seconds after it began or was last renewed, and the switch of share
/// transfers between holders.
/// @dev A base of `FundShares`. `pausedSeconds()` accumulates the total paused time in O(1), so the
/// returns registry can extend every company's grace by the time the Fund spent paused.
abstract contract LedgerControls is AccessControl, IFundShares {
    /// @notice Shortest pause lapse accepted at deployment.
    uint64 public constant MIN_PAUSE_DURATION = 1 days;
    /// @notice Longest pause lapse accepted at deployment.
    uint64 public constant MAX_PAUSE_DURATION = 365 days;

    /// @dev The ledger's one global slot, read by every inflow, mint and transfer: the share supply
    /// (kept here, beside the pause, so that a distribution reads both in one slot), the current (or
    /// last) pause's start and lapse time, the paused seconds of every earlier pause, the transfer
    /// switch and the number of returns assets (so that a mint or transfer walks the assets without
    /// reading the list's length). Timestamps fit 40 bits until the year 36812; paused seconds fit 48
    /// bits for 8.9 million years.
    struct LedgerSlot {
        uint96 totalSupply;
        uint40 pausedAt;
        uint40 pauseEnds;
        uint48 pausedBefore;
        bool transfersEnabled;
        uint8 assetCount;
    }

    /// @notice Seconds after which a pause (or its last renewal) lapses by itself.
    uint64 public immutable maxPauseDuration;

    LedgerSlot internal _ledger;

    modifier whenNotPaused() {
        _requireNotPaused();
        _;
    }

    /// @param maxPauseDuration_ seconds a pause lasts unless renewed, MIN_PAUSE_DURATION .. MAX_PAUSE_DURATION
    constructor(uint64 maxPauseDuration_) {
        if (maxPauseDuration_ < MIN_PAUSE_DURATION || maxPauseDuration_ > MAX_PAUSE_DURATION) {
            revert FundSharesInvalidPauseDuration(maxPauseDuration_);
        }
        maxPauseDuration = maxPauseDuration_;
    }

    // ---------------------------------------------------------------- transfers

    /// @inheritdoc IFundShares
    function transfersEnabled() external view returns (bool) {
        return _ledger.transfersEnabled;
    }

    /// @inheritdoc IFundShares
    function setTransfersEnabled(bool enabled) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _ledger.transfersEnabled = enabled;
        emit TransfersEnabledSet(enabled);
    }

    // ---------------------------------------------------------------- pause

    /// @inheritdoc IFundShares
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        LedgerSlot memory clock = _ledger;
        if (_isPaused(clock)) revert FundSharesPaused(clock.pauseEnds);
        // The previous pause (if any) is over: fold its length into the total.
        if (clock.pausedAt != 0) clock.pausedBefore += clock.pauseEnds - clock.pausedAt;
        clock.pausedAt = uint40(block.timestamp);
        clock.pauseEnds = uint40(block.timestamp + maxPauseDuration);
        _ledger = clock;
        emit Paused(msg.sender, clock.pauseEnds);
    }

    /// @inheritdoc IFundShares
    function renewPause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        LedgerSlot storage clock = _ledger;
        if (!_isPaused(clock)) revert FundSharesNotPaused();
        uint40 ends = uint40(block.timestamp + maxPauseDuration);
        clock.pauseEnds = ends;
        emit PauseRenewed(msg.sender, ends);
    }

    /// @inheritdoc IFundShares
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        LedgerSlot storage clock = _ledger;
        if (!_isPaused(clock)) revert FundSharesNotPaused();
        clock.pauseEnds = uint40(block.timestamp);
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IFundShares
    function paused() public view returns (bool) {
        return block.timestamp < _ledger.pauseEnds;
    }

    /// @inheritdoc IFundShares
    function pauseState()
        external
        view
        returns (bool isPaused, uint64 pauseEnds, uint256 totalPausedSeconds)
    {
        LedgerSlot memory clock = _ledger;
        isPaused = _isPaused(clock);
        pauseEnds = isPaused ? clock.pauseEnds : 0;
        totalPausedSeconds = _pausedSeconds(clock);
    }

    /// @inheritdoc IFundShares
    function pausedSeconds() external view returns (uint256) {
        return _pausedSeconds(_ledger);
    }

    // ---------------------------------------------------------------- internals

    function _requireNotPaused() internal view {
        uint40 ends = _ledger.pauseEnds;
        if (block.timestamp < ends) revert FundSharesPaused(ends);
    }

    /// @dev Paused from `pausedAt` until (excluding) `pauseEnds`, which an unpause moves to its own
    /// time; `pauseEnds` is zero until the first pause, so the lapse time alone decides.
    function _isPaused(LedgerSlot memory clock) internal view returns (bool) {
        return block.timestamp < clock.pauseEnds;
    }

    /// @dev Every paused second so far: earlier pauses plus the elapsed part of the current or last one.
    function _pausedSeconds(LedgerSlot memory clock) internal view returns (uint256) {
        if (clock.pausedAt == 0) return 0;
        uint256 ends = block.timestamp < clock.pauseEnds ? block.timestamp : clock.pauseEnds;
        return uint256(clock.pausedBefore) + ends - clock.pausedAt;
    }
}
