// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Grant rounds: research grants weighted by the trustees' estimated probability of success
/// @notice Flow per round: the council opens it → researchers apply → each trustee commits a hash of
/// a probability estimate per application, then reveals it → anyone finalizes applications one by
/// one (median of revealed estimates from current trustees; at least M of them, else unfunded;
/// weight = median × effort) → anyone settles the round (award = pool × weight / Σ weight) →
/// awards vest (cliff + linear) and researchers claim shares, and stipends from the capital pool.
/// Every step is O(1) in the number of applications and rounds.
interface IGrantRounds {
    /// @notice Terms of a round, fixed when the council opens it.
    /// @param sharePool P: shares (18 decimals) shared among funded applications; never exceeded
    /// @param applicationDeadline applications accepted until (inclusive)
    /// @param commitDeadline estimate commitments accepted until (inclusive), after applications close
    /// @param revealDeadline reveals accepted until (inclusive), after commits close
    /// @param vestingCliff seconds after settlement before anything vests
    /// @param vestingDuration seconds after settlement until everything has vested (≥ cliff, > 0)
    /// @param stipendAsset asset stipends are paid in from the capital pool (`address(0)` = ETH)
    /// @param stipendBudget most the round pays in stipends in total (0 = no stipends)
    struct RoundParams {
        uint128 sharePool;
        uint64 applicationDeadline;
        uint64 commitDeadline;
        uint64 revealDeadline;
        uint64 vestingCliff;
        uint64 vestingDuration;
        address stipendAsset;
        uint128 stipendBudget;
    }

    enum RoundStatus {
        None,
        Open, // before settlement (phase follows from the deadlines)
        Settled,
        Closed // closed by the council before settlement: nothing is awarded
    }

    struct Round {
        RoundParams params;
        RoundStatus status;
        uint64 settledAt;
        uint32 applicationCount;
        uint32 finalizedCount;
        uint32 fundedCount;
        uint256 totalWeight; // Σ weight of funded applications
        uint256 fundedStipendTotal; // Σ requested stipends of funded applications
        uint256 stipendReserved; // reserved in the capital pool at settlement (≤ budget, ≤ pool)
    }

    enum ApplicationStatus {
        None,
        Pending, // applied, not finalized
        Funded,
        Unfunded,
        Cancelled // funded, then its unvested remainder cancelled by the council
    }

    struct Application {
        uint256 roundId;
        address researcher;
        uint32 effortMonths;
        uint16 medianEstimateBps;
        uint8 revealCount;
        ApplicationStatus status;
        uint128 stipendRequested;
        uint64 cancelledAt; // 0 unless cancelled; vesting stops here
        bytes32 contentHash;
        uint256 weight;
        uint256 sharesClaimed;
        uint256 stipendClaimed;
        string uri;
    }

    event RoundOpened(uint256 indexed roundId, RoundParams params);
    event RoundClosed(uint256 indexed roundId);
    event RoundSettled(
        uint256 indexed roundId,
        uint256 totalWeight,
        uint256 fundedCount,
        uint256 stipendReserved
    );
    event ApplicationSubmitted(
        uint256 indexed applicationId,
        uint256 indexed roundId,
        address indexed researcher,
        string uri,
        bytes32 contentHash,
        uint32 effortMonths,
        uint128 stipendRequested
    );
    event EstimateCommitted(uint256 indexed applicationId, address indexed trustee, bytes32 sealedEstimate);
    event EstimateRevealed(uint256 indexed applicationId, address indexed trustee, uint16 estimateBps);
    event ApplicationFinalized(
        uint256 indexed applicationId,
        bool funded,
        uint16 medianEstimateBps,
        uint256 revealCount,
        uint256 weight
    );
    event SharesClaimed(uint256 indexed applicationId, address indexed researcher, uint256 amount);
    event StipendClaimed(
        uint256 indexed applicationId,
        address indexed researcher,
        address asset,
        uint256 amount
    );
    /// @notice A settled round's stipend reserve grew by `added`, to `reserved`.
    event StipendsToppedUp(uint256 indexed roundId, uint256 added, uint256 reserved);
    event GrantCancelled(
        uint256 indexed applicationId,
        uint256 vestedShares,
        uint256 sharesForfeited,
        uint256 stipendReleased
    );

    error GrantRoundsNotCouncil(address caller);
    error GrantRoundsNotTrustee(address caller);
    error GrantRoundsInvalidParams();
    error GrantRoundsUnknownRound(uint256 roundId);
    error GrantRoundsUnknownApplication(uint256 applicationId);
    error GrantRoundsWrongPhase(uint256 roundId, uint64 now_, uint64 opensAt, uint64 closesAt);
    error GrantRoundsRoundNotOpen(uint256 roundId, RoundStatus status);
    error GrantRoundsInvalidApplication();
    error GrantRoundsAlreadyCommitted(uint256 applicationId, address trustee);
    error GrantRoundsNoSealedEstimate(uint256 applicationId, address trustee);
    error GrantRoundsAlreadyRevealed(uint256 applicationId, address trustee);
    error GrantRoundsSealMismatch(uint256 applicationId, address trustee);
    error GrantRoundsEstimateOutOfRange(uint256 estimateBps);
    error GrantRoundsAlreadyFinalized(uint256 applicationId);
    error GrantRoundsNotAllFinalized(uint256 roundId, uint256 finalized, uint256 applications);
    error GrantRoundsNotResearcher(uint256 applicationId, address caller);
    error GrantRoundsNotFunded(uint256 applicationId);
    error GrantRoundsNothingToClaim(uint256 applicationId);
    error GrantRoundsAlreadyCancelled(uint256 applicationId);
    /// @notice The share ledger is paused: no round opens and no round settles (awards) meanwhile.
    error GrantRoundsPaused();
    /// @notice The round has not been settled yet (a grant can be cancelled only once its award exists).
    error GrantRoundsNotSettled(uint256 roundId);
    /// @notice The round's stipends can no longer change: its vesting has begun (or it has no cliff),
    /// or one of its grants was cancelled.
    error GrantRoundsStipendsFixed(uint256 roundId);
    /// @notice The round's stipend reserve already covers every funded request (within the budget),
    /// or the capital pool has no available capital in the round's stipend asset.
    error GrantRoundsNothingToTopUp(uint256 roundId);
    /// @notice A zero sealed estimate cannot be told apart from none.
    error GrantRoundsZeroSealedEstimate(uint256 applicationId);

    // ---------------------------------------------------------------- council

    /// @notice Opens a round. Council only.
    function openRound(RoundParams calldata params) external returns (uint256 roundId);

    /// @notice Closes a round before settlement: nothing is awarded. Council only.
    function closeRound(uint256 roundId) external;

    /// @notice Stops vesting of a funded grant now: the vested part stays claimable, the unvested
    /// remainder of shares is never minted and the unvested stipend returns to the capital pool. Council only.
    function cancelGrant(uint256 applicationId) external;

    // ---------------------------------------------------------------- researchers

    /// @notice Applies to an open round before its application deadline.
    /// @param effortMonths research-months of effort, 1 .. 1200
    /// @param stipendRequested stipend asked for, in the round's stipend asset (0 for none)
    function submitApplication(
        uint256 roundId,
        string calldata uri,
        bytes32 contentHash,
        uint32 effortMonths,
        uint128 stipendRequested
    ) external returns (uint256 applicationId);

    /// @notice Mints the caller's vested, unclaimed shares of a funded application.
    function claimShares(uint256 applicationId) external returns (uint256 amount);

    /// @notice Pays the caller's vested, unclaimed stipend of a funded application from the capital pool.
    function claimStipend(uint256 applicationId) external returns (uint256 amount);

    // ---------------------------------------------------------------- trustees

    /// @notice The sealed estimate a trustee commits: keccak256(abi.encode(chainid, this, trustee, applicationId,
    /// estimateBps, salt)). For tests and audits only: clients seal locally, because calling this on a
    /// node before the reveal would disclose the estimate and its salt to that node.
    function sealEstimate(
        address trustee,
        uint256 applicationId,
        uint16 estimateBps,
        bytes32 salt
    ) external view returns (bytes32);

    /// @notice Commits a sealed estimate during the commit phase. Current trustees only, once per application.
    function commitEstimate(uint256 applicationId, bytes32 sealedEstimate) external;

    /// @notice Reveals a committed estimate (basis points, 0 .. 10,000) during the reveal phase.
    function revealEstimate(uint256 applicationId, uint16 estimateBps, bytes32 salt) external;

    // ---------------------------------------------------------------- anyone

    /// @notice After the reveal deadline: fixes the application's median estimate, funded status and weight.
    function finalizeApplication(uint256 applicationId) external;

    /// @notice Once every application is finalized: starts vesting and reserves stipends. Anyone may call.
    function settleRound(uint256 roundId) external;

    /// @notice Tops up a settled round's stipend reserve from capital that became available after it
    /// settled (for example an offering settled later), up to the funded requests within the budget.
    /// Anyone may call, but only before the vesting cliff (nothing has vested or been claimed yet),
    /// for a round with a non-zero cliff and no cancelled grant. Not while the ledger is paused.
    /// @return added the amount moved into the reserve
    function topUpStipends(uint256 roundId) external returns (uint256 added);

    // ---------------------------------------------------------------- views

    function roundCount() external view returns (uint256);
    function applicationCount() external view returns (uint256);
    function round(uint256 roundId) external view returns (Round memory);
    function application(uint256 applicationId) external view returns (Application memory);
    /// @notice The sealed estimate `trustee` committed for `applicationId` (zero if none) and whether it was revealed.
    function sealedEstimateOf(
        uint256 applicationId,
        address trustee
    ) external view returns (bytes32 sealedEstimate, bool revealed);
    /// @notice Total shares awarded to a funded application (0 before settlement or if unfunded).
    function award(uint256 applicationId) external view returns (uint256);
    /// @notice Total stipend granted to a funded application (0 before settlement or if unfunded).
    function stipendAward(uint256 applicationId) external view returns (uint256);
    /// @notice Shares vested so far (vesting stops at cancellation).
    function vestedShares(uint256 applicationId) external view returns (uint256);
    /// @notice Vested shares not yet claimed.
    function claimableShares(uint256 applicationId) external view returns (uint256);
    /// @notice Vested stipend not yet claimed.
    function claimableStipend(uint256 applicationId) external view returns (uint256);
    /// @notice The estimate `trustee` revealed for `applicationId` (0 and false if not revealed).
    function estimateOf(
        uint256 applicationId,
        address trustee
    ) external view returns (bool revealed, uint16 estimateBps);
    /// @notice The trustee council (the only caller of the council functions).
    function council() external view returns (address);
    /// @notice The share ledger that mints awards.
    function shares() external view returns (address);
    /// @notice The capital pool that pays stipends.
    function capitalPool() external view returns (address);
}
