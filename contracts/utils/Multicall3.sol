// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title Multicall3: many calls in one eth_call
/// @notice The subset of the canonical Multicall3 API that viem's `multicall` and wagmi's
/// `useReadContracts` use (`aggregate3`), plus the block helpers they may batch alongside. Deployed on
/// the local chain so the dashboard reads in one round trip; public networks already have the
/// canonical deployment at 0xcA11bde05977b3631167028862bE2a173976CA11.
/// @dev Stateless and holds no funds: `aggregate3` is not payable, so nothing can be left behind.
contract Multicall3 {
    /// @notice One call of a batch.
    /// @param target the contract called
    /// @param allowFailure whether a revert of this call is reported (true) or reverts the batch (false)
    /// @param callData the ABI-encoded call
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    /// @notice The outcome of one call of a batch.
    /// @param success whether the call succeeded
    /// @param returnData its return data, or its revert data when it failed
    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice Performs every call in order and returns each outcome.
    /// @dev A failing call with `allowFailure == false` reverts the whole batch with that call's own
    /// revert data (bubbled unchanged, so callers can decode the inner custom error).
    /// @param calls the calls to perform
    /// @return returnData one result per call, in order
    function aggregate3(Call3[] calldata calls) external returns (Result[] memory returnData) {
        uint256 length = calls.length;
        returnData = new Result[](length);
        for (uint256 i; i < length; ++i) {
            Call3 calldata call = calls[i];
            // Calls are made on behalf of whoever asked; the contract has no state or funds to protect.
            // solhint-disable-next-line avoid-low-level-calls
            (bool success, bytes memory result) = call.target.call(call.callData);
            if (!success && !call.allowFailure) Address.verifyCallResult(success, result);
            returnData[i] = Result({success: success, returnData: result});
        }
    }

    /// @notice The current block number.
    /// @return blockNumber `block.number`
    function getBlockNumber() external view returns (uint256 blockNumber) {
        blockNumber = block.number;
    }

    /// @notice The current block timestamp.
    /// @return timestamp `block.timestamp`
    function getCurrentBlockTimestamp() external view returns (uint256 timestamp) {
        timestamp = block.timestamp;
    }

    /// @notice The ETH balance of `addr`.
    /// @param addr the account
    /// @return balance its balance in wei
    function getEthBalance(address addr) external view returns (uint256 balance) {
        balance = addr.balance;
    }

    /// @notice The hash of block `blockNumber` (zero beyond the 256 most recent blocks).
    /// @param blockNumber the block
    /// @return blockHash its hash
    function getBlockHash(uint256 blockNumber) external view returns (bytes32 blockHash) {
        blockHash = blockhash(blockNumber);
    }

    /// @notice The hash of the previous block.
    /// @return blockHash `blockhash(block.number - 1)`
    function getLastBlockHash() external view returns (bytes32 blockHash) {
        // block.number ≥ 1 in any block that can execute this call.
        unchecked {
            blockHash = blockhash(block.number - 1);
        }
    }

    /// @notice The chain id.
    /// @return chainid `block.chainid`
    function getChainId() external view returns (uint256 chainid) {
        chainid = block.chainid;
    }

    /// @notice The base fee of the current block.
    /// @return basefee `block.basefee`
    function getBasefee() external view returns (uint256 basefee) {
        basefee = block.basefee;
    }
}
