// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// The cheatcode interface keeps its conventional names (`Vm`, `vm`) so tests read like any other.
// solhint-disable interface-starts-with-i, const-name-snakecase

/// @notice The cheatcodes this project's Solidity tests use, served by Hardhat's EDR at the
/// standard cheatcode address (forge-std is not available here).
interface Vm {
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function deal(address account, uint256 newBalance) external;
    function warp(uint256 newTimestamp) external;
    function assume(bool condition) external;
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 revertData) external;
    function expectRevert() external;
    function addr(uint256 privateKey) external pure returns (address);
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function label(address account, string calldata newLabel) external;
}

/// @notice Base for Solidity tests: the cheatcode handle and small assertion helpers with reasons.
abstract contract TestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    error AssertionFailed(string what, uint256 left, uint256 right);
    error NonceOutOfRange(uint8 nonce);

    function assertEq(uint256 left, uint256 right, string memory what) internal pure {
        if (left != right) revert AssertionFailed(what, left, right);
    }

    function assertLe(uint256 left, uint256 right, string memory what) internal pure {
        if (left > right) revert AssertionFailed(what, left, right);
    }

    function assertGe(uint256 left, uint256 right, string memory what) internal pure {
        if (left < right) revert AssertionFailed(what, left, right);
    }

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what, 0, 1);
    }

    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (max <= min) return min;
        return min + (x % (max - min + 1));
    }

    /// @dev The address of the contract this one creates (CREATE) with account nonce `nonce`: its
    /// first creation has nonce 1. RLP of [address, nonce] for nonces below 128.
    function _createdAt(uint8 nonce) internal view returns (address) {
        if (nonce == 0 || nonce >= 0x80) revert NonceOutOfRange(nonce);
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes2(0xd694), address(this), nonce)))));
    }
}
