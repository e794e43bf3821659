// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeOnTransferToken
/// @notice Test double: an ERC-20 that burns a fee from every transfer between accounts, so the
/// recipient gets less than `amount` (the sender is debited exactly `amount`). Tests only.
contract FeeOnTransferToken is ERC20 {
    uint256 private constant BPS = 10_000;
    uint256 private immutable _feeBps;

    /// @param feeBps_ fee in basis points of every transfer, burned
    constructor(string memory name_, string memory symbol_, uint256 feeBps_) ERC20(name_, symbol_) {
        _feeBps = feeBps_;
    }

    /// @notice Mints `amount` to `to`. Anyone may call: this token has no value.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice The fee taken from every transfer, in basis points.
    function feeBps() external view returns (uint256) {
        return _feeBps;
    }

    /// @dev Mint and burn are fee-free; a transfer burns `value × feeBps / 10,000` from the sender
    /// and moves the rest.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = (value * _feeBps) / BPS;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
