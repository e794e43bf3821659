// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title Asset: native ETH or an ERC-20, behind one set of functions
/// @notice In the spirit of Uniswap v4's `Currency`: an asset is an address, `ETH` (the zero
/// address) standing for native ether, and these functions hide which of the two it is, so the
/// Fund's contracts move value without branching on it themselves. Use with
/// `using Asset for address;`.
/// @dev Every function is internal, so it is compiled into the calling contract (no external
/// library, no delegatecall). Custom errors stay the caller's: these functions return what the
/// caller compares (`expectedValue`, the amount `pull` received) and revert only with the errors of
/// OpenZeppelin's `Address` and `SafeERC20`.
/// An address type (rather than a user-defined value type) keeps the interfaces' and events'
/// `address asset` parameters, and so the deployed ABIs, as they are.
library Asset {
    using SafeERC20 for IERC20;

    /// @notice The asset id of native ETH.
    address internal constant ETH = address(0);

    /// @notice Whether `asset` is native ETH.
    function isEth(address asset) internal pure returns (bool) {
        return asset == ETH;
    }

    /// @notice The `msg.value` a payment of `amount` in `asset` must carry: `amount` in ETH, none for
    /// an ERC-20 (which is pulled instead).
    function expectedValue(address asset, uint256 amount) internal pure returns (uint256) {
        return asset == ETH ? amount : 0;
    }

    /// @notice What this contract holds of `asset`.
    function balanceOfThis(address asset) internal view returns (uint256) {
        return asset == ETH ? address(this).balance : IERC20(asset).balanceOf(address(this));
    }

    /// @notice Takes `amount` of `asset` from `from` into this contract and returns what arrived.
    /// @dev An ERC-20 is pulled with `transferFrom` (allowance needed) and measured by the change in
    /// this contract's balance, so a fee-on-transfer token never counts for more than it delivered.
    /// ETH cannot be pulled: it arrives as the call's value, which the caller checks against
    /// `expectedValue(asset, amount)` first; for ETH this returns `amount`.
    function pull(address asset, address from, uint256 amount) internal returns (uint256 received) {
        if (asset == ETH) return amount;
        IERC20 token = IERC20(asset);
        uint256 balanceBefore = token.balanceOf(address(this));
        token.safeTransferFrom(from, address(this), amount);
        received = token.balanceOf(address(this)) - balanceBefore;
    }

    /// @notice Moves `amount` of the ERC-20 `token` from `from` straight to `to`, not through this
    /// contract (allowance needed). ETH cannot be moved for someone else.
    function transferTokenFrom(address token, address from, address to, uint256 amount) internal {
        IERC20(token).safeTransferFrom(from, to, amount);
    }

    /// @notice Sends `amount` of the ERC-20 `token` from this contract to `to`.
    /// @dev For a path that is known to move a token: unlike `pay`, it compiles no ETH transfer (nor
    /// `Address`'s errors) into the caller.
    function transferToken(address token, address to, uint256 amount) internal {
        IERC20(token).safeTransfer(to, amount);
    }

    /// @notice Pays `amount` of `asset` from this contract to `to`.
    /// @dev ETH goes with `Address.sendValue` (all gas forwarded: the caller must follow
    /// checks-effects-interactions and guard against re-entry), an ERC-20 with `safeTransfer`.
    function pay(address asset, address to, uint256 amount) internal {
        if (asset == ETH) {
            Address.sendValue(payable(to), amount);
        } else {
            transferToken(asset, to, amount);
        }
    }
}
