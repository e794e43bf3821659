// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title RevealBook: an application's revealed estimates, packed in one storage word
/// @notice Lets finalizing an application read its estimates from one slot instead of one record per
/// trustee. The book is trusted only while the council has removed no trustee since the first
/// reveal it holds: every revealer was a trustee when revealing (reveal is trustee-only), so with
/// no removal since, every revealer is still one. Otherwise, or once more than `CAPACITY` estimates
/// were revealed, the caller falls back to reading the current trustees' own records.
/// @dev Layout of the word:
/// - bit 0: created (set when the application is submitted, so reveals update a non-zero slot);
/// - bits 1..8: the number of estimates held, or `OVERFLOWED` once a reveal found the book full;
/// - bits 9..40: the council's removal count at the first reveal (32 bits, compared modulo 2^32);
/// - bits 41 + 16·i .. 56 + 16·i, for i < CAPACITY: estimate i in basis points.
library RevealBook {
    /// @notice Most estimates a book holds (41 + 13 × 16 = 249 bits).
    uint256 internal constant CAPACITY = 13;
    /// @notice The word of a new, empty book.
    uint256 internal constant EMPTY = 1;

    uint256 private constant OVERFLOWED = 0xff;
    uint256 private constant COUNT_SHIFT = 1;
    uint256 private constant REMOVALS_SHIFT = 9;
    uint256 private constant ESTIMATES_SHIFT = 41;
    uint256 private constant ESTIMATE_BITS = 16;

    /// @notice The book after one more revealed estimate.
    /// @param book the current word
    /// @param estimateBps the revealed estimate (≤ 10,000, checked by the caller)
    /// @param removals the council's removal count now (only kept at the first reveal)
    function record(uint256 book, uint256 estimateBps, uint256 removals) internal pure returns (uint256) {
        uint256 count = (book >> COUNT_SHIFT) & 0xff;
        if (count == OVERFLOWED) return book;
        if (count == CAPACITY) return _withCount(book, OVERFLOWED);
        if (count == 0) book |= (removals & type(uint32).max) << REMOVALS_SHIFT;
        book |= estimateBps << (ESTIMATES_SHIFT + count * ESTIMATE_BITS);
        return _withCount(book, count + 1);
    }

    /// @dev `book` with its count field set to `count` (≤ 0xff).
    function _withCount(uint256 book, uint256 count) private pure returns (uint256) {
        return (book & ~(uint256(0xff) << COUNT_SHIFT)) | (count << COUNT_SHIFT);
    }

    /// @notice The book's estimates, if it can be trusted with the council's removal count now.
    /// @return trusted false if a trustee was removed since the first reveal or the book overflowed
    /// @return values the estimates, in reveal order (empty when not trusted)
    function estimates(
        uint256 book,
        uint256 removals
    ) internal pure returns (bool trusted, uint256[] memory values) {
        uint256 count = (book >> COUNT_SHIFT) & 0xff;
        if (count == OVERFLOWED) return (false, values);
        if (count != 0 && ((book >> REMOVALS_SHIFT) & type(uint32).max) != (removals & type(uint32).max)) {
            return (false, values);
        }
        values = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            values[i] = (book >> (ESTIMATES_SHIFT + i * ESTIMATE_BITS)) & type(uint16).max;
        }
        return (true, values);
    }
}
