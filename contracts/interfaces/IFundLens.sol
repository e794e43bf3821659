// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ICapitalPool} from "./ICapitalPool.sol";
import {IGrantRounds} from "./IGrantRounds.sol";
import {IOfferings} from "./IOfferings.sol";
import {IReturnsRegistry} from "./IReturnsRegistry.sol";
import {ITrusteeCouncil} from "./ITrusteeCouncil.sol";

/// @title Fund lens: everything the dashboard shows, in one eth_call
/// @notice A stateless view contract over the Fund's contracts. `snapshot` returns the fund's totals,
/// the council, the caller-chosen pages of holders, rounds, applications, offerings, techniques,
/// companies, commitments (with compliance) and proposals (with who approved), and one account's
/// position — so the overview costs one round trip whatever the number of holders or events.
/// Every list is a page of at most `MAX_PAGE` items.
interface IFundLens {
    /// @notice A page of items with ids `1 .. count`.
    /// @param offset items to skip (from the oldest, or from the newest when `newestFirst`)
    /// @param limit most items to return (≤ MAX_PAGE; 0 returns none)
    /// @param newestFirst whether to page from the highest id down
    struct Page {
        uint256 offset;
        uint256 limit;
        bool newestFirst;
    }

    /// @notice Books of one returns asset in the ledger, the registry and the capital pool.
    struct AssetView {
        address asset;
        uint8 decimals;
        string symbol;
        uint256 received;
        uint256 distributed;
        uint256 claimed;
        uint256 undistributed;
        uint256 registryPaid;
        ICapitalPool.CapitalBooks capital;
        uint256 availableCapital;
    }

    /// @notice The fund as a whole.
    struct FundView {
        ITrusteeCouncil.SystemContracts system;
        string name;
        string symbol;
        uint256 totalSupply;
        uint256 holderCount;
        bool paused;
        uint64 pauseEnds; // when the running pause lapses (0 if not paused)
        bool transfersEnabled;
        uint64 proposalLifetime;
        uint64 migrationDelay;
        ITrusteeCouncil.Migration[3] migrations; // announced migrations, by ITrusteeCouncil.Module
        uint64 timestamp;
        AssetView[] assets;
        address[] trustees;
        uint256 threshold;
        uint256 proposalCount;
        uint256 roundCount;
        uint256 applicationCount;
        uint256 offeringCount;
        uint256 techniqueCount;
        uint256 companyCount;
        uint256 commitmentCount;
        uint256 blockNumber;
    }

    /// @notice One holder and what it may claim, per asset in the order of `FundView.assets`.
    struct HolderView {
        address holder;
        uint256 balance;
        uint256[] claimable;
    }

    /// @notice One account's position, per asset in the order of `FundView.assets`.
    /// @param walletBalances what the account holds of each asset (ETH balance for `address(0)`)
    struct AccountView {
        address account;
        bool trustee;
        uint256 shares;
        uint256[] claimable;
        uint256[] walletBalances;
    }

    /// @notice A grant round.
    struct RoundView {
        uint256 id;
        IGrantRounds.Round round;
    }

    /// @notice An application, its award and vesting, and where the viewer stands on it (if a trustee).
    struct ApplicationView {
        uint256 id;
        IGrantRounds.Application application;
        uint256 award;
        uint256 stipendAward;
        uint256 vestedShares;
        uint256 claimableShares;
        uint256 claimableStipend;
        IGrantRounds.EstimateView viewerEstimate;
    }

    /// @notice One current trustee's public record in a round.
    struct TrusteeRecordView {
        address trustee;
        IGrantRounds.TrusteeRecord record;
    }

    /// @notice An offering and the viewer's subscribed, unclaimed shares in it.
    struct OfferingView {
        uint256 id;
        IOfferings.Offering offering;
        uint256 viewerPending;
    }

    /// @notice A registered technique.
    struct TechniqueView {
        uint256 id;
        IReturnsRegistry.Technique technique;
    }

    /// @notice A company and whether the viewer may sign and report for it.
    struct CompanyView {
        uint256 id;
        IReturnsRegistry.Company company;
        bool viewerIsSigner;
    }

    /// @notice A Promise of Future Returns and its compliance record now.
    struct CommitmentView {
        uint256 id;
        IReturnsRegistry.Commitment commitment;
        IReturnsRegistry.Compliance compliance;
    }

    /// @notice A proposal, its live approval count and which current trustees approved it.
    /// @param approvedBy one flag per trustee, in the order of `FundView.trustees`
    struct ProposalView {
        uint256 id;
        ITrusteeCouncil.Proposal proposal;
        uint256 approvals;
        bool[] approvedBy;
    }

    /// @notice What `snapshot` should include. `viewer` may be the zero address (no account).
    struct Query {
        address viewer;
        Page holders;
        Page rounds;
        Page applications;
        Page offerings;
        Page techniques;
        Page companies;
        Page commitments;
        Page proposals;
    }

    /// @notice Everything the dashboard shows at once.
    struct Snapshot {
        FundView fund;
        AccountView viewer;
        HolderView[] holders;
        RoundView[] rounds;
        ApplicationView[] applications;
        OfferingView[] offerings;
        TechniqueView[] techniques;
        CompanyView[] companies;
        CommitmentView[] commitments;
        ProposalView[] proposals;
    }

    /// @notice `council` has no code.
    error FundLensInvalidCouncil(address council);
    /// @notice The council has not bound the system contracts yet.
    error FundLensSystemNotBound();
    /// @notice A page or id list asked for more than `max` items.
    error FundLensPageTooLarge(uint256 requested, uint256 max);

    // ---------------------------------------------------------------- everything at once

    /// @notice The fund, the viewer's position and every requested page, in one call. Each page holds
    /// at most MAX_SNAPSHOT_PAGE items (further items: the page functions, up to MAX_PAGE each).
    /// @param query the viewer and the pages to include
    /// @return snap the snapshot
    function snapshot(Query calldata query) external view returns (Snapshot memory snap);

    // ---------------------------------------------------------------- single views

    /// @notice The fund's totals, assets, council and counts.
    /// @return view_ the fund
    function fund() external view returns (FundView memory view_);

    /// @notice `who`'s shares, trustee seat, claimable returns and wallet balances per asset.
    /// @param who the account
    /// @return view_ its position
    function account(address who) external view returns (AccountView memory view_);

    /// @notice A page of holders (in the ledger's order; `newestFirst` is ignored).
    /// @param page the page
    /// @return rows holders with balances and claimable returns
    function holdersPage(Page calldata page) external view returns (HolderView[] memory rows);

    /// @notice A page of grant rounds.
    /// @param page the page
    /// @return rows the rounds
    function roundsPage(Page calldata page) external view returns (RoundView[] memory rows);

    /// @notice The public record (committed, revealed, missed, recused) of every current trustee in a round.
    /// @param roundId the round
    /// @return rows one per current trustee (at most 20), in the council's order
    function trusteeRecords(uint256 roundId) external view returns (TrusteeRecordView[] memory rows);

    /// @notice A page of applications, with where `viewer` stands on each (their estimate, or a recusal).
    /// @param page the page
    /// @param viewer the trustee whose commitments to include (or zero)
    /// @return rows the applications
    function applicationsPage(
        Page calldata page,
        address viewer
    ) external view returns (ApplicationView[] memory rows);

    /// @notice Chosen applications (e.g. a researcher's own, found from events). Unknown ids revert.
    /// @param ids at most MAX_PAGE application ids
    /// @param viewer the trustee whose commitments to include (or zero)
    /// @return rows the applications, in the order of `ids`
    function applicationsByIds(
        uint256[] calldata ids,
        address viewer
    ) external view returns (ApplicationView[] memory rows);

    /// @notice A page of offerings, with `viewer`'s pending shares in each.
    /// @param page the page
    /// @param viewer the investor (or zero)
    /// @return rows the offerings
    function offeringsPage(
        Page calldata page,
        address viewer
    ) external view returns (OfferingView[] memory rows);

    /// @notice A page of techniques.
    /// @param page the page
    /// @return rows the techniques
    function techniquesPage(Page calldata page) external view returns (TechniqueView[] memory rows);

    /// @notice A page of companies, with whether `viewer` signs for each.
    /// @param page the page
    /// @param viewer the account (or zero)
    /// @return rows the companies
    function companiesPage(
        Page calldata page,
        address viewer
    ) external view returns (CompanyView[] memory rows);

    /// @notice Chosen companies (e.g. those `viewer` administers, found from events). Unknown ids revert.
    /// @param ids at most MAX_PAGE company ids
    /// @param viewer the account (or zero)
    /// @return rows the companies, in the order of `ids`
    function companiesByIds(
        uint256[] calldata ids,
        address viewer
    ) external view returns (CompanyView[] memory rows);

    /// @notice A page of commitments with their compliance.
    /// @param page the page
    /// @return rows the commitments
    function commitmentsPage(Page calldata page) external view returns (CommitmentView[] memory rows);

    /// @notice Chosen commitments (e.g. one company's, found from events). Unknown ids revert.
    /// @param ids at most MAX_PAGE commitment ids
    /// @return rows the commitments, in the order of `ids`
    function commitmentsByIds(uint256[] calldata ids) external view returns (CommitmentView[] memory rows);

    /// @notice A page of proposals with live approvals.
    /// @param page the page
    /// @return rows the proposals
    function proposalsPage(Page calldata page) external view returns (ProposalView[] memory rows);

    /// @notice The council whose bound system this lens reads.
    function council() external view returns (ITrusteeCouncil);
}
