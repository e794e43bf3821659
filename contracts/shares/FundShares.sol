// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {IFundShares} from "../interfaces/IFundShares.sol";
import {Asset} from "../libraries/Asset.sol";

/// @title FundShares
/// @notice The Promise of Future Equity ledger: ERC-20 shares with pooled, O(1) multi-asset returns.
/// @dev Accounting (per asset). `returnsPerShare` (rps) is the cumulative return per share unit,
/// magnified by 10^33. A holder's magnified entitlement is `rps × balance + correction`; every mint,
/// burn and transfer adjusts `correction` by `∓ rps × amount` so that moving shares never moves
/// already-earned returns, and a claim of `c` subtracts `c × 10^33`. The magnitude is decimal so
/// that decimal splits come out exact (750 of 3,000 tUSD to a quarter holder is 750, not 749.999999).
///
/// Rounding. A distribution of `amount` raises rps by ⌊amount × 10^33 / supply⌋, so a holder is
/// credited at most `amount × balance / supply` by any distribution and never more than the exact
/// pro-rata value over any sequence of distributions, mints, transfers and burns. The remainder of
/// the division (below supply / 10^33 < 10^-4 wei) is deliberately not carried into the next
/// distribution: carried over, it would be spread over whoever holds shares then, which can push a
/// holder who was not there when it arose one wei above the exact value. Hence at any time
/// `received − claimed = Σ claimable + undistributed + dust`, where dust is each holder's sub-wei
/// remainder (< 1 wei per holder, still theirs, claimable once it adds up to a wei) plus the
/// dropped remainders (< supply / 10^33 each: below 1 wei in total over the first 12,000
/// distributions even at MAX_SUPPLY, over 10^9 at a supply of a million shares). Both are always in
/// the Fund's favour: claimable amounts round down, never up.
///
/// Bounds. Returns are distributed only while at least one whole share exists (held otherwise);
/// total supply ≤ 2^96 − 1 share units; each asset's lifetime receipts ≤ 2^96 − 1 units. Hence
/// rps ≤ 2^96 · 10^33 / 10^18 < 2^146 (fits uint152) and rps × balance < 2^242 (fits int256).
/// The limits are far above any real supply or token amount; reaching one reverts with
/// `FundSharesLimitExceeded` rather than corrupting the books. The ledger never holds its own
/// shares (returns credited to them could never be claimed): mints and transfers to it revert.
contract FundShares is IFundShares, ERC20, AccessControl, Pausable, ReentrancyGuardTransient {
    using EnumerableSet for EnumerableSet.AddressSet;
    using Asset for address;

    /// @notice Role allowed to mint shares: the grant rounds and offerings contracts.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice Asset id of native ETH.
    address public constant ETH = Asset.ETH;
    /// @notice Most returns assets, ETH included.
    uint256 public constant MAX_RETURNS_ASSETS = 8;
    /// @notice Returns are held (not distributed) while total supply is below one whole share.
    uint256 public constant MIN_DISTRIBUTION_SUPPLY = 1e18;
    /// @notice Most share units that may ever exist at once.
    uint256 public constant MAX_SUPPLY = type(uint96).max;
    /// @notice Most units of one asset the ledger may receive over its lifetime.
    uint256 public constant MAX_RETURNS_PER_ASSET = type(uint96).max;

    uint256 private constant MAGNITUDE = 1e33;

    /// @dev Two slots per asset. A claim reads and writes slot 0 only; a distribution reads and
    /// writes slots 0 and 1. Everything received is `distributed + undistributed`.
    struct AssetBooks {
        uint152 returnsPerShare;
        uint96 claimed;
        bool listed;
        uint96 distributed;
        uint96 undistributed;
    }

    /// @dev Wrapped in a struct so the claim path can hold one storage pointer to it.
    struct HolderAccount {
        int256 correction; // magnified; see the contract NatSpec
    }

    bool private _transfersEnabled;
    address[] private _assets;
    mapping(address asset => AssetBooks) private _books;
    mapping(address asset => mapping(address holder => HolderAccount)) private _accounts;
    EnumerableSet.AddressSet private _holders;

    /// @param admin initial admin (the deployer, who hands the role to the trustee council and renounces it)
    constructor(string memory name_, string memory symbol_, address admin) ERC20(name_, symbol_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _assets.push(ETH);
        _books[ETH].listed = true;
        emit ReturnsAssetAdded(ETH);
    }

    /// @notice ETH sent directly is paid into the pool as returns (a donation).
    // solhint-disable-next-line no-complex-fallback
    receive() external payable nonReentrant whenNotPaused {
        if (msg.value == 0) revert FundSharesZeroAmount();
        _credit(ETH, msg.sender, msg.value);
    }

    // ---------------------------------------------------------------- shares

    /// @inheritdoc IFundShares
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) whenNotPaused {
        _mint(to, amount);
    }

    /// @inheritdoc IFundShares
    function burn(uint256 amount) external {
        _burn(msg.sender, amount);
    }

    /// @inheritdoc IFundShares
    function transfersEnabled() external view returns (bool) {
        return _transfersEnabled;
    }

    /// @inheritdoc IFundShares
    function setTransfersEnabled(bool enabled) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _transfersEnabled = enabled;
        emit TransfersEnabledSet(enabled);
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

    // ---------------------------------------------------------------- inflows

    /// @inheritdoc IFundShares
    function distribute(
        address asset,
        uint256 amount
    ) external payable nonReentrant whenNotPaused returns (uint256 received) {
        _requireListed(asset);
        if (asset.isEth()) {
            if (msg.value != amount) revert FundSharesWrongValue(amount, msg.value);
            received = amount;
        } else {
            if (msg.value != 0) revert FundSharesWrongValue(0, msg.value);
            // Balance delta, so a fee-on-transfer token can never credit more than arrived.
            received = asset.pull(msg.sender, amount);
        }
        if (received == 0) revert FundSharesZeroAmount();
        _credit(asset, msg.sender, received);
    }

    /// @inheritdoc IFundShares
    function syncReturns(address asset) external nonReentrant whenNotPaused returns (uint256 received) {
        _requireListed(asset);
        AssetBooks storage books = _books[asset];
        uint256 held = uint256(books.distributed) + books.undistributed - books.claimed;
        uint256 balance = asset.balanceOfThis();
        if (balance > held) {
            received = balance - held;
            _credit(asset, msg.sender, received);
        }
    }

    /// @inheritdoc IFundShares
    function releaseUndistributed(
        address asset
    ) external nonReentrant whenNotPaused returns (uint256 released) {
        _requireListed(asset);
        AssetBooks storage books = _books[asset];
        released = books.undistributed;
        uint256 supply = totalSupply();
        if (released == 0 || supply < MIN_DISTRIBUTION_SUPPLY) return 0;
        books.undistributed = 0;
        _distribute(asset, books, released, supply);
    }

    // ---------------------------------------------------------------- claims

    /// @inheritdoc IFundShares
    function claimReturns(address asset) external nonReentrant returns (uint256 amount) {
        amount = _settleClaim(asset, msg.sender);
        if (amount == 0) {
            _requireListed(asset);
            revert FundSharesNothingToClaim(msg.sender, asset);
        }
        asset.pay(msg.sender, amount);
    }

    /// @inheritdoc IFundShares
    function claimAll() external nonReentrant returns (uint256[] memory amounts) {
        uint256 count = _assets.length; // ≤ MAX_RETURNS_ASSETS
        amounts = new uint256[](count);
        bool any;
        // Effects for every asset first, then the interactions.
        for (uint256 i; i < count; ++i) {
            amounts[i] = _settleClaim(_assets[i], msg.sender);
            any = any || amounts[i] != 0;
        }
        if (!any) revert FundSharesNothingToClaimAny(msg.sender);
        for (uint256 i; i < count; ++i) {
            if (amounts[i] != 0) _assets[i].pay(msg.sender, amounts[i]);
        }
    }

    /// @inheritdoc IFundShares
    function claimable(address holder, address asset) external view returns (uint256) {
        AssetBooks storage books = _books[asset];
        if (!books.listed) return 0;
        return
            _entitlement(books.returnsPerShare, balanceOf(holder), _accounts[asset][holder].correction) /
            MAGNITUDE;
    }

    /// @inheritdoc IFundShares
    function assetTotals(
        address asset
    ) external view returns (uint256 received, uint256 distributed, uint256 claimed, uint256 undistributed) {
        AssetBooks storage books = _books[asset];
        return (
            uint256(books.distributed) + books.undistributed,
            books.distributed,
            books.claimed,
            books.undistributed
        );
    }

    // ---------------------------------------------------------------- pause

    /// @inheritdoc IFundShares
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @inheritdoc IFundShares
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @inheritdoc IFundShares
    function paused() public view override(IFundShares, Pausable) returns (bool) {
        return super.paused();
    }

    // ---------------------------------------------------------------- internals

    /// @dev The single choke point for mint, burn and transfer: keeps every holder's entitlement
    /// unchanged by the move (loop bounded by MAX_RETURNS_ASSETS) and the holder set current.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0) && !_transfersEnabled) {
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
            // value ≤ MAX_SUPPLY < 2^96 and rps < 2^146 (see contract NatSpec): the product fits int256.
            int256 shift = int256(rps * value);
            if (from != address(0)) _accounts[asset][from].correction += shift;
            if (to != address(0)) _accounts[asset][to].correction -= shift;
        }

        if (from != address(0) && balanceOf(from) == 0) _holders.remove(from);
        if (to != address(0) && value != 0) _holders.add(to);
    }

    function _addReturnsAsset(address token) private {
        // The ledger's own shares cannot be a returns asset: it never holds any.
        if (token.code.length == 0 || token == address(this)) revert FundSharesInvalidAsset(token);
        if (_books[token].listed) revert FundSharesAssetAlreadyAdded(token);
        if (_assets.length >= MAX_RETURNS_ASSETS) revert FundSharesTooManyAssets(MAX_RETURNS_ASSETS);
        _assets.push(token);
        _books[token].listed = true;
        emit ReturnsAssetAdded(token);
    }

    /// @dev Books an inflow, then distributes it with anything held, or holds it if supply is too small.
    function _credit(address asset, address from, uint256 amount) private {
        AssetBooks storage books = _books[asset];
        uint256 held = books.undistributed;
        uint256 received = uint256(books.distributed) + held + amount;
        if (received > MAX_RETURNS_PER_ASSET) revert FundSharesLimitExceeded(received, MAX_RETURNS_PER_ASSET);
        emit ReturnsReceived(asset, from, amount);

        uint256 supply = totalSupply();
        if (supply < MIN_DISTRIBUTION_SUPPLY) {
            // held + amount ≤ received ≤ MAX_RETURNS_PER_ASSET = type(uint96).max.
            books.undistributed = uint96(held + amount);
            emit ReturnsHeld(asset, amount, held + amount);
            return;
        }
        if (held != 0) books.undistributed = 0;
        _distribute(asset, books, held + amount, supply);
    }

    /// @dev Callers guarantee supply ≥ MIN_DISTRIBUTION_SUPPLY and distributed + amount ≤ MAX_RETURNS_PER_ASSET.
    /// Rounds down and drops the remainder (see "Rounding" in the contract NatSpec).
    function _distribute(address asset, AssetBooks storage books, uint256 amount, uint256 supply) private {
        // amount < 2^96, so amount × 10^33 < 2^206: no overflow; rps < 2^146 by the contract NatSpec bounds.
        uint256 rps = books.returnsPerShare + (amount * MAGNITUDE) / supply;
        books.returnsPerShare = uint152(rps);
        books.distributed += uint96(amount);
        emit ReturnsDistributed(asset, amount, supply, rps);
    }

    /// @dev Effects of a claim: zeroes the whole-wei part of the entitlement and books it as claimed.
    /// Returns 0 (changing nothing) when there is nothing to claim, including for unlisted assets.
    function _settleClaim(address asset, address holder) private returns (uint256 amount) {
        AssetBooks storage books = _books[asset];
        HolderAccount storage account = _accounts[asset][holder];
        int256 correction = account.correction;
        amount = _entitlement(books.returnsPerShare, balanceOf(holder), correction) / MAGNITUDE;
        if (amount == 0) return 0;
        // amount × 10^33 ≤ the entitlement, which fits int256 (see contract NatSpec).
        account.correction = correction - int256(amount * MAGNITUDE);
        // claimed ≤ distributed ≤ MAX_RETURNS_PER_ASSET = type(uint96).max.
        books.claimed += uint96(amount);
        emit ReturnsClaimed(holder, asset, amount);
    }

    /// @dev Magnified entitlement `rps × balance + correction`; never negative by construction
    /// (see contract NatSpec), clamped at zero defensively.
    function _entitlement(uint256 rps, uint256 balance, int256 correction) private pure returns (uint256) {
        int256 magnified = int256(rps * balance) + correction;
        return magnified > 0 ? uint256(magnified) : 0;
    }

    function _requireListed(address asset) private view {
        if (!_books[asset].listed) revert FundSharesUnknownAsset(asset);
    }
}
