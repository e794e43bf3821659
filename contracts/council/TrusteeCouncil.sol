// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {IOfferings} from "../interfaces/IOfferings.sol";
import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {TrusteeMembership} from "./TrusteeMembership.sol";

/// @title TrusteeCouncil
/// @notice The M-of-N multisig of the Fund's trustees: every privileged power of the Fund is a typed
/// proposal here, executed once approvals from current trustees reach the threshold.
/// @dev Membership (trustees, threshold, generations) lives in `TrusteeMembership`; this contract
/// holds the proposals and routes executed ones. Approvals are counted live against the current
/// trustee set (a loop over at most MAX_TRUSTEES seats). An approval records the membership
/// generation it was given under: a removed trustee's approvals stop counting and do not come back
/// if the address is added again later.
/// Nothing assumes trustees are EOAs: no tx.origin, no code-size checks, no signatures.
contract TrusteeCouncil is TrusteeMembership, ReentrancyGuardTransient {
    /// @notice Shortest proposal lifetime accepted at deployment.
    uint64 public constant MIN_PROPOSAL_LIFETIME = 1 hours;
    /// @notice Longest proposal lifetime accepted at deployment.
    uint64 public constant MAX_PROPOSAL_LIFETIME = 90 days;

    /// @dev Slot 0 is all that approve and execute need before counting approvals.
    struct StoredProposal {
        ActionKind kind;
        uint64 expiresAt;
        bool executed;
        address proposer;
        uint64 createdAt;
        bytes args;
    }

    address private immutable _deployer;
    uint64 private immutable _proposalLifetime;

    SystemContracts private _system;
    uint256 private _proposalCount;
    mapping(uint256 proposalId => StoredProposal) private _proposals;
    mapping(uint256 proposalId => mapping(address trustee => uint64 generation)) private _approvals;

    /// @param initialTrustees the first trustees: 1 .. MAX_TRUSTEES distinct, non-zero addresses
    /// @param initialThreshold M, 1 ≤ M ≤ N
    /// @param lifetime seconds a proposal stays open, MIN_PROPOSAL_LIFETIME .. MAX_PROPOSAL_LIFETIME
    constructor(address[] memory initialTrustees, uint256 initialThreshold, uint64 lifetime) {
        if (lifetime < MIN_PROPOSAL_LIFETIME || lifetime > MAX_PROPOSAL_LIFETIME) {
            revert CouncilInvalidLifetime(lifetime);
        }
        _deployer = msg.sender;
        _proposalLifetime = lifetime;
        _initMembership(initialTrustees, initialThreshold);
    }

    // ---------------------------------------------------------------- wiring

    /// @inheritdoc ITrusteeCouncil
    function bindSystem(SystemContracts calldata system) external {
        if (msg.sender != _deployer) revert CouncilNotDeployer(msg.sender);
        if (_isBound()) revert CouncilAlreadyBound();
        if (
            system.shares == address(0) ||
            system.grantRounds == address(0) ||
            system.offerings == address(0) ||
            system.capitalPool == address(0) ||
            system.returnsRegistry == address(0)
        ) revert CouncilNotSystemContract(address(0));
        _system = system;
        emit SystemBound(system);
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
    function execute(uint256 proposalId) external nonReentrant returns (bytes memory result) {
        StoredProposal storage stored = _openProposal(proposalId);
        uint256 approvals = _countApprovals(proposalId);
        uint256 required = _threshold();
        if (approvals < required) revert CouncilInsufficientApprovals(proposalId, approvals, required);
        stored.executed = true;

        ActionKind kind = stored.kind;
        bytes memory args = stored.args;
        if (kind == ActionKind.AddTrustee) {
            _addTrustee(abi.decode(args, (address)));
        } else if (kind == ActionKind.RemoveTrustee) {
            _removeTrustee(abi.decode(args, (address)));
        } else if (kind == ActionKind.ChangeThreshold) {
            _changeThreshold(abi.decode(args, (uint256)));
        } else {
            (address target, bytes memory data) = _systemCall(kind, args);
            // Bubbles the inner revert data unchanged, so callers see the target's custom error.
            result = Address.functionCall(target, data);
        }
        // Emitted after the routed call because it carries the call's result; the call goes only
        // to the Fund's own contracts and `nonReentrant` rules out a nested execution.
        emit ProposalExecuted(proposalId, kind, msg.sender, result);
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

    /// @inheritdoc ITrusteeCouncil
    function systemContracts() external view returns (SystemContracts memory) {
        return _system;
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

    function _isBound() private view returns (bool) {
        return _system.shares != address(0);
    }

    function _isSystemTarget(address target) private view returns (bool) {
        SystemContracts storage system = _system;
        return
            target == address(this) ||
            target == system.shares ||
            target == system.grantRounds ||
            target == system.offerings ||
            target == system.capitalPool ||
            target == system.returnsRegistry;
    }

    /// @dev Target and calldata of a system kind: `CallSystem` names both; every other kind routes
    /// to a fixed function of a bound contract with `args` as its ABI-encoded parameters.
    function _systemCall(
        ActionKind kind,
        bytes memory args
    ) private view returns (address target, bytes memory data) {
        if (kind == ActionKind.CallSystem) {
            (target, data) = abi.decode(args, (address, bytes));
            if (!_isSystemTarget(target)) revert CouncilNotSystemContract(target);
            return (target, data);
        }
        bytes4 selector;
        (target, selector) = _route(kind);
        data = bytes.concat(selector, args);
    }

    function _route(ActionKind kind) private view returns (address target, bytes4 selector) {
        SystemContracts storage system = _system;
        if (kind == ActionKind.OpenRound) return (system.grantRounds, IGrantRounds.openRound.selector);
        if (kind == ActionKind.CloseRound) return (system.grantRounds, IGrantRounds.closeRound.selector);
        if (kind == ActionKind.CancelGrant) return (system.grantRounds, IGrantRounds.cancelGrant.selector);
        if (kind == ActionKind.SetTransfersEnabled)
            return (system.shares, IFundShares.setTransfersEnabled.selector);
        if (kind == ActionKind.Pause) return (system.shares, IFundShares.pause.selector);
        if (kind == ActionKind.Unpause) return (system.shares, IFundShares.unpause.selector);
        if (kind == ActionKind.AddReturnsAsset) return (system.shares, IFundShares.addReturnsAsset.selector);
        if (kind == ActionKind.OpenOffering) return (system.offerings, IOfferings.openOffering.selector);
        if (kind == ActionKind.CloseOffering) return (system.offerings, IOfferings.closeOffering.selector);
        if (kind == ActionKind.RegisterTechnique) {
            return (system.returnsRegistry, IReturnsRegistry.registerTechnique.selector);
        }
        if (kind == ActionKind.RetireTechnique) {
            return (system.returnsRegistry, IReturnsRegistry.retireTechnique.selector);
        }
        if (kind == ActionKind.DisputeReport)
            return (system.returnsRegistry, IReturnsRegistry.disputeReport.selector);
        // The only kind left: ResolveDispute (CallSystem and the council-internal kinds never get here).
        return (system.returnsRegistry, IReturnsRegistry.resolveDispute.selector);
    }

    /// @dev Cheap shape checks of `args` at proposal time; the routed function validates values
    /// against the state at execution. System kinds need the bound system.
    function _checkArgs(ActionKind kind, bytes calldata args) private view {
        uint256 length = args.length;
        bool ok;
        if (kind == ActionKind.AddTrustee || kind == ActionKind.RemoveTrustee) {
            ok = length == 32 && uint256(bytes32(args)) <= type(uint160).max;
        } else if (kind == ActionKind.ChangeThreshold) {
            ok = length == 32 && uint256(bytes32(args)) != 0;
        } else {
            if (!_isBound()) revert CouncilNotBound();
            ok = _systemArgsShapeOk(kind, args);
        }
        if (!ok) revert CouncilInvalidArgs(kind);
    }

    function _systemArgsShapeOk(ActionKind kind, bytes calldata args) private view returns (bool) {
        uint256 length = args.length;
        if (kind == ActionKind.AddReturnsAsset)
            return length == 32 && uint256(bytes32(args)) <= type(uint160).max;
        if (kind == ActionKind.SetTransfersEnabled) return length == 32 && uint256(bytes32(args)) <= 1;
        if (kind == ActionKind.Pause || kind == ActionKind.Unpause) return length == 0;
        if (
            kind == ActionKind.CloseRound ||
            kind == ActionKind.CancelGrant ||
            kind == ActionKind.CloseOffering ||
            kind == ActionKind.RetireTechnique
        ) return length == 32;
        // RoundParams: nine static words; OfferingParams: seven.
        if (kind == ActionKind.OpenRound) return length == 9 * 32;
        if (kind == ActionKind.OpenOffering) return length == 7 * 32;
        if (kind == ActionKind.DisputeReport || kind == ActionKind.ResolveDispute) return length == 3 * 32;
        // (string, string, bytes32, uint256[]): four head words and three length words at least.
        if (kind == ActionKind.RegisterTechnique) return length >= 7 * 32;
        // CallSystem (address, bytes): two head words and a length word at least; the target must be ours.
        if (length < 3 * 32 || uint256(bytes32(args[:32])) > type(uint160).max) return false;
        (address target, ) = abi.decode(args, (address, bytes));
        if (!_isSystemTarget(target)) revert CouncilNotSystemContract(target);
        return true;
    }
}
