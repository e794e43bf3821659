// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFundLens} from "../interfaces/IFundLens.sol";
import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {FundLensBase} from "./FundLensBase.sol";

/// @title ReturnsLens
/// @notice The lens on the returns registry: techniques, companies (with whether a viewer signs for
/// them) and Promises of Future Returns with their compliance record.
abstract contract ReturnsLens is FundLensBase {
    /// @inheritdoc IFundLens
    function techniquesPage(Page calldata page) external view returns (TechniqueView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _techniques(sys, _ids(page, IReturnsRegistry(sys.returnsRegistry).techniqueCount()));
    }

    /// @inheritdoc IFundLens
    function companiesPage(
        Page calldata page,
        address viewer
    ) external view returns (CompanyView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _companies(sys, _ids(page, IReturnsRegistry(sys.returnsRegistry).companyCount()), viewer);
    }

    /// @inheritdoc IFundLens
    function companiesByIds(
        uint256[] calldata ids,
        address viewer
    ) external view returns (CompanyView[] memory rows) {
        rows = _companies(_system(), _checked(ids), viewer);
    }

    /// @inheritdoc IFundLens
    function commitmentsPage(Page calldata page) external view returns (CommitmentView[] memory rows) {
        ITrusteeCouncil.SystemContracts memory sys = _system();
        rows = _commitments(sys, _ids(page, IReturnsRegistry(sys.returnsRegistry).commitmentCount()));
    }

    /// @inheritdoc IFundLens
    function commitmentsByIds(uint256[] calldata ids) external view returns (CommitmentView[] memory rows) {
        rows = _commitments(_system(), _checked(ids));
    }

    // ---------------------------------------------------------------- builders

    function _techniques(
        ITrusteeCouncil.SystemContracts memory sys,
        uint256[] memory ids
    ) internal view returns (TechniqueView[] memory rows) {
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
    ) internal view returns (CompanyView[] memory rows) {
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
    ) internal view returns (CommitmentView[] memory rows) {
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
}
