// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IFundShares} from "../interfaces/IFundShares.sol";
import {IReturnsRegistry} from "../interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../interfaces/ITrusteeCouncil.sol";
import {Asset} from "../libraries/Asset.sol";
import {ReturnsMath} from "../libraries/math/ReturnsMath.sol";
import {PromiseTypedData} from "./PromiseTypedData.sol";
import {TechniqueCompanyBook} from "./TechniqueCompanyBook.sol";

/// @title ReturnsRegistry
/// @notice Funded techniques, companies, their signed Promises of Future Returns, and the per-period
/// reports through which companies pay the Fund's share of their returns into the share ledger.
/// @dev Built from parts: `TechniqueCompanyBook` (techniques and companies) and `PromiseTypedData`
/// (the EIP-712 digest of a promise); this contract keeps the commitments, reports, disputes and
/// donations. Per report only the commitment's `reportedCount` and the asset's running total change
/// in storage; the gross amount, payment and evidence live in the `ReturnsReported` event, which
/// holds everything needed to rebuild the record. So reporting costs the same whatever the number
/// of companies, commitments, past periods or shareholders.
contract ReturnsRegistry is TechniqueCompanyBook, PromiseTypedData, ReentrancyGuardTransient {
    using BitMaps for BitMaps.BitMap;
    using Asset for address;

    /// @notice Most techniques one commitment may name (keeps the duplicate check and reads bounded).
    uint256 public constant MAX_TECHNIQUES_PER_COMMITMENT = 16;
    /// @notice Longest model name of a commitment, in bytes (every read of commitments stays bounded).
    uint256 public constant MAX_MODEL_NAME_LENGTH = 128;

    /// @notice Latest start and longest period a commitment may use (stored in 40 bits: the year 36812).
    uint256 public constant MAX_TERM_TIME = type(uint40).max;

    /// @dev Slot 0 holds everything `reportReturns` reads and writes, so a report touches one
    /// commitment slot. Company ids fit 48 bits (one per transaction, ids from 1). `pausedSecondsAt`
    /// is the ledger's total paused seconds at submission or at the last report made before the next
    /// period ended: every second paused since then extends the grace of the periods not yet reported.
    struct StoredCommitment {
        uint48 companyId;
        uint16 returnsShareBps;
        uint40 start;
        uint40 periodLength;
        uint32 periodCount;
        uint32 reportedCount;
        uint48 pausedSecondsAt;
        address signer;
        uint64 end;
        uint32 disputedCount;
        uint64 gracePeriod;
        bytes32 modelHash;
        string modelName;
        uint256[] techniqueIds;
    }

    /// @notice The share ledger every payment flows into.
    IFundShares public immutable shares;

    uint256 private _commitmentCount;
    mapping(uint256 companyId => BitMaps.BitMap) private _usedNonces;
    mapping(uint256 companyId => uint256 floor) private _nonceFloors;
    mapping(uint256 commitmentId => StoredCommitment) private _commitments;
    mapping(uint256 commitmentId => BitMaps.BitMap) private _disputedPeriods;
    mapping(address asset => uint256) private _totalPaid;

    /// @param council_ the trustee council: registers techniques and settles disputes
    /// @param shares_ the share ledger every payment flows into
    constructor(ITrusteeCouncil council_, IFundShares shares_) TechniqueCompanyBook(council_) {
        shares = shares_;
    }

    // ---------------------------------------------------------------- council

    /// @inheritdoc IReturnsRegistry
    function disputeReport(uint256 commitmentId, uint256 period, bytes32 reasonHash) external onlyCouncil {
        StoredCommitment storage stored = _existingCommitment(commitmentId);
        if (period >= stored.reportedCount) revert ReturnsRegistryNotReported(commitmentId, period);
        BitMaps.BitMap storage disputed = _disputedPeriods[commitmentId];
        if (disputed.get(period)) revert ReturnsRegistryAlreadyDisputed(commitmentId, period);
        disputed.set(period);
        // At most periodCount (a uint32) reports exist, so the count cannot overflow.
        ++stored.disputedCount;
        emit ReportDisputed(commitmentId, period, reasonHash);
    }

    /// @inheritdoc IReturnsRegistry
    function resolveDispute(
        uint256 commitmentId,
        uint256 period,
        bytes32 resolutionHash
    ) external onlyCouncil {
        StoredCommitment storage stored = _existingCommitment(commitmentId);
        BitMaps.BitMap storage disputed = _disputedPeriods[commitmentId];
        if (!disputed.get(period)) revert ReturnsRegistryNotDisputed(commitmentId, period);
        disputed.unset(period);
        --stored.disputedCount;
        emit DisputeResolved(commitmentId, period, resolutionHash);
    }

    // ---------------------------------------------------------------- commitments

    /// @inheritdoc IReturnsRegistry
    function submitCommitment(
        PromiseOfFutureReturns calldata terms,
        address signer,
        bytes calldata signature
    ) external returns (uint256 commitmentId) {
        uint256 companyId = terms.companyId;
        if (block.timestamp > terms.deadline) revert ReturnsRegistrySignatureExpired(terms.deadline);
        if (!_companyExists(companyId)) revert ReturnsRegistryUnknownCompany(companyId);
        uint256 periods = ReturnsMath.periodCount(terms.start, terms.end, terms.periodLength);
        if (
            terms.start > MAX_TERM_TIME ||
            terms.periodLength > MAX_TERM_TIME ||
            terms.returnsShareBps == 0 ||
            terms.returnsShareBps > ReturnsMath.BPS ||
            periods == 0 ||
            periods > type(uint32).max ||
            terms.techniqueIds.length == 0 ||
            terms.techniqueIds.length > MAX_TECHNIQUES_PER_COMMITMENT
        ) revert ReturnsRegistryInvalidTerms();
        _checkLength("modelName", bytes(terms.modelName).length, MAX_MODEL_NAME_LENGTH);
        _requireUsableTechniques(terms.techniqueIds);
        if (!isCompanySigner(companyId, signer)) revert ReturnsRegistryNotCompanySigner(companyId, signer);
        BitMaps.BitMap storage nonces = _usedNonces[companyId];
        if (terms.nonce < _nonceFloors[companyId] || nonces.get(terms.nonce)) {
            revert ReturnsRegistryNonceUsed(companyId, terms.nonce);
        }
        bytes32 structHash = _hashPromise(terms);
        if (!SignatureChecker.isValidSignatureNowCalldata(signer, _hashTypedDataV4(structHash), signature)) {
            revert ReturnsRegistryInvalidSignature(signer);
        }

        nonces.set(terms.nonce);
        commitmentId = ++_commitmentCount;
        StoredCommitment storage stored = _commitments[commitmentId];
        stored.companyId = SafeCast.toUint48(companyId);
        stored.returnsShareBps = terms.returnsShareBps;
        // start and periodLength ≤ MAX_TERM_TIME = type(uint40).max were checked above.
        stored.start = uint40(terms.start);
        stored.periodLength = uint40(terms.periodLength);
        // periods ≤ type(uint32).max was checked above.
        stored.periodCount = uint32(periods);
        stored.pausedSecondsAt = SafeCast.toUint48(shares.pausedSeconds());
        stored.signer = signer;
        stored.end = terms.end;
        stored.gracePeriod = terms.gracePeriod;
        stored.modelHash = terms.modelHash;
        stored.modelName = terms.modelName;
        stored.techniqueIds = terms.techniqueIds;
        emit CommitmentRegistered(commitmentId, companyId, signer, structHash, terms);
    }

    /// @inheritdoc IReturnsRegistry
    function invalidateNonce(uint256 companyId, uint256 nonce) external {
        if (!isCompanySigner(companyId, msg.sender))
            revert ReturnsRegistryNotCompanySigner(companyId, msg.sender);
        BitMaps.BitMap storage nonces = _usedNonces[companyId];
        if (nonce < _nonceFloors[companyId] || nonces.get(nonce)) {
            revert ReturnsRegistryNonceUsed(companyId, nonce);
        }
        nonces.set(nonce);
        emit NonceInvalidated(companyId, msg.sender, nonce);
    }

    /// @inheritdoc IReturnsRegistry
    function invalidateNoncesBelow(uint256 companyId, uint256 floor) external {
        if (!isCompanySigner(companyId, msg.sender))
            revert ReturnsRegistryNotCompanySigner(companyId, msg.sender);
        uint256 current = _nonceFloors[companyId];
        if (floor <= current) revert ReturnsRegistryNonceFloorNotRaised(companyId, current, floor);
        _nonceFloors[companyId] = floor;
        emit NoncesInvalidatedBelow(companyId, msg.sender, floor);
    }

    // ---------------------------------------------------------------- payments

    /// @inheritdoc IReturnsRegistry
    /// @dev A zero-gross period is reported without touching the ledger. An ERC-20 payment is pulled
    /// from the caller straight into the ledger and credited there with `syncReturns`; the ledger must
    /// credit at least the amount due, so a fee-on-transfer token cannot pay short. `paid` is always the
    /// amount due: tokens someone sent to the ledger directly beforehand are credited to holders by the
    /// same sync, but are neither the company's payment nor counted in `totalPaid`.
    function reportReturns(
        uint256 commitmentId,
        uint256 period,
        address asset,
        uint256 grossReturns,
        bytes32 evidenceHash
    ) external payable nonReentrant returns (uint256 paid) {
        StoredCommitment storage stored = _existingCommitment(commitmentId);
        uint256 companyId = stored.companyId;
        if (!isCompanySigner(companyId, msg.sender))
            revert ReturnsRegistryNotCompanySigner(companyId, msg.sender);
        {
            uint256 count = stored.periodCount;
            if (period >= count) revert ReturnsRegistryNoSuchPeriod(commitmentId, period, count);
            uint256 reported = stored.reportedCount;
            if (period != reported) revert ReturnsRegistryPeriodOutOfOrder(commitmentId, reported, period);
        }
        // period < periodCount ≤ (end − start) / periodLength, so endsAt ≤ end fits 64 bits.
        uint64 endsAt = uint64(ReturnsMath.periodEnd(stored.start, period, stored.periodLength));
        if (block.timestamp < endsAt) revert ReturnsRegistryPeriodNotEnded(commitmentId, period, endsAt);
        (bool listed, bool isPaused, uint256 pausedSeconds) = shares.inflowState(asset);
        if (!listed) revert ReturnsRegistryUnknownAsset(asset);
        uint256 due = ReturnsMath.due(grossReturns, stored.returnsShareBps);
        if (msg.value != asset.expectedValue(due)) {
            revert ReturnsRegistryWrongPayment(asset.expectedValue(due), msg.value);
        }
        if (due != 0 && isPaused) revert ReturnsRegistryPaused();
        _markPausedSeconds(stored, pausedSeconds, endsAt + uint256(stored.periodLength));

        // period == reportedCount < periodCount ≤ type(uint32).max, so the increment fits.
        stored.reportedCount = uint32(period + 1);
        if (due != 0) _totalPaid[asset] += due;
        emit ReturnsReported(commitmentId, period, asset, grossReturns, due, evidenceHash);

        if (due != 0) _payIntoLedger(asset, due);
        return due;
    }

    /// @inheritdoc IReturnsRegistry
    /// @dev As with reports, the ledger must credit at least `amount` (a fee-on-transfer token is refused).
    function donate(
        address asset,
        uint256 amount,
        bytes32 memo
    ) external payable nonReentrant returns (uint256 received) {
        (bool listed, bool isPaused, ) = shares.inflowState(asset);
        if (!listed) revert ReturnsRegistryUnknownAsset(asset);
        if (amount == 0) revert ReturnsRegistryZeroDonation();
        uint256 expectedValue = asset.expectedValue(amount);
        if (msg.value != expectedValue) revert ReturnsRegistryWrongPayment(expectedValue, msg.value);
        if (isPaused) revert ReturnsRegistryPaused();

        _totalPaid[asset] += amount;
        emit DonationReceived(msg.sender, asset, amount, memo);

        _payIntoLedger(asset, amount);
        return amount;
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IReturnsRegistry
    function dueAmount(uint256 commitmentId, uint256 grossReturns) external view returns (uint256) {
        return ReturnsMath.due(grossReturns, _existingCommitment(commitmentId).returnsShareBps);
    }

    /// @inheritdoc IReturnsRegistry
    function commitmentCount() external view returns (uint256) {
        return _commitmentCount;
    }

    /// @inheritdoc IReturnsRegistry
    function commitment(uint256 commitmentId) external view returns (Commitment memory) {
        StoredCommitment storage stored = _existingCommitment(commitmentId);
        return
            Commitment({
                companyId: stored.companyId,
                signer: stored.signer,
                returnsShareBps: stored.returnsShareBps,
                start: stored.start,
                end: stored.end,
                periodLength: stored.periodLength,
                gracePeriod: stored.gracePeriod,
                periodCount: stored.periodCount,
                reportedCount: stored.reportedCount,
                disputedCount: stored.disputedCount,
                modelHash: stored.modelHash,
                modelName: stored.modelName,
                techniqueIds: stored.techniqueIds,
                graceExtension: _graceExtension(stored)
            });
    }

    /// @inheritdoc IReturnsRegistry
    function nonceUsed(uint256 companyId, uint256 nonce) external view returns (bool) {
        return nonce < _nonceFloors[companyId] || _usedNonces[companyId].get(nonce);
    }

    /// @inheritdoc IReturnsRegistry
    function nonceFloor(uint256 companyId) external view returns (uint256) {
        return _nonceFloors[companyId];
    }

    /// @inheritdoc IReturnsRegistry
    function isDisputed(uint256 commitmentId, uint256 period) external view returns (bool) {
        return _disputedPeriods[commitmentId].get(period);
    }

    /// @inheritdoc IReturnsRegistry
    /// @dev Period k ends at start + (k+1)·periodLength. It is due from its end until its end plus the
    /// grace period plus the grace extension (inclusive), overdue strictly after that while unreported.
    function compliance(uint256 commitmentId) external view returns (Compliance memory status) {
        StoredCommitment storage stored = _existingCommitment(commitmentId);
        uint256 count = stored.periodCount;
        uint256 reported = stored.reportedCount;
        // Reports follow period ends, so reported ≤ the periods ended, as `standing` requires.
        (uint256 elapsed, uint256 dueNow, uint256 overdue) = ReturnsMath.standing(
            block.timestamp,
            stored.start,
            stored.periodLength,
            count,
            reported,
            stored.gracePeriod,
            _graceExtension(stored)
        );
        status = Compliance({
            periodsElapsed: elapsed,
            periodsReported: reported,
            periodsDue: dueNow,
            periodsOverdue: overdue,
            delinquent: overdue != 0,
            disputed: stored.disputedCount
        });
    }

    /// @inheritdoc IReturnsRegistry
    function totalPaid(address asset) external view returns (uint256) {
        return _totalPaid[asset];
    }

    // ---------------------------------------------------------------- internals

    /// @dev Moves `amount` into the ledger, reverting unless the ledger credits at least that much. ETH
    /// is forwarded with the call; an ERC-20 goes from the caller straight to the ledger, which then
    /// books its balance gain. The last step of every paying function (the guard covers its callbacks).
    function _payIntoLedger(address asset, uint256 amount) private {
        uint256 received;
        if (asset.isEth()) {
            received = shares.distribute{value: amount}(asset, amount);
        } else {
            asset.transferTokenFrom(msg.sender, address(shares), amount);
            received = shares.syncReturns(asset);
        }
        if (received < amount) revert ReturnsRegistryWrongPayment(amount, received);
    }

    /// @dev If the next period has not ended yet, every pause so far lies before the end of every
    /// period still unreported, so none of them needs it: the grace extension restarts from this
    /// report (the mark shares slot 0 with `reportedCount`). Otherwise the next period keeps its
    /// credit, in the company's favour.
    function _markPausedSeconds(
        StoredCommitment storage stored,
        uint256 pausedSeconds,
        uint256 nextEndsAt
    ) private {
        if (block.timestamp < nextEndsAt && pausedSeconds != stored.pausedSecondsAt) {
            stored.pausedSecondsAt = SafeCast.toUint48(pausedSeconds);
        }
    }

    /// @dev Seconds the ledger has spent paused since the commitment's paused-time mark (see
    /// `StoredCommitment`): the periods still unreported get that much more grace, so a pause never
    /// runs against them (a pause that ended before a period did extends it too, in the company's favour).
    function _graceExtension(StoredCommitment storage stored) private view returns (uint256) {
        return ReturnsMath.graceExtension(shares.pausedSeconds(), stored.pausedSecondsAt);
    }

    function _existingCommitment(
        uint256 commitmentId
    ) private view returns (StoredCommitment storage stored) {
        stored = _commitments[commitmentId];
        // Every registered commitment has periodLength ≥ 1.
        if (stored.periodLength == 0) revert ReturnsRegistryUnknownCommitment(commitmentId);
    }
}
