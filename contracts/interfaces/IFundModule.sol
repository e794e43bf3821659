// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title A replaceable module of the Fund (grant rounds, offerings, returns registry)
/// @notice What the council asks a candidate module before announcing a migration to it.
interface IFundModule {
    /// @notice The trustee council the module answers to.
    function council() external view returns (address);
}
