// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {IOfferings} from "../interfaces/IOfferings.sol";
import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";

/// @title Fund lens: everything the dashboard shows, in one eth_call
/// @notice A stateless view contract over the Fund's contracts. `snapshot` returns the fund's totals,
/// the council, the caller-chosen pages of holders, rounds, applications, offerings, techniques,
/// companies, commitments (with compliance) and proposals (with who approved), and one account's
/// position — so the overview costs one round trip whatever the number of holders or events.
/// @dev Never called by other contracts and never sent a transaction. Every list is a page of at most
/// `MAX_PAGE` items, so no loop grows with holders, rounds, applications, companies or commitments;
/// the inner loops run over returns assets (≤ 8) and trustees (≤ 20). The system contracts are read
/// from the council on every call, so the lens works whether deployed before or after `bindSystem`.
contract FundLens {
    /// @notice Most items any page may hold.
    uint256 public constant MAX_PAGE = 100;

    /// @notice The council whose bound system this lens reads.
    ITrusteeCouncil public immutable council;

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
        bool transfersEnabled;
        uint64 proposalLifetime;
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

    /// @notice An application, its award and vesting, and the viewer's hidden estimate (if a trustee).
    struct ApplicationView {
        uint256 id;
        IGrantRounds.Application application;
        uint256 award;
        uint256 stipendAward;
        uint256 vestedShares;
        uint256 claimableShares;
        uint256 claimableStipend;
        bytes32 viewerCommitment;
        bool viewerRevealed;
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

    /// @param council_ the Fund's trustee council
    constructor(ITrusteeCouncil council_) {
        if (address(council_).code.length == 0) revert FundLensInvalidCouncil(address(council_));
        council = council_;
    }

    // ---------------------------------------------------------------- everything at once

    /// @notice The fund, the viewer's position and every requested page, in one call.
    /// @param query the viewer and the pages to include
    /// @return snap the snapshot
    function snapshot(Query calldata query) external view returns (Snapshot memory snap) {
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

    // ---------------------------------------------------------------- single views

    /// @notice The fund's totals, assets, council and counts.
    /// @return view_ the fund
    function fund() external view returns (FundView memory view_) {
        view_ = _fund(_system());
    }

    /// @notice `who`'s shares, trustee seat, claimable returns and wallet balances per asset.
    /// @param who the account
    /// @return view_ its position
    function account(address who) external view returns (AccountView memory view_) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        view_ = _account(sys, _assets(sys), who);
    }

    /// @notice A page of holders (in the ledger's order; `newestFirst` is ignored).
    /// @param page the page
    /// @return rows holders with balances and claimable returns
    function holdersPage(Page calldata page) external view returns (HolderView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _holders(sys, _assets(sys), page);
    }

    /// @notice A page of grant rounds.
    /// @param page the page
    /// @return rows the rounds
    function roundsPage(Page calldata page) external view returns (RoundView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _rounds(sys, _ids(page, IGrantRounds(sys.grantRounds).roundCount()));
    }

    /// @notice A page of applications, with `viewer`'s estimate commitment on each.
    /// @param page the page
    /// @param viewer the trustee whose commitments to include (or zero)
    /// @return rows the applications
    function applicationsPage(
        Page calldata page,
        address viewer
    ) external view returns (ApplicationView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _applications(sys, _ids(page, IGrantRounds(sys.grantRounds).applicationCount()), viewer);
    }

    /// @notice Chosen applications (e.g. a researcher's own, found from events). Unknown ids revert.
    /// @param ids at most MAX_PAGE application ids
    /// @param viewer the trustee whose commitments to include (or zero)
    /// @return rows the applications, in the order of `ids`
    function applicationsByIds(
        uint256[] calldata ids,
        address viewer
    ) external view returns (ApplicationView[] memory rows) {
        rows = _applications(_system(), _checked(ids), viewer);
    }

    /// @notice A page of offerings, with `viewer`'s pending shares in each.
    /// @param page the page
    /// @param viewer the investor (or zero)
    /// @return rows the offerings
    function offeringsPage(
        Page calldata page,
        address viewer
    ) external view returns (OfferingView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _offerings(sys, _ids(page, IOfferings(sys.offerings).offeringCount()), viewer);
    }

    /// @notice A page of techniques.
    /// @param page the page
    /// @return rows the techniques
    function techniquesPage(Page calldata page) external view returns (TechniqueView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _techniques(sys, _ids(page, IReturnsRegistry(sys.returnsRegistry).techniqueCount()));
    }

    /// @notice A page of companies, with whether `viewer` signs for each.
    /// @param page the page
    /// @param viewer the account (or zero)
    /// @return rows the companies
    function companiesPage(
        Page calldata page,
        address viewer
    ) external view returns (CompanyView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _companies(sys, _ids(page, IReturnsRegistry(sys.returnsRegistry).companyCount()), viewer);
    }

    /// @notice Chosen companies (e.g. those `viewer` administers, found from events). Unknown ids revert.
    /// @param ids at most MAX_PAGE company ids
    /// @param viewer the account (or zero)
    /// @return rows the companies, in the order of `ids`
    function companiesByIds(
        uint256[] calldata ids,
        address viewer
    ) external view returns (CompanyView[] memory rows) {
        rows = _companies(_system(), _checked(ids), viewer);
    }

    /// @notice A page of commitments with their compliance.
    /// @param page the page
    /// @return rows the commitments
    function commitmentsPage(Page calldata page) external view returns (CommitmentView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _commitments(sys, _ids(page, IReturnsRegistry(sys.returnsRegistry).commitmentCount()));
    }

    /// @notice Chosen commitments (e.g. one company's, found from events). Unknown ids revert.
    /// @param ids at most MAX_PAGE commitment ids
    /// @return rows the commitments, in the order of `ids`
    function commitmentsByIds(uint256[] calldata ids) external view returns (CommitmentView[] memory rows) {
        rows = _commitments(_system(), _checked(ids));
    }

    /// @notice A page of proposals with live approvals.
    /// @param page the page
    /// @return rows the proposals
    function proposalsPage(Page calldata page) external view returns (ProposalView[] memory rows) {
        rows = _proposals(_ids(page, council.proposalCount()), council.trustees());
    }

    // ---------------------------------------------------------------- builders

    function _system() private view returns (ITrusteeCouncil.SystemContracts memory sys) {
        sys = council.systemContracts();
        if (sys.shares == address(0)) revert FundLensSystemNotBound();
    }

    function _fund(ITrusteeCouncil.SystemContracts memory sys) private view returns (FundView memory view_) {
        IFundShares shares = IFundShares(sys.shares);
        IReturnsRegistry registry = IReturnsRegistry(sys.returnsRegistry);
        view_.system = sys;
        view_.name = IERC20Metadata(sys.shares).name();
        view_.symbol = IERC20Metadata(sys.shares).symbol();
        view_.totalSupply = shares.totalSupply();
        view_.holderCount = shares.holderCount();
        view_.paused = shares.paused();
        view_.transfersEnabled = shares.transfersEnabled();
        view_.assets = _assets(sys);
        view_.trustees = council.trustees();
        view_.threshold = council.threshold();
        view_.proposalLifetime = council.proposalLifetime();
        view_.proposalCount = council.proposalCount();
        view_.roundCount = IGrantRounds(sys.grantRounds).roundCount();
        view_.applicationCount = IGrantRounds(sys.grantRounds).applicationCount();
        view_.offeringCount = IOfferings(sys.offerings).offeringCount();
        view_.techniqueCount = registry.techniqueCount();
        view_.companyCount = registry.companyCount();
        view_.commitmentCount = registry.commitmentCount();
        view_.blockNumber = block.number;
        view_.timestamp = uint64(block.timestamp);
    }

    function _assets(
        ITrusteeCouncil.SystemContracts memory sys
    ) private view returns (AssetView[] memory rows) {
        address[] memory assets = IFundShares(sys.shares).returnsAssets();
        rows = new AssetView[](assets.length);
        // The ledger caps its returns assets at 8 (ETH included).
        for (uint256 i; i < assets.length; ++i) {
            AssetView memory row = rows[i];
            address asset = assets[i];
            row.asset = asset;
            (row.symbol, row.decimals) = _metadata(asset);
            (row.received, row.distributed, row.claimed, row.undistributed) = IFundShares(sys.shares)
                .assetTotals(asset);
            row.registryPaid = IReturnsRegistry(sys.returnsRegistry).totalPaid(asset);
            row.capital = ICapitalPool(sys.capitalPool).books(asset);
            row.availableCapital = ICapitalPool(sys.capitalPool).availableCapital(asset);
        }
    }

    function _metadata(address asset) private view returns (string memory symbol, uint8 decimals) {
        if (asset == address(0)) return ("ETH", 18);
        // Allowlisted assets are ERC-20s; metadata is optional in ERC-20, so its absence is tolerated.
        try IERC20Metadata(asset).symbol() returns (string memory s) {
            symbol = s;
        } catch {
            symbol = "";
        }
        try IERC20Metadata(asset).decimals() returns (uint8 d) {
            decimals = d;
        } catch {
            decimals = 18;
        }
    }

    function _account(
        ITrusteeCouncil.SystemContracts memory sys,
        AssetView[] memory assets,
        address who
    ) private view returns (AccountView memory view_) {
        view_.account = who;
        view_.claimable = new uint256[](assets.length);
        view_.walletBalances = new uint256[](assets.length);
        if (who == address(0)) return view_;
        view_.shares = IFundShares(sys.shares).balanceOf(who);
        view_.trustee = council.isTrustee(who);
        // Bounded by the ledger's cap of 8 returns assets.
        for (uint256 i; i < assets.length; ++i) {
            address asset = assets[i].asset;
            view_.claimable[i] = IFundShares(sys.shares).claimable(who, asset);
            view_.walletBalances[i] =
                asset == address(0) ? who.balance : IERC20Metadata(asset).balanceOf(who);
        }
    }

    function _holders(
        ITrusteeCouncil.SystemContracts memory sys,
        AssetView[] memory assets,
        Page calldata page
    ) private view returns (HolderView[] memory rows) {
        if (page.limit > MAX_PAGE) revert FundLensPageTooLarge(page.limit, MAX_PAGE);
        if (page.limit == 0) return rows;
        IFundShares shares = IFundShares(sys.shares);
        address[] memory list = shares.holders(page.offset, page.limit);
        rows = new HolderView[](list.length);
        for (uint256 i; i < list.length; ++i) {
            HolderView memory row = rows[i];
            row.holder = list[i];
            row.balance = shares.balanceOf(list[i]);
            row.claimable = new uint256[](assets.length);
            // Bounded by the ledger's cap of 8 returns assets.
            for (uint256 j; j < assets.length; ++j) {
                row.claimable[j] = shares.claimable(list[i], assets[j].asset);
            }
        }
    }

    function _rounds(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids
    ) private view returns (RoundView[] memory rows) {
        rows = new RoundView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            rows[i] = RoundView({id: ids[i], round: IGrantRounds(sys.grantRounds).round(ids[i])});
        }
    }

    function _applications(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids,
        address viewer
    ) private view returns (ApplicationView[] memory rows) {
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
            if (viewer != address(0))
                (row.viewerCommitment, row.viewerRevealed) = grants.sealedEstimateOf(id, viewer);
        }
    }

    function _offerings(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids,
        address viewer
    ) private view returns (OfferingView[] memory rows) {
        IOfferings offerings = IOfferings(sys.offerings);
        rows = new OfferingView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            rows[i].id = ids[i];
            rows[i].offering = offerings.offering(ids[i]);
            if (viewer != address(0)) rows[i].viewerPending = offerings.pendingShares(ids[i], viewer);
        }
    }

    function _techniques(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids
    ) private view returns (TechniqueView[] memory rows) {
        rows = new TechniqueView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            rows[i] = TechniqueView({
                id: ids[i],
                technique: IReturnsRegistry(sys.returnsRegistry).technique(ids[i])
            });
        }
    }

    function _companies(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids,
        address viewer
    ) private view returns (CompanyView[] memory rows) {
        IReturnsRegistry registry = IReturnsRegistry(sys.returnsRegistry);
        rows = new CompanyView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            rows[i].id = ids[i];
            rows[i].company = registry.company(ids[i]);
            if (viewer != address(0)) rows[i].viewerIsSigner = registry.isCompanySigner(ids[i], viewer);
        }
    }

    function _commitments(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids
    ) private view returns (CommitmentView[] memory rows) {
        IReturnsRegistry registry = IReturnsRegistry(sys.returnsRegistry);
        rows = new CommitmentView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            rows[i] = CommitmentView({
                id: ids[i],
                commitment: registry.commitment(ids[i]),
                compliance: registry.compliance(ids[i])
            });
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

    // ---------------------------------------------------------------- paging

    /// @dev The ids of `page` among ids `1 .. count`, oldest first or newest first.
    function _ids(Page calldata page, uint256 count) private pure returns (uint256[] memory ids) {
        if (page.limit > MAX_PAGE) revert FundLensPageTooLarge(page.limit, MAX_PAGE);
        if (page.offset >= count) return ids;
        // offset < count here, so the subtraction cannot underflow.
        uint256 available = count - page.offset;
        uint256 length = available < page.limit ? available : page.limit;
        ids = new uint256[](length);
        for (uint256 i; i < length; ++i) {
            // newest first: count − offset − i ≥ count − offset − (length − 1) ≥ 1.
            ids[i] = page.newestFirst ? count - page.offset - i : page.offset + i + 1;
        }
    }

    function _checked(uint256[] calldata ids) private pure returns (uint256[] memory) {
        if (ids.length > MAX_PAGE) revert FundLensPageTooLarge(ids.length, MAX_PAGE);
        return ids;
    }
}
