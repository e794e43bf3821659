// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ITransferHooks
/// @notice Test double API: the ERC-777 / ERC-1363 style callbacks `HookTokenMock` makes to accounts
/// that opted in. Tests only.
interface ITransferHooks {
    /// @notice Called on the sender before its balance moves (ERC-777 `tokensToSend`).
    function tokensToSend(address from, address to, uint256 amount) external;

    /// @notice Called on the recipient after its balance moved (ERC-777 `tokensReceived`, ERC-1363).
    function tokensReceived(address from, address to, uint256 amount) external;
}
