// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title EstimateWord: one storage word per trustee and application, sealed then revealed
/// @notice A commit stores the sealed estimate (a keccak256 hash); the reveal overwrites the same
/// word with the revealed values, so a reveal updates a slot instead of creating one. A revealed
/// word carries `TAG` in its top 64 bits; a commit refuses any word that does (a hash has it with
/// probability 2⁻⁶⁴, and an honest client never sends one).
/// @dev Layout of a revealed word: bits 0..15 probability (bps), 16..47 effort (months),
/// 48..175 stipend, 192..255 `TAG`.
library EstimateWord {
    /// @notice "REVEALED" in ASCII: the top 64 bits of every revealed word.
    uint256 internal constant TAG = 0x52455645414c4544;

    uint256 private constant TAG_SHIFT = 192;
    uint256 private constant EFFORT_SHIFT = 16;
    uint256 private constant STIPEND_SHIFT = 48;

    /// @notice Whether `word` holds revealed values (rather than nothing or a sealed estimate).
    function isRevealed(bytes32 word) internal pure returns (bool) {
        return uint256(word) >> TAG_SHIFT == TAG;
    }

    /// @notice The revealed word for these values.
    function pack(
        uint16 probabilityBps,
        uint32 effortMonths,
        uint128 stipend
    ) internal pure returns (bytes32) {
        return
            bytes32(
                (TAG << TAG_SHIFT) |
                    (uint256(stipend) << STIPEND_SHIFT) |
                    (uint256(effortMonths) << EFFORT_SHIFT) |
                    probabilityBps
            );
    }

    /// @notice The values of a revealed word (meaningless for any other word).
    function unpack(
        bytes32 word
    ) internal pure returns (uint16 probabilityBps, uint32 effortMonths, uint128 stipend) {
        uint256 value = uint256(word);
        probabilityBps = uint16(value);
        effortMonths = uint32(value >> EFFORT_SHIFT);
        stipend = uint128(value >> STIPEND_SHIFT);
    }
}
