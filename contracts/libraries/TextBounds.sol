// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title TextBounds
/// @notice The longest texts the Fund's contracts store, in bytes: every read of them stays bounded.
/// One place for the contracts that enforce them and for the council's proposal-time checks.
library TextBounds {
    /// @notice Longest technique title or company name.
    uint256 internal constant MAX_NAME_LENGTH = 128;
    /// @notice Longest grant application title: 31 bytes, one storage slot (OpenZeppelin ShortString).
    uint256 internal constant MAX_TITLE_LENGTH = 31;
    /// @notice Longest technique, company or proposal URI.
    uint256 internal constant MAX_URI_LENGTH = 256;
    /// @notice Most grant applications one technique may name.
    uint256 internal constant MAX_APPLICATIONS_PER_TECHNIQUE = 16;
}
