// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

import {ICapitalPool} from "../interfaces/ICapitalPool.sol";
import {IFundLens} from "../interfaces/IFundLens.sol";
import {IFundShares} from "../interfaces/IFundShares.sol";
import {IGrantRounds} from "../interfaces/IGrantRounds.sol";
import {IOfferings} from "../interfaces/IOfferings.sol";
import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {Asset} from "../libraries/Asset.sol";
import {FundLensBase} from "./FundLensBase.sol";

/// @title LedgerLens
/// @notice The lens on the fund as a whole and on the share ledger: totals and counts, returns
/// assets with their books, one account's position, pages of holders.
/// @dev Inner loops run over returns assets (≤ 8).
abstract contract LedgerLens is FundLensBase {
    using Asset for address;

    /// @inheritdoc IFundLens
    function fund() external view returns (FundView memory view_) {
        view_ = _fund(_system());
    }

    /// @inheritdoc IFundLens
    function account(address who) external view returns (AccountView memory view_) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        view_ = _account(sys, _assets(sys), who);
    }

    /// @inheritdoc IFundLens
    function holdersPage(Page calldata page) external view returns (HolderView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _holders(sys, _assets(sys), page);
    }

    // ---------------------------------------------------------------- builders

    function _fund(ITrusteeCouncil.SystemContracts memory sys) internal view returns (FundView memory view_) {
        IFundShares shares = IFundShares(sys.shares);
        IReturnsRegistry registry = IReturnsRegistry(sys.returnsRegistry);
        view_.system = sys;
        view_.name = IERC20Metadata(sys.shares).name();
        view_.symbol = IERC20Metadata(sys.shares).symbol();
        view_.totalSupply = shares.totalSupply();
        view_.holderCount = shares.holderCount();
        (view_.paused, view_.pauseEnds, ) = shares.pauseState();
        view_.transfersEnabled = shares.transfersEnabled();
        view_.assets = _assets(sys);
        view_.trustees = council.trustees();
        view_.threshold = council.threshold();
        view_.proposalLifetime = council.proposalLifetime();
        view_.migrationDelay = council.migrationDelay();
        for (uint256 m; m < 3; ++m) {
            view_.migrations[m] = council.pendingMigration(ITrusteeCouncil.Module(m));
        }
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
    ) internal view returns (AssetView[] memory rows) {
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

    function _metadata(address asset) internal view returns (string memory symbol, uint8 decimals) {
        if (asset.isEth()) return ("ETH", 18);
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
    ) internal view returns (AccountView memory view_) {
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
            view_.walletBalances[i] = asset.isEth() ? who.balance : IERC20Metadata(asset).balanceOf(who);
        }
    }

    function _holders(
        ITrusteeCouncil.SystemContracts memory sys,
        AssetView[] memory assets,
        Page calldata page
    ) internal view returns (HolderView[] memory rows) {
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
}
