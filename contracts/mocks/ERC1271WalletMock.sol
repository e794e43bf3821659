// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title ERC1271WalletMock
/// @notice A minimal contract wallet for tests: it accepts a signature when its owner's ECDSA signature
/// over the very digest is valid (ERC-1271), and lets its owner make calls from it.
contract ERC1271WalletMock is IERC1271 {
    /// @notice The caller is not the wallet's owner.
    error ERC1271WalletMockNotOwner(address caller);

    /// @notice The key holder whose signatures the wallet accepts.
    address public owner;

    constructor(address owner_) {
        owner = owner_;
    }

    receive() external payable {}

    /// @notice Hands the wallet to a new owner; signatures of the old owner stop being accepted.
    function setOwner(address newOwner) external {
        if (msg.sender != owner) revert ERC1271WalletMockNotOwner(msg.sender);
        owner = newOwner;
    }

    /// @notice Calls `target` with `data` and `value` from the wallet; reverts with the inner error.
    function execute(address target, uint256 value, bytes calldata data) external returns (bytes memory) {
        if (msg.sender != owner) revert ERC1271WalletMockNotOwner(msg.sender);
        return Address.functionCallWithValue(target, data, value);
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(hash, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == owner)
            return IERC1271.isValidSignature.selector;
        return bytes4(0xffffffff);
    }
}
