// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFundModule} from "./IFundModule.sol";

/// @title A module of the Fund that issues shares and works with the capital pool
/// @notice Grant rounds (which mint awards and pay stipends from the pool) and offerings (which mint
/// subscribed shares and deposit their raise in the pool) answer to the trustee council, mint through
/// the share ledger and use the capital pool; these are fixed at deployment.
interface IShareIssuer is IFundModule {
    /// @notice The council, the share ledger or the capital pool given at deployment is address zero.
    /// @param council the council given
    /// @param shares the share ledger given
    /// @param pool the capital pool given
    error ShareIssuerZeroAddress(address council, address shares, address pool);

    /// @notice The share ledger that mints the shares this module issues.
    function shares() external view returns (address);

    /// @notice The capital pool this module pays into or draws stipends from.
    function capitalPool() external view returns (address);
}
