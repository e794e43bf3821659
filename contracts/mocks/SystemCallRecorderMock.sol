// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title SystemCallRecorderMock
/// @notice Stands in for a Fund contract another branch implements (offerings, returns registry):
/// records every call it receives and answers with the running call count, or refuses on demand.
contract SystemCallRecorderMock {
    uint256 private _calls;
    bytes private _lastCall;
    address private _lastCaller;
    bool private _refuse;

    event Called(address indexed caller, bytes data);

    error SystemCallRecorderMockRefused(bytes4 selector);

    /// @notice Makes every later recorded call revert (or not).
    function setRefuse(bool refuse) external {
        _refuse = refuse;
    }

    /// @notice Number of calls recorded.
    function calls() external view returns (uint256) {
        return _calls;
    }

    /// @notice Calldata of the last recorded call.
    function lastCall() external view returns (bytes memory) {
        return _lastCall;
    }

    /// @notice Sender of the last recorded call.
    function lastCaller() external view returns (address) {
        return _lastCaller;
    }

    // solhint-disable-next-line no-complex-fallback
    fallback(bytes calldata data) external returns (bytes memory) {
        if (_refuse) revert SystemCallRecorderMockRefused(bytes4(data));
        uint256 count = ++_calls;
        _lastCall = data;
        _lastCaller = msg.sender;
        emit Called(msg.sender, data);
        return abi.encode(count);
    }
}
