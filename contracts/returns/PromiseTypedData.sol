// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";

/// @title PromiseTypedData
/// @notice The EIP-712 typed data of a Promise of Future Returns: its type hash, the registry's
/// domain (published through ERC-5267 `eip712Domain()`) and the digest a company signer signs.
/// @dev The domain (name, version, chainId, verifyingContract) is built here rather than with
/// OpenZeppelin's `EIP712`, whose 5.x constructor only accepts names of at most 31 bytes; the
/// encoding is the standard one. A base of `ReturnsRegistry`.
abstract contract PromiseTypedData is IReturnsRegistry, IERC5267 {
    /// @notice EIP-712 type of the signed promise (arrays and strings are hashed as EIP-712 prescribes).
    /// @dev The type string is long by nature; it is hashed at compile time.
    // solhint-disable-next-line gas-small-strings
    bytes32 public constant PROMISE_TYPEHASH = keccak256(
        "PromiseOfFutureReturns(uint256 companyId,uint256[] techniqueIds,string modelName,bytes32 modelHash,"
        "uint16 returnsShareBps,uint64 start,uint64 end,uint64 periodLength,uint64 gracePeriod,uint256 nonce,"
        "uint256 deadline)"
    );
    /// @notice EIP-712 domain name of the registry's signed messages.
    // solhint-disable-next-line gas-small-strings
    string public constant DOMAIN_NAME = "Future Endowment Fund Returns Registry";
    /// @notice EIP-712 domain version.
    string public constant DOMAIN_VERSION = "1";
    // solhint-disable-next-line gas-small-strings
    bytes32 private constant _DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    /// @dev Domain separator for the deployment chain; rebuilt if the chain id ever changes (a fork).
    bytes32 private immutable _cachedDomainSeparator;
    uint256 private immutable _cachedChainId;

    constructor() {
        _cachedChainId = block.chainid;
        _cachedDomainSeparator = _buildDomainSeparator();
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IReturnsRegistry
    function commitmentDigest(PromiseOfFutureReturns calldata terms) external view returns (bytes32) {
        return _hashTypedDataV4(_hashPromise(terms));
    }

    /// @inheritdoc IERC5267
    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        )
    {
        // 0x0f: name, version, chainId and verifyingContract are set; no salt, no extensions.
        return (
            hex"0f",
            DOMAIN_NAME,
            DOMAIN_VERSION,
            block.chainid,
            address(this),
            bytes32(0),
            new uint256[](0)
        );
    }

    // ---------------------------------------------------------------- internals

    function _hashTypedDataV4(bytes32 structHash) internal view returns (bytes32) {
        bytes32 separator =
            block.chainid == _cachedChainId ? _cachedDomainSeparator : _buildDomainSeparator();
        return MessageHashUtils.toTypedDataHash(separator, structHash);
    }

    function _buildDomainSeparator() private view returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    _DOMAIN_TYPEHASH,
                    keccak256(bytes(DOMAIN_NAME)),
                    keccak256(bytes(DOMAIN_VERSION)),
                    block.chainid,
                    address(this)
                )
            );
    }

    function _hashPromise(PromiseOfFutureReturns calldata terms) internal pure returns (bytes32) {
        // Two encodings of static words concatenated equal one encoding of all of them (avoids a deep stack).
        return
            keccak256(
                bytes.concat(
                    abi.encode(
                        PROMISE_TYPEHASH,
                        terms.companyId,
                        keccak256(abi.encodePacked(terms.techniqueIds)),
                        keccak256(bytes(terms.modelName)),
                        terms.modelHash,
                        terms.returnsShareBps
                    ),
                    abi.encode(
                        terms.start,
                        terms.end,
                        terms.periodLength,
                        terms.gracePeriod,
                        terms.nonce,
                        terms.deadline
                    )
                )
            );
    }
}
