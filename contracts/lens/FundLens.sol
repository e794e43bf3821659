// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFundLens} from "../interfaces/IFundLens.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {FundLensBase} from "./FundLensBase.sol";
import {FundingLens} from "./FundingLens.sol";
import {LedgerLens} from "./LedgerLens.sol";
import {ReturnsLens} from "./ReturnsLens.sol";

/// @title FundLens
/// @notice Everything the dashboard shows, in one eth_call (see `IFundLens`).
/// @dev Composed of one lens per domain: `LedgerLens` (fund, account, holders), `FundingLens`
/// (rounds, applications, offerings), `ReturnsLens` (techniques, companies, commitments); the
/// council's proposals and the snapshot of everything are here. Stateless; never called by other
/// contracts and never sent a transaction. Inner loops run over returns assets (≤ 8) and trustees (≤ 20).
contract FundLens is LedgerLens, FundingLens, ReturnsLens {
    /// @param council_ the Fund's trustee council
    constructor(ITrusteeCouncil council_) FundLensBase(council_) {}

    // ---------------------------------------------------------------- everything at once

    /// @inheritdoc IFundLens
    function snapshot(Query calldata query) external view returns (Snapshot memory snap) {
        _checkSnapshotPages(query);
        ITrusteeCouncil.SystemContracts memory sys = _system();
        snap.fund = _fund(sys);
        snap.viewer = _account(sys, snap.fund.assets, query.viewer);
        snap.holders = _holders(sys, snap.fund.assets, query.holders);
        snap.rounds = _rounds(sys, _ids(query.rounds, snap.fund.roundCount));
        snap.applications = _applications(
            sys,
            _ids(query.applications, snap.fund.applicationCount),
            query.viewer
        );
        snap.offerings = _offerings(sys, _ids(query.offerings, snap.fund.offeringCount), query.viewer);
        snap.techniques = _techniques(sys, _ids(query.techniques, snap.fund.techniqueCount));
        snap.companies = _companies(sys, _ids(query.companies, snap.fund.companyCount), query.viewer);
        snap.commitments = _commitments(sys, _ids(query.commitments, snap.fund.commitmentCount));
        snap.proposals = _proposals(_ids(query.proposals, snap.fund.proposalCount), snap.fund.trustees);
    }

    // ---------------------------------------------------------------- council

    /// @inheritdoc IFundLens
    function proposalsPage(Page calldata page) external view returns (ProposalView[] memory rows) {
        rows = _proposals(_ids(page, council.proposalCount()), council.trustees());
    }

    // ---------------------------------------------------------------- builders

    /// @dev Every list of a snapshot holds at most MAX_SNAPSHOT_PAGE items.
    function _checkSnapshotPages(Query calldata query) private pure {
        uint256[8] memory limits = [
            query.holders.limit,
            query.rounds.limit,
            query.applications.limit,
            query.offerings.limit,
            query.techniques.limit,
            query.companies.limit,
            query.commitments.limit,
            query.proposals.limit
        ];
        for (uint256 i; i < limits.length; ++i) {
            if (limits[i] > MAX_SNAPSHOT_PAGE) revert FundLensPageTooLarge(limits[i], MAX_SNAPSHOT_PAGE);
        }
    }

    function _proposals(
        uint256[] memory ids,
        address[] memory trustees
    ) private view returns (ProposalView[] memory rows) {
        rows = new ProposalView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            ProposalView memory row = rows[i];
            row.id = ids[i];
            row.proposal = council.proposal(ids[i]);
            row.approvals = council.approvalCount(ids[i]);
            row.approvedBy = new bool[](trustees.length);
            // The council holds at most 20 trustees.
            for (uint256 j; j < trustees.length; ++j) {
                row.approvedBy[j] = council.hasApproved(ids[i], trustees[j]);
            }
        }
    }
}
