// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {SystemModules} from "./SystemModules.sol";

/// @title OutcomeBook
/// @notice What must be on-chain for outcomes and trustee track records, and nothing more: the
/// outcome horizon each round fixes when it opens, and the council's resolutions. Whether a funded
/// application paid off otherwise follows from events anyone can read (a technique's applications,
/// the techniques a Promise names, its paid periods), so it is computed off-chain (the SDK's
/// `trackRecord`). Everything is keyed by the grant-rounds module, whose ids restart after a migration.
/// @dev A base of `TrusteeCouncil`: the horizon in force is fixed for a round when an OpenRound
/// proposal executes (`_fixOutcomeHorizon`). Every function is O(1).
abstract contract OutcomeBook is SystemModules {
    /// @notice Shortest outcome horizon, in seconds after settlement.
    uint64 public constant MIN_OUTCOME_HORIZON = 1 days;
    /// @notice Longest outcome horizon (50 years).
    uint64 public constant MAX_OUTCOME_HORIZON = 50 * 365 days;
    /// @notice The horizon in force until the council sets one: three years after settlement.
    uint64 public constant DEFAULT_OUTCOME_HORIZON = 3 * 365 days;

    /// @dev 0 = DEFAULT_OUTCOME_HORIZON (no constructor argument, so deployments stay as they are).
    uint64 private _outcomeHorizon;
    mapping(address grantRounds => mapping(uint256 roundId => uint64 horizon)) private _roundHorizons;
    mapping(address grantRounds => mapping(uint256 applicationId => OutcomeResolution)) private _resolutions;

    /// @inheritdoc ITrusteeCouncil
    function setOutcomeHorizon(uint64 horizon) external onlySelf {
        _requireValidHorizon(horizon);
        _outcomeHorizon = horizon;
        emit OutcomeHorizonSet(horizon);
    }

    /// @inheritdoc ITrusteeCouncil
    function resolveOutcome(uint256 applicationId, bool paidOff) external onlySelf {
        address module = _system.grantRounds;
        IGrantRounds.Application memory app = IGrantRounds(module).application(applicationId);
        if (
            app.status != IGrantRounds.ApplicationStatus.Funded &&
            app.status != IGrantRounds.ApplicationStatus.Cancelled
        ) revert CouncilApplicationNotFunded(applicationId);
        if (IGrantRounds(module).round(app.roundId).settledAt == 0)
            revert CouncilRoundNotSettled(app.roundId);
        OutcomeResolution resolved = _resolutions[module][applicationId];
        if (resolved != OutcomeResolution.None) revert CouncilOutcomeAlreadyResolved(applicationId, resolved);

        _resolutions[module][applicationId] =
            paidOff ? OutcomeResolution.PaidOff : OutcomeResolution.DidNotPayOff;
        emit OutcomeResolved(module, applicationId, app.roundId, paidOff);
    }

    /// @inheritdoc ITrusteeCouncil
    function outcomeHorizon() public view returns (uint64) {
        uint64 horizon = _outcomeHorizon;
        return horizon == 0 ? DEFAULT_OUTCOME_HORIZON : horizon;
    }

    /// @inheritdoc ITrusteeCouncil
    function roundOutcomeHorizon(address grantRounds, uint256 roundId) external view returns (uint64) {
        return _roundHorizons[grantRounds][roundId];
    }

    /// @inheritdoc ITrusteeCouncil
    function outcomeResolution(
        address grantRounds,
        uint256 applicationId
    ) external view returns (OutcomeResolution) {
        return _resolutions[grantRounds][applicationId];
    }

    /// @dev Fixes the horizon in force for `roundId` of the current grant-rounds module, just opened.
    function _fixOutcomeHorizon(uint256 roundId) internal {
        address module = _system.grantRounds;
        uint64 horizon = outcomeHorizon();
        _roundHorizons[module][roundId] = horizon;
        emit OutcomeHorizonFixed(module, roundId, horizon);
    }

    function _requireValidHorizon(uint64 horizon) internal pure {
        if (horizon < MIN_OUTCOME_HORIZON || horizon > MAX_OUTCOME_HORIZON) {
            revert CouncilInvalidOutcomeHorizon(horizon, MIN_OUTCOME_HORIZON, MAX_OUTCOME_HORIZON);
        }
    }
}
