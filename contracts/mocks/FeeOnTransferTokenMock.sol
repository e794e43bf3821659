// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeOnTransferTokenMock
/// @notice Test double: an ERC-20 that burns `feeBps` of every holder-to-holder transfer, so the
/// recipient receives less than the amount sent. Tests only.
contract FeeOnTransferTokenMock is ERC20 {
    uint256 private constant BPS = 10_000;
    uint256 private immutable _feeBps;

    constructor(string memory name_, string memory symbol_, uint256 feeBps_) ERC20(name_, symbol_) {
        _feeBps = feeBps_;
    }

    /// @notice Mints `amount` to `to`. Anyone may call: this token has no value.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice The share of every transfer burned, in basis points.
    function feeBps() external view returns (uint256) {
        return _feeBps;
    }

    /// @dev Transfers between holders burn the fee first; mint and burn are untouched.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 fee = (value * _feeBps) / BPS;
            super._update(from, address(0), fee);
            value -= fee;
        }
        super._update(from, to, value);
    }
}
