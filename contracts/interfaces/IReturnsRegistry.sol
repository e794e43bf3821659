// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Returns registry: funded techniques, companies and their Promises of Future Returns
/// @notice The council registers techniques. Companies register themselves and sign a Promise of
/// Future Returns (PFR) as EIP-712 typed data (EOA or ERC-1271 contract wallet); anyone submits it.
/// Each period, in order, the company reports gross returns and pays ceil(gross × bps / 10,000) in
/// the same transaction; the payment flows into the share ledger's pooled distribution. Compliance
/// (elapsed / reported / overdue / delinquent) is computed from time — no keeper.
interface IReturnsRegistry {
    struct Technique {
        string title;
        string uri;
        bytes32 contentHash;
        uint256[] applicationIds; // grant applications that produced it
        uint64 registeredAt;
        bool retired; // no new commitments; never deleted
    }

    struct Company {
        string name;
        string uri;
        address admin;
        uint64 registeredAt;
    }

    /// @notice The EIP-712 message a company signer signs (`PromiseOfFutureReturns` type).
    struct PromiseOfFutureReturns {
        uint256 companyId;
        uint256[] techniqueIds;
        string modelName;
        bytes32 modelHash;
        uint16 returnsShareBps; // 1 .. 10,000
        uint64 start;
        uint64 end; // > start; periods are [start + k·periodLength, start + (k+1)·periodLength), all within end
        uint64 periodLength;
        uint64 gracePeriod;
        uint256 nonce; // any value per company not used, invalidated, or below the company's nonce floor
        uint256 deadline; // last second the signature may be submitted
    }

    struct Commitment {
        uint256 companyId;
        address signer;
        uint16 returnsShareBps;
        uint64 start;
        uint64 end;
        uint64 periodLength;
        uint64 gracePeriod;
        uint32 periodCount;
        uint32 reportedCount; // periods 0 .. reportedCount-1 are reported
        uint32 disputedCount; // reports currently disputed
        bytes32 modelHash;
        string modelName;
        uint256[] techniqueIds;
        uint256 graceExtension; // seconds the Fund was paused since the last report (one made before the next period ended) or submission: added to the grace of unreported periods
    }

    struct Compliance {
        uint256 periodsElapsed; // periods whose end has passed
        uint256 periodsReported;
        uint256 periodsDue; // ended and not reported, still within grace
        uint256 periodsOverdue; // past grace without a report
        bool delinquent; // periodsOverdue > 0
        uint256 disputed; // reports currently disputed
    }

    event TechniqueRegistered(
        uint256 indexed techniqueId,
        string title,
        string uri,
        bytes32 contentHash,
        uint256[] applicationIds
    );
    event TechniqueRetired(uint256 indexed techniqueId);
    event CompanyRegistered(uint256 indexed companyId, address indexed admin, string name, string uri);
    event CompanyAdminChanged(uint256 indexed companyId, address indexed admin);
    event CompanySignerSet(uint256 indexed companyId, address indexed signer, bool authorised);
    event CommitmentRegistered(
        uint256 indexed commitmentId,
        uint256 indexed companyId,
        address indexed signer,
        bytes32 structHash,
        PromiseOfFutureReturns terms
    );
    event ReturnsReported(
        uint256 indexed commitmentId,
        uint256 indexed period,
        address indexed asset,
        uint256 grossReturns,
        uint256 paid,
        bytes32 evidenceHash
    );
    event ReportDisputed(uint256 indexed commitmentId, uint256 indexed period, bytes32 reasonHash);
    event DisputeResolved(uint256 indexed commitmentId, uint256 indexed period, bytes32 resolutionHash);
    event DonationReceived(address indexed donor, address indexed asset, uint256 amount, bytes32 memo);
    /// @notice A company signer invalidated one nonce: no Promise signed with it can be submitted.
    event NonceInvalidated(uint256 indexed companyId, address indexed signer, uint256 nonce);
    /// @notice A company signer invalidated every nonce below `floor`.
    event NoncesInvalidatedBelow(uint256 indexed companyId, address indexed signer, uint256 floor);

    error ReturnsRegistryNotCouncil(address caller);
    error ReturnsRegistryInvalidTechnique();
    /// @notice `field` is `length` long (bytes, or ids for a technique's applications), above its `max`.
    error ReturnsRegistryTooLong(string field, uint256 length, uint256 max);
    error ReturnsRegistryUnknownTechnique(uint256 techniqueId);
    error ReturnsRegistryTechniqueRetired(uint256 techniqueId);
    error ReturnsRegistryInvalidCompany();
    error ReturnsRegistryUnknownCompany(uint256 companyId);
    error ReturnsRegistryNotCompanyAdmin(uint256 companyId, address caller);
    error ReturnsRegistryNotCompanySigner(uint256 companyId, address account);
    error ReturnsRegistryInvalidTerms();
    error ReturnsRegistrySignatureExpired(uint256 deadline);
    error ReturnsRegistryNonceUsed(uint256 companyId, uint256 nonce);
    error ReturnsRegistryInvalidSignature(address signer);
    error ReturnsRegistryUnknownCommitment(uint256 commitmentId);
    error ReturnsRegistryPeriodOutOfOrder(uint256 commitmentId, uint256 expected, uint256 given);
    error ReturnsRegistryPeriodNotEnded(uint256 commitmentId, uint256 period, uint64 endsAt);
    error ReturnsRegistryNoSuchPeriod(uint256 commitmentId, uint256 period, uint256 periodCount);
    error ReturnsRegistryWrongPayment(uint256 expected, uint256 sent);
    error ReturnsRegistryNotReported(uint256 commitmentId, uint256 period);
    error ReturnsRegistryAlreadyDisputed(uint256 commitmentId, uint256 period);
    error ReturnsRegistryNotDisputed(uint256 commitmentId, uint256 period);
    error ReturnsRegistryUnknownAsset(address asset);
    error ReturnsRegistryZeroDonation();
    /// @notice The share ledger is paused, so it takes no payments (reports of zero gross still work).
    error ReturnsRegistryPaused();
    /// @notice The company's nonce floor is already `current`; a new floor must be higher than that.
    error ReturnsRegistryNonceFloorNotRaised(uint256 companyId, uint256 current, uint256 requested);

    // ---------------------------------------------------------------- council

    function registerTechnique(
        string calldata title,
        string calldata uri,
        bytes32 contentHash,
        uint256[] calldata applicationIds
    ) external returns (uint256 techniqueId);
    function retireTechnique(uint256 techniqueId) external;
    function disputeReport(uint256 commitmentId, uint256 period, bytes32 reasonHash) external;
    function resolveDispute(uint256 commitmentId, uint256 period, bytes32 resolutionHash) external;

    // ---------------------------------------------------------------- companies

    /// @notice Registers a company; `admin` manages its signers and may sign and report.
    function registerCompany(
        string calldata name,
        string calldata uri,
        address admin
    ) external returns (uint256 companyId);
    /// @notice Hands the company to a new admin. Current admin only.
    function setCompanyAdmin(uint256 companyId, address admin) external;
    /// @notice Authorises or removes an extra signer. Company admin only.
    function setCompanySigner(uint256 companyId, address signer, bool authorised) external;
    /// @notice Whether `account` may sign and report for `companyId` (its admin or an authorised signer).
    function isCompanySigner(uint256 companyId, address account) external view returns (bool);

    /// @notice Registers a signed PFR. Anyone may submit; `signer` must be a company signer and
    /// `signature` valid for it (ECDSA for an EOA, ERC-1271 for a contract wallet).
    function submitCommitment(
        PromiseOfFutureReturns calldata terms,
        address signer,
        bytes calldata signature
    ) external returns (uint256 commitmentId);

    /// @notice Invalidates `nonce` of `companyId` before any Promise signed with it is submitted (a
    /// re-signed Promise should then use a new nonce). Company signers only; refused for a nonce
    /// already used or invalidated.
    function invalidateNonce(uint256 companyId, uint256 nonce) external;

    /// @notice Invalidates every nonce of `companyId` below `floor` (which must be higher than the
    /// current floor). Company signers only.
    function invalidateNoncesBelow(uint256 companyId, uint256 floor) external;

    /// @notice Reports period `period` (the next unreported one, after it ended) and pays the Fund's share.
    /// ETH: send exactly `dueAmount(commitmentId, grossReturns)`; ERC-20: approve the registry for it.
    /// Company signers only.
    function reportReturns(
        uint256 commitmentId,
        uint256 period,
        address asset,
        uint256 grossReturns,
        bytes32 evidenceHash
    ) external payable returns (uint256 paid);

    /// @notice Pays returns into the pool without a commitment, recorded as a donation. Anyone.
    function donate(address asset, uint256 amount, bytes32 memo) external payable returns (uint256 received);

    // ---------------------------------------------------------------- views

    /// @notice The EIP-712 digest a signer signs for `terms`.
    function commitmentDigest(PromiseOfFutureReturns calldata terms) external view returns (bytes32);
    /// @notice ceil(grossReturns × bps / 10,000) for the commitment.
    function dueAmount(uint256 commitmentId, uint256 grossReturns) external view returns (uint256);
    function techniqueCount() external view returns (uint256);
    function technique(uint256 techniqueId) external view returns (Technique memory);
    function companyCount() external view returns (uint256);
    function company(uint256 companyId) external view returns (Company memory);
    function commitmentCount() external view returns (uint256);
    function commitment(uint256 commitmentId) external view returns (Commitment memory);
    /// @notice Whether `nonce` can no longer be submitted for `companyId`: used, invalidated, or below the floor.
    function nonceUsed(uint256 companyId, uint256 nonce) external view returns (bool);
    /// @notice Every nonce of `companyId` below this value is invalidated.
    function nonceFloor(uint256 companyId) external view returns (uint256);
    function isDisputed(uint256 commitmentId, uint256 period) external view returns (bool);
    function compliance(uint256 commitmentId) external view returns (Compliance memory);
    /// @notice Everything paid through the registry in `asset` (reports and donations): equals what the ledger received from it.
    function totalPaid(address asset) external view returns (uint256);
}
