// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IFundShares} from "../interfaces/IFundShares.sol";
import {Entitlement} from "../libraries/Entitlement.sol";
import {ReturnsBooks} from "./ReturnsBooks.sol";

/// @title ShareAccounts
/// @notice The shares as an ERC-20 and each holder's entitlement in every returns asset: the single
/// choke point for mint, burn and transfer keeps every holder's entitlement unchanged by the move,
/// and a claim settles the whole-unit part of it. Also the list of current holders.
/// @dev A base of `FundShares`. Total supply ≤ MAX_SUPPLY = 2^96 − 1 share units, so with rps <
/// 2^152 every product rps × balance < 2^248 fits int256 (see `Entitlement`). The ledger never holds
/// its own shares (returns credited to them could never be claimed): mints and transfers to it revert.
abstract contract ShareAccounts is ERC20, ReturnsBooks {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Most share units that may ever exist at once.
    uint256 public constant MAX_SUPPLY = type(uint96).max;

    /// @dev Wrapped in a struct so the claim path can hold one storage pointer to it.
    struct HolderAccount {
        int256 correction; // magnified; see `Entitlement`
    }

    mapping(address asset => mapping(address holder => HolderAccount)) private _accounts;
    EnumerableSet.AddressSet private _holders;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IFundShares
    function holderCount() external view returns (uint256) {
        return _holders.length();
    }

    /// @inheritdoc IFundShares
    function holders(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        uint256 count = _holders.length();
        uint256 end = offset >= count ? offset : (limit > count - offset ? count : offset + limit);
        page = new address[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            page[i - offset] = _holders.at(i);
        }
    }

    /// @inheritdoc IFundShares
    function claimable(address holder, address asset) external view returns (uint256) {
        AssetBooks storage books = _books[asset];
        if (!books.listed) return 0;
        return
            Entitlement.claimable(
                books.returnsPerShare,
                balanceOf(holder),
                _accounts[asset][holder].correction
            );
    }

    // ---------------------------------------------------------------- internals

    function _shareSupply() internal view override returns (uint256) {
        return totalSupply();
    }

    /// @dev The single choke point for mint, burn and transfer: keeps every holder's entitlement
    /// unchanged by the move (loop bounded by MAX_RETURNS_ASSETS) and the holder set current.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0) && !_transfersOn()) {
            revert FundSharesTransfersDisabled(from, to);
        }
        // Shares held by the ledger would earn returns nobody can claim.
        if (to == address(this)) revert ERC20InvalidReceiver(to);
        super._update(from, to, value);
        if (from == address(0) && totalSupply() > MAX_SUPPLY) {
            revert FundSharesLimitExceeded(totalSupply(), MAX_SUPPLY);
        }

        uint256 count = _assets.length;
        for (uint256 i; i < count; ++i) {
            address asset = _assets[i];
            uint256 rps = _books[asset].returnsPerShare;
            if (rps == 0) continue;
            if (from != address(0)) {
                HolderAccount storage sender = _accounts[asset][from];
                sender.correction = Entitlement.afterSend(sender.correction, rps, value);
            }
            if (to != address(0)) {
                HolderAccount storage receiver = _accounts[asset][to];
                receiver.correction = Entitlement.afterReceive(receiver.correction, rps, value);
            }
        }

        if (from != address(0) && balanceOf(from) == 0) _holders.remove(from);
        if (to != address(0) && value != 0) _holders.add(to);
    }

    /// @dev Effects of a claim: zeroes the whole-unit part of the entitlement and books it as claimed.
    /// Returns 0 (changing nothing) when there is nothing to claim, including for unlisted assets.
    function _settleClaim(address asset, address holder) internal returns (uint256 amount) {
        AssetBooks storage books = _books[asset];
        HolderAccount storage account = _accounts[asset][holder];
        int256 correction = account.correction;
        amount = Entitlement.claimable(books.returnsPerShare, balanceOf(holder), correction);
        if (amount == 0) return 0;
        account.correction = Entitlement.afterClaim(correction, amount);
        _bookClaim(books, amount);
        emit ReturnsClaimed(holder, asset, amount);
    }
}
