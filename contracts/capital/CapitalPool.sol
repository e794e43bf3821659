// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {Asset} from "../libraries/Asset.sol";

/// @title CapitalPool
/// @notice Investor capital, per asset, kept apart from returns; it pays researcher stipends only.
/// @dev Per asset: held = capitalIn − stipendsPaid, reserved ≤ held, available = held − reserved.
/// Capital can leave only as a stipend paid from the reserve to a researcher; the council can send
/// back only tokens above `held` (strays that reached the pool outside a deposit).
contract CapitalPool is ICapitalPool, AccessControl, ReentrancyGuardTransient {
    using Asset for address;

    /// @notice Role of the offerings contract, which deposits investor capital.
    bytes32 public constant DEPOSITOR_ROLE = keccak256("DEPOSITOR_ROLE");
    /// @notice Role of the grant rounds contract, which reserves, releases and pays stipends.
    bytes32 public constant STIPEND_ROLE = keccak256("STIPEND_ROLE");
    /// @notice Asset id of native ETH.
    address public constant ETH = Asset.ETH;

    /// @dev Capital in and stipends paid share a slot: a deposit reads and writes one slot.
    /// 2^128 units is far beyond any token supply; the casts below are checked.
    struct StoredBooks {
        uint128 capitalIn;
        uint128 stipendsPaid;
        uint256 reserved;
    }

    mapping(address asset => StoredBooks) private _books;

    /// @param admin initial admin (the deployer, who hands the role to the trustee council and renounces it)
    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @inheritdoc ICapitalPool
    /// @dev Guarded: a token with transfer hooks must not re-enter here in the middle of `payStipend`
    /// (after its books changed, before its balance did) and book capital that never arrived.
    function depositCapital(
        address asset,
        uint256 amount,
        uint256 offeringId
    ) external payable onlyRole(DEPOSITOR_ROLE) nonReentrant {
        if (amount == 0) revert CapitalPoolZeroAmount();
        StoredBooks storage stored = _books[asset];
        uint256 capitalIn = uint256(stored.capitalIn) + amount;
        uint256 expectedValue = asset.expectedValue(amount);
        if (msg.value != expectedValue) revert CapitalPoolWrongValue(expectedValue, msg.value);
        if (!asset.isEth()) {
            // The depositor transferred the tokens first; refuse to book capital that is not here
            // (this is also what turns away a fee-on-transfer token's short delivery).
            uint256 needed = capitalIn - stored.stipendsPaid;
            uint256 balance = asset.balanceOfThis();
            if (balance < needed) revert CapitalPoolUnbackedDeposit(asset, balance, needed);
        }
        stored.capitalIn = SafeCast.toUint128(capitalIn);
        emit CapitalDeposited(asset, msg.sender, offeringId, amount);
    }

    /// @inheritdoc ICapitalPool
    function reserveStipends(address asset, uint256 amount) external onlyRole(STIPEND_ROLE) {
        if (amount == 0) revert CapitalPoolZeroAmount();
        uint256 available = availableCapital(asset);
        if (amount > available) revert CapitalPoolInsufficientCapital(asset, available, amount);
        _books[asset].reserved += amount;
        emit StipendsReserved(asset, msg.sender, amount);
    }

    /// @inheritdoc ICapitalPool
    function releaseStipends(address asset, uint256 amount) external onlyRole(STIPEND_ROLE) {
        if (amount == 0) revert CapitalPoolZeroAmount();
        StoredBooks storage stored = _books[asset];
        if (amount > stored.reserved) revert CapitalPoolInsufficientReserve(asset, stored.reserved, amount);
        stored.reserved -= amount;
        emit StipendsReleased(asset, msg.sender, amount);
    }

    /// @inheritdoc ICapitalPool
    function payStipend(
        address asset,
        address researcher,
        uint256 amount
    ) external onlyRole(STIPEND_ROLE) nonReentrant {
        if (amount == 0) revert CapitalPoolZeroAmount();
        StoredBooks storage stored = _books[asset];
        if (amount > stored.reserved) revert CapitalPoolInsufficientReserve(asset, stored.reserved, amount);
        stored.reserved -= amount;
        // stipendsPaid + amount ≤ capitalIn, which fits uint128.
        stored.stipendsPaid += uint128(amount);
        emit StipendPaid(asset, researcher, amount);
        asset.pay(researcher, amount);
    }

    /// @inheritdoc ICapitalPool
    /// @dev Held capital (`capitalIn − stipendsPaid`, the reserve included) is never touched.
    function recoverStrays(
        address asset,
        address to,
        uint256 amount
    ) external onlyRole(DEFAULT_ADMIN_ROLE) nonReentrant {
        uint256 excess = strays(asset);
        if (to == address(0) || amount == 0 || amount > excess) {
            revert CapitalPoolNotStray(asset, amount, excess);
        }
        emit StraysRecovered(asset, to, amount);
        asset.pay(to, amount);
    }

    /// @inheritdoc ICapitalPool
    function strays(address asset) public view returns (uint256) {
        StoredBooks storage stored = _books[asset];
        uint256 held = uint256(stored.capitalIn) - stored.stipendsPaid;
        uint256 balance = asset.balanceOfThis();
        return balance > held ? balance - held : 0;
    }

    /// @inheritdoc ICapitalPool
    function availableCapital(address asset) public view returns (uint256) {
        StoredBooks storage stored = _books[asset];
        return uint256(stored.capitalIn) - stored.stipendsPaid - stored.reserved;
    }

    /// @inheritdoc ICapitalPool
    function books(address asset) external view returns (CapitalBooks memory) {
        StoredBooks storage stored = _books[asset];
        return
            CapitalBooks({
                capitalIn: stored.capitalIn,
                stipendsPaid: stored.stipendsPaid,
                reserved: stored.reserved
            });
    }
}
