// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IShareIssuer} from "./IShareIssuer.sol";

/// @title Offerings: investors buy Fund shares at a price set by the trustees
/// @notice The council opens an offering (asset, price, cap, minimum, window, optional Merkle
/// allowlist). During the window investors subscribe: they pay the exact cost, which this contract
/// holds in escrow for the offering, and their shares are recorded. Once the window has closed the
/// offering settles: anyone may call `settleOffering`, which moves the whole raise to the capital
/// pool in one deposit. Shares are minted only after the window closes (`claimShares`), so a
/// subscription cannot capture returns paid during the window — the front-running defence (see
/// docs/front-running.md). Nothing is ever taken beyond the cost of the share units bought.
interface IOfferings is IShareIssuer {
    /// @param asset payment asset (`address(0)` = ETH, else a returns-allowlisted ERC-20)
    /// @param pricePerShare asset units per whole share (1e18 share units)
    /// @param shareCap most share units the offering sells
    /// @param minShares least share units per subscription
    /// @param start first second subscriptions are accepted
    /// @param end last second subscriptions are accepted; shares are claimable after it
    /// @param allowlistRoot Merkle root of allowed investors (leaf = keccak256(bytes.concat(keccak256(abi.encode(investor)))));
    /// zero for an open offering
    struct OfferingParams {
        address asset;
        uint128 pricePerShare;
        uint128 shareCap;
        uint128 minShares;
        uint64 start;
        uint64 end;
        bytes32 allowlistRoot;
    }

    struct Offering {
        OfferingParams params;
        uint128 sharesSold;
        uint128 capitalRaised; // Σ cost of every subscription, in `params.asset` units
        bool closed; // closed early by the council: no new subscriptions; claims unaffected
        bool settled; // the raise has moved to the capital pool
    }

    event OfferingOpened(uint256 indexed offeringId, OfferingParams params);
    event OfferingClosed(uint256 indexed offeringId, uint256 sharesSold);
    event Subscribed(uint256 indexed offeringId, address indexed investor, uint256 shares, uint256 cost);
    event SubscriptionSharesClaimed(uint256 indexed offeringId, address indexed investor, uint256 shares);
    event OfferingSettled(uint256 indexed offeringId, address indexed asset, uint256 capital);
    /// @notice Tokens that reached this contract outside any subscription went back to `to`.
    event StraysRecovered(address indexed asset, address indexed to, uint256 amount);

    error OfferingsNotCouncil(address caller);
    error OfferingsInvalidParams();
    error OfferingsUnknownOffering(uint256 offeringId);
    error OfferingsNotStarted(uint256 offeringId, uint64 start);
    error OfferingsEnded(uint256 offeringId, uint64 end);
    error OfferingsClosed(uint256 offeringId);
    error OfferingsBelowMinimum(uint256 shares, uint256 minShares);
    error OfferingsCapExceeded(uint256 requested, uint256 remaining);
    error OfferingsNotAllowlisted(uint256 offeringId, address investor);
    error OfferingsWrongPayment(uint256 expected, uint256 sent);
    error OfferingsPaused();
    error OfferingsWindowOpen(uint256 offeringId, uint64 end);
    error OfferingsAlreadySettled(uint256 offeringId);
    error OfferingsShortDelivery(address asset, uint256 expected, uint256 received);
    error OfferingsNothingToClaim(uint256 offeringId, address investor);
    /// @notice Only `excess` of `asset` lies outside the escrow of unsettled offerings (and the
    /// recipient must be non-zero, the amount positive).
    error OfferingsNotStray(address asset, uint256 amount, uint256 excess);

    /// @notice Opens an offering. Council only.
    function openOffering(OfferingParams calldata params) external returns (uint256 offeringId);

    /// @notice Ends subscriptions early. Council only. Subscribed shares are claimable at once.
    function closeOffering(uint256 offeringId) external;

    /// @notice Returns `amount` of `asset` that reached this contract outside any subscription to
    /// `to`. Council only; never more than `strays(asset)`, so no escrowed raise can leave.
    function recoverStrays(address asset, address to, uint256 amount) external;

    /// @notice Buys `shares` share units at the offering's price, paying `quote(offeringId, shares)`
    /// (ETH as exact `msg.value`; an ERC-20 pulled from the caller, who approves this contract).
    /// @param proof Merkle proof of the caller's allowlist leaf (empty for open offerings)
    function subscribe(
        uint256 offeringId,
        uint256 shares,
        bytes32[] calldata proof
    ) external payable returns (uint256 cost);

    /// @notice After the window, or at once after an early close: mints the caller's subscribed shares.
    function claimShares(uint256 offeringId) external returns (uint256 shares);

    /// @notice Once the window has ended (or the council closed the offering): moves the offering's
    /// whole raise from escrow to the capital pool, where it can fund stipends. Anyone may call it,
    /// once per offering; an offering that raised nothing settles with no deposit.
    /// @return capital the amount deposited into the capital pool
    function settleOffering(uint256 offeringId) external returns (uint256 capital);

    /// @notice Cost of `shares` share units: ceil(shares × price / 1e18), rounded in the Fund's favour.
    function quote(uint256 offeringId, uint256 shares) external view returns (uint256 cost);

    function offeringCount() external view returns (uint256);
    function offering(uint256 offeringId) external view returns (Offering memory);
    /// @notice The most the unsettled offerings in `asset` can hold in escrow (Σ of their cap's cost
    /// plus rounding), which `recoverStrays` never touches.
    function escrowCeiling(address asset) external view returns (uint256);
    /// @notice What this contract holds of `asset` above `escrowCeiling(asset)`: tokens sent outside any subscription.
    function strays(address asset) external view returns (uint256);
    /// @notice Share units `investor` subscribed in `offeringId` and has not yet claimed.
    function pendingShares(uint256 offeringId, address investor) external view returns (uint256);
    /// @notice Whether `investor` may subscribe with `proof` (always true for open offerings).
    function isAllowed(
        uint256 offeringId,
        address investor,
        bytes32[] calldata proof
    ) external view returns (bool);
}
