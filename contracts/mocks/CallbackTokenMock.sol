// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title CallbackTokenMock
/// @notice Test double: an ERC-20 with an ERC-777-style hook. On every holder-to-holder transfer it
/// calls `target` with `data` (e.g. to re-enter the contract moving the tokens) and bubbles up any
/// failure. Tests only.
contract CallbackTokenMock is ERC20 {
    address private _target;
    bytes private _data;

    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Mints `amount` to `to`. Anyone may call: this token has no value.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Sets the call made on every transfer (an empty `data` turns it off).
    function arm(address target, bytes calldata data) external {
        _target = target;
        _data = data;
    }

    /// @dev Moves the tokens, then runs the hook, as a callback token would.
    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from != address(0) && to != address(0) && _data.length != 0) Address.functionCall(_target, _data);
    }
}
