// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IShareIssuer} from "./IShareIssuer.sol";

/// @title Grant rounds: research grants weighted by the trustees' assessed probability and effort
/// @notice Flow per round: the council opens it → researchers apply (declared effort and requested
/// stipend are upper bounds; an optional refundable deposit in ETH) → each trustee commits sealed
/// estimates (probability, effort, stipend) for many applications at once, never for their own,
/// then reveals them → anyone finalizes applications in batches → anyone settles the round → awards
/// vest (cliff + linear) and researchers claim shares, and stipends from the capital pool.
/// Rules: an application's probability p̃, effort ẽ and assessed stipend s̃ are the medians of the
/// revealed estimates (each revealed value capped by the declared one); weight = p̃ × ẽ; share award
/// = pool × weight / Σ weight; stipend award ≤ s̃, pro-rated by the round's budget. Quorum: sealed
/// estimates committed (before the commit deadline) by current trustees who may estimate the
/// application — min(threshold, those trustees) — plus at least one reveal, so a withheld reveal
/// never unfunds an application that reached the quorum. Applications with no revealed estimate are unfunded
/// without a transaction and never block settlement. Every step is O(1) in applications and rounds.
interface IGrantRounds is IShareIssuer {
    /// @notice Terms of a round, fixed when the council opens it.
    /// @param sharePool P: shares (18 decimals) shared among funded applications; never exceeded
    /// @param applicationDeadline applications accepted until (inclusive)
    /// @param commitDeadline estimate commitments accepted until (inclusive), after applications close
    /// @param revealDeadline reveals accepted until (inclusive), after commits close
    /// @param vestingCliff seconds after settlement before anything vests
    /// @param vestingDuration seconds after settlement until everything has vested (≥ cliff, > 0)
    /// @param stipendAsset asset stipends are paid in from the capital pool (`address(0)` = ETH)
    /// @param stipendBudget most the round pays in stipends in total (0 = no stipends)
    /// @param applicationDeposit ETH each application pays (0 = none): refunded once a trustee
    /// revealed an estimate for it (or the round is closed), else moved to the capital pool at settlement
    struct RoundParams {
        uint128 sharePool;
        uint64 applicationDeadline;
        uint64 commitDeadline;
        uint64 revealDeadline;
        uint64 vestingCliff;
        uint64 vestingDuration;
        address stipendAsset;
        uint128 stipendBudget;
        uint128 applicationDeposit;
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
        uint32 estimatedCount; // applications with at least one revealed estimate: only these are finalized
        uint32 finalizedCount;
        uint32 fundedCount;
        uint256 totalWeight; // Σ weight of funded applications
        uint256 fundedStipendTotal; // Σ assessed stipends of funded applications
        uint256 stipendReserved; // reserved in the capital pool at settlement (≤ budget, ≤ pool)
    }

    enum ApplicationStatus {
        None,
        Pending, // applied, not finalized (the view says Unfunded once nobody can estimate it any more)
        Funded,
        Unfunded,
        Cancelled // funded, then its unvested remainder cancelled by the council
    }

    /// @notice An application. Declared values are the researcher's; medians are the trustees'. The
    /// proposal URI and content hash are in the application's `ApplicationSubmitted` event only.
    struct Application {
        uint256 roundId;
        address researcher;
        ApplicationStatus status;
        uint32 effortMonths; // declared: an upper bound
        uint128 stipendRequested; // declared: an upper bound
        bool estimated; // a trustee revealed an estimate for it: only these are finalized
        bool depositRefunded;
        uint8 committedCount; // at finalization: sealed estimates that counted for the quorum
        uint8 revealedCount; // at finalization: revealed estimates in the medians
        uint16 medianProbabilityBps;
        uint32 medianEffortMonths;
        uint128 medianStipend; // the assessed stipend: the most the stipend award can be
        uint64 cancelledAt; // 0 unless cancelled; vesting stops here
        uint256 weight;
        uint256 sharesClaimed;
        uint256 stipendClaimed;
        string title; // 1 .. MAX_TITLE_LENGTH (31) bytes
    }

    /// @notice One estimate in a batched reveal: exactly the values and salt that were sealed.
    struct Reveal {
        uint256 applicationId;
        uint16 probabilityBps;
        uint32 effortMonths;
        uint128 stipend;
        bytes32 salt;
    }

    /// @notice Where a trustee stands on one application.
    enum EstimateStatus {
        None, // no sealed estimate (yet)
        Recused, // the trustee is the application's researcher: may not estimate it
        Committed, // sealed, not revealed yet (the reveal phase is not over)
        Revealed,
        Missed // sealed but not revealed by the reveal deadline
    }

    /// @notice A trustee's estimate of one application. Values count once revealed (capped by the
    /// declared ones); `sealedEstimate` is set while committed and unrevealed.
    struct EstimateView {
        EstimateStatus status;
        bytes32 sealedEstimate;
        uint16 probabilityBps;
        uint32 effortMonths;
        uint128 stipend;
    }

    /// @notice A trustee's public record in one round. `missed` counts only once the reveal phase is over.
    struct TrusteeRecord {
        uint256 committed;
        uint256 revealed;
        uint256 missed;
        uint256 recused;
    }

    event RoundOpened(uint256 indexed roundId, RoundParams params);
    event RoundClosed(uint256 indexed roundId);
    event RoundSettled(
        uint256 indexed roundId,
        uint256 totalWeight,
        uint256 fundedCount,
        uint256 stipendReserved
    );
    /// @notice An application: the proposal URI and content hash are recorded here only (not in storage).
    event ApplicationSubmitted(
        uint256 indexed applicationId,
        uint256 indexed roundId,
        address indexed researcher,
        string title,
        string uri,
        bytes32 contentHash,
        uint32 effortMonths,
        uint128 stipendRequested
    );
    /// @notice A trustee applied to a round: they may not estimate this application.
    event TrusteeRecused(uint256 indexed applicationId, uint256 indexed roundId, address indexed trustee);
    /// @notice One batched commit: `trustee` sealed an estimate for each of `applicationIds` (one event
    /// per batch rather than per estimate keeps a commit within 30,000 gas per estimate).
    event EstimatesCommitted(
        uint256 indexed roundId,
        address indexed trustee,
        uint256[] applicationIds,
        bytes32[] sealedEstimates
    );
    /// @notice The revealed values, as they count (each capped by the declared value).
    event EstimateRevealed(
        uint256 indexed applicationId,
        address indexed trustee,
        uint16 probabilityBps,
        uint32 effortMonths,
        uint128 stipend
    );
    event ApplicationFinalized(
        uint256 indexed applicationId,
        bool funded,
        uint16 medianProbabilityBps,
        uint32 medianEffortMonths,
        uint128 medianStipend,
        uint256 committedCount,
        uint256 revealedCount,
        uint256 weight
    );
    event DepositRefunded(uint256 indexed applicationId, address indexed researcher, uint256 amount);
    /// @notice The deposits of the round's applications that no trustee estimated went to the capital pool.
    event DepositsForfeited(uint256 indexed roundId, uint256 applications, uint256 amount);
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
    /// @notice The content hash is zero, or the effort is not 1 .. 1,200 research-months.
    error GrantRoundsInvalidApplication();
    /// @notice The stipend requested is more than the round's whole stipend budget (0 when it pays none).
    error GrantRoundsStipendAboveBudget(uint256 requested, uint256 budget);
    /// @notice The proposal URI is empty or longer than `max` bytes.
    error GrantRoundsInvalidUri(uint256 length, uint256 max);
    /// @notice The application title is empty or longer than `max` bytes.
    error GrantRoundsInvalidTitle(uint256 length, uint256 max);
    /// @notice An application must pay exactly the round's deposit.
    error GrantRoundsWrongDeposit(uint256 expected, uint256 sent);
    error GrantRoundsAlreadyCommitted(uint256 applicationId, address trustee);
    error GrantRoundsNoSealedEstimate(uint256 applicationId, address trustee);
    error GrantRoundsAlreadyRevealed(uint256 applicationId, address trustee);
    error GrantRoundsSealMismatch(uint256 applicationId, address trustee);
    /// @notice A sealed estimate must be a hash from `sealEstimate`: zero or a revealed-estimate word is refused.
    error GrantRoundsInvalidSealedEstimate(uint256 applicationId);
    /// @notice `trustee` is the application's researcher and may not estimate it.
    error GrantRoundsRecused(uint256 applicationId, address trustee);
    /// @notice A batch must hold 1 .. `max` applications.
    error GrantRoundsInvalidBatch(uint256 length, uint256 max);
    /// @notice A batched commit needs one sealed estimate per application.
    error GrantRoundsBatchLengthMismatch(uint256 applications, uint256 sealedEstimates);
    /// @notice Every application of a batch must belong to the round of its first one.
    error GrantRoundsMixedRounds(uint256 roundId, uint256 applicationId);
    error GrantRoundsAlreadyFinalized(uint256 applicationId);
    /// @notice No trustee estimated the application: it is unfunded without being finalized.
    error GrantRoundsNotEstimated(uint256 applicationId);
    error GrantRoundsNotAllFinalized(uint256 roundId, uint256 finalized, uint256 estimated);
    error GrantRoundsNotResearcher(uint256 applicationId, address caller);
    error GrantRoundsNotFunded(uint256 applicationId);
    error GrantRoundsNothingToClaim(uint256 applicationId);
    /// @notice The deposit was refunded already, was zero, or is forfeited (no trustee estimated the application).
    error GrantRoundsNoDepositToRefund(uint256 applicationId);
    error GrantRoundsAlreadyCancelled(uint256 applicationId);
    /// @notice The share ledger is paused: no round opens and no round settles (awards) meanwhile.
    error GrantRoundsPaused();
    /// @notice The round has not been settled yet (a grant can be cancelled only once its award exists).
    error GrantRoundsNotSettled(uint256 roundId);
    /// @notice The round's stipends can no longer change: its vesting has begun (or it has no cliff),
    /// or one of its grants was cancelled.
    error GrantRoundsStipendsFixed(uint256 roundId);
    /// @notice The round's stipend reserve already covers every funded assessed stipend (within the
    /// budget), or the capital pool has no available capital in the round's stipend asset.
    error GrantRoundsNothingToTopUp(uint256 roundId);

    // ---------------------------------------------------------------- council

    /// @notice Opens a round. Council only.
    function openRound(RoundParams calldata params) external returns (uint256 roundId);

    /// @notice Whether `openRound` would accept `params` now (the ledger's pause aside): the council
    /// checks a proposed round with it.
    function roundParamsValid(RoundParams calldata params) external view returns (bool);

    /// @notice Closes a round before settlement: nothing is awarded, every deposit becomes refundable.
    /// Council only.
    function closeRound(uint256 roundId) external;

    /// @notice Stops vesting of a funded grant now: the vested part stays claimable, the unvested
    /// remainder of shares is never minted and the unvested stipend returns to the capital pool. Council only.
    function cancelGrant(uint256 applicationId) external;

    // ---------------------------------------------------------------- researchers

    /// @notice Applies to an open round before its application deadline, paying the round's deposit.
    /// A trustee may apply, and is then recused from estimating the application.
    /// @param title a short title, 1 .. MAX_TITLE_LENGTH (31) bytes, stored and shown wherever the
    /// application appears
    /// @param uri the proposal, 1 .. MAX_URI_LENGTH bytes: recorded in the event only
    /// @param contentHash the proposal's content hash (non-zero): recorded in the event only
    /// @param effortMonths research-months of effort, 1 .. 1200: the most the trustees' median can count
    /// @param stipendRequested stipend asked for, in the round's stipend asset (0 for none): the most
    /// the trustees' median can assess
    function submitApplication(
        uint256 roundId,
        string calldata title,
        string calldata uri,
        bytes32 contentHash,
        uint32 effortMonths,
        uint128 stipendRequested
    ) external payable returns (uint256 applicationId);

    /// @notice Refunds the application's deposit to its researcher, once a trustee revealed an
    /// estimate for it or once the round was closed.
    function refundDeposit(uint256 applicationId) external returns (uint256 amount);

    /// @notice Mints the caller's vested, unclaimed shares of a funded application.
    function claimShares(uint256 applicationId) external returns (uint256 amount);

    /// @notice Pays the caller's vested, unclaimed stipend of a funded application from the capital pool.
    function claimStipend(uint256 applicationId) external returns (uint256 amount);

    // ---------------------------------------------------------------- trustees

    /// @notice The sealed estimate a trustee commits: keccak256(abi.encode(chainid, this, trustee,
    /// applicationId, probabilityBps, effortMonths, stipend, salt)). For tests and audits only:
    /// clients seal locally, because calling this on a node before the reveal would disclose the
    /// estimate and its salt to that node.
    function sealEstimate(
        address trustee,
        uint256 applicationId,
        uint16 probabilityBps,
        uint32 effortMonths,
        uint128 stipend,
        bytes32 salt
    ) external view returns (bytes32);

    /// @notice Commits sealed estimates for 1 .. MAX_BATCH applications of one round, during its
    /// commit phase. Current trustees only, once per application, never for their own application.
    function commitEstimates(uint256[] calldata applicationIds, bytes32[] calldata sealedEstimates) external;

    /// @notice Reveals committed estimates for 1 .. MAX_BATCH applications of one round, during its
    /// reveal phase. Values above the bounds count as the bound: probability 10,000 bps, effort and
    /// stipend the application's declared ones.
    function revealEstimates(Reveal[] calldata reveals) external;

    // ---------------------------------------------------------------- anyone

    /// @notice After the reveal deadline: fixes the medians, funded status and weight of 1 .. MAX_BATCH
    /// estimated applications of one round.
    function finalizeApplications(uint256[] calldata applicationIds) external;

    /// @notice Once every estimated application is finalized: starts vesting, reserves stipends and
    /// moves forfeited deposits to the capital pool. Anyone may call.
    function settleRound(uint256 roundId) external;

    /// @notice Tops up a settled round's stipend reserve from capital that became available after it
    /// settled (for example an offering settled later), up to the funded assessed stipends within the
    /// budget. Anyone may call, but only before the vesting cliff (nothing has vested or been claimed
    /// yet), for a round with a non-zero cliff and no cancelled grant. Not while the ledger is paused.
    /// @return added the amount moved into the reserve
    function topUpStipends(uint256 roundId) external returns (uint256 added);

    // ---------------------------------------------------------------- views

    function roundCount() external view returns (uint256);
    function applicationCount() external view returns (uint256);
    function round(uint256 roundId) external view returns (Round memory);
    function application(uint256 applicationId) external view returns (Application memory);
    /// @notice Where `trustee` stands on `applicationId`, and the values they revealed.
    function estimateOf(uint256 applicationId, address trustee) external view returns (EstimateView memory);
    /// @notice `trustee`'s record in `roundId`: sealed estimates committed, revealed, missed, and recusals.
    function trusteeRecord(uint256 roundId, address trustee) external view returns (TrusteeRecord memory);
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
}
