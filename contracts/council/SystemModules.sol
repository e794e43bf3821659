// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IFundModule} from "../interfaces/IFundModule.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {TrusteeMembership} from "./TrusteeMembership.sol";

/// @title SystemModules
/// @notice The Fund's contracts the council routes to, bound once at deployment, and the only way to
/// change them afterwards: a timelocked module migration. An executed proposal announces it (event,
/// `pendingMigration` view); nobody can carry it out before `migrationDelay` has passed; meanwhile
/// another executed proposal can cancel it. Then anyone executes it: the council routes to the new
/// module and grants it the roles it needs on the ledger and the capital pool. `FundShares` and the
/// capital pool are never replaced.
/// @dev A base of `TrusteeCouncil`, which must hold the admin role of the ledger and the pool.
abstract contract SystemModules is TrusteeMembership {
    /// @notice Shortest migration delay accepted at deployment.
    uint64 public constant MIN_MIGRATION_DELAY = 1 days;
    /// @notice Longest migration delay accepted at deployment.
    uint64 public constant MAX_MIGRATION_DELAY = 180 days;

    /// @dev The role ids of `FundShares` and `CapitalPool`, as those contracts compute them.
    bytes32 private constant _MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 private constant _STIPEND_ROLE = keccak256("STIPEND_ROLE");
    bytes32 private constant _DEPOSITOR_ROLE = keccak256("DEPOSITOR_ROLE");

    address private immutable _deployer;
    uint64 private immutable _migrationDelay;

    SystemContracts internal _system;
    mapping(Module module => Migration) private _migrations;

    /// @param delay seconds between a migration's announcement and its earliest execution
    constructor(uint64 delay) {
        if (delay < MIN_MIGRATION_DELAY || delay > MAX_MIGRATION_DELAY)
            revert CouncilInvalidMigrationDelay(delay);
        _deployer = msg.sender;
        _migrationDelay = delay;
    }

    // ---------------------------------------------------------------- wiring

    /// @inheritdoc ITrusteeCouncil
    function bindSystem(SystemContracts calldata system) external {
        if (msg.sender != _deployer) revert CouncilNotDeployer(msg.sender);
        if (_isBound()) revert CouncilAlreadyBound();
        if (
            system.shares == address(0) ||
            system.grantRounds == address(0) ||
            system.offerings == address(0) ||
            system.capitalPool == address(0) ||
            system.returnsRegistry == address(0)
        ) revert CouncilNotSystemContract(address(0));
        _system = system;
        emit SystemBound(system);
    }

    // ---------------------------------------------------------------- migrations

    /// @inheritdoc ITrusteeCouncil
    function announceMigration(Module module, address newModule, bool retireOld) external onlySelf {
        _requireCanAnnounce(module, newModule);
        uint64 effectiveAt = uint64(block.timestamp) + _migrationDelay;
        _migrations[module] = Migration({
            newModule: newModule,
            effectiveAt: effectiveAt,
            retireOld: retireOld
        });
        emit MigrationAnnounced(module, _moduleAddress(module), newModule, effectiveAt, retireOld);
    }

    /// @inheritdoc ITrusteeCouncil
    function cancelMigration(Module module) external onlySelf {
        address newModule = _requirePending(module).newModule;
        delete _migrations[module];
        emit MigrationCancelled(module, newModule);
    }

    /// @inheritdoc ITrusteeCouncil
    function executeMigration(Module module) external {
        Migration memory migration = _requirePending(module);
        if (block.timestamp < migration.effectiveAt)
            revert CouncilMigrationNotReady(module, migration.effectiveAt);
        address oldModule = _moduleAddress(module);
        address newModule = migration.newModule;
        delete _migrations[module];
        if (module == Module.GrantRounds) _system.grantRounds = newModule;
        else if (module == Module.Offerings) _system.offerings = newModule;
        else _system.returnsRegistry = newModule;
        emit MigrationExecuted(module, oldModule, newModule, migration.retireOld);

        if (module == Module.ReturnsRegistry) return;
        // Only the Fund's own ledger and pool are called, to change their role members.
        // Both modules deposit into the pool (offerings their raises, grant rounds the forfeited
        // application deposits); grant rounds also reserve and pay stipends.
        bool grants = module == Module.GrantRounds;
        IAccessControl shares = IAccessControl(_system.shares);
        IAccessControl pool = IAccessControl(_system.capitalPool);
        shares.grantRole(_MINTER_ROLE, newModule);
        pool.grantRole(_DEPOSITOR_ROLE, newModule);
        if (grants) pool.grantRole(_STIPEND_ROLE, newModule);
        if (migration.retireOld) {
            shares.revokeRole(_MINTER_ROLE, oldModule);
            pool.revokeRole(_DEPOSITOR_ROLE, oldModule);
            if (grants) pool.revokeRole(_STIPEND_ROLE, oldModule);
        }
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ITrusteeCouncil
    function pendingMigration(Module module) external view returns (Migration memory) {
        return _migrations[module];
    }

    /// @inheritdoc ITrusteeCouncil
    function migrationDelay() external view returns (uint64) {
        return _migrationDelay;
    }

    /// @inheritdoc ITrusteeCouncil
    function systemContracts() external view returns (SystemContracts memory) {
        return _system;
    }

    // ---------------------------------------------------------------- internals

    function _isBound() internal view returns (bool) {
        return _system.shares != address(0);
    }

    /// @dev Reverts unless `newModule` could be announced for `module` now: no migration of it pending,
    /// a contract, not already one of the Fund's contracts, and answering to this council.
    function _requireCanAnnounce(Module module, address newModule) internal view {
        Migration storage pending = _migrations[module];
        if (pending.newModule != address(0)) {
            revert CouncilMigrationPending(module, pending.newModule, pending.effectiveAt);
        }
        if (newModule.code.length == 0 || _isSystemContract(newModule))
            revert CouncilInvalidModule(module, newModule);
        try IFundModule(newModule).council() returns (address answersTo) {
            if (answersTo != address(this)) revert CouncilInvalidModule(module, newModule);
        } catch {
            revert CouncilInvalidModule(module, newModule);
        }
    }

    /// @dev The announced migration of `module`; reverts if there is none.
    function _requirePending(Module module) internal view returns (Migration memory migration) {
        migration = _migrations[module];
        if (migration.newModule == address(0)) revert CouncilNoPendingMigration(module);
    }

    function _moduleAddress(Module module) private view returns (address) {
        if (module == Module.GrantRounds) return _system.grantRounds;
        if (module == Module.Offerings) return _system.offerings;
        return _system.returnsRegistry;
    }

    function _isSystemContract(address account) private view returns (bool) {
        SystemContracts storage system = _system;
        return
            account == address(this) ||
            account == system.shares ||
            account == system.grantRounds ||
            account == system.offerings ||
            account == system.capitalPool ||
            account == system.returnsRegistry;
    }
}
