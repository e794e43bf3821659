// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Trustee council: the M-of-N multisig that holds every privileged power of the Fund
/// @notice Any trustee proposes a typed action; trustees approve; anyone executes once approvals
/// from *current* trustees reach the threshold. Proposals expire and execute at most once. A
/// failed execution reverts with the inner error. Trustees may be contract wallets (e.g. a Safe).
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
        CallSystem // (address target, bytes data)          any Fund contract, never an outside one
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
    struct Proposal {
        ActionKind kind;
        address proposer;
        uint64 createdAt;
        uint64 expiresAt;
        bool executed;
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

    /// @notice One-time wiring of the Fund's contracts, by the deployer; afterwards the deployer has no power.
    function bindSystem(SystemContracts calldata system) external;

    /// @notice Creates a proposal (the proposer's approval is recorded). Trustees only.
    function propose(ActionKind kind, bytes calldata args) external returns (uint256 proposalId);

    /// @notice Records the caller's approval. Trustees only; not after expiry or execution.
    function approve(uint256 proposalId) external;

    /// @notice Withdraws the caller's approval before execution.
    function revokeApproval(uint256 proposalId) external;

    /// @notice Executes the action once current-trustee approvals reach the threshold. Anyone may call.
    /// @return result the routed call's return data
    function execute(uint256 proposalId) external returns (bytes memory result);

    /// @notice Adds a trustee. Only the council itself (an executed AddTrustee or CallSystem proposal).
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
