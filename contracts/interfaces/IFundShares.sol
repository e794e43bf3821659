// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title Fund shares: the Promise of Future Equity ledger and its pooled returns
/// @notice An ERC-20 share token (18 decimals). Every return paid into the Fund, in ETH or an
/// allowlisted ERC-20, is distributed pro rata to all shareholders through a per-asset cumulative
/// "returns per share" accumulator, so paying, distributing and claiming are O(1) whatever the
/// number of holders or past payments. Claims are pull payments and keep working while paused.
/// Returns that arrive while fewer than one whole share exists are held and moved into the capital
/// pool (`moveHeldToCapital`), never handed to whoever holds shares next. A pause lapses by itself
/// after `maxPauseDuration` unless the council renews it.
/// @dev The asset id of native ETH is `address(0)`. Rebasing tokens are unsupported: a rebase
/// changes balances without a transfer and would be counted as (or lose) returns.
interface IFundShares is IERC20 {
    // ---------------------------------------------------------------- events

    /// @notice Emitted when an ERC-20 becomes a returns asset (ETH is one from deployment).
    event ReturnsAssetAdded(address indexed asset);

    /// @notice Emitted when share transfers between holders are switched on or off.
    event TransfersEnabledSet(bool enabled);

    /// @notice Emitted for every inflow of returns, before it is distributed or held.
    /// @param from who paid (the returns registry, a donor, or anyone calling `syncReturns`)
    event ReturnsReceived(address indexed asset, address indexed from, uint256 amount);

    /// @notice Emitted when `amount` (new inflow plus anything held) is credited to all holders.
    event ReturnsDistributed(
        address indexed asset,
        uint256 amount,
        uint256 totalSupply,
        uint256 returnsPerShare
    );

    /// @notice Emitted when returns arrive while fewer than one whole share exists; they stay held
    /// until `moveHeldToCapital` moves them into the capital pool.
    event ReturnsHeld(address indexed asset, uint256 amount, uint256 undistributed);

    /// @notice Emitted when returns held while no share existed move into the capital pool.
    event HeldReturnsMovedToCapital(address indexed asset, uint256 amount);

    /// @notice Emitted when the council pauses inflows and minting; the pause lapses at `until`.
    event Paused(address indexed account, uint64 until);

    /// @notice Emitted when the council renews a running pause; it now lapses at `until`.
    event PauseRenewed(address indexed account, uint64 until);

    /// @notice Emitted when the council ends a pause before it lapses.
    event Unpaused(address indexed account);

    /// @notice Emitted when a holder withdraws earned returns.
    event ReturnsClaimed(address indexed holder, address indexed asset, uint256 amount);

    // ---------------------------------------------------------------- errors

    /// @notice Share transfers between holders are disabled (mint and burn still work).
    error FundSharesTransfersDisabled(address from, address to);
    /// @notice `asset` is not a returns asset.
    error FundSharesUnknownAsset(address asset);
    /// @notice `asset` is already a returns asset.
    error FundSharesAssetAlreadyAdded(address asset);
    /// @notice The allowlist already holds `max` assets (ETH included).
    error FundSharesTooManyAssets(uint256 max);
    /// @notice `asset` is not a contract and so cannot be an ERC-20.
    error FundSharesInvalidAsset(address asset);
    /// @notice The ETH sent does not match the amount declared (or ETH was sent with an ERC-20 payment).
    error FundSharesWrongValue(uint256 expected, uint256 sent);
    /// @notice A payment of zero, or a token transfer that delivered nothing.
    error FundSharesZeroAmount();
    /// @notice The operation would push a bounded quantity past its documented limit.
    error FundSharesLimitExceeded(uint256 value, uint256 limit);
    /// @notice The holder has nothing to claim in `asset`.
    error FundSharesNothingToClaim(address holder, address asset);
    /// @notice The holder has nothing to claim in any asset.
    error FundSharesNothingToClaimAny(address holder);
    /// @notice Inflows and minting are paused until `until` (unless the council ends or renews the pause).
    error FundSharesPaused(uint64 until);
    /// @notice The ledger is not paused (nothing to renew or end).
    error FundSharesNotPaused();
    /// @notice No returns of `asset` are held.
    error FundSharesNothingHeld(address asset);
    /// @notice The capital pool address given at deployment is zero.
    error FundSharesInvalidCapitalPool();
    /// @notice The pause lapse given at deployment is outside the accepted range.
    error FundSharesInvalidPauseDuration(uint64 duration);

    // ---------------------------------------------------------------- shares

    /// @notice Mints `amount` shares to `to`. Only the grant and offering contracts (minter role).
    /// @dev Reverts while paused. Accounting is exact: new shares earn only from later distributions.
    function mint(address to, uint256 amount) external;

    /// @notice Burns `amount` of the caller's shares. Returns already earned stay claimable.
    function burn(uint256 amount) external;

    /// @notice Whether shares may move between holders (mint and burn are unaffected).
    function transfersEnabled() external view returns (bool);

    /// @notice Switches holder-to-holder transfers on or off. Admin (the trustee council) only.
    function setTransfersEnabled(bool enabled) external;

    /// @notice Number of addresses holding a non-zero balance.
    function holderCount() external view returns (uint256);

    /// @notice Holders `offset .. offset+limit-1` (fewer at the end of the list); order is not stable.
    function holders(uint256 offset, uint256 limit) external view returns (address[] memory);

    // ---------------------------------------------------------------- returns assets

    /// @notice Adds an ERC-20 to the returns-asset allowlist. Admin only; at most 8 assets including ETH.
    /// @dev Warning: fee-on-transfer tokens are accounted by balance delta; rebasing tokens are unsupported.
    function addReturnsAsset(address token) external;

    /// @notice Adds several ERC-20s at once (used at deployment, before the admin role is handed over).
    function addReturnsAssets(address[] calldata tokens) external;

    /// @notice The returns assets, ETH (`address(0)`) first.
    function returnsAssets() external view returns (address[] memory);

    /// @notice Whether `asset` is a returns asset.
    function isReturnsAsset(address asset) external view returns (bool);

    // ---------------------------------------------------------------- inflows

    /// @notice Pays `amount` of `asset` into the pool, distributed pro rata to all current holders.
    /// For ETH send `msg.value == amount`; for an ERC-20 approve this contract first; it is pulled
    /// with `transferFrom` and the amount credited is the balance delta. Open to anyone; reverts while paused.
    /// @return received the amount actually credited
    function distribute(address asset, uint256 amount) external payable returns (uint256 received);

    /// @notice Credits as returns any `asset` tokens sent straight to this contract (balance above the books).
    /// @return received the amount credited (zero if nothing new arrived)
    function syncReturns(address asset) external returns (uint256 received);

    /// @notice Moves the returns of `asset` held while fewer than one whole share existed into the
    /// capital pool, where they fund stipends. Anyone may call it, also while paused.
    /// @return moved the amount deposited into the capital pool
    function moveHeldToCapital(address asset) external returns (uint256 moved);

    // ---------------------------------------------------------------- claims

    /// @notice Withdraws the caller's earned returns in `asset`. Works while paused.
    function claimReturns(address asset) external returns (uint256 amount);

    /// @notice Withdraws the caller's earned ETH returns: `claimReturns(ETH)` without an argument
    /// (cheaper to call). Works while paused.
    function claimEth() external returns (uint256 amount);

    /// @notice Withdraws the caller's earned returns in every asset that has some. Works while paused.
    /// @return amounts per asset, in the order of `returnsAssets()`
    function claimAll() external returns (uint256[] memory amounts);

    /// @notice Returns `holder` can withdraw now in `asset`.
    function claimable(address holder, address asset) external view returns (uint256);

    /// @notice Books of one asset.
    /// @return received everything paid in (distributed + undistributed + moved to capital)
    /// @return distributed everything credited to holders
    /// @return claimed everything withdrawn by holders
    /// @return undistributed held while fewer than one whole share existed, awaiting `moveHeldToCapital`
    function assetTotals(
        address asset
    ) external view returns (uint256 received, uint256 distributed, uint256 claimed, uint256 undistributed);

    /// @notice Held returns of `asset` moved into the capital pool so far.
    function movedToCapital(address asset) external view returns (uint256);

    // ---------------------------------------------------------------- pause

    /// @notice Stops inflows and minting for at most `maxPauseDuration` seconds. Claims, burns and
    /// transfers keep working. Admin (the council) only; reverts while already paused (renew instead).
    function pause() external;

    /// @notice Restarts the running pause's lapse from now: it ends `maxPauseDuration` seconds later. Admin only.
    function renewPause() external;

    /// @notice Ends the running pause now. Admin only.
    function unpause() external;

    /// @notice Whether inflows and minting are stopped (a pause past its lapse time is over by itself).
    function paused() external view returns (bool);

    /// @notice The pause in one read: whether paused, when the running pause lapses (0 if not paused),
    /// and every second the ledger has spent paused so far.
    function pauseState() external view returns (bool isPaused, uint64 pauseEnds, uint256 totalPausedSeconds);

    /// @notice What a payer checks before paying `asset` in, in one call: whether it is a returns
    /// asset, whether inflows are paused, and every second the ledger has spent paused so far.
    function inflowState(
        address asset
    ) external view returns (bool listed, bool isPaused, uint256 totalPausedSeconds);

    /// @notice Every second the ledger has spent paused so far (earlier pauses and the running one).
    /// The returns registry extends companies' grace by it.
    function pausedSeconds() external view returns (uint256);

    /// @notice Seconds after which a pause lapses unless renewed (fixed at deployment).
    function maxPauseDuration() external view returns (uint64);

    /// @notice The capital pool that receives returns held while no share existed.
    function capitalPool() external view returns (address);
}
