// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

import {IFundShares} from "../interfaces/IFundShares.sol";
import {HookTokenMock} from "./HookTokenMock.sol";
import {ITransferHooks} from "./ITransferHooks.sol";

/// @title ReentrantHolderMock
/// @notice Test double: a malicious shareholder. Whenever it gets control — ETH arriving from the
/// ledger, or a `HookTokenMock` sender/recipient hook — it calls back into the ledger with the
/// configured attack. In bubbling mode the re-entry's revert aborts the outer call; otherwise the
/// revert is caught and recorded (so the test can check both that the attack failed and that the
/// outer operation still booked exactly what it should). It can also simply refuse ETH. Tests only.
contract ReentrantHolderMock is ITransferHooks {
    /// @notice What to do when control arrives.
    enum Attack {
        None,
        ClaimReturns,
        ClaimAll,
        Distribute,
        Donate,
        SyncReturns,
        MoveHeldToCapital,
        TransferShares,
        RefuseEth,
        ClaimEth
    }

    /// @notice One re-entry was attempted; `reverted` tells whether the ledger refused it.
    event ReentryAttempted(Attack attack, bool reverted);

    /// @notice Raised on ETH receipt in `RefuseEth` mode.
    error ReentrantHolderMockRefusedEth(uint256 amount);
    /// @notice `performReentry` is only for this contract's own try/catch.
    error ReentrantHolderMockOnlySelf(address caller);

    address private constant ETH = address(0);

    IFundShares private immutable _shares;
    Attack private _attack;
    address private _asset;
    uint256 private _amount;
    address private _accomplice;
    bool private _bubble;
    bool private _entered;
    uint256 private _attempts;
    uint256 private _successes;
    bytes private _lastRevert;

    constructor(IFundShares shares) {
        _shares = shares;
    }

    /// @notice Arms the attack. `asset` and `amount` parametrise the re-entering call (`amount` is
    /// also the ETH sent by `Distribute`/`Donate` in ETH); `accomplice` receives `TransferShares`.
    function setAttack(
        Attack attack,
        address asset,
        uint256 amount,
        address accomplice,
        bool bubble
    ) external {
        _attack = attack;
        _asset = asset;
        _amount = amount;
        _accomplice = accomplice;
        _bubble = bubble;
    }

    /// @notice Claims the receiver's returns in `asset` from the ledger.
    function claimReturns(address asset) external returns (uint256) {
        return _shares.claimReturns(asset);
    }

    /// @notice Claims the receiver's ETH returns with the no-argument entry point.
    function claimEth() external returns (uint256) {
        return _shares.claimEth();
    }

    /// @notice Claims the receiver's returns in every asset.
    function claimAll() external returns (uint256[] memory) {
        return _shares.claimAll();
    }

    /// @notice Pays returns into the ledger from this contract (ETH: forward `msg.value`).
    function distribute(address asset, uint256 amount) external payable returns (uint256) {
        return _shares.distribute{value: msg.value}(asset, amount);
    }

    /// @notice Approves the ledger to pull `amount` of `token` from this contract.
    function approveLedger(IERC20 token, uint256 amount) external {
        token.approve(address(_shares), amount);
    }

    /// @notice Opts this contract into `token`'s transfer hooks.
    function enableHooks(HookTokenMock token) external {
        token.setHooks(true);
    }

    /// @notice Entry point of the caught re-entry; callable only by this contract.
    function performReentry() external {
        if (msg.sender != address(this)) revert ReentrantHolderMockOnlySelf(msg.sender);
        _performReentry();
    }

    /// @notice ETH from the ledger hands control to the attack; other senders just fund the contract.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        if (msg.sender != address(_shares)) return;
        if (_attack == Attack.RefuseEth) revert ReentrantHolderMockRefusedEth(msg.value);
        _reenter();
    }

    /// @inheritdoc ITransferHooks
    function tokensToSend(address, address, uint256) external {
        _reenter();
    }

    /// @inheritdoc ITransferHooks
    function tokensReceived(address, address, uint256) external {
        _reenter();
    }

    /// @notice Re-entries attempted so far.
    function attempts() external view returns (uint256) {
        return _attempts;
    }

    /// @notice Re-entries the ledger accepted.
    function successes() external view returns (uint256) {
        return _successes;
    }

    /// @notice Revert data of the last caught re-entry.
    function lastRevert() external view returns (bytes memory) {
        return _lastRevert;
    }

    function _reenter() private {
        Attack attack = _attack;
        if (attack == Attack.None || attack == Attack.RefuseEth || _entered) return;
        _entered = true;
        ++_attempts;
        if (_bubble) {
            _performReentry();
            ++_successes;
            emit ReentryAttempted(attack, false);
        } else {
            try this.performReentry() {
                ++_successes;
                emit ReentryAttempted(attack, false);
            } catch (bytes memory reason) {
                _lastRevert = reason;
                emit ReentryAttempted(attack, true);
            }
        }
        _entered = false;
    }

    function _performReentry() private {
        Attack attack = _attack;
        if (attack == Attack.ClaimReturns) {
            _shares.claimReturns(_asset);
        } else if (attack == Attack.ClaimEth) {
            _shares.claimEth();
        } else if (attack == Attack.ClaimAll) {
            _shares.claimAll();
        } else if (attack == Attack.Distribute) {
            _shares.distribute{value: _asset == ETH ? _amount : 0}(_asset, _amount);
        } else if (attack == Attack.Donate) {
            Address.sendValue(payable(address(_shares)), _amount);
        } else if (attack == Attack.SyncReturns) {
            _shares.syncReturns(_asset);
        } else if (attack == Attack.MoveHeldToCapital) {
            _shares.moveHeldToCapital(_asset);
        } else if (attack == Attack.TransferShares) {
            // Not guarded, and harmless: earned returns were settled before control left the ledger.
            _shares.transfer(_accomplice, _shares.balanceOf(address(this)));
        }
    }
}
