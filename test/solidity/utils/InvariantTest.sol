// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TestBase} from "./Vm.sol";

/// @notice Base for an invariant test that drives the system through one handler: the runner calls
/// the handler's functions at random and nothing else, then checks the test's `invariant_` functions.
abstract contract InvariantTest is TestBase {
    address private _handler;

    /// @notice The contracts the invariant runner calls: the handler alone.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = _handler;
    }

    /// @dev Called once from `setUp`, after the handler is deployed.
    function _targetHandler(address handler) internal {
        _handler = handler;
    }
}
