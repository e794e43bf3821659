// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IOfferings} from "../interfaces/IOfferings.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {Asset} from "../libraries/Asset.sol";
import {ShareIssuer} from "../utils/ShareIssuer.sol";

/// @title Offerings
/// @notice Investors buy Fund shares at a price the trustees set. Each offering's capital is held
/// here in escrow during its window and moves to the capital pool, which pays researcher stipends,
/// in one deposit when the offering settles.
/// @dev Front-running defence (see docs/front-running.md). Buying shares just ahead of a large,
/// known returns payment would let a newcomer take part of a payment the existing holders earned.
/// Here a subscription only *records* shares: they are minted by `claimShares` once the window has
/// closed (`block.timestamp > end`), and share transfers are off by default. So
/// - a subscription made during the window cannot capture any return paid during the window: the
///   shares do not exist yet, so every such payment goes to the existing holders alone;
/// - there is no quick exit: the capital is committed at subscription and the shares, once minted,
///   earn only from later payments, pro rata, like everyone else's.
/// The price is paid in full at subscription (cost rounded up, in the Fund's favour), so nobody
/// ever holds a claim to shares they have not paid for. Trade-off: investors wait for the window
/// to close before their shares exist and earn; the trustees price each offering knowing the
/// payments they expect after it.
/// Escrow until settlement keeps a subscription's cost down to its own bookkeeping: the per-asset
/// books of the capital pool are written once per offering (`settleOffering`), not once per investor.
contract Offerings is IOfferings, ShareIssuer, ReentrancyGuardTransient {
    using Asset for address;

    /// @notice Asset id of native ETH.
    address public constant ETH = Asset.ETH;
    /// @notice One whole share in share units (the ledger has 18 decimals); prices are per whole share.
    uint256 public constant SHARE_UNIT = 1e18;
    /// @notice Latest timestamp an offering may use (stored in 40 bits: the year 36812).
    uint256 public constant MAX_TIMESTAMP = type(uint40).max;

    /// @dev An offering in four slots, laid out so a subscription reads three and writes one:
    /// slot 0 (asset, window, flags) and slot 1 (price, minimum) are read, slot 2 (shares remaining
    /// under the cap, capital raised) is read and written; slot 3 (cap, settled) is read only by
    /// views and settlement. The allowlist root has its own mapping, read only when `allowlisted`.
    /// Bounds: `capitalRaised` fits 128 bits because `openOffering` checks that the cap's cost plus
    /// one unit per possible subscription does (see `_maxRaise`).
    struct StoredOffering {
        address asset;
        uint40 start;
        uint40 end;
        bool closed;
        bool allowlisted;
        uint128 pricePerShare;
        uint128 minShares;
        uint128 sharesRemaining;
        uint128 capitalRaised;
        uint128 shareCap;
        bool settled;
    }

    uint256 private _offeringCount;
    mapping(uint256 offeringId => StoredOffering) private _offerings;
    mapping(uint256 offeringId => bytes32 root) private _allowlistRoots;
    mapping(uint256 offeringId => mapping(address investor => uint256 shares)) private _pending;
    /// @dev Per asset, the most the unsettled offerings can hold in escrow: Σ `_maxRaise` of every
    /// offering opened and not yet settled. Written at opening and settlement only, never per
    /// subscription; anything this contract holds above it reached it outside the books.
    mapping(address asset => uint256) private _escrowCeiling;

    /// @param council_ the trustee council, sole caller of `openOffering` and `closeOffering`
    /// @param shares_ the share ledger; this contract needs its minter role
    /// @param pool_ the capital pool; this contract needs its depositor role to settle offerings
    constructor(
        ITrusteeCouncil council_,
        IFundShares shares_,
        ICapitalPool pool_
    ) ShareIssuer(council_, shares_, pool_) {}

    // ---------------------------------------------------------------- council

    /// @inheritdoc IOfferings
    /// @dev Reverts with `OfferingsInvalidParams` unless: the asset is ETH or a returns asset of the
    /// ledger, price > 0, cap > 0, minShares ≤ cap, start < end, end is in the future, end ≤
    /// MAX_TIMESTAMP, and the most the offering can raise fits 128 bits.
    function openOffering(OfferingParams calldata params) external returns (uint256 offeringId) {
        _requireCouncil();
        if (
            params.pricePerShare == 0 ||
            params.shareCap == 0 ||
            params.minShares > params.shareCap ||
            params.start >= params.end ||
            params.end <= block.timestamp ||
            params.end > MAX_TIMESTAMP ||
            _maxRaise(params.shareCap, params.pricePerShare) > type(uint128).max ||
            !_shares.isReturnsAsset(params.asset)
        ) revert OfferingsInvalidParams();
        offeringId = ++_offeringCount;
        // start < end ≤ MAX_TIMESTAMP = type(uint40).max, checked above.
        _offerings[offeringId] = StoredOffering({
            asset: params.asset,
            start: uint40(params.start),
            end: uint40(params.end),
            closed: false,
            allowlisted: params.allowlistRoot != bytes32(0),
            pricePerShare: params.pricePerShare,
            minShares: params.minShares,
            sharesRemaining: params.shareCap,
            capitalRaised: 0,
            shareCap: params.shareCap,
            settled: false
        });
        if (params.allowlistRoot != bytes32(0)) _allowlistRoots[offeringId] = params.allowlistRoot;
        _escrowCeiling[params.asset] += _maxRaise(params.shareCap, params.pricePerShare);
        emit OfferingOpened(offeringId, params);
    }

    /// @inheritdoc IOfferings
    function closeOffering(uint256 offeringId) external {
        _requireCouncil();
        StoredOffering storage stored = _existing(offeringId);
        if (stored.closed) revert OfferingsClosed(offeringId);
        stored.closed = true;
        emit OfferingClosed(offeringId, stored.shareCap - stored.sharesRemaining);
    }

    /// @inheritdoc IOfferings
    /// @dev Only what exceeds the escrow ceiling of `asset` (see `_escrowCeiling`): no escrowed raise
    /// can leave this way, whatever the amount asked for.
    function recoverStrays(address asset, address to, uint256 amount) external nonReentrant {
        _requireCouncil();
        uint256 excess = strays(asset);
        if (to == address(0) || amount == 0 || amount > excess) {
            revert OfferingsNotStray(asset, amount, excess);
        }
        emit StraysRecovered(asset, to, amount);
        asset.pay(to, amount);
    }

    // ---------------------------------------------------------------- investors

    /// @inheritdoc IOfferings
    /// @dev A minimum of zero is treated as one share unit, so a subscription always buys something.
    /// Every check on the input comes before any state change; the delivery check comes after the
    /// transfer, and any failure reverts the whole subscription.
    /// The payment stays here in escrow until `settleOffering`. An ERC-20 must arrive in full: a
    /// fee-on-transfer token's short delivery reverts with `OfferingsShortDelivery`. Shares are only
    /// recorded here: see `claimShares`.
    function subscribe(
        uint256 offeringId,
        uint256 shareAmount,
        bytes32[] calldata proof
    ) external payable nonReentrant returns (uint256 cost) {
        StoredOffering storage stored = _existing(offeringId);
        address asset;
        (asset, cost) = _checkSubscription(offeringId, stored, shareAmount, proof);

        // Both casts are exact: shareAmount ≤ sharesRemaining was checked, and capitalRaised + cost
        // ≤ _maxRaise(cap, price) ≤ type(uint128).max (checked at opening).
        stored.sharesRemaining -= uint128(shareAmount);
        stored.capitalRaised += uint128(cost);
        _pending[offeringId][msg.sender] += shareAmount;
        emit Subscribed(offeringId, msg.sender, shareAmount, cost);

        // ETH arrived as msg.value (checked equal to cost). An ERC-20 is pulled and must arrive whole.
        if (!asset.isEth()) {
            uint256 received = asset.pull(msg.sender, cost);
            if (received != cost) revert OfferingsShortDelivery(asset, cost, received);
        }
    }

    /// @inheritdoc IOfferings
    /// @dev Only after `end`, or as soon as the council closed the offering (no subscription can
    /// follow either way), so subscriptions never share in returns paid while they could still come.
    /// While the ledger is paused minting is stopped and this reverts with `OfferingsPaused`; the
    /// pending shares stay recorded and can be claimed once the pause ends or lapses.
    function claimShares(uint256 offeringId) external nonReentrant returns (uint256 shareAmount) {
        StoredOffering storage stored = _existing(offeringId);
        uint64 end = stored.end;
        if (!stored.closed && block.timestamp <= end) revert OfferingsWindowOpen(offeringId, end);
        shareAmount = _pending[offeringId][msg.sender];
        if (shareAmount == 0) revert OfferingsNothingToClaim(offeringId, msg.sender);
        if (_shares.paused()) revert OfferingsPaused();

        delete _pending[offeringId][msg.sender];
        emit SubscriptionSharesClaimed(offeringId, msg.sender, shareAmount);

        _shares.mint(msg.sender, shareAmount);
    }

    /// @inheritdoc IOfferings
    /// @dev Settles once the window has ended, or earlier if the council closed the offering (no
    /// subscription can follow either way, so the raise is final). Works while the ledger is paused:
    /// it moves capital between the Fund's own contracts and takes nothing in, and escrow must never
    /// be stuck. The pool checks that its balance backs what it books.
    function settleOffering(uint256 offeringId) external nonReentrant returns (uint256 capital) {
        StoredOffering storage stored = _existing(offeringId);
        if (!stored.closed && block.timestamp <= stored.end)
            revert OfferingsWindowOpen(offeringId, stored.end);
        if (stored.settled) revert OfferingsAlreadySettled(offeringId);
        stored.settled = true;
        capital = stored.capitalRaised;
        address asset = stored.asset;
        // The ceiling holds this offering's `_maxRaise` since opening.
        _escrowCeiling[asset] -= _maxRaise(stored.shareCap, stored.pricePerShare);
        emit OfferingSettled(offeringId, asset, capital);

        if (capital == 0) return 0;
        // ETH travels with the deposit; an ERC-20 is sent first, and the pool checks it arrived.
        if (asset.isEth()) {
            _pool.depositCapital{value: capital}(asset, capital, offeringId);
        } else {
            asset.transferToken(address(_pool), capital);
            _pool.depositCapital(asset, capital, offeringId);
        }
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IOfferings
    function quote(uint256 offeringId, uint256 shareAmount) external view returns (uint256 cost) {
        return _cost(shareAmount, _existing(offeringId).pricePerShare);
    }

    /// @inheritdoc IOfferings
    function offeringCount() external view returns (uint256) {
        return _offeringCount;
    }

    /// @inheritdoc IOfferings
    function offering(uint256 offeringId) external view returns (Offering memory) {
        StoredOffering storage stored = _existing(offeringId);
        return
            Offering({
                params: OfferingParams({
                    asset: stored.asset,
                    pricePerShare: stored.pricePerShare,
                    shareCap: stored.shareCap,
                    minShares: stored.minShares,
                    start: stored.start,
                    end: stored.end,
                    allowlistRoot: _allowlistRoots[offeringId]
                }),
                sharesSold: stored.shareCap - stored.sharesRemaining,
                capitalRaised: stored.capitalRaised,
                closed: stored.closed,
                settled: stored.settled
            });
    }

    /// @inheritdoc IOfferings
    function escrowCeiling(address asset) external view returns (uint256) {
        return _escrowCeiling[asset];
    }

    /// @inheritdoc IOfferings
    function strays(address asset) public view returns (uint256) {
        uint256 balance = asset.balanceOfThis();
        uint256 ceiling = _escrowCeiling[asset];
        return balance > ceiling ? balance - ceiling : 0;
    }

    /// @inheritdoc IOfferings
    function pendingShares(uint256 offeringId, address investor) external view returns (uint256) {
        return _pending[offeringId][investor];
    }

    /// @inheritdoc IOfferings
    function isAllowed(
        uint256 offeringId,
        address investor,
        bytes32[] calldata proof
    ) external view returns (bool) {
        _existing(offeringId);
        return _isAllowed(_allowlistRoots[offeringId], investor, proof);
    }

    // ---------------------------------------------------------------- internals

    /// @dev All checks of `subscribe`, in order; returns the payment asset and the cost.
    function _checkSubscription(
        uint256 offeringId,
        StoredOffering storage stored,
        uint256 shareAmount,
        bytes32[] calldata proof
    ) private view returns (address asset, uint256 cost) {
        if (_shares.paused()) revert OfferingsPaused();
        if (stored.closed) revert OfferingsClosed(offeringId);
        if (block.timestamp < stored.start) revert OfferingsNotStarted(offeringId, stored.start);
        if (block.timestamp > stored.end) revert OfferingsEnded(offeringId, stored.end);
        uint256 minimum = stored.minShares == 0 ? 1 : stored.minShares;
        if (shareAmount < minimum) revert OfferingsBelowMinimum(shareAmount, minimum);
        uint256 remaining = stored.sharesRemaining;
        if (shareAmount > remaining) revert OfferingsCapExceeded(shareAmount, remaining);
        if (stored.allowlisted && !_isAllowed(_allowlistRoots[offeringId], msg.sender, proof)) {
            revert OfferingsNotAllowlisted(offeringId, msg.sender);
        }
        asset = stored.asset;
        cost = _cost(shareAmount, stored.pricePerShare);
        uint256 expectedValue = asset.expectedValue(cost);
        if (msg.value != expectedValue) revert OfferingsWrongPayment(expectedValue, msg.value);
    }

    function _requireCouncil() private view {
        if (msg.sender != address(_council)) revert OfferingsNotCouncil(msg.sender);
    }

    /// @dev Every opened offering has `end` in the future at opening, so `end == 0` means unknown.
    function _existing(uint256 offeringId) private view returns (StoredOffering storage stored) {
        stored = _offerings[offeringId];
        if (stored.end == 0) revert OfferingsUnknownOffering(offeringId);
    }

    /// @dev Leaf as in OpenZeppelin's StandardMerkleTree for the single value type `address`.
    function _isAllowed(
        bytes32 root,
        address investor,
        bytes32[] calldata proof
    ) private pure returns (bool) {
        if (root == bytes32(0)) return true;
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(investor))));
        return MerkleProof.verifyCalldata(proof, root, leaf);
    }

    /// @dev Most an offering can raise: its cap's cost, plus one unit of rounding for each possible
    /// subscription (every subscription buys at least one share unit and rounds up by less than one).
    function _maxRaise(uint256 shareCap, uint256 pricePerShare) private pure returns (uint256) {
        return _cost(shareCap, pricePerShare) + shareCap;
    }

    /// @dev ceil(shares × price / 1e18): the Fund never sells a share unit below its price.
    function _cost(uint256 shareAmount, uint256 pricePerShare) private pure returns (uint256) {
        return Math.mulDiv(shareAmount, pricePerShare, SHARE_UNIT, Math.Rounding.Ceil);
    }
}
