// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {Asset} from "../libraries/Asset.sol";
import {LedgerControls} from "./LedgerControls.sol";
import {ReturnsBooks} from "./ReturnsBooks.sol";
import {ShareAccounts} from "./ShareAccounts.sol";

/// @title FundShares
/// @notice The Promise of Future Equity ledger: ERC-20 shares with pooled, O(1) multi-asset returns.
/// @dev Built from parts, one concern each: `EntitlementMath` (the pure returns arithmetic),
/// `LedgerControls` (pause and transfer switch), `ReturnsBooks` (assets, per-asset books, held
/// returns, outstanding bound) and `ShareAccounts` (the ERC-20, holders' corrections and the holder
/// list). This contract adds the entry points: minting, inflows and claims.
///
/// Accounting (per asset). `returnsPerShare` (rps) is the cumulative return per share unit,
/// magnified by 10^33. A holder's magnified entitlement is `rps × balance + correction`; every mint,
/// burn and transfer adjusts `correction` by `∓ rps × amount` so that moving shares never moves
/// already-earned returns, and a claim of `c` subtracts `c × 10^33`.
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
/// share units; per asset, what the ledger owes or holds ≤ 2^96 − 1 units. Hence one distribution
/// raises rps by at most 2^96 · 10^33 / 10^18 < 2^146, rps is checked to fit uint152, and rps ×
/// balance < 2^248 fits int256. rps itself is the returns one share unit has earned: 2^152 / 10^15 ≈
/// 5.7 · 10^30 asset units per whole share (5.7 trillion whole tokens of an 18-decimal asset per
/// share) — a figure of value per share, not of volume: a busy asset with a real supply of shares
/// never nears it.
contract FundShares is ShareAccounts {
    using Asset for address;

    /// @notice Role allowed to mint shares: the grant rounds and offerings contracts.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param admin initial admin (the deployer, who hands the role to the trustee council and renounces it)
    /// @param capitalPool_ the capital pool; this ledger needs its depositor role to move held returns
    /// @param maxPauseDuration_ seconds a pause lasts unless renewed, MIN_PAUSE_DURATION .. MAX_PAUSE_DURATION
    constructor(
        string memory name_,
        string memory symbol_,
        address admin,
        ICapitalPool capitalPool_,
        uint64 maxPauseDuration_
    ) ERC20(name_, symbol_) LedgerControls(maxPauseDuration_) ReturnsBooks(capitalPool_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
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
    function claimEth() external nonReentrant returns (uint256 amount) {
        amount = _settleClaim(ETH, msg.sender);
        if (amount == 0) revert FundSharesNothingToClaim(msg.sender, ETH);
        ETH.pay(msg.sender, amount);
    }

    /// @inheritdoc IFundShares
    function claimAll() external nonReentrant returns (uint256[] memory amounts) {
        uint256 count = _ledger.assetCount; // ≤ MAX_RETURNS_ASSETS
        amounts = new uint256[](count);
        bool any;
        // Effects for every asset first, then the interactions.
        for (uint256 i; i < count; ++i) {
            amounts[i] = _settleClaim(_assetAt(i), msg.sender);
            any = any || amounts[i] != 0;
        }
        if (!any) revert FundSharesNothingToClaimAny(msg.sender);
        for (uint256 i; i < count; ++i) {
            if (amounts[i] != 0) _assetAt(i).pay(msg.sender, amounts[i]);
        }
    }
}
