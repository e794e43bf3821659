// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CapitalPool} from "../../../contracts/capital/CapitalPool.sol";
import {FundShares} from "../../../contracts/shares/FundShares.sol";
import {TestBase} from "./Vm.sol";

/// @notice Base for fuzz tests of what builds on the capital pool and the share ledger: deploys both
/// with the test contract as their admin (it holds every role and grants the others itself).
abstract contract PoolAndLedger is TestBase {
    FundShares internal shares;
    CapitalPool internal pool;

    /// @dev A new pool and a ledger paying into it, with the ledger's 30-day pause lapse.
    function _deployPoolAndLedger() internal {
        pool = new CapitalPool(address(this));
        shares = new FundShares("Future Endowment Fund", "FEF", address(this), pool, 30 days);
    }
}
