// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {TextBounds} from "../libraries/TextBounds.sol";

/// @title TechniqueCompanyBook
/// @notice The registry's book of funded techniques (registered and retired by the trustee council)
/// and of companies (registered by anyone, run by their admin, with extra signers).
/// @dev A base of `ReturnsRegistry`: commitments name the techniques and companies kept here.
abstract contract TechniqueCompanyBook is IReturnsRegistry {
    /// @notice The trustee council: the only caller of the council functions.
    ITrusteeCouncil public immutable council;
    /// @notice Longest technique title or company name, in bytes (every read of them stays bounded).
    uint256 public constant MAX_NAME_LENGTH = TextBounds.MAX_NAME_LENGTH;
    /// @notice Longest technique or company URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = TextBounds.MAX_URI_LENGTH;
    /// @notice Most grant applications one technique may name.
    uint256 public constant MAX_APPLICATIONS_PER_TECHNIQUE = TextBounds.MAX_APPLICATIONS_PER_TECHNIQUE;

    uint256 private _techniqueCount;
    uint256 private _companyCount;
    mapping(uint256 techniqueId => Technique) private _techniques;
    mapping(uint256 companyId => Company) private _companies;
    mapping(uint256 companyId => mapping(address account => bool)) private _signers;

    modifier onlyCouncil() {
        if (msg.sender != address(council)) revert ReturnsRegistryNotCouncil(msg.sender);
        _;
    }

    /// @param council_ the trustee council
    constructor(ITrusteeCouncil council_) {
        council = council_;
    }

    // ---------------------------------------------------------------- council

    /// @inheritdoc IReturnsRegistry
    function registerTechnique(
        string calldata title,
        string calldata uri,
        bytes32 contentHash,
        uint256[] calldata applicationIds
    ) external onlyCouncil returns (uint256 techniqueId) {
        if (bytes(title).length == 0 || contentHash == bytes32(0)) revert ReturnsRegistryInvalidTechnique();
        _checkLength("title", bytes(title).length, MAX_NAME_LENGTH);
        _checkLength("uri", bytes(uri).length, MAX_URI_LENGTH);
        _checkLength("applicationIds", applicationIds.length, MAX_APPLICATIONS_PER_TECHNIQUE);
        techniqueId = ++_techniqueCount;
        _techniques[techniqueId] = Technique({
            title: title,
            uri: uri,
            contentHash: contentHash,
            applicationIds: applicationIds,
            // Timestamps fit 64 bits for the next 584 billion years.
            registeredAt: uint64(block.timestamp),
            retired: false
        });
        emit TechniqueRegistered(techniqueId, title, uri, contentHash, applicationIds);
    }

    /// @inheritdoc IReturnsRegistry
    function retireTechnique(uint256 techniqueId) external onlyCouncil {
        Technique storage entry = _techniques[techniqueId];
        if (entry.registeredAt == 0) revert ReturnsRegistryUnknownTechnique(techniqueId);
        if (entry.retired) revert ReturnsRegistryTechniqueRetired(techniqueId);
        entry.retired = true;
        emit TechniqueRetired(techniqueId);
    }

    // ---------------------------------------------------------------- companies

    /// @inheritdoc IReturnsRegistry
    function registerCompany(
        string calldata name,
        string calldata uri,
        address admin
    ) external returns (uint256 companyId) {
        if (bytes(name).length == 0 || admin == address(0)) revert ReturnsRegistryInvalidCompany();
        _checkLength("name", bytes(name).length, MAX_NAME_LENGTH);
        _checkLength("uri", bytes(uri).length, MAX_URI_LENGTH);
        companyId = ++_companyCount;
        _companies[companyId] = Company({
            name: name,
            uri: uri,
            admin: admin,
            registeredAt: uint64(block.timestamp)
        });
        emit CompanyRegistered(companyId, admin, name, uri);
    }

    /// @inheritdoc IReturnsRegistry
    function setCompanyAdmin(uint256 companyId, address admin) external {
        Company storage entry = _adminOnly(companyId);
        if (admin == address(0)) revert ReturnsRegistryInvalidCompany();
        entry.admin = admin;
        emit CompanyAdminChanged(companyId, admin);
    }

    /// @inheritdoc IReturnsRegistry
    function setCompanySigner(uint256 companyId, address signer, bool authorised) external {
        _adminOnly(companyId);
        if (signer == address(0)) revert ReturnsRegistryInvalidCompany();
        _signers[companyId][signer] = authorised;
        emit CompanySignerSet(companyId, signer, authorised);
    }

    /// @inheritdoc IReturnsRegistry
    function isCompanySigner(uint256 companyId, address account) public view returns (bool) {
        return
            account != address(0) && (_companies[companyId].admin == account || _signers[companyId][account]);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IReturnsRegistry
    function techniqueCount() external view returns (uint256) {
        return _techniqueCount;
    }

    /// @inheritdoc IReturnsRegistry
    function technique(uint256 techniqueId) external view returns (Technique memory) {
        Technique storage entry = _techniques[techniqueId];
        if (entry.registeredAt == 0) revert ReturnsRegistryUnknownTechnique(techniqueId);
        return entry;
    }

    /// @inheritdoc IReturnsRegistry
    function companyCount() external view returns (uint256) {
        return _companyCount;
    }

    /// @inheritdoc IReturnsRegistry
    function company(uint256 companyId) external view returns (Company memory) {
        Company storage entry = _companies[companyId];
        if (entry.admin == address(0)) revert ReturnsRegistryUnknownCompany(companyId);
        return entry;
    }

    // ---------------------------------------------------------------- internals

    /// @dev Whether `companyId` was registered (ids run from 1 to the company count).
    function _companyExists(uint256 companyId) internal view returns (bool) {
        return companyId != 0 && companyId <= _companyCount;
    }

    /// @dev Every id must be a registered, unretired technique, named once (loop bounded by
    /// MAX_TECHNIQUES_PER_COMMITMENT).
    function _requireUsableTechniques(uint256[] calldata techniqueIds) internal view {
        uint256 length = techniqueIds.length;
        for (uint256 i; i < length; ++i) {
            uint256 id = techniqueIds[i];
            Technique storage entry = _techniques[id];
            if (entry.registeredAt == 0) revert ReturnsRegistryUnknownTechnique(id);
            if (entry.retired) revert ReturnsRegistryTechniqueRetired(id);
            for (uint256 j; j < i; ++j) {
                if (techniqueIds[j] == id) revert ReturnsRegistryInvalidTerms();
            }
        }
    }

    function _adminOnly(uint256 companyId) private view returns (Company storage entry) {
        entry = _companies[companyId];
        address admin = entry.admin;
        if (admin == address(0)) revert ReturnsRegistryUnknownCompany(companyId);
        if (admin != msg.sender) revert ReturnsRegistryNotCompanyAdmin(companyId, msg.sender);
    }

    /// @dev Reverts when `length` exceeds `max`.
    function _checkLength(string memory field, uint256 length, uint256 max) internal pure {
        if (length > max) revert ReturnsRegistryTooLong(field, length, max);
    }
}
