// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFundLens} from "../interfaces/IFundLens.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {IOfferings} from "../interfaces/IOfferings.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {FundLensBase} from "./FundLensBase.sol";

/// @title FundingLens
/// @notice The lens on how the Fund hands out shares: grant rounds, applications (with awards,
/// vesting and a trustee's sealed estimate) and investor offerings (with an investor's pending shares).
abstract contract FundingLens is FundLensBase {
    /// @inheritdoc IFundLens
    function roundsPage(Page calldata page) external view returns (RoundView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _rounds(sys, _ids(page, IGrantRounds(sys.grantRounds).roundCount()));
    }

    /// @inheritdoc IFundLens
    function applicationsPage(
        Page calldata page,
        address viewer
    ) external view returns (ApplicationView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _applications(sys, _ids(page, IGrantRounds(sys.grantRounds).applicationCount()), viewer);
    }

    /// @inheritdoc IFundLens
    function applicationsByIds(
        uint256[] calldata ids,
        address viewer
    ) external view returns (ApplicationView[] memory rows) {
        rows = _applications(_system(), _checked(ids), viewer);
    }

    /// @inheritdoc IFundLens
    function trusteeRecords(uint256 roundId) external view returns (TrusteeRecordView[] memory rows) {
        IGrantRounds grants = IGrantRounds(_system().grantRounds);
        address[] memory trustees = council.trustees();
        rows = new TrusteeRecordView[](trustees.length);
        // The council holds at most 20 trustees.
        for (uint256 i; i < trustees.length; ++i) {
            rows[i] = TrusteeRecordView({
                trustee: trustees[i],
                record: grants.trusteeRecord(roundId, trustees[i])
            });
        }
    }

    /// @inheritdoc IFundLens
    function offeringsPage(
        Page calldata page,
        address viewer
    ) external view returns (OfferingView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _offerings(sys, _ids(page, IOfferings(sys.offerings).offeringCount()), viewer);
    }

    // ---------------------------------------------------------------- builders

    function _rounds(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids
    ) internal view returns (RoundView[] memory rows) {
        rows = new RoundView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            rows[i] = RoundView({id: ids[i], round: IGrantRounds(sys.grantRounds).round(ids[i])});
        }
    }

    function _applications(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids,
        address viewer
    ) internal view returns (ApplicationView[] memory rows) {
        IGrantRounds grants = IGrantRounds(sys.grantRounds);
        rows = new ApplicationView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            ApplicationView memory row = rows[i];
            row.id = id;
            row.application = grants.application(id);
            row.award = grants.award(id);
            row.stipendAward = grants.stipendAward(id);
            row.vestedShares = grants.vestedShares(id);
            row.claimableShares = grants.claimableShares(id);
            row.claimableStipend = grants.claimableStipend(id);
            if (viewer != address(0)) row.viewerEstimate = grants.estimateOf(id, viewer);
        }
    }

    function _offerings(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids,
        address viewer
    ) internal view returns (OfferingView[] memory rows) {
        IOfferings offerings = IOfferings(sys.offerings);
        rows = new OfferingView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            rows[i].id = ids[i];
            rows[i].offering = offerings.offering(ids[i]);
            if (viewer != address(0)) rows[i].viewerPending = offerings.pendingShares(ids[i], viewer);
        }
    }
}
