// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFundShares} from "../interfaces/IFundShares.sol";

/// @title BenchMinterMock
/// @notice Benchmark helper only: mints shares to many deterministic addresses per transaction so a
/// gas benchmark can build a ledger of 10,000 holders quickly. It must hold the minter role of the
/// ledger. Never deployed outside local benchmarks.
contract BenchMinterMock {
    /// @notice The ledger this helper mints on.
    IFundShares public immutable shares;

    /// @param shares_ the ledger (grant this contract its MINTER_ROLE before minting)
    constructor(IFundShares shares_) {
        shares = shares_;
    }

    /// @notice Mints `amount` shares to each of the holders `first .. first+count-1`.
    /// @dev The loop length is chosen by the caller; this contract exists only to build benchmark populations.
    function mintRange(uint256 first, uint256 count, uint256 amount) external {
        uint256 end = first + count;
        for (uint256 index = first; index < end; ++index) {
            shares.mint(holderAt(index), amount);
        }
    }

    /// @notice The deterministic address of benchmark holder `index` (no key exists for it).
    function holderAt(uint256 index) public pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encode("FundShares.bench.holder", index)))));
    }
}
