// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title FixedNamesEnsResolverMock
/// @notice Stands in for ENS's universal resolver on a local chain (browser tests put its code at the
/// resolver's mainnet address): answers reverse resolution (`reverseWithGateways`) and text records
/// (`resolveWithGateways` with `text(node, key)`) for the names set on it, and refuses every other
/// address or record with the universal resolver's own errors, which clients read as "no name".
contract FixedNamesEnsResolverMock {
    /// @dev `text(bytes32,string)`, the only resolver profile answered.
    bytes4 private constant _TEXT = 0x59d1d43c;

    mapping(address account => string name) private _names;
    mapping(bytes32 node => mapping(string key => string value)) private _texts;

    /// @notice The universal resolver's answer when a name (or an address's reverse record) has no resolver.
    error ResolverNotFound(bytes name);
    /// @notice The universal resolver's answer to a record kind the resolver does not support.
    error UnsupportedResolverProfile(bytes4 selector);

    /// @notice Gives `account` the primary name `name`, whose namehash is `node`, with an avatar record.
    function setName(address account, string calldata name, bytes32 node, string calldata avatar) external {
        _names[account] = name;
        _texts[node]["avatar"] = avatar;
    }

    /// @notice The primary name of the address in `reverseName` (its 20 bytes), as ENSIP-19's reverse.
    function reverseWithGateways(
        bytes calldata reverseName,
        uint256,
        string[] calldata
    ) external view returns (string memory name, address resolver, address reverseResolver) {
        name = reverseName.length == 20 ? _names[address(bytes20(reverseName))] : "";
        if (bytes(name).length == 0) revert ResolverNotFound(reverseName);
        return (name, address(this), address(this));
    }

    /// @notice The text record asked for in `data` (`text(node, key)`), ABI-encoded as a resolver returns it.
    function resolveWithGateways(
        bytes calldata,
        bytes calldata data,
        string[] calldata
    ) external view returns (bytes memory result, address resolver) {
        if (data.length < 4 || bytes4(data[:4]) != _TEXT) revert UnsupportedResolverProfile(bytes4(data));
        (bytes32 node, string memory key) = abi.decode(data[4:], (bytes32, string));
        return (abi.encode(_texts[node][key]), address(this));
    }
}
