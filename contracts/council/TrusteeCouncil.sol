// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {IOfferings} from "../interfaces/IOfferings.sol";
import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {TextBounds} from "../libraries/TextBounds.sol";
import {OutcomeBook} from "./OutcomeBook.sol";
import {SystemModules} from "./SystemModules.sol";

/// @title TrusteeCouncil
/// @notice The M-of-N multisig of the Fund's trustees: every privileged power of the Fund is a typed
/// proposal here, executed once approvals from current trustees reach the threshold.
/// @dev Membership (trustees, threshold, generations) lives in `TrusteeMembership`, the bound system
/// and module migrations in `SystemModules`, outcome horizons and resolutions in `OutcomeBook`; this contract holds the proposals, checks their
/// arguments when proposed and routes executed ones. Every action, the council's own included, is
/// one call that may fail: a failure is recorded (`ProposalExecutionFailed`, `failedAt`) instead of
/// reverting, and the proposal may be executed again until it expires. Approvals are counted live against the current
/// trustee set (a loop over at most MAX_TRUSTEES seats). An approval records the membership
/// generation it was given under: a removed trustee's approvals stop counting and do not come back
/// if the address is added again later.
/// Nothing assumes trustees are EOAs: no tx.origin, no code-size checks, no signatures.
contract TrusteeCouncil is OutcomeBook, ReentrancyGuardTransient {
    /// @notice Shortest proposal lifetime accepted at deployment.
    uint64 public constant MIN_PROPOSAL_LIFETIME = 1 hours;
    /// @notice Longest proposal lifetime accepted at deployment.
    uint64 public constant MAX_PROPOSAL_LIFETIME = 90 days;

    /// @dev Slot 0 is all that approve and execute need before counting approvals.
    struct StoredProposal {
        ActionKind kind;
        uint64 expiresAt;
        bool executed;
        uint64 failedAt;
        address proposer;
        uint64 createdAt;
        bytes args;
    }

    uint64 private immutable _proposalLifetime;

    uint256 private _proposalCount;
    mapping(uint256 proposalId => StoredProposal) private _proposals;
    mapping(uint256 proposalId => mapping(address trustee => uint64 generation)) private _approvals;

    /// @param initialTrustees the first trustees: 1 .. MAX_TRUSTEES distinct, non-zero addresses
    /// @param initialThreshold M, 1 ≤ M ≤ N
    /// @param lifetime seconds a proposal stays open, MIN_PROPOSAL_LIFETIME .. MAX_PROPOSAL_LIFETIME
    /// @param delay seconds between a migration's announcement and its earliest execution,
    /// MIN_MIGRATION_DELAY .. MAX_MIGRATION_DELAY
    constructor(
        address[] memory initialTrustees,
        uint256 initialThreshold,
        uint64 lifetime,
        uint64 delay
    ) SystemModules(delay) {
        if (lifetime < MIN_PROPOSAL_LIFETIME || lifetime > MAX_PROPOSAL_LIFETIME) {
            revert CouncilInvalidLifetime(lifetime);
        }
        _proposalLifetime = lifetime;
        _initMembership(initialTrustees, initialThreshold);
    }

    // ---------------------------------------------------------------- proposals

    /// @inheritdoc ITrusteeCouncil
    function propose(ActionKind kind, bytes calldata args) external returns (uint256 proposalId) {
        uint64 generation = _generationOf(msg.sender);
        _checkArgs(kind, args);
        proposalId = ++_proposalCount;
        uint64 createdAt = uint64(block.timestamp);
        uint64 expiresAt = createdAt + _proposalLifetime;
        StoredProposal storage stored = _proposals[proposalId];
        stored.kind = kind;
        stored.expiresAt = expiresAt;
        stored.proposer = msg.sender;
        stored.createdAt = createdAt;
        stored.args = args;
        _approvals[proposalId][msg.sender] = generation;
        emit ProposalCreated(proposalId, kind, msg.sender, args, expiresAt);
        emit ProposalApproved(proposalId, msg.sender);
    }

    /// @inheritdoc ITrusteeCouncil
    function approve(uint256 proposalId) external {
        uint64 generation = _generationOf(msg.sender);
        _openProposal(proposalId);
        if (_approvals[proposalId][msg.sender] == generation)
            revert CouncilAlreadyApproved(proposalId, msg.sender);
        _approvals[proposalId][msg.sender] = generation;
        emit ProposalApproved(proposalId, msg.sender);
    }

    /// @inheritdoc ITrusteeCouncil
    function revokeApproval(uint256 proposalId) external {
        StoredProposal storage stored = _known(proposalId);
        if (stored.executed) revert CouncilProposalAlreadyExecuted(proposalId);
        if (!_hasApproved(proposalId, msg.sender)) revert CouncilNotApproved(proposalId, msg.sender);
        delete _approvals[proposalId][msg.sender];
        emit ApprovalRevoked(proposalId, msg.sender);
    }

    /// @inheritdoc ITrusteeCouncil
    /// @dev The action is one call — to the council itself for its own kinds, else to a bound
    /// system contract — so every kind's failure is caught and recorded alike. A call that failed
    /// with (almost) all the gas the executor allowed is not recorded: the executor could otherwise
    /// mark any proposal failed by sending too little gas.
    function execute(uint256 proposalId) external nonReentrant returns (bytes memory result) {
        StoredProposal storage stored = _openProposal(proposalId);
        uint256 approvals = _countApprovals(proposalId);
        uint256 required = _threshold();
        if (approvals < required) revert CouncilInsufficientApprovals(proposalId, approvals, required);
        stored.executed = true;

        ActionKind kind = stored.kind;
        (address target, bytes4 selector) = _isCouncilKind(kind) ? _councilRoute(kind) : _route(kind);
        uint256 gasBefore = gasleft();
        // The target is the council or one of the Fund's own contracts; `nonReentrant` rules out a
        // nested execution, and the event follows because it carries the call's outcome. A low-level
        // call because a failure must be recorded, not bubbled.
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory returned) = target.call(bytes.concat(selector, stored.args));
        if (!ok) {
            if (gasleft() <= gasBefore / 64) revert CouncilExecutionOutOfGas(proposalId);
            stored.executed = false;
            stored.failedAt = uint64(block.timestamp);
            emit ProposalExecutionFailed(proposalId, kind, msg.sender, returned);
            return returned;
        }
        // A round fixes the outcome horizon in force when it opens (its id is what openRound returned).
        if (kind == ActionKind.OpenRound) _fixOutcomeHorizon(abi.decode(returned, (uint256)));
        emit ProposalExecuted(proposalId, kind, msg.sender, returned);
        return returned;
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ITrusteeCouncil
    function proposal(uint256 proposalId) external view returns (Proposal memory) {
        StoredProposal storage stored = _known(proposalId);
        return
            Proposal({
                kind: stored.kind,
                proposer: stored.proposer,
                createdAt: stored.createdAt,
                expiresAt: stored.expiresAt,
                executed: stored.executed,
                failedAt: stored.failedAt,
                args: stored.args
            });
    }

    /// @inheritdoc ITrusteeCouncil
    function proposalCount() external view returns (uint256) {
        return _proposalCount;
    }

    /// @inheritdoc ITrusteeCouncil
    function approvalCount(uint256 proposalId) external view returns (uint256) {
        _known(proposalId);
        return _countApprovals(proposalId);
    }

    /// @inheritdoc ITrusteeCouncil
    function hasApproved(uint256 proposalId, address trustee) external view returns (bool) {
        _known(proposalId);
        return _hasApproved(proposalId, trustee);
    }

    /// @inheritdoc ITrusteeCouncil
    function proposalLifetime() external view returns (uint64) {
        return _proposalLifetime;
    }

    // ---------------------------------------------------------------- internals

    function _hasApproved(uint256 proposalId, address trustee) private view returns (bool) {
        return _approvedNow(_approvals[proposalId], trustee);
    }

    /// @dev Approvals from current trustees under their current membership; at most MAX_TRUSTEES iterations.
    function _countApprovals(uint256 proposalId) private view returns (uint256) {
        return _countCurrent(_approvals[proposalId]);
    }

    function _known(uint256 proposalId) private view returns (StoredProposal storage stored) {
        stored = _proposals[proposalId];
        if (stored.expiresAt == 0) revert CouncilUnknownProposal(proposalId);
    }

    /// @dev A known proposal that is neither executed nor expired.
    function _openProposal(uint256 proposalId) private view returns (StoredProposal storage stored) {
        stored = _known(proposalId);
        if (stored.executed) revert CouncilProposalAlreadyExecuted(proposalId);
        uint64 expiresAt = stored.expiresAt;
        if (block.timestamp > expiresAt) revert CouncilProposalExpired(proposalId, expiresAt);
    }

    /// @dev The kinds the council carries out on itself (its `onlySelf` functions of the same name).
    function _isCouncilKind(ActionKind kind) private pure returns (bool) {
        return
            kind == ActionKind.AddTrustee ||
            kind == ActionKind.RemoveTrustee ||
            kind == ActionKind.ChangeThreshold ||
            kind == ActionKind.AnnounceMigration ||
            kind == ActionKind.CancelMigration ||
            kind == ActionKind.ResolveOutcome ||
            kind == ActionKind.SetOutcomeHorizon;
    }

    function _councilRoute(ActionKind kind) private view returns (address target, bytes4 selector) {
        if (kind == ActionKind.AddTrustee) return (address(this), this.addTrustee.selector);
        if (kind == ActionKind.RemoveTrustee) return (address(this), this.removeTrustee.selector);
        if (kind == ActionKind.ChangeThreshold) return (address(this), this.changeThreshold.selector);
        if (kind == ActionKind.AnnounceMigration) return (address(this), this.announceMigration.selector);
        if (kind == ActionKind.ResolveOutcome) return (address(this), this.resolveOutcome.selector);
        if (kind == ActionKind.SetOutcomeHorizon) return (address(this), this.setOutcomeHorizon.selector);
        return (address(this), this.cancelMigration.selector);
    }

    /// @dev The function of a bound system contract each system kind calls, with `args` as its
    /// ABI-encoded parameters. The SDK's action table is generated from this function's statements.
    function _route(ActionKind kind) private view returns (address target, bytes4 selector) {
        SystemContracts storage system = _system;
        if (kind == ActionKind.OpenRound) return (system.grantRounds, IGrantRounds.openRound.selector);
        if (kind == ActionKind.CloseRound) return (system.grantRounds, IGrantRounds.closeRound.selector);
        if (kind == ActionKind.CancelGrant) return (system.grantRounds, IGrantRounds.cancelGrant.selector);
        if (kind == ActionKind.SetTransfersEnabled)
            return (system.shares, IFundShares.setTransfersEnabled.selector);
        if (kind == ActionKind.Pause) return (system.shares, IFundShares.pause.selector);
        if (kind == ActionKind.Unpause) return (system.shares, IFundShares.unpause.selector);
        if (kind == ActionKind.RenewPause) return (system.shares, IFundShares.renewPause.selector);
        if (kind == ActionKind.AddReturnsAsset) return (system.shares, IFundShares.addReturnsAsset.selector);
        if (kind == ActionKind.OpenOffering) return (system.offerings, IOfferings.openOffering.selector);
        if (kind == ActionKind.CloseOffering) return (system.offerings, IOfferings.closeOffering.selector);
        if (kind == ActionKind.RecoverOfferingsStrays)
            return (system.offerings, IOfferings.recoverStrays.selector);
        if (kind == ActionKind.RecoverPoolStrays)
            return (system.capitalPool, ICapitalPool.recoverStrays.selector);
        if (kind == ActionKind.RegisterTechnique) {
            return (system.returnsRegistry, IReturnsRegistry.registerTechnique.selector);
        }
        if (kind == ActionKind.RetireTechnique) {
            return (system.returnsRegistry, IReturnsRegistry.retireTechnique.selector);
        }
        if (kind == ActionKind.DisputeReport)
            return (system.returnsRegistry, IReturnsRegistry.disputeReport.selector);
        // The only kind left: ResolveDispute (the council's own kinds never get here).
        return (system.returnsRegistry, IReturnsRegistry.resolveDispute.selector);
    }

    /// @dev Refuses, at proposal time, arguments that can never execute: the wrong shape, values out
    /// of range, membership changes the current trustee set rules out, unknown applications, empty
    /// texts, migrations the module registry rules out. The routed function still checks everything
    /// against the state at execution. Every kind but the membership ones needs the bound system.
    function _checkArgs(ActionKind kind, bytes calldata args) private view {
        uint256 length = args.length;
        if (kind == ActionKind.AddTrustee || kind == ActionKind.RemoveTrustee) {
            if (length != 32 || uint256(bytes32(args)) > type(uint160).max) revert CouncilInvalidArgs(kind);
            address account = abi.decode(args, (address));
            if (kind == ActionKind.AddTrustee) _requireCanAdd(account);
            else _requireCanRemove(account);
            return;
        }
        if (kind == ActionKind.ChangeThreshold) {
            if (length != 32) revert CouncilInvalidArgs(kind);
            _requireValidThreshold(uint256(bytes32(args)));
            return;
        }
        if (!_isBound()) revert CouncilNotBound();
        if (!_argsShapeOk(kind, args)) revert CouncilInvalidArgs(kind);
        if (kind == ActionKind.RegisterTechnique) _checkTechnique(args);
        else if (kind == ActionKind.OpenRound) _checkRound(args);
        else if (kind == ActionKind.ResolveOutcome) _checkOutcome(args);
        else if (kind == ActionKind.SetOutcomeHorizon) _requireValidHorizon(uint64(uint256(bytes32(args))));
        else if (kind == ActionKind.AnnounceMigration) {
            (Module module, address newModule, ) = abi.decode(args, (Module, address, bool));
            _requireCanAnnounce(module, newModule);
        } else if (kind == ActionKind.CancelMigration) {
            _requirePending(abi.decode(args, (Module)));
        }
    }

    /// @dev The static shape of `args` for every kind but the membership ones.
    function _argsShapeOk(ActionKind kind, bytes calldata args) private pure returns (bool) {
        uint256 length = args.length;
        if (kind == ActionKind.AddReturnsAsset) return length == 32 && _isAddressWord(args, 0);
        if (kind == ActionKind.SetTransfersEnabled) return length == 32 && uint256(bytes32(args)) <= 1;
        if (kind == ActionKind.Pause || kind == ActionKind.Unpause || kind == ActionKind.RenewPause) {
            return length == 0;
        }
        if (
            kind == ActionKind.CloseRound ||
            kind == ActionKind.CancelGrant ||
            kind == ActionKind.CloseOffering ||
            kind == ActionKind.RetireTechnique
        ) return length == 32;
        // RoundParams: nine static words; OfferingParams: seven.
        if (kind == ActionKind.OpenRound) return length == 9 * 32;
        // (applicationId, paidOff): a known application id is checked by `_checkArgs`.
        if (kind == ActionKind.ResolveOutcome) return length == 2 * 32 && uint256(bytes32(args[32:64])) <= 1;
        // (uint64 horizon): its bounds are checked by `_checkArgs`.
        if (kind == ActionKind.SetOutcomeHorizon) return length == 32 && uint256(bytes32(args)) >> 64 == 0;
        if (kind == ActionKind.OpenOffering) return length == 7 * 32;
        if (kind == ActionKind.DisputeReport || kind == ActionKind.ResolveDispute) return length == 3 * 32;
        // (asset, to, amount): a non-zero recipient and amount.
        if (kind == ActionKind.RecoverOfferingsStrays || kind == ActionKind.RecoverPoolStrays) {
            return
                length == 3 * 32 &&
                _isAddressWord(args, 0) &&
                _isAddressWord(args, 1) &&
                uint256(bytes32(args[32:64])) != 0 &&
                uint256(bytes32(args[64:96])) != 0;
        }
        // (Module, address, bool) and (Module): a module the enum has.
        uint256 lastModule = uint256(type(Module).max);
        if (kind == ActionKind.AnnounceMigration) {
            return
                length == 3 * 32 &&
                uint256(bytes32(args[:32])) <= lastModule &&
                _isAddressWord(args, 1) &&
                uint256(bytes32(args[64:96])) <= 1;
        }
        if (kind == ActionKind.CancelMigration) return length == 32 && uint256(bytes32(args)) <= lastModule;
        // RegisterTechnique (string, string, bytes32, uint256[]): four head words and three length words at least.
        return length >= 7 * 32;
    }

    /// @dev A technique needs a title, a URI and a content hash, and may only name applications the
    /// current grant-rounds module has (ids run from 1 to its application count). The loop runs over
    /// the proposer's own list.
    function _checkTechnique(bytes calldata args) private view {
        (string memory title, string memory uri, bytes32 contentHash, uint256[] memory applicationIds) = abi
            .decode(args, (string, string, bytes32, uint256[]));
        if (
            bytes(title).length == 0 ||
            bytes(title).length > TextBounds.MAX_NAME_LENGTH ||
            bytes(uri).length == 0 ||
            bytes(uri).length > TextBounds.MAX_URI_LENGTH ||
            contentHash == bytes32(0) ||
            applicationIds.length > TextBounds.MAX_APPLICATIONS_PER_TECHNIQUE
        ) {
            revert CouncilInvalidArgs(ActionKind.RegisterTechnique);
        }
        uint256 known = IGrantRounds(_system.grantRounds).applicationCount();
        for (uint256 i; i < applicationIds.length; ++i) {
            uint256 id = applicationIds[i];
            if (id == 0 || id > known) revert CouncilUnknownApplication(id);
        }
    }

    /// @dev A round the current grant-rounds module would open now: ordered deadlines in the future,
    /// a share pool, vesting, stipend budget and application deposit within its bounds, a known
    /// stipend asset (its `roundParamsValid`). Each word must fit its field's type first.
    function _checkRound(bytes calldata args) private view {
        // RoundParams: uint128, uint64 ×3, uint64 ×2, address, uint128, uint128.
        uint8[9] memory bits = [128, 64, 64, 64, 64, 64, 160, 128, 128];
        for (uint256 i; i < 9; ++i) {
            if (uint256(bytes32(args[i * 32:(i + 1) * 32])) >> bits[i] != 0)
                revert CouncilInvalidArgs(ActionKind.OpenRound);
        }
        IGrantRounds.RoundParams memory params = abi.decode(args, (IGrantRounds.RoundParams));
        if (!IGrantRounds(_system.grantRounds).roundParamsValid(params)) {
            revert CouncilInvalidArgs(ActionKind.OpenRound);
        }
    }

    /// @dev An outcome can only be resolved for an application the current grant-rounds module has;
    /// whether it is funded and settled is checked at execution (it may still become so meanwhile).
    function _checkOutcome(bytes calldata args) private view {
        uint256 id = uint256(bytes32(args[:32]));
        if (id == 0 || id > IGrantRounds(_system.grantRounds).applicationCount())
            revert CouncilUnknownApplication(id);
    }

    /// @dev Whether the 32-byte word at `index` of `args` holds an address.
    function _isAddressWord(bytes calldata args, uint256 index) private pure returns (bool) {
        return uint256(bytes32(args[index * 32:(index + 1) * 32])) <= type(uint160).max;
    }
}
