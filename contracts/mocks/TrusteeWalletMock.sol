// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title TrusteeWalletMock
/// @notice A minimal Safe-like contract wallet for tests: its owner (an EOA) makes it call any
/// contract, so a contract can act as a trustee (propose, approve, commit, reveal).
contract TrusteeWalletMock {
    address private immutable _owner;

    error TrusteeWalletMockNotOwner(address caller);

    constructor(address owner_) {
        _owner = owner_;
    }

    receive() external payable {}

    /// @notice Calls `target` with `data` (and `msg.value`); bubbles up a revert unchanged.
    function forward(address target, bytes calldata data) external payable returns (bytes memory) {
        if (msg.sender != _owner) revert TrusteeWalletMockNotOwner(msg.sender);
        return Address.functionCallWithValue(target, data, msg.value);
    }

    /// @notice The EOA that controls this wallet.
    function owner() external view returns (address) {
        return _owner;
    }
}
