// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TrusteeCouncil} from "../../../contracts/council/TrusteeCouncil.sol";
import {ITrusteeCouncil} from "../../../contracts/interfaces/ITrusteeCouncil.sol";
import {SystemCallRecorderMock} from "../../../contracts/mocks/SystemCallRecorderMock.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Drives a council at random — proposals, approvals, revocations, executions that add and
/// remove trustees, change the threshold or call a system contract (or fail and are recorded as
/// failed), and time passing — while
/// keeping its own model of who approved under which membership.
contract CouncilHandler is TestBase {
    uint256 private constant ACTORS = 8;
    address private constant EXECUTOR = address(0xBEEF);

    // One slot already; the linter's packing heuristic misjudges the enum's size.
    // solhint-disable-next-line gas-struct-packing
    struct ModelProposal {
        address account;
        ITrusteeCouncil.ActionKind kind;
        bool executed;
        uint8 value; // a threshold (≤ ACTORS)
    }

    TrusteeCouncil public immutable council;
    SystemCallRecorderMock public immutable recorder;

    address[ACTORS] private _actors;
    mapping(address actor => bool) public modelMember;
    mapping(address actor => uint256) private _modelGeneration;
    uint256 private _generations;
    uint256 public modelThreshold;
    ModelProposal[] private _proposals;
    mapping(uint256 proposalId => mapping(address actor => uint256 generation)) private _modelApproval;

    /// @notice Executions that succeeded with fewer than M approvals from current trustees (must stay 0).
    uint256 public violations;
    uint256 public executions;
    uint256 public failures;
    uint256 public systemExecutions;

    constructor() {
        address[] memory initial = new address[](3);
        for (uint256 i; i < ACTORS; ++i) {
            _actors[i] = address(uint160(0x1000 + i));
        }
        for (uint256 i; i < 3; ++i) {
            initial[i] = _actors[i];
            _admit(_actors[i]);
        }
        council = new TrusteeCouncil(initial, 2, 1 days, 14 days);
        modelThreshold = 2;
        recorder = new SystemCallRecorderMock();
        address target = address(recorder);
        council.bindSystem(ITrusteeCouncil.SystemContracts(target, target, target, target, target));
    }

    // ---------------------------------------------------------------- actions

    function propose(uint256 actorSeed, uint256 kindSeed, uint256 valueSeed) external {
        address actor = _likelyTrustee(actorSeed);
        ModelProposal memory p;
        bytes memory args;
        uint256 k = kindSeed % 5;
        if (k == 0 || k == 1) {
            p.kind =
                k == 0 ? ITrusteeCouncil.ActionKind.AddTrustee : ITrusteeCouncil.ActionKind.RemoveTrustee;
            p.account = _actor(valueSeed);
            args = abi.encode(p.account);
        } else if (k == 2) {
            p.kind = ITrusteeCouncil.ActionKind.ChangeThreshold;
            p.value = uint8(1 + (valueSeed % ACTORS));
            args = abi.encode(p.value);
        } else if (k == 3) {
            p.kind = ITrusteeCouncil.ActionKind.SetTransfersEnabled;
            args = abi.encode(valueSeed % 2 == 1);
        } else {
            p.kind = ITrusteeCouncil.ActionKind.Pause;
        }
        vm.prank(actor);
        try council.propose(p.kind, args) returns (uint256 proposalId) {
            _proposals.push(p);
            if (proposalId != _proposals.length) ++violations;
            _modelApproval[proposalId][actor] = _modelGeneration[actor];
        } catch {}
    }

    function approve(uint256 actorSeed, uint256 proposalSeed) external {
        _changeApproval(actorSeed, proposalSeed, true);
    }

    function revoke(uint256 actorSeed, uint256 proposalSeed) external {
        _changeApproval(actorSeed, proposalSeed, false);
    }

    function execute(uint256 proposalSeed) external {
        if (_proposals.length == 0) return;
        uint256 proposalId = _recentProposal(proposalSeed);
        uint256 approvals = modelApprovals(proposalId);
        uint256 required = modelThreshold;
        uint256 callsBefore = recorder.calls();
        vm.prank(EXECUTOR);
        try council.execute(proposalId) {
            ModelProposal storage p = _proposals[proposalId - 1];
            if (approvals < required || p.executed) ++violations;
            if (!council.proposal(proposalId).executed) {
                // The action failed: recorded, nothing changed, still executable until expiry.
                ++failures;
                if (council.proposal(proposalId).failedAt != block.timestamp) ++violations;
                if (recorder.calls() != callsBefore) ++violations;
                return;
            }
            ++executions;
            p.executed = true;
            _applyEffect(p);
            uint256 expectedCalls = callsBefore + (_isSystem(p.kind) ? 1 : 0);
            if (recorder.calls() != expectedCalls) ++violations;
        } catch {}
    }

    function wait(uint256 secondsSeed) external {
        // Mostly short waits; sometimes past the one-day proposal lifetime.
        uint256 step = secondsSeed % 8 == 0 ? 1 days : 3 hours;
        vm.warp(block.timestamp + bound(secondsSeed, 1, step));
    }

    // ---------------------------------------------------------------- model views

    /// @notice Approvals of `proposalId` by current trustees, given in their current membership.
    function modelApprovals(uint256 proposalId) public view returns (uint256 count) {
        for (uint256 i; i < ACTORS; ++i) {
            address actor = _actors[i];
            if (modelMember[actor] && _modelApproval[proposalId][actor] == _modelGeneration[actor]) ++count;
        }
    }

    function proposalCount() external view returns (uint256) {
        return _proposals.length;
    }

    function modelExecuted(uint256 proposalId) external view returns (bool) {
        return _proposals[proposalId - 1].executed;
    }

    function actorAt(uint256 index) external view returns (address) {
        return _actors[index];
    }

    function actorCount() external pure returns (uint256) {
        return ACTORS;
    }

    // ---------------------------------------------------------------- internals

    function _applyEffect(ModelProposal storage p) private {
        if (p.kind == ITrusteeCouncil.ActionKind.AddTrustee) {
            _admit(p.account);
        } else if (p.kind == ITrusteeCouncil.ActionKind.RemoveTrustee) {
            modelMember[p.account] = false;
        } else if (p.kind == ITrusteeCouncil.ActionKind.ChangeThreshold) {
            modelThreshold = p.value;
        } else {
            ++systemExecutions;
        }
    }

    function _admit(address account) private {
        modelMember[account] = true;
        _modelGeneration[account] = ++_generations;
    }

    function _isSystem(ITrusteeCouncil.ActionKind kind) private pure returns (bool) {
        return
            kind == ITrusteeCouncil.ActionKind.SetTransfersEnabled ||
            kind == ITrusteeCouncil.ActionKind.Pause;
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % ACTORS];
    }

    /// @dev Three times in four a current trustee, else any actor (trustee or not).
    function _likelyTrustee(uint256 seed) private view returns (address) {
        if (seed % 4 == 0) return _actor(seed / 4);
        address[] memory current = council.trustees();
        return current[(seed / 4) % current.length];
    }

    /// @dev A likely trustee approves a recent proposal (or revokes its approval); the model records
    /// the approval under the actor's current membership, or forgets it, when the council accepts.
    function _changeApproval(uint256 actorSeed, uint256 proposalSeed, bool approving) private {
        if (_proposals.length == 0) return;
        address actor = _likelyTrustee(actorSeed);
        uint256 proposalId = _recentProposal(proposalSeed);
        function(uint256) external change = approving ? council.approve : council.revokeApproval;
        vm.prank(actor);
        try change(proposalId) {
            _modelApproval[proposalId][actor] = approving ? _modelGeneration[actor] : 0;
        } catch {}
    }

    /// @dev One of the four latest proposals, so that approvals gather on live ones.
    function _recentProposal(uint256 seed) private view returns (uint256) {
        uint256 count = _proposals.length;
        uint256 window = count < 4 ? count : 4;
        return count - (seed % window);
    }
}
