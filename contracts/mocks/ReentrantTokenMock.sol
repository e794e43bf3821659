// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title ReentrantTokenMock
/// @notice An ERC-20 with a transfer hook (like ERC-777): on every holder-to-holder move it calls a
/// configured target with configured data and bubbles up a revert. For reentrancy tests only.
contract ReentrantTokenMock is ERC20 {
    address private _hookTarget;
    bytes private _hookData;

    constructor() ERC20("Hook Token", "HOOK") {}

    /// @notice Mints `amount` to `to`. Anyone may call.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Arms the hook: every later transfer calls `target` with `data` (zero target disarms).
    function setHook(address target, bytes calldata data) external {
        _hookTarget = target;
        _hookData = data;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from != address(0) && to != address(0) && _hookTarget != address(0)) {
            Address.functionCall(_hookTarget, _hookData);
        }
    }
}
