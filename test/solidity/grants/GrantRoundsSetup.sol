// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CapitalPool} from "../../../contracts/capital/CapitalPool.sol";
import {GrantRounds} from "../../../contracts/grants/GrantRounds.sol";
import {ICapitalPool} from "../../../contracts/interfaces/ICapitalPool.sol";
import {IFundShares} from "../../../contracts/interfaces/IFundShares.sol";
import {IGrantRounds} from "../../../contracts/interfaces/IGrantRounds.sol";
import {ITrusteeCouncil} from "../../../contracts/interfaces/ITrusteeCouncil.sol";
import {FundShares} from "../../../contracts/shares/FundShares.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice A grant-rounds system whose council is this contract: it answers `isTrustee` and
/// `trusteesAndThreshold` (the only council reads of `GrantRounds`) from a list it controls, and is
/// the ledger's and the pool's admin. Trustees are plain addresses driven with `prank`.
abstract contract GrantRoundsSetup is TestBase {
    address internal constant ETH = address(0);
    uint256 internal constant DAY = 1 days;

    FundShares internal shares;
    CapitalPool internal pool;
    GrantRounds internal grants;
    address[] internal trusteeList;
    uint256 internal threshold;

    function _deploy(uint256 trusteeCount, uint256 threshold_, uint256 capital) internal {
        vm.warp(1_000_000);
        pool = new CapitalPool(address(this));
        shares = new FundShares("Future Endowment Fund", "FEF", address(this), pool, 30 days);
        grants = new GrantRounds(
            ITrusteeCouncil(address(this)),
            IFundShares(address(shares)),
            ICapitalPool(address(pool))
        );
        shares.grantRole(shares.MINTER_ROLE(), address(grants));
        pool.grantRole(pool.STIPEND_ROLE(), address(grants));
        pool.grantRole(pool.DEPOSITOR_ROLE(), address(grants));
        pool.grantRole(pool.DEPOSITOR_ROLE(), address(this));
        if (capital != 0) {
            vm.deal(address(this), capital);
            pool.depositCapital{value: capital}(ETH, capital, 0);
        }
        for (uint256 i; i < trusteeCount; ++i) {
            trusteeList.push(address(uint160(uint256(keccak256(abi.encode("trustee", i))))));
        }
        threshold = threshold_;
    }

    // ---------------------------------------------------------------- the council's reads

    function isTrustee(address account) external view returns (bool) {
        for (uint256 i; i < trusteeList.length; ++i) if (trusteeList[i] == account) return true;
        return false;
    }

    function trusteesAndThreshold() external view returns (address[] memory, uint256) {
        return (trusteeList, threshold);
    }

    // ---------------------------------------------------------------- helpers

    /// @dev Opens a round now: one day per phase, a 30-day cliff of a 360-day vesting.
    function _openRound(uint128 pool_, uint128 budget, uint128 deposit) internal returns (uint256) {
        return
            grants.openRound(
                IGrantRounds.RoundParams({
                    sharePool: pool_,
                    applicationDeadline: uint64(block.timestamp + DAY),
                    commitDeadline: uint64(block.timestamp + 2 * DAY),
                    revealDeadline: uint64(block.timestamp + 3 * DAY),
                    vestingCliff: uint64(30 * DAY),
                    vestingDuration: uint64(360 * DAY),
                    stipendAsset: ETH,
                    stipendBudget: budget,
                    applicationDeposit: deposit
                })
            );
    }

    function _apply(
        address researcher,
        uint256 roundId,
        uint32 effortMonths,
        uint128 stipend,
        uint256 deposit
    ) internal returns (uint256) {
        vm.deal(researcher, deposit);
        vm.prank(researcher);
        return
            grants.submitApplication{value: deposit}(
                roundId,
                "Fuzzed proposal",
                "ipfs://proposal",
                keccak256("p"),
                effortMonths,
                stipend
            );
    }

    function _salt(address trustee, uint256 applicationId) internal pure returns (bytes32) {
        return keccak256(abi.encode("salt", trustee, applicationId));
    }

    function _commit(address trustee, uint256 applicationId, uint16 p, uint32 e, uint128 s) internal {
        uint256[] memory ids = new uint256[](1);
        bytes32[] memory sealed_ = new bytes32[](1);
        ids[0] = applicationId;
        sealed_[0] = grants.sealEstimate(trustee, applicationId, p, e, s, _salt(trustee, applicationId));
        vm.prank(trustee);
        grants.commitEstimates(ids, sealed_);
    }

    function _reveal(address trustee, uint256 applicationId, uint16 p, uint32 e, uint128 s) internal {
        IGrantRounds.Reveal[] memory reveals = new IGrantRounds.Reveal[](1);
        reveals[0] = IGrantRounds.Reveal(applicationId, p, e, s, _salt(trustee, applicationId));
        vm.prank(trustee);
        grants.revealEstimates(reveals);
    }

    function _finalize(uint256 applicationId) internal {
        uint256[] memory ids = new uint256[](1);
        ids[0] = applicationId;
        grants.finalizeApplications(ids);
    }

    /// @dev The median rule of `MedianMath`, for an independent check: sorted copy, middle or mean rounded down.
    function _median(uint256[] memory values) internal pure returns (uint256) {
        uint256 n = values.length;
        for (uint256 i; i < n; ++i)
            for (uint256 j = i + 1; j < n; ++j)
                if (values[j] < values[i]) (values[i], values[j]) = (values[j], values[i]);
        if (n == 0) return 0;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
