// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

import {ITransferHooks} from "./ITransferHooks.sol";

/// @title HookTokenMock
/// @notice Test double: an ERC-20 that, like ERC-777 or ERC-1363, hands control to the sender
/// before a transfer and to the recipient after it, for accounts that opted in with `setHooks`.
/// A hook that reverts makes the transfer revert. Tests only.
contract HookTokenMock is ERC20 {
    event HooksSet(address indexed account, bool enabled);

    mapping(address account => bool) private _hooked;

    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Mints `amount` to `to`. Anyone may call: this token has no value.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Opts the caller in or out of the transfer hooks (the ERC-1820 registration, simplified).
    function setHooks(bool enabled) external {
        _hooked[msg.sender] = enabled;
        emit HooksSet(msg.sender, enabled);
    }

    /// @notice Whether `account` receives the transfer hooks.
    function hasHooks(address account) external view returns (bool) {
        return _hooked[account];
    }

    /// @dev Sender hook before the balances move, recipient hook after (ERC-777 order).
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && _hooked[from]) ITransferHooks(from).tokensToSend(from, to, value);
        super._update(from, to, value);
        if (to != address(0) && _hooked[to]) ITransferHooks(to).tokensReceived(from, to, value);
    }
}
