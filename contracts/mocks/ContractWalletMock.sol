// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title ContractWalletMock
/// @notice Test double: a minimal Safe-like contract wallet. Its owner (an EOA) makes it call any
/// contract, so a contract can act as a trustee (propose, approve, commit, reveal) or as a company
/// signer (report and pay); and it accepts a signature when its owner's ECDSA signature over the
/// very digest is valid (ERC-1271). Tests and benchmarks only.
contract ContractWalletMock is IERC1271 {
    /// @notice The caller is not the wallet's owner.
    error ContractWalletMockNotOwner(address caller);

    /// @notice The key holder who controls the wallet and whose signatures it accepts.
    address public owner;

    constructor(address owner_) {
        owner = owner_;
    }

    receive() external payable {}

    /// @notice Hands the wallet to a new owner; signatures of the old owner stop being accepted.
    function setOwner(address newOwner) external {
        if (msg.sender != owner) revert ContractWalletMockNotOwner(msg.sender);
        owner = newOwner;
    }

    /// @notice Calls `target` with `data` and `value` (paid from the wallet's balance, which any
    /// `msg.value` joins first); bubbles up a revert unchanged.
    function execute(
        address target,
        uint256 value,
        bytes calldata data
    ) external payable returns (bytes memory) {
        if (msg.sender != owner) revert ContractWalletMockNotOwner(msg.sender);
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
