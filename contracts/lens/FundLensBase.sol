// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFundLens} from "../interfaces/IFundLens.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";

/// @title FundLensBase
/// @notice What every part of the lens shares: the council it reads the system from, and paging.
/// @dev Never called by other contracts and never sent a transaction. Every list is a page of at
/// most `MAX_PAGE` items, so no loop grows with holders, rounds, applications, companies or
/// commitments. The system contracts are read from the council on every call, so the lens works
/// whether deployed before or after `bindSystem`.
abstract contract FundLensBase is IFundLens {
    /// @notice Most items any page may hold.
    uint256 public constant MAX_PAGE = 100;
    /// @notice Most items each list of a `snapshot` may hold: with every item at its maximum size
    /// (strings and id lists at their contract bounds), a snapshot stays under 10M gas (a test measures it).
    uint256 public constant MAX_SNAPSHOT_PAGE = 20;

    /// @notice The council whose bound system this lens reads.
    ITrusteeCouncil public immutable council;

    /// @param council_ the Fund's trustee council
    constructor(ITrusteeCouncil council_) {
        if (address(council_).code.length == 0) revert FundLensInvalidCouncil(address(council_));
        council = council_;
    }

    function _system() internal view returns (ITrusteeCouncil.SystemContracts memory sys) {
        sys = council.systemContracts();
        if (sys.shares == address(0)) revert FundLensSystemNotBound();
    }

    // ---------------------------------------------------------------- paging

    /// @dev The ids of `page` among ids `1 .. count`, oldest first or newest first.
    function _ids(Page calldata page, uint256 count) internal pure returns (uint256[] memory ids) {
        if (page.limit > MAX_PAGE) revert FundLensPageTooLarge(page.limit, MAX_PAGE);
        if (page.offset >= count) return ids;
        // offset < count here, so the subtraction cannot underflow.
        uint256 available = count - page.offset;
        uint256 length = available < page.limit ? available : page.limit;
        ids = new uint256[](length);
        for (uint256 i; i < length; ++i) {
            // newest first: count − offset − i ≥ count − offset − (length − 1) ≥ 1.
            ids[i] = page.newestFirst ? count - page.offset - i : page.offset + i + 1;
        }
    }

    function _checked(uint256[] calldata ids) internal pure returns (uint256[] memory) {
        if (ids.length > MAX_PAGE) revert FundLensPageTooLarge(ids.length, MAX_PAGE);
        return ids;
    }
}
