// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeOnTransferTokenMock
/// @notice An ERC-20 that burns `feeBps` of every transfer between holders, so the recipient gets less
/// than was sent. For tests only: open faucet.
contract FeeOnTransferTokenMock is ERC20 {
    uint256 private immutable _feeBps;

    constructor(uint256 feeBps) ERC20("Fee Token", "FEE") {
        _feeBps = feeBps;
    }

    /// @notice Mints `amount` to `to`. Anyone may call.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Holder-to-holder moves lose the fee, burnt on the way.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = (value * _feeBps) / 10_000;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
