// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IFundShares} from "../../../contracts/interfaces/IFundShares.sol";
import {FundShares} from "../../../contracts/shares/FundShares.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Drives the ledger for the invariant test: mints, transfers, burns, distributes (ETH and a
/// TestToken), sends straight to the ledger and syncs, moves held returns to the capital pool and claims, at random,
/// among a fixed set of actors. Funds itself with `vm.deal` and `TestToken.mint`. Keeps ghost totals
/// of everything paid in and claimed, and each actor's exact pro-rata entitlement, and checks every
/// claim against it as it happens.
contract FundSharesHandler is TestBase {
    /// @notice Number of actors (the only share holders).
    uint256 public constant ACTORS = 5;
    /// @notice Asset indices of the ghost books: 0 ETH, 1 the token.
    uint256 public constant ASSETS = 2;
    /// @notice Fixed-point scale of the exact entitlements (finer than the ledger's 10^33).
    uint256 public constant SCALE = 1e36;

    address private constant ETH = address(0);
    uint256 private constant MAGNITUDE = 1e33;
    uint256 private constant ONE_SHARE = 1e18;
    uint256 private constant MAX_MINT = 1e24; // a million shares per mint
    uint256 private constant MAX_PAYMENT = 1e24; // a million units per payment

    FundShares private immutable _shares;
    TestToken private immutable _token;
    address[ACTORS] private _actors;

    // Ghost books, per asset index.
    uint256[ASSETS] private _paidIn;
    uint256[ASSETS] private _claimed;
    uint256[ASSETS] private _held;
    uint256[ASSETS] private _moved;
    uint256 private _minted;
    uint256 private _burned;
    // Per actor and asset: exact entitlement × SCALE, rounded up and down, and the most the ledger's
    // dropped division remainders may cost (Σ balance × SCALE / 10^33, rounded up).
    mapping(address actor => uint256[ASSETS]) private _exactCeil;
    mapping(address actor => uint256[ASSETS]) private _exactFloor;
    mapping(address actor => uint256[ASSETS]) private _dropAllowance;
    mapping(address actor => uint256[ASSETS]) private _claimedBy;

    // Violations seen inside calls (the invariant test asserts they never happen).
    uint256 private _overpaidClaims;
    uint256 private _failedClaims;
    uint256 private _miscreditedInflows;

    // What the fuzzer actually did, for the record.
    mapping(bytes32 action => uint256) private _calls;

    constructor(FundShares shares_, TestToken token_) {
        _shares = shares_;
        _token = token_;
        for (uint256 i; i < ACTORS; ++i) {
            _actors[i] = address(uint160(0xAC7000 + i));
        }
        _token.approve(address(shares_), type(uint256).max);
    }

    // ---------------------------------------------------------------- actions

    /// @notice Mints shares to an actor (this handler is the minter): one time in four up to two
    /// shares, so supply keeps crossing the one-share threshold; otherwise up to a million shares.
    function mint(uint256 actorSeed, uint256 amount) external {
        amount = amount % 4 == 0 ? bound(amount, 1, 2 * ONE_SHARE) : bound(amount, 1, MAX_MINT);
        _shares.mint(_actor(actorSeed), amount);
        _minted += amount;
        ++_calls["mint"];
    }

    /// @notice Moves shares between two actors (transfers are enabled in the test's set-up).
    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _holder(fromSeed);
        uint256 balance = _shares.balanceOf(from);
        if (balance == 0) return;
        amount = bound(amount, 1, balance);
        vm.prank(from);
        _shares.transfer(_actor(toSeed), amount);
        ++_calls["transfer"];
    }

    /// @notice Burns up to a quarter of an actor's shares, or (one time in eight) all of them, so that
    /// supply sometimes falls below one share without draining the ledger in most runs.
    function burn(uint256 actorSeed, uint256 amount) external {
        address holder = _holder(actorSeed);
        uint256 balance = _shares.balanceOf(holder);
        if (balance == 0) return;
        amount = amount % 8 == 0 ? balance : bound(amount, 1, (balance + 3) / 4);
        vm.prank(holder);
        _shares.burn(amount);
        _burned += amount;
        ++_calls["burn"];
    }

    /// @notice Pays ETH in with `distribute`, or as a plain transfer (`receive`).
    function distributeEth(uint256 amount, bool plainTransfer) external {
        amount = bound(amount, 1, MAX_PAYMENT);
        vm.deal(address(this), amount);
        _creditGhost(0, amount);
        if (plainTransfer) {
            Address.sendValue(payable(address(_shares)), amount);
        } else {
            _shares.distribute{value: amount}(ETH, amount);
        }
        ++_calls["distributeEth"];
    }

    /// @notice Pays the token in with `distribute` (pulled by transferFrom).
    function distributeToken(uint256 amount) external {
        amount = bound(amount, 1, MAX_PAYMENT);
        _token.mint(address(this), amount);
        _creditGhost(1, amount);
        uint256 received = _shares.distribute(address(_token), amount);
        if (received != amount) ++_miscreditedInflows;
        ++_calls["distributeToken"];
    }

    /// @notice Sends ETH or tokens straight to the ledger (no call), then syncs them in.
    function sendDirectAndSync(uint256 amount, bool inToken) external {
        amount = bound(amount, 1, MAX_PAYMENT);
        uint256 index = inToken ? 1 : 0;
        if (inToken) {
            _token.mint(address(_shares), amount);
        } else {
            // As a self-destruct or coinbase payment would: the balance grows without a call.
            vm.deal(address(_shares), address(_shares).balance + amount);
        }
        _creditGhost(index, amount);
        uint256 received = _shares.syncReturns(_asset(index));
        if (received != amount) ++_miscreditedInflows;
        ++_calls["sendDirectAndSync"];
    }

    /// @notice Moves held returns, if any, to the capital pool (refused with FundSharesNothingHeld otherwise).
    function moveHeldToCapital(bool inToken) external {
        uint256 index = inToken ? 1 : 0;
        uint256 expected = _held[index];
        try _shares.moveHeldToCapital(_asset(index)) returns (uint256 moved) {
            if (moved != expected) ++_miscreditedInflows;
            _held[index] = 0;
            _moved[index] += moved;
            ++_calls["moveHeldToCapital"];
        } catch (bytes memory reason) {
            if (expected != 0 || bytes4(reason) != IFundShares.FundSharesNothingHeld.selector) {
                ++_miscreditedInflows;
            }
        }
    }

    /// @notice An actor claims one asset (preferably one with something to claim). It must succeed
    /// whenever something is claimable, and revert with FundSharesNothingToClaim otherwise.
    function claimReturns(uint256 actorSeed, bool inToken) external {
        uint256 index = inToken ? 1 : 0;
        address asset = _asset(index);
        address holder = _claimant(actorSeed, asset);
        uint256 owed = _shares.claimable(holder, asset);
        uint256 before = _balanceOf(index, holder);
        vm.prank(holder);
        try _shares.claimReturns(asset) returns (uint256 amount) {
            uint256 paid = _balanceOf(index, holder) - before;
            if (amount != owed || paid != owed) ++_overpaidClaims;
            _recordClaim(holder, index, paid);
            ++_calls["claimReturns"];
        } catch (bytes memory reason) {
            if (owed != 0 || bytes4(reason) != IFundShares.FundSharesNothingToClaim.selector) ++_failedClaims;
        }
    }

    /// @notice An actor claims every asset. It must succeed whenever something is claimable, and
    /// revert with FundSharesNothingToClaimAny otherwise.
    function claimAll(uint256 actorSeed) external {
        address holder = _claimant(actorSeed, actorSeed % 2 == 0 ? ETH : address(_token));
        uint256[ASSETS] memory owed;
        uint256[ASSETS] memory before;
        for (uint256 i; i < ASSETS; ++i) {
            owed[i] = _shares.claimable(holder, _asset(i));
            before[i] = _balanceOf(i, holder);
        }
        vm.prank(holder);
        try _shares.claimAll() returns (uint256[] memory amounts) {
            for (uint256 i; i < ASSETS; ++i) {
                uint256 paid = _balanceOf(i, holder) - before[i];
                if (amounts[i] != owed[i] || paid != owed[i]) ++_overpaidClaims;
                _recordClaim(holder, i, paid);
            }
            ++_calls["claimAll"];
        } catch (bytes memory reason) {
            bool nothing = owed[0] == 0 && owed[1] == 0;
            if (!nothing || bytes4(reason) != IFundShares.FundSharesNothingToClaimAny.selector)
                ++_failedClaims;
        }
    }

    // ---------------------------------------------------------------- views for the invariants

    /// @notice The actors, in order.
    function actors() external view returns (address[ACTORS] memory) {
        return _actors;
    }

    /// @notice The ledger's asset id for a ghost index.
    function assetAt(uint256 index) external view returns (address) {
        return _asset(index);
    }

    /// @notice Ghost totals of one asset: paid in, claimed, held while supply was below a share, and
    /// moved from held to the capital pool.
    function ghostBooks(
        uint256 index
    ) external view returns (uint256 paidIn, uint256 claimed, uint256 held, uint256 moved) {
        return (_paidIn[index], _claimed[index], _held[index], _moved[index]);
    }

    /// @notice Ghost share totals: minted and burned through the handler.
    function ghostShares() external view returns (uint256 minted, uint256 burned) {
        return (_minted, _burned);
    }

    /// @notice An actor's ghost entitlement in one asset.
    function ghostEntitlement(
        address actor,
        uint256 index
    ) external view returns (uint256 exactCeil, uint256 exactFloor, uint256 dropAllowance, uint256 claimed) {
        return (
            _exactCeil[actor][index],
            _exactFloor[actor][index],
            _dropAllowance[actor][index],
            _claimedBy[actor][index]
        );
    }

    /// @notice Violations seen inside calls.
    function violations()
        external
        view
        returns (uint256 overpaidClaims, uint256 failedClaims, uint256 miscredited)
    {
        return (_overpaidClaims, _failedClaims, _miscreditedInflows);
    }

    /// @notice How often an action did something.
    function calls(bytes32 action) external view returns (uint256) {
        return _calls[action];
    }

    // ---------------------------------------------------------------- internals

    /// @dev Mirrors the rules from first principles: below one whole share the payment is held (and
    /// stays held until moved to the capital pool); otherwise it goes to the current holders pro rata.
    function _creditGhost(uint256 index, uint256 amount) private {
        _paidIn[index] += amount;
        uint256 supply = _shares.totalSupply();
        if (supply < ONE_SHARE) {
            _held[index] += amount;
            ++_calls["held"];
            return;
        }
        uint256 total = amount;
        for (uint256 i; i < ACTORS; ++i) {
            address actor = _actors[i];
            uint256 balance = _shares.balanceOf(actor);
            if (balance == 0) continue;
            _exactCeil[actor][index] += Math.mulDiv(total * balance, SCALE, supply, Math.Rounding.Ceil);
            _exactFloor[actor][index] += Math.mulDiv(total * balance, SCALE, supply);
            _dropAllowance[actor][index] += Math.mulDiv(balance, SCALE, MAGNITUDE, Math.Rounding.Ceil);
        }
    }

    /// @dev Invariant 5, checked as the claim happens: the running total claimed never exceeds the
    /// exact entitlement.
    function _recordClaim(address holder, uint256 index, uint256 paid) private {
        _claimed[index] += paid;
        uint256 total = _claimedBy[holder][index] + paid;
        _claimedBy[holder][index] = total;
        if (total * SCALE > _exactCeil[holder][index]) ++_overpaidClaims;
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % ACTORS];
    }

    /// @dev The first actor from `seed` on who holds shares (the seed's actor if nobody does).
    function _holder(uint256 seed) private view returns (address) {
        for (uint256 i; i < ACTORS; ++i) {
            address actor = _actors[((seed % ACTORS) + i) % ACTORS];
            if (_shares.balanceOf(actor) != 0) return actor;
        }
        return _actor(seed);
    }

    /// @dev The first actor from `seed` on with returns to claim in `asset` (the seed's actor if
    /// nobody has any, which exercises the "nothing to claim" path).
    function _claimant(uint256 seed, address asset) private view returns (address) {
        for (uint256 i; i < ACTORS; ++i) {
            address actor = _actors[((seed % ACTORS) + i) % ACTORS];
            if (_shares.claimable(actor, asset) != 0) return actor;
        }
        return _actor(seed);
    }

    function _asset(uint256 index) private view returns (address) {
        return index == 0 ? ETH : address(_token);
    }

    function _balanceOf(uint256 index, address account) private view returns (uint256) {
        return index == 0 ? account.balance : _token.balanceOf(account);
    }
}
