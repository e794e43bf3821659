// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";

/// @title TrusteeMembership
/// @notice The council's trustee set and threshold M, in the manner of Safe's `OwnerManager`:
/// membership on its own, apart from proposals and their execution. Only the council itself (an
/// executed proposal) changes it after deployment.
/// @dev Trustees sit in a fixed array of at most MAX_TRUSTEES seats, so every loop over them is
/// bounded. Each time an address becomes a trustee it gets a fresh membership generation (never
/// 0); an approval recorded under an older generation no longer matches, so a removed trustee's
/// approvals stop counting and do not come back if the address is added again later.
abstract contract TrusteeMembership is ITrusteeCouncil {
    /// @notice Most trustees at any time.
    uint256 public constant MAX_TRUSTEES = 20;

    /// @dev One trustee and the generation of its current membership (never 0).
    struct Seat {
        address account;
        uint64 generation;
    }

    /// @dev One slot: the trustee count, M, the last generation handed out and the number of
    /// removals ever made (wrapping at 2^32 is harmless: readers compare it for equality only).
    struct Membership {
        uint8 count;
        uint8 threshold;
        uint64 lastGeneration;
        uint32 removals;
    }

    Membership private _membership;
    Seat[MAX_TRUSTEES] private _seats;
    mapping(address account => uint256 seatPlusOne) private _seatOf;

    modifier onlySelf() {
        if (msg.sender != address(this)) revert CouncilOnlySelf(msg.sender);
        _;
    }

    // ---------------------------------------------------------------- council-internal actions

    /// @inheritdoc ITrusteeCouncil
    function addTrustee(address trustee) external onlySelf {
        _addTrustee(trustee);
    }

    /// @inheritdoc ITrusteeCouncil
    function removeTrustee(address trustee) external onlySelf {
        _removeTrustee(trustee);
    }

    /// @inheritdoc ITrusteeCouncil
    function changeThreshold(uint256 newThreshold) external onlySelf {
        _changeThreshold(newThreshold);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ITrusteeCouncil
    function trustees() public view returns (address[] memory accounts) {
        uint256 count = _membership.count;
        accounts = new address[](count);
        for (uint256 i; i < count; ++i) {
            accounts[i] = _seats[i].account;
        }
    }

    /// @inheritdoc ITrusteeCouncil
    function trusteesAndThreshold()
        external
        view
        returns (address[] memory currentTrustees, uint256 currentThreshold)
    {
        return (trustees(), _membership.threshold);
    }

    /// @inheritdoc ITrusteeCouncil
    function thresholdAndRemovals() external view returns (uint256 currentThreshold, uint256 removals) {
        Membership storage membership = _membership;
        return (membership.threshold, membership.removals);
    }

    /// @inheritdoc ITrusteeCouncil
    function isTrustee(address account) external view returns (bool) {
        return _seatOf[account] != 0;
    }

    /// @inheritdoc ITrusteeCouncil
    function threshold() external view returns (uint256) {
        return _membership.threshold;
    }

    // ---------------------------------------------------------------- internals

    /// @dev Seats the first trustees and sets M; for the deriving contract's constructor.
    function _initMembership(address[] memory initialTrustees, uint256 initialThreshold) internal {
        uint256 count = initialTrustees.length;
        if (count > MAX_TRUSTEES) revert CouncilTooManyTrustees(count, MAX_TRUSTEES);
        if (initialThreshold == 0 || initialThreshold > count) {
            revert CouncilInvalidThreshold(initialThreshold, count);
        }
        for (uint256 i; i < count; ++i) {
            _addTrustee(initialTrustees[i]);
        }
        // initialThreshold ≤ count ≤ MAX_TRUSTEES = 20 fits uint8.
        _membership.threshold = uint8(initialThreshold);
        emit ThresholdChanged(initialThreshold);
    }

    function _addTrustee(address trustee) internal {
        _requireCanAdd(trustee);
        Membership storage membership = _membership;
        uint256 count = membership.count;
        uint64 generation = ++membership.lastGeneration;
        _seats[count] = Seat({account: trustee, generation: generation});
        // count < MAX_TRUSTEES = 20, so count + 1 fits uint8.
        membership.count = uint8(count + 1);
        _seatOf[trustee] = count + 1;
        emit TrusteeAdded(trustee);
    }

    function _removeTrustee(address trustee) internal {
        _requireCanRemove(trustee);
        uint256 seatPlusOne = _seatOf[trustee];
        Membership storage membership = _membership;
        uint256 remaining = membership.count - 1;
        if (seatPlusOne - 1 != remaining) {
            Seat memory moved = _seats[remaining];
            _seats[seatPlusOne - 1] = moved;
            _seatOf[moved.account] = seatPlusOne;
        }
        delete _seats[remaining];
        // remaining < count ≤ 20 fits uint8.
        membership.count = uint8(remaining);
        unchecked {
            // A counter compared for equality only: wrapping after 2^32 removals changes nothing.
            ++membership.removals;
        }
        delete _seatOf[trustee];
        emit TrusteeRemoved(trustee);
    }

    function _changeThreshold(uint256 newThreshold) internal {
        _requireValidThreshold(newThreshold);
        // newThreshold ≤ count ≤ 20 fits uint8.
        _membership.threshold = uint8(newThreshold);
        emit ThresholdChanged(newThreshold);
    }

    /// @dev Reverts unless `trustee` could be added now: non-zero, not the council, not a trustee, a free seat.
    function _requireCanAdd(address trustee) internal view {
        if (trustee == address(0) || trustee == address(this)) revert CouncilInvalidTrustee(trustee);
        if (_seatOf[trustee] != 0) revert CouncilDuplicateTrustee(trustee);
        uint256 count = _membership.count;
        if (count == MAX_TRUSTEES) revert CouncilTooManyTrustees(count + 1, MAX_TRUSTEES);
    }

    /// @dev Reverts unless `trustee` could be removed now: a trustee whose leaving keeps N ≥ M.
    function _requireCanRemove(address trustee) internal view {
        if (_seatOf[trustee] == 0) revert CouncilNotTrustee(trustee);
        Membership storage membership = _membership;
        uint256 remaining = membership.count - 1;
        // The threshold is at least 1, so this also keeps at least one trustee.
        uint256 required = membership.threshold;
        if (remaining < required) revert CouncilInvalidThreshold(required, remaining);
    }

    /// @dev Reverts unless 1 ≤ `newThreshold` ≤ N.
    function _requireValidThreshold(uint256 newThreshold) internal view {
        uint256 count = _membership.count;
        if (newThreshold == 0 || newThreshold > count) revert CouncilInvalidThreshold(newThreshold, count);
    }

    /// @dev M, the approvals a proposal needs.
    function _threshold() internal view returns (uint256) {
        return _membership.threshold;
    }

    /// @dev The current membership generation of `account`; reverts if it is not a trustee.
    function _generationOf(address account) internal view returns (uint64) {
        uint256 seatPlusOne = _seatOf[account];
        if (seatPlusOne == 0) revert CouncilNotTrustee(account);
        return _seats[seatPlusOne - 1].generation;
    }

    /// @dev Whether `approvals` (trustee → generation approved under) holds a current approval of `trustee`.
    function _approvedNow(
        mapping(address trustee => uint64 generation) storage approvals,
        address trustee
    ) internal view returns (bool) {
        uint256 seatPlusOne = _seatOf[trustee];
        return seatPlusOne != 0 && approvals[trustee] == _seats[seatPlusOne - 1].generation;
    }

    /// @dev Approvals in `approvals` from current trustees under their current membership; at most
    /// MAX_TRUSTEES iterations.
    function _countCurrent(
        mapping(address trustee => uint64 generation) storage approvals
    ) internal view returns (uint256 count) {
        uint256 seats = _membership.count;
        for (uint256 i; i < seats; ++i) {
            Seat memory seat = _seats[i];
            if (approvals[seat.account] == seat.generation) ++count;
        }
    }
}
