// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IFundModule} from "../interfaces/IFundModule.sol";
import {IShareIssuer} from "../interfaces/IShareIssuer.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";

/// @title ShareIssuer
/// @notice The Fund contracts a share-issuing module works with, fixed at deployment: the trustee
/// council it answers to, the share ledger it mints through and the capital pool.
/// @dev A base of `GrantRounds` and `Offerings`. Immutable, so reading them costs no storage access.
abstract contract ShareIssuer is IShareIssuer {
    ITrusteeCouncil internal immutable _council;
    IFundShares internal immutable _shares;
    ICapitalPool internal immutable _pool;

    /// @param council_ the trustee council the module answers to
    /// @param shares_ the share ledger; the module needs its minter role
    /// @param pool_ the capital pool
    constructor(ITrusteeCouncil council_, IFundShares shares_, ICapitalPool pool_) {
        if (
            address(council_) == address(0) || address(shares_) == address(0) || address(pool_) == address(0)
        ) {
            revert ShareIssuerZeroAddress(address(council_), address(shares_), address(pool_));
        }
        _council = council_;
        _shares = shares_;
        _pool = pool_;
    }

    /// @inheritdoc IFundModule
    function council() external view returns (address) {
        return address(_council);
    }

    /// @inheritdoc IShareIssuer
    function shares() external view returns (address) {
        return address(_shares);
    }

    /// @inheritdoc IShareIssuer
    function capitalPool() external view returns (address) {
        return address(_pool);
    }
}
