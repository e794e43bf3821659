// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title ReentrantReceiverMock
/// @notice Test double: a malicious ETH receiver that, on receiving ETH, calls `target` with
/// `data` (e.g. to re-enter the contract paying it) and bubbles up any failure. Tests only.
contract ReentrantReceiverMock {
    address private _target;
    bytes private _data;

    /// @notice Sets the call made on every receipt of ETH (an empty `data` turns it off).
    function arm(address target, bytes calldata data) external {
        _target = target;
        _data = data;
    }

    /// @notice Attempts the armed call; a failure reverts the payment with the inner error.
    receive() external payable {
        if (_data.length != 0) Address.functionCall(_target, _data);
    }
}
