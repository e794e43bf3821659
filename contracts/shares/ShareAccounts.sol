// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IFundShares} from "../interfaces/IFundShares.sol";
import {EntitlementMath} from "../libraries/math/EntitlementMath.sol";
import {ReturnsBooks} from "./ReturnsBooks.sol";

/// @title ShareAccounts
/// @notice The shares as an ERC-20 and each holder's entitlement in every returns asset: the single
/// choke point for mint, burn and transfer keeps every holder's entitlement unchanged by the move,
/// and a claim settles the whole-unit part of it. Also the list of current holders.
/// @dev A base of `FundShares`. Own balance storage (OpenZeppelin's ERC20 keeps allowances, metadata
/// and the external functions; its balance and supply variables stay unused), so that total supply
/// lives in the ledger slot beside the pause and a distribution reads both in one slot. Total supply
/// ≤ MAX_SUPPLY = 2^96 − 1 share units, so with rps < 2^152 every product rps × balance < 2^248 fits
/// int256 (see `EntitlementMath`). The ledger never holds its own shares (returns credited to them could
/// never be claimed): mints and transfers to it revert.
abstract contract ShareAccounts is ERC20, ReturnsBooks {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Most share units that may ever exist at once.
    uint256 public constant MAX_SUPPLY = type(uint96).max;

    /// @dev Wrapped in a struct so that a read-modify-write holds one storage pointer to it.
    struct HolderAccount {
        int256 correction; // magnified; see `EntitlementMath`
    }

    mapping(address holder => uint256) private _balances;
    mapping(address asset => mapping(address holder => HolderAccount)) private _accounts;
    EnumerableSet.AddressSet private _holders;

    // ---------------------------------------------------------------- views

    /// @inheritdoc ERC20
    function totalSupply() public view override(ERC20, IERC20) returns (uint256) {
        return _ledger.totalSupply;
    }

    /// @inheritdoc ERC20
    function balanceOf(address holder) public view override(ERC20, IERC20) returns (uint256) {
        return _balances[holder];
    }

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
            EntitlementMath.claimable(
                books.returnsPerShare,
                _balances[holder],
                _accounts[asset][holder].correction
            );
    }

    // ---------------------------------------------------------------- internals

    function _shareSupply() internal view override returns (uint256) {
        return _ledger.totalSupply;
    }

    /// @dev The single choke point for mint, burn and transfer: moves the balance, keeps every
    /// holder's entitlement unchanged by the move (loop bounded by MAX_RETURNS_ASSETS) and the
    /// holder set current. Same checks, errors and event as OpenZeppelin's ERC20.
    function _update(address from, address to, uint256 value) internal override {
        LedgerSlot memory ledger = _ledger;
        if (from != address(0) && to != address(0) && !ledger.transfersEnabled) {
            revert FundSharesTransfersDisabled(from, to);
        }
        // Shares held by the ledger would earn returns nobody can claim.
        if (to == address(this)) revert ERC20InvalidReceiver(to);
        uint256 fromBalance;
        if (from != address(0)) {
            fromBalance = _balances[from];
            if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
        }
        // A move of nothing, or to oneself, changes no balance and no entitlement.
        if (value != 0 && from != to) {
            if (from == address(0)) {
                uint256 supply = ledger.totalSupply + value;
                if (supply > MAX_SUPPLY) revert FundSharesLimitExceeded(supply, MAX_SUPPLY);
                // supply ≤ MAX_SUPPLY = type(uint96).max.
                _ledger.totalSupply = uint96(supply);
            } else if (to == address(0)) {
                // value ≤ fromBalance ≤ totalSupply.
                _ledger.totalSupply = uint96(ledger.totalSupply - value);
            }
            // value ≤ fromBalance; a balance never exceeds totalSupply ≤ MAX_SUPPLY.
            if (from != address(0)) _balances[from] = fromBalance - value;
            if (to != address(0)) _balances[to] += value;
            _moveEntitlements(from, to, value, ledger.assetCount);
            if (from != address(0) && fromBalance == value) _holders.remove(from);
            if (to != address(0)) _holders.add(to);
        }
        emit Transfer(from, to, value);
    }

    /// @dev Effects of a claim: zeroes the whole-unit part of the entitlement. Returns 0 (changing
    /// nothing) when there is nothing to claim, including for unlisted assets (rps 0).
    function _settleClaim(address asset, address holder) internal returns (uint256 amount) {
        AssetBooks storage books = _books[asset];
        HolderAccount storage account = _accounts[asset][holder];
        int256 correction = account.correction;
        amount = EntitlementMath.claimable(books.returnsPerShare, _balances[holder], correction);
        if (amount == 0) return 0;
        account.correction = EntitlementMath.afterClaim(correction, amount);
        _bookClaim(books, amount);
        emit ReturnsClaimed(holder, asset, amount);
    }

    /// @dev Moves the corrections of `from` and `to` (different; address zero for a mint or burn) by
    /// `value` (≠ 0) in every asset that has had a distribution (rps ≠ 0).
    function _moveEntitlements(address from, address to, uint256 value, uint256 assetCount) private {
        for (uint256 i; i < assetCount; ++i) {
            address asset = _assetAt(i);
            uint256 rps = _books[asset].returnsPerShare;
            if (rps == 0) continue;
            if (from != address(0)) {
                HolderAccount storage sender = _accounts[asset][from];
                sender.correction += EntitlementMath.shift(rps, value);
            }
            if (to != address(0)) {
                HolderAccount storage receiver = _accounts[asset][to];
                receiver.correction -= EntitlementMath.shift(rps, value);
            }
        }
    }
}
