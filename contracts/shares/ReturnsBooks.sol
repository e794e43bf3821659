// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {Asset} from "../libraries/Asset.sol";
import {EntitlementMath} from "../libraries/math/EntitlementMath.sol";
import {LedgerControls} from "./LedgerControls.sol";

/// @title ReturnsBooks
/// @notice The per-asset books of the share ledger: the returns-asset allowlist, each asset's
/// cumulative returns per share, what is owed to holders and what is held, and the outstanding bound.
/// @dev A base of `FundShares`.
///
/// Launch. Returns that arrive while fewer than one whole share exists are owed to nobody: no holder
/// was there to earn them. They are held, never distributed to whoever holds shares next (a 1-share
/// early claimant would take them all), and anyone moves them into the capital pool with
/// `moveHeldToCapital`, where they fund researchers' stipends like investor capital.
///
/// Bounds. Per asset, what the ledger owes or holds (`owed + undistributed`) ≤ 2^96 − 1 units,
/// however much has passed through before; rps is checked to fit uint152; the lifetime
/// `distributed` counter is 160 bits wide (over 2^64 distributions of at most 2^96 units to fill).
/// Reaching a limit reverts with `FundSharesLimitExceeded` rather than corrupting the books.
abstract contract ReturnsBooks is LedgerControls, ReentrancyGuardTransient {
    using Asset for address;

    /// @notice Asset id of native ETH.
    address public constant ETH = Asset.ETH;
    /// @notice Most returns assets, ETH included.
    uint256 public constant MAX_RETURNS_ASSETS = 8;
    /// @notice Returns are held (not distributed) while total supply is below one whole share.
    uint256 public constant MIN_DISTRIBUTION_SUPPLY = 1e18;
    /// @notice Most units of one asset the ledger may owe holders or hold at once (`owed + undistributed`).
    uint256 public constant MAX_OUTSTANDING_PER_ASSET = type(uint96).max;

    /// @dev Two slots per asset. A claim reads and writes slot 0 only; a distribution reads and
    /// writes slots 0 and 1. `owed` is what holders may still claim (distributed − claimed, dust
    /// included); everything received is `distributed + undistributed + movedToCapital`.
    struct AssetBooks {
        uint152 returnsPerShare;
        uint96 owed;
        bool listed;
        uint160 distributed;
        uint96 undistributed;
    }

    ICapitalPool private immutable _capitalPool;

    address[] internal _assets;
    mapping(address asset => AssetBooks) internal _books;
    mapping(address asset => uint256) private _movedToCapital;

    /// @param capitalPool_ the capital pool; this ledger needs its depositor role to move held returns
    constructor(ICapitalPool capitalPool_) {
        if (address(capitalPool_) == address(0)) revert FundSharesInvalidCapitalPool();
        _capitalPool = capitalPool_;
        _assets.push(ETH);
        _ledger.assetCount = 1;
        _books[ETH].listed = true;
        emit ReturnsAssetAdded(ETH);
    }

    // ---------------------------------------------------------------- returns assets

    /// @inheritdoc IFundShares
    function addReturnsAsset(address token) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _addReturnsAsset(token);
    }

    /// @inheritdoc IFundShares
    function addReturnsAssets(address[] calldata tokens) external onlyRole(DEFAULT_ADMIN_ROLE) {
        // Bounded: each iteration adds an asset and `_addReturnsAsset` reverts past MAX_RETURNS_ASSETS.
        for (uint256 i; i < tokens.length; ++i) {
            _addReturnsAsset(tokens[i]);
        }
    }

    /// @inheritdoc IFundShares
    function returnsAssets() external view returns (address[] memory) {
        return _assets;
    }

    /// @inheritdoc IFundShares
    function isReturnsAsset(address asset) external view returns (bool) {
        return _books[asset].listed;
    }

    // ---------------------------------------------------------------- held returns

    /// @inheritdoc IFundShares
    /// @dev Works while paused: it moves value between the Fund's own contracts and takes nothing in.
    /// The pool checks that an ERC-20 deposit is backed by what arrived.
    function moveHeldToCapital(address asset) external nonReentrant returns (uint256 moved) {
        _requireListed(asset);
        AssetBooks storage books = _books[asset];
        moved = books.undistributed;
        if (moved == 0) revert FundSharesNothingHeld(asset);
        books.undistributed = 0;
        _movedToCapital[asset] += moved;
        emit HeldReturnsMovedToCapital(asset, moved);

        if (asset.isEth()) {
            _capitalPool.depositCapital{value: moved}(asset, moved, 0);
        } else {
            asset.transferToken(address(_capitalPool), moved);
            _capitalPool.depositCapital(asset, moved, 0);
        }
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IFundShares
    function assetTotals(
        address asset
    ) external view returns (uint256 received, uint256 distributed, uint256 claimed, uint256 undistributed) {
        AssetBooks storage books = _books[asset];
        uint256 credited = books.distributed;
        return (
            credited + books.undistributed + _movedToCapital[asset],
            credited,
            credited - books.owed,
            books.undistributed
        );
    }

    /// @inheritdoc IFundShares
    function inflowState(
        address asset
    ) external view returns (bool listed, bool isPaused, uint256 totalPausedSeconds) {
        LedgerSlot memory clock = _ledger;
        return (_books[asset].listed, _isPaused(clock), _pausedSeconds(clock));
    }

    /// @inheritdoc IFundShares
    function capitalPool() external view returns (address) {
        return address(_capitalPool);
    }

    /// @inheritdoc IFundShares
    function movedToCapital(address asset) external view returns (uint256) {
        return _movedToCapital[asset];
    }

    // ---------------------------------------------------------------- internals

    /// @dev Books an inflow, then distributes it, or holds it if supply is below one whole share.
    /// Anything held stays held (see "Launch").
    function _credit(address asset, address from, uint256 amount) internal {
        // Both slots of the books are read once and written once.
        AssetBooks memory books = _books[asset];
        uint256 outstanding = uint256(books.owed) + books.undistributed + amount;
        if (outstanding > MAX_OUTSTANDING_PER_ASSET) {
            revert FundSharesLimitExceeded(outstanding, MAX_OUTSTANDING_PER_ASSET);
        }
        emit ReturnsReceived(asset, from, amount);

        uint256 supply = _shareSupply();
        if (supply < MIN_DISTRIBUTION_SUPPLY) {
            // undistributed + amount ≤ outstanding ≤ MAX_OUTSTANDING_PER_ASSET = type(uint96).max.
            books.undistributed += uint96(amount);
            _books[asset] = books;
            emit ReturnsHeld(asset, amount, books.undistributed);
            return;
        }
        // amount < 2^96, so amount × MAGNITUDE < 2^206: no overflow. Rounds down and drops the
        // remainder (see "Rounding" in `FundShares`).
        uint256 rps = EntitlementMath.raise(books.returnsPerShare, amount, supply);
        if (rps > type(uint152).max) revert FundSharesLimitExceeded(rps, type(uint152).max);
        books.returnsPerShare = uint152(rps);
        // owed + amount ≤ MAX_OUTSTANDING_PER_ASSET (checked above); distributed grows by < 2^96 per
        // distribution in 160 bits (see "Bounds").
        books.owed += uint96(amount);
        books.distributed += uint160(amount);
        _books[asset] = books;
        emit ReturnsDistributed(asset, amount, supply, rps);
    }

    /// @dev Books a claim of `amount` as no longer owed; amount ≤ the holder's share of what is owed.
    function _bookClaim(AssetBooks storage books, uint256 amount) internal {
        books.owed -= uint96(amount);
    }

    function _addReturnsAsset(address token) private {
        // The ledger's own shares cannot be a returns asset: it never holds any.
        if (token.code.length == 0 || token == address(this)) revert FundSharesInvalidAsset(token);
        if (_books[token].listed) revert FundSharesAssetAlreadyAdded(token);
        uint256 count = _ledger.assetCount;
        if (count >= MAX_RETURNS_ASSETS) revert FundSharesTooManyAssets(MAX_RETURNS_ASSETS);
        _assets.push(token);
        // count < MAX_RETURNS_ASSETS = 8.
        _ledger.assetCount = uint8(count + 1);
        _books[token].listed = true;
        emit ReturnsAssetAdded(token);
    }

    /// @dev Share units in existence (the ERC-20 total supply).
    function _shareSupply() internal view virtual returns (uint256);

    /// @dev The `index`-th returns asset (index < assetCount); ETH, always the first, needs no read.
    function _assetAt(uint256 index) internal view returns (address) {
        return index == 0 ? ETH : _assets[index];
    }

    function _requireListed(address asset) internal view {
        if (!_books[asset].listed) revert FundSharesUnknownAsset(asset);
    }
}
