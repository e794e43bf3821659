// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
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
/// `received − claimed − movedToCapital = Σ claimable + undistributed + dust`, where dust is each holder's sub-wei
/// remainder (< 1 wei per holder, still theirs, claimable once it adds up to a wei) plus the
/// dropped remainders (< supply / 10^33 each: below 1 wei in total over the first 12,000
/// distributions even at MAX_SUPPLY, over 10^9 at a supply of a million shares). Both are always in
/// the Fund's favour: claimable amounts round down, never up.
///
/// Bounds apply to what is outstanding, never to lifetime totals (DESIGN §3.9). Returns are
/// distributed only while at least one whole share exists (held otherwise); total supply ≤ 2^96 − 1
/// share units; per asset, what the ledger owes or holds (`owed + undistributed`) ≤ 2^96 − 1 units,
/// however much has passed through before. Hence one distribution raises rps by at most
/// 2^96 · 10^33 / 10^18 < 2^146, rps is checked to fit uint152, and rps × balance < 2^248 fits
/// int256. The lifetime `distributed` counter is 160 bits wide: with at most 2^96 units per
/// distribution it takes over 2^64 distributions to fill. rps itself is the returns one share unit
/// has earned: 2^152 / 10^15 ≈ 5.7 · 10^30 asset units per whole share (5.7 trillion whole tokens of
/// an 18-decimal asset per share) — a figure of value per share, not of volume: a busy asset with a
/// real supply of shares never nears it. Reaching a limit reverts with `FundSharesLimitExceeded`
/// rather than corrupting the books. The ledger never holds its own shares (returns credited to them
/// could never be claimed): mints and transfers to it revert.
///
/// Launch. Returns that arrive while fewer than one whole share exists are owed to nobody: no holder
/// was there to earn them. They are held, never distributed to whoever holds shares next (a 1-share
/// early claimant would take them all), and anyone moves them into the capital pool with
/// `moveHeldToCapital`, where they fund researchers' stipends like investor capital.
///
/// Pause. A pause stops inflows and minting and lapses by itself `maxPauseDuration` seconds after it
/// began or was last renewed. `pausedSeconds()` accumulates the total paused time in O(1), so the
/// returns registry can extend every company's grace by the time the Fund spent paused.
contract FundShares is IFundShares, ERC20, AccessControl, ReentrancyGuardTransient {
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
    /// @notice Most units of one asset the ledger may owe holders or hold at once (`owed + undistributed`).
    uint256 public constant MAX_OUTSTANDING_PER_ASSET = type(uint96).max;
    /// @notice Shortest pause lapse accepted at deployment.
    uint64 public constant MIN_PAUSE_DURATION = 1 days;
    /// @notice Longest pause lapse accepted at deployment.
    uint64 public constant MAX_PAUSE_DURATION = 365 days;

    uint256 private constant MAGNITUDE = 1e33;

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

    /// @dev One slot: the current (or last) pause's start and lapse time, and the paused seconds of
    /// every earlier pause.
    struct PauseClock {
        uint64 pausedAt;
        uint64 pauseEnds;
        uint64 pausedBefore;
    }

    ICapitalPool private immutable _capitalPool;
    /// @notice Seconds after which a pause (or its last renewal) lapses by itself.
    uint64 public immutable maxPauseDuration;

    /// @dev Wrapped in a struct so the claim path can hold one storage pointer to it.
    struct HolderAccount {
        int256 correction; // magnified; see the contract NatSpec
    }

    bool private _transfersEnabled;
    address[] private _assets;
    mapping(address asset => AssetBooks) private _books;
    mapping(address asset => mapping(address holder => HolderAccount)) private _accounts;
    mapping(address asset => uint256) private _movedToCapital;
    EnumerableSet.AddressSet private _holders;
    PauseClock private _pause;

    modifier whenNotPaused() {
        _requireNotPaused();
        _;
    }

    /// @param admin initial admin (the deployer, who hands the role to the trustee council and renounces it)
    /// @param capitalPool_ the capital pool; this ledger needs its depositor role to move held returns
    /// @param maxPauseDuration_ seconds a pause lasts unless renewed, MIN_PAUSE_DURATION .. MAX_PAUSE_DURATION
    constructor(
        string memory name_,
        string memory symbol_,
        address admin,
        ICapitalPool capitalPool_,
        uint64 maxPauseDuration_
    ) ERC20(name_, symbol_) {
        if (address(capitalPool_) == address(0)) revert FundSharesInvalidCapitalPool();
        if (maxPauseDuration_ < MIN_PAUSE_DURATION || maxPauseDuration_ > MAX_PAUSE_DURATION) {
            revert FundSharesInvalidPauseDuration(maxPauseDuration_);
        }
        _capitalPool = capitalPool_;
        maxPauseDuration = maxPauseDuration_;
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
        uint256 held = uint256(books.owed) + books.undistributed;
        uint256 balance = asset.balanceOfThis();
        if (balance > held) {
            received = balance - held;
            _credit(asset, msg.sender, received);
        }
    }

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
        uint256 credited = books.distributed;
        return (
            credited + books.undistributed + _movedToCapital[asset],
            credited,
            credited - books.owed,
            books.undistributed
        );
    }

    /// @inheritdoc IFundShares
    function capitalPool() external view returns (address) {
        return address(_capitalPool);
    }

    /// @inheritdoc IFundShares
    function movedToCapital(address asset) external view returns (uint256) {
        return _movedToCapital[asset];
    }

    // ---------------------------------------------------------------- pause

    /// @inheritdoc IFundShares
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        PauseClock memory clock = _pause;
        if (_isPaused(clock)) revert FundSharesPaused(clock.pauseEnds);
        // The previous pause (if any) is over: fold its length into the total. Timestamps and
        // paused seconds fit 64 bits for the next 584 billion years.
        if (clock.pausedAt != 0) clock.pausedBefore += clock.pauseEnds - clock.pausedAt;
        clock.pausedAt = uint64(block.timestamp);
        clock.pauseEnds = uint64(block.timestamp) + maxPauseDuration;
        _pause = clock;
        emit Paused(msg.sender, clock.pauseEnds);
    }

    /// @inheritdoc IFundShares
    function renewPause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        PauseClock storage clock = _pause;
        if (!_isPaused(clock)) revert FundSharesNotPaused();
        uint64 ends = uint64(block.timestamp) + maxPauseDuration;
        clock.pauseEnds = ends;
        emit PauseRenewed(msg.sender, ends);
    }

    /// @inheritdoc IFundShares
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        PauseClock storage clock = _pause;
        if (!_isPaused(clock)) revert FundSharesNotPaused();
        clock.pauseEnds = uint64(block.timestamp);
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IFundShares
    function paused() public view returns (bool) {
        return _isPaused(_pause);
    }

    /// @inheritdoc IFundShares
    function pauseState()
        external
        view
        returns (bool isPaused, uint64 pauseEnds, uint256 totalPausedSeconds)
    {
        PauseClock memory clock = _pause;
        isPaused = _isPaused(clock);
        pauseEnds = isPaused ? clock.pauseEnds : 0;
        totalPausedSeconds = _pausedSeconds(clock);
    }

    /// @inheritdoc IFundShares
    function pausedSeconds() external view returns (uint256) {
        return _pausedSeconds(_pause);
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

    /// @dev Books an inflow, then distributes it, or holds it if supply is below one whole share.
    /// Anything held stays held (see "Launch" in the contract NatSpec).
    function _credit(address asset, address from, uint256 amount) private {
        AssetBooks storage books = _books[asset];
        uint256 held = books.undistributed;
        uint256 outstanding = uint256(books.owed) + held + amount;
        if (outstanding > MAX_OUTSTANDING_PER_ASSET) {
            revert FundSharesLimitExceeded(outstanding, MAX_OUTSTANDING_PER_ASSET);
        }
        emit ReturnsReceived(asset, from, amount);

        uint256 supply = totalSupply();
        if (supply < MIN_DISTRIBUTION_SUPPLY) {
            // held + amount ≤ outstanding ≤ MAX_OUTSTANDING_PER_ASSET = type(uint96).max.
            books.undistributed = uint96(held + amount);
            emit ReturnsHeld(asset, amount, held + amount);
            return;
        }
        _distribute(asset, books, amount, supply);
    }

    /// @dev Callers guarantee supply ≥ MIN_DISTRIBUTION_SUPPLY and owed + amount ≤ MAX_OUTSTANDING_PER_ASSET.
    /// Rounds down and drops the remainder (see "Rounding" in the contract NatSpec).
    function _distribute(address asset, AssetBooks storage books, uint256 amount, uint256 supply) private {
        // amount < 2^96, so amount × 10^33 < 2^206: no overflow.
        uint256 rps = books.returnsPerShare + (amount * MAGNITUDE) / supply;
        if (rps > type(uint152).max) revert FundSharesLimitExceeded(rps, type(uint152).max);
        books.returnsPerShare = uint152(rps);
        // owed + amount ≤ MAX_OUTSTANDING_PER_ASSET (checked by the caller); distributed grows by
        // < 2^96 per distribution in 160 bits (see "Bounds").
        books.owed += uint96(amount);
        books.distributed += uint160(amount);
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
        // amount ≤ the holder's share of what is owed, so owed never goes below zero.
        books.owed -= uint96(amount);
        emit ReturnsClaimed(holder, asset, amount);
    }

    /// @dev Magnified entitlement `rps × balance + correction`; never negative by construction
    /// (see contract NatSpec), clamped at zero defensively.
    function _entitlement(uint256 rps, uint256 balance, int256 correction) private pure returns (uint256) {
        int256 magnified = int256(rps * balance) + correction;
        return magnified > 0 ? uint256(magnified) : 0;
    }

    function _requireNotPaused() private view {
        PauseClock memory clock = _pause;
        if (_isPaused(clock)) revert FundSharesPaused(clock.pauseEnds);
    }

    /// @dev Paused from `pausedAt` until (excluding) `pauseEnds`, which an unpause moves to its own time.
    function _isPaused(PauseClock memory clock) private view returns (bool) {
        return clock.pausedAt != 0 && block.timestamp < clock.pauseEnds;
    }

    /// @dev Every paused second so far: earlier pauses plus the elapsed part of the current or last one.
    function _pausedSeconds(PauseClock memory clock) private view returns (uint256) {
        if (clock.pausedAt == 0) return 0;
        uint256 ends = block.timestamp < clock.pauseEnds ? block.timestamp : clock.pauseEnds;
        return uint256(clock.pausedBefore) + ends - clock.pausedAt;
    }

    function _requireListed(address asset) private view {
        if (!_books[asset].listed) revert FundSharesUnknownAsset(asset);
    }
}
