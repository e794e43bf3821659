// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TrusteeCouncil} from "../../../contracts/council/TrusteeCouncil.sol";
import {InvariantTest} from "../utils/InvariantTest.sol";
import {CouncilHandler} from "./CouncilHandler.sol";

// Test names follow the runner's conventions (invariant_*).
// solhint-disable func-name-mixedcase

/// @notice Invariant 4: nothing privileged happens with fewer than M current-trustee approvals.
contract CouncilThresholdInvariantTest is InvariantTest {
    CouncilHandler private _handler;

    function setUp() public {
        _handler = new CouncilHandler();
        _targetHandler(address(_handler));
    }

    function invariant_nothingExecutesBelowTheThreshold() public view {
        assertEq(_handler.violations(), 0, "bad execution");
    }

    function invariant_systemCallsOnlyFromExecutions() public view {
        assertEq(_handler.recorder().calls(), _handler.systemExecutions(), "system calls");
    }

    function invariant_councilMatchesTheModel() public view {
        TrusteeCouncil council = _handler.council();
        assertEq(council.threshold(), _handler.modelThreshold(), "threshold");
        uint256 members;
        for (uint256 i; i < _handler.actorCount(); ++i) {
            address account = _handler.actorAt(i);
            bool member = _handler.modelMember(account);
            assertTrue(council.isTrustee(account) == member, "membership");
            if (member) ++members;
        }
        assertEq(council.trustees().length, members, "trustee count");
        assertLe(council.threshold(), members, "M <= N");
        uint256 count = _handler.proposalCount();
        assertEq(council.proposalCount(), count, "proposal count");
        for (uint256 id = 1; id <= count; ++id) {
            assertEq(council.approvalCount(id), _handler.modelApprovals(id), "live approvals");
            assertTrue(council.proposal(id).executed == _handler.modelExecuted(id), "executed flag");
        }
    }
}
