// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Trustee council: the M-of-N multisig that holds every privileged power of the Fund
/// @notice Any trustee proposes a typed action; trustees approve; anyone executes once approvals
/// from *current* trustees reach the threshold. Proposals expire and execute at most once. The list
/// of actions is closed (no generic call). Arguments that can never execute are refused when
/// proposed; an execution whose action fails is recorded (`ProposalExecutionFailed`, `failedAt`)
/// and may be retried until the proposal expires. Replacing a module (grant rounds, offerings, the
/// returns registry) is a timelocked migration: announced, visible, executable by anyone only after
/// `migrationDelay`, cancellable by the council meanwhile. Trustees may be contract wallets (e.g. a Safe).
interface ITrusteeCouncil {
    /// @notice The privileged actions. `args` of a proposal is the ABI encoding of the parameters of
    /// the routed function (shown after each kind), so the dashboard can decode it into plain words.
    enum ActionKind {
        AddTrustee, // (address trustee)                    council
        RemoveTrustee, // (address trustee)                 council
        ChangeThreshold, // (uint256 threshold)             council
        OpenRound, // (IGrantRounds.RoundParams)            GrantRounds.openRound
        CloseRound, // (uint256 roundId)                    GrantRounds.closeRound
        CancelGrant, // (uint256 applicationId)             GrantRounds.cancelGrant
        SetTransfersEnabled, // (bool enabled)                FundShares.setTransfersEnabled
        Pause, // ()                                        FundShares.pause
        Unpause, // ()                                      FundShares.unpause
        AddReturnsAsset, // (address token)               FundShares.addReturnsAsset
        OpenOffering, // (IOfferings.OfferingParams)        Offerings.openOffering
        CloseOffering, // (uint256 offeringId)              Offerings.closeOffering
        RegisterTechnique, // (string,string,bytes32,uint256[]) ReturnsRegistry.registerTechnique
        RetireTechnique, // (uint256 techniqueId)           ReturnsRegistry.retireTechnique
        DisputeReport, // (uint256,uint256,bytes32)         ReturnsRegistry.disputeReport
        ResolveDispute, // (uint256,uint256,bytes32)        ReturnsRegistry.resolveDispute
        RenewPause, // ()                                   FundShares.renewPause
        RecoverOfferingsStrays, // (address,address,uint256) Offerings.recoverStrays
        RecoverPoolStrays, // (address,address,uint256)     CapitalPool.recoverStrays
        AnnounceMigration, // (Module,address,bool)         council
        CancelMigration, // (Module)                         council
        ResolveOutcome, // (uint256 applicationId, bool paidOff) council
        SetOutcomeHorizon // (uint64 horizon)                  council
    }

    /// @notice The council's resolution of a funded application's outcome. Evidence always wins: an
    /// application whose technique was named by a Promise with a paid period (gross > 0) before its
    /// round's horizon paid off, whatever the council resolved.
    enum OutcomeResolution {
        None,
        PaidOff,
        DidNotPayOff
    }

    /// @notice The replaceable modules. `FundShares` and the capital pool are never replaced.
    enum Module {
        GrantRounds, // needs the ledger's minter role and the pool's stipend role
        Offerings, // needs the ledger's minter role and the pool's depositor role
        ReturnsRegistry // needs no role: it pays into the ledger like anyone
    }

    /// @notice An announced migration: `newModule` replaces the module from `effectiveAt` on.
    /// @param retireOld whether the old module loses its roles (its unclaimed awards, stipends or
    /// subscribed shares then stay unclaimable); otherwise it keeps them and runs its open business to the end
    struct Migration {
        address newModule;
        uint64 effectiveAt;
        bool retireOld;
    }

    /// @notice The Fund's own contracts, the only targets the council ever calls.
    struct SystemContracts {
        address shares;
        address grantRounds;
        address offerings;
        address capitalPool;
        address returnsRegistry;
    }

    /// @notice A proposal as stored. `approvals` are counted live against the current trustee set.
    /// `failedAt` is the time of the last execution whose action failed (0 if none).
    struct Proposal {
        ActionKind kind;
        address proposer;
        uint64 createdAt;
        uint64 expiresAt;
        bool executed;
        uint64 failedAt;
        bytes args;
    }

    event SystemBound(SystemContracts system);
    event TrusteeAdded(address indexed trustee);
    event TrusteeRemoved(address indexed trustee);
    event ThresholdChanged(uint256 threshold);
    event ProposalCreated(
        uint256 indexed proposalId,
        ActionKind indexed kind,
        address indexed proposer,
        bytes args,
        uint64 expiresAt
    );
    event ProposalApproved(uint256 indexed proposalId, address indexed trustee);
    event ApprovalRevoked(uint256 indexed proposalId, address indexed trustee);
    event ProposalExecuted(
        uint256 indexed proposalId,
        ActionKind indexed kind,
        address indexed executor,
        bytes result
    );
    /// @notice The action of an approved proposal failed; `reason` is its revert data. The proposal
    /// stays executable until it expires.
    event ProposalExecutionFailed(
        uint256 indexed proposalId,
        ActionKind indexed kind,
        address indexed executor,
        bytes reason
    );
    event MigrationAnnounced(
        Module indexed module,
        address indexed oldModule,
        address indexed newModule,
        uint64 effectiveAt,
        bool retireOld
    );
    event MigrationCancelled(Module indexed module, address indexed newModule);
    event MigrationExecuted(
        Module indexed module,
        address indexed oldModule,
        address indexed newModule,
        bool retireOld
    );

    /// @notice The outcome horizon for rounds opened from now on is `horizon` seconds after settlement.
    event OutcomeHorizonSet(uint64 horizon);
    /// @notice Round `roundId` of `grantRounds` opened with an outcome horizon of `horizon` seconds after
    /// its settlement: its funded applications paid off if shown to within that time.
    event OutcomeHorizonFixed(address indexed grantRounds, uint256 indexed roundId, uint64 horizon);
    /// @notice The council resolved the outcome of application `applicationId` of `grantRounds`.
    event OutcomeResolved(
        address indexed grantRounds,
        uint256 indexed applicationId,
        uint256 indexed roundId,
        bool paidOff
    );

    error CouncilNotTrustee(address account);
    error CouncilNotDeployer(address account);
    error CouncilAlreadyBound();
    error CouncilNotBound();
    error CouncilInvalidTrustee(address trustee);
    error CouncilDuplicateTrustee(address trustee);
    error CouncilTooManyTrustees(uint256 count, uint256 max);
    error CouncilInvalidThreshold(uint256 threshold, uint256 trusteeCount);
    error CouncilInvalidLifetime(uint64 lifetime);
    error CouncilUnknownProposal(uint256 proposalId);
    error CouncilProposalExpired(uint256 proposalId, uint64 expiredAt);
    error CouncilProposalAlreadyExecuted(uint256 proposalId);
    error CouncilAlreadyApproved(uint256 proposalId, address trustee);
    error CouncilNotApproved(uint256 proposalId, address trustee);
    error CouncilInsufficientApprovals(uint256 proposalId, uint256 approvals, uint256 threshold);
    error CouncilNotSystemContract(address target);
    error CouncilOnlySelf(address caller);
    /// @notice `args` does not have the shape of the routed function's parameters (or a value is out of range).
    error CouncilInvalidArgs(ActionKind kind);
    /// @notice A technique names application `applicationId`, which the grant-rounds module does not have.
    error CouncilUnknownApplication(uint256 applicationId);
    /// @notice `newModule` cannot replace `module`: no code, already a Fund contract, or it answers to another council.
    error CouncilInvalidModule(Module module, address newModule);
    /// @notice A migration of `module` to `newModule` is already announced (cancel it first).
    error CouncilMigrationPending(Module module, address newModule, uint64 effectiveAt);
    /// @notice No migration of `module` is announced.
    error CouncilNoPendingMigration(Module module);
    /// @notice The migration of `module` may be executed from `effectiveAt` on.
    error CouncilMigrationNotReady(Module module, uint64 effectiveAt);
    /// @notice The migration delay given at deployment is outside the accepted range.
    error CouncilInvalidMigrationDelay(uint64 delay);
    /// @notice An outcome horizon must be `min` .. `max` seconds.
    error CouncilInvalidOutcomeHorizon(uint64 horizon, uint64 min, uint64 max);
    /// @notice Only a funded application (or a funded grant since cancelled) has an outcome to resolve.
    error CouncilApplicationNotFunded(uint256 applicationId);
    /// @notice An outcome can be resolved only once the application's round is settled.
    error CouncilRoundNotSettled(uint256 roundId);
    /// @notice The council already resolved this outcome (`resolution`); a resolution is final.
    error CouncilOutcomeAlreadyResolved(uint256 applicationId, OutcomeResolution resolution);
    /// @notice The executor gave the action too little gas to tell a failure from a lack of gas; nothing was recorded.
    error CouncilExecutionOutOfGas(uint256 proposalId);

    /// @notice One-time wiring of the Fund's contracts, by the deployer; afterwards the deployer has no power.
    function bindSystem(SystemContracts calldata system) external;

    /// @notice Creates a proposal (the proposer's approval is recorded). Trustees only.
    function propose(ActionKind kind, bytes calldata args) external returns (uint256 proposalId);

    /// @notice Records the caller's approval. Trustees only; not after expiry or execution.
    function approve(uint256 proposalId) external;

    /// @notice Withdraws the caller's approval before execution.
    function revokeApproval(uint256 proposalId) external;

    /// @notice Executes the action once current-trustee approvals reach the threshold. Anyone may call.
    /// If the action fails, the failure is recorded (event and `failedAt`), the call does not revert,
    /// and the proposal stays executable until it expires.
    /// @return result the routed call's return data (its revert data if it failed)
    function execute(uint256 proposalId) external returns (bytes memory result);

    /// @notice Carries out the announced migration of `module` once its delay has passed: the council
    /// routes to the new module from now on and grants it the roles it needs (revoking the old
    /// module's if announced so). Anyone may call.
    function executeMigration(Module module) external;

    /// @notice Announces that `newModule` replaces `module` after `migrationDelay`. Only the council itself.
    function announceMigration(Module module, address newModule, bool retireOld) external;

    /// @notice Withdraws the announced migration of `module`. Only the council itself.
    function cancelMigration(Module module) external;

    /// @notice The announced migration of `module` (all zero if none).
    function pendingMigration(Module module) external view returns (Migration memory);

    /// @notice Seconds between a migration's announcement and the earliest time it may be executed (fixed at deployment).
    function migrationDelay() external view returns (uint64);

    /// @notice Sets the outcome horizon that rounds opened from now on fix, MIN .. MAX_OUTCOME_HORIZON
    /// seconds after settlement. Only the council itself (an executed SetOutcomeHorizon proposal).
    function setOutcomeHorizon(uint64 horizon) external;

    /// @notice Records the council's resolution of a funded application's outcome (of the current
    /// grant-rounds module), once its round is settled. Final: a second resolution is refused. Shown
    /// as a council resolution; never hides evidence (see `OutcomeResolution`). Only the council itself.
    function resolveOutcome(uint256 applicationId, bool paidOff) external;

    /// @notice The outcome horizon that a round opened now fixes (seconds after settlement).
    function outcomeHorizon() external view returns (uint64);

    /// @notice The outcome horizon round `roundId` of `grantRounds` fixed when it opened (0 if unknown).
    function roundOutcomeHorizon(address grantRounds, uint256 roundId) external view returns (uint64);

    /// @notice The council's resolution of application `applicationId` of `grantRounds` (None if none).
    function outcomeResolution(
        address grantRounds,
        uint256 applicationId
    ) external view returns (OutcomeResolution);

    /// @notice Adds a trustee. Only the council itself (an executed AddTrustee proposal).
    function addTrustee(address trustee) external;

    /// @notice Removes a trustee, keeping N ≥ M and N ≥ 1. Only the council itself.
    function removeTrustee(address trustee) external;

    /// @notice Sets the threshold M, 1 ≤ M ≤ N. Only the council itself.
    function changeThreshold(uint256 newThreshold) external;

    /// @notice The stored proposal; reverts for an unknown id.
    function proposal(uint256 proposalId) external view returns (Proposal memory);

    /// @notice Number of proposals ever created; ids run from 1 to this number.
    function proposalCount() external view returns (uint256);

    /// @notice Approvals of `proposalId` from current trustees (bounded loop over at most 20 trustees).
    function approvalCount(uint256 proposalId) external view returns (uint256);

    /// @notice Whether `trustee` (as a current trustee) has approved `proposalId`.
    function hasApproved(uint256 proposalId, address trustee) external view returns (bool);

    /// @notice The current trustees.
    function trustees() external view returns (address[] memory);

    /// @notice The current trustees and M in one call.
    function trusteesAndThreshold()
        external
        view
        returns (address[] memory currentTrustees, uint256 currentThreshold);

    /// @notice M and the number of trustee removals ever made, in one read: while the removal count
    /// is unchanged since an estimate was revealed, its revealer is still a trustee.
    function thresholdAndRemovals() external view returns (uint256 currentThreshold, uint256 removals);

    /// @notice Whether `account` is a current trustee.
    function isTrustee(address account) external view returns (bool);

    /// @notice The number of approvals (and of revealed estimates) required: M.
    function threshold() external view returns (uint256);

    /// @notice How long a proposal stays open for approval and execution.
    function proposalLifetime() external view returns (uint64);

    /// @notice The bound system contracts (all zero before `bindSystem`).
    function systemContracts() external view returns (SystemContracts memory);
}
