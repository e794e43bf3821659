// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PaymentSplitter} from "@openzeppelin/contracts-v4/finance/PaymentSplitter.sol";

/// @title BenchPaymentSplitterMock
/// @notice Benchmark helper only: OpenZeppelin Contracts 4.9.6's `PaymentSplitter`, unchanged (installed
/// from npm under the alias contracts-v4), so the gas benchmark can measure a widely used splitter on
/// the same chain as the share ledger. Its payees and their shares are fixed at construction. Never
/// deployed outside local benchmarks.
contract BenchPaymentSplitterMock is PaymentSplitter {
    /// @param payees the fixed payees
    /// @param shares_ each payee's shares, in the same order
    constructor(address[] memory payees, uint256[] memory shares_) PaymentSplitter(payees, shares_) {}
}
