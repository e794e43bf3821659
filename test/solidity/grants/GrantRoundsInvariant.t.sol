// SPDX-License-Identifier: MIT
// The runner requires the `invariant_` prefix, and the handler must share this file (see its NatSpec).
// solhint-disable func-name-mixedcase, one-contract-per-file
pragma solidity 0.8.28;

import {IGrantRounds} from "../../../contracts/interfaces/IGrantRounds.sol";
import {GrantRoundsSetup} from "./GrantRoundsSetup.sol";
import {InvariantTest} from "../utils/InvariantTest.sol";

/// @notice Drives real grant rounds at random: researchers (one of them a trustee) apply with any
/// declared effort and stipend, trustees commit any values, reveal or withhold, the threshold moves,
/// anyone finalizes and settles, researchers claim, the council cancels grants, the clock moves and
/// new rounds open. It is the council (see `GrantRoundsSetup`) and keeps ghost totals of deposits.
/// @dev Kept in the test's file: EDR's invariant runner identifies targets by bytecode.
contract GrantRoundsHandler is GrantRoundsSetup {
    uint256 private constant MAX_ROUNDS = 4;
    uint256 private constant MAX_APPLICATIONS = 10;
    uint128 public constant SHARE_POOL = 1_000_000e18;
    uint128 public constant BUDGET = 5 ether;
    uint128 public constant DEPOSIT = 0.01 ether;

    struct Sealed {
        uint16 p;
        uint32 e;
        uint128 s;
        bool committed;
        bool revealed;
    }

    mapping(uint256 roundId => uint256[]) private _roundApplications;
    mapping(uint256 applicationId => mapping(address trustee => Sealed)) private _sealed;
    uint256 public ghostDepositsHeld;
    /// @notice Successful claims so far: the runs reach the claim paths (see the reach test below).
    uint256 public ghostShareClaims;
    uint256 public ghostStipendClaims;

    constructor() {
        // Capital below the budget sometimes, so pro-rating by the pool is exercised too.
        _deploy(5, 3, 3 ether);
        _openRound(SHARE_POOL, BUDGET, DEPOSIT);
    }

    // ---------------------------------------------------------------- actions

    function applyTo(uint256 actorSeed, uint32 effort, uint128 stipend) external {
        uint256 roundId = grants.roundCount();
        IGrantRounds.Round memory r = grants.round(roundId);
        if (r.status != IGrantRounds.RoundStatus.Open || block.timestamp > r.params.applicationDeadline)
            return;
        if (_roundApplications[roundId].length >= MAX_APPLICATIONS) return;
        // Actor 0 is a trustee applying (recused); the others are outside researchers.
        address researcher = actorSeed % 4 == 0 ? trusteeList[0] : address(uint160(0x1000 + (actorSeed % 4)));
        uint256 id = _apply(
            researcher,
            roundId,
            uint32(bound(effort, 1, 1200)),
            uint128(bound(stipend, 0, BUDGET)),
            DEPOSIT
        );
        _roundApplications[roundId].push(id);
        ghostDepositsHeld += DEPOSIT;
    }

    /// @dev One trustee commits, in one batch, to the round's applications picked by `mask`, with
    /// values derived from `seed` (any values: above-bound ones are capped at the reveal).
    function commit(uint256 trusteeSeed, uint256 mask, uint256 seed) external {
        (address trustee, , IGrantRounds.Round memory r) = _pick(trusteeSeed, 0);
        uint256 roundId = grants.roundCount();
        if (r.status != IGrantRounds.RoundStatus.Open) return;
        if (block.timestamp <= r.params.applicationDeadline || block.timestamp > r.params.commitDeadline)
            return;
        uint256[] storage all = _roundApplications[roundId];
        uint256[] memory ids = new uint256[](all.length);
        bytes32[] memory sealed_ = new bytes32[](all.length);
        uint256 n;
        for (uint256 i; i < all.length; ++i) {
            uint256 id = all[i];
            if ((mask >> i) & 1 == 0 || _sealed[id][trustee].committed) continue;
            if (grants.application(id).researcher == trustee) continue;
            ids[n] = id;
            sealed_[n] = _sealFor(trustee, id, uint256(keccak256(abi.encode(seed, i))));
            ++n;
        }
        if (n == 0) return;
        vm.prank(trustee);
        grants.commitEstimates(_first(ids, n), _firstWords(sealed_, n));
    }

    /// @dev One trustee reveals, in one batch, the committed estimates picked by `mask`; the others
    /// are withheld (for now, or for good).
    function reveal(uint256 trusteeSeed, uint256 mask) external {
        (address trustee, , IGrantRounds.Round memory r) = _pick(trusteeSeed, 0);
        uint256 roundId = grants.roundCount();
        if (r.status != IGrantRounds.RoundStatus.Open) return;
        if (block.timestamp <= r.params.commitDeadline || block.timestamp > r.params.revealDeadline) return;
        uint256[] storage all = _roundApplications[roundId];
        IGrantRounds.Reveal[] memory reveals = new IGrantRounds.Reveal[](all.length);
        uint256 n;
        for (uint256 i; i < all.length; ++i) {
            Sealed storage entry = _sealed[all[i]][trustee];
            if ((mask >> i) & 1 == 0 || !entry.committed || entry.revealed) continue;
            entry.revealed = true;
            reveals[n] = IGrantRounds.Reveal(all[i], entry.p, entry.e, entry.s, _salt(trustee, all[i]));
            ++n;
        }
        if (n == 0) return;
        IGrantRounds.Reveal[] memory batch = new IGrantRounds.Reveal[](n);
        for (uint256 i; i < n; ++i) batch[i] = reveals[i];
        vm.prank(trustee);
        grants.revealEstimates(batch);
    }

    function setThreshold(uint256 seed) external {
        threshold = bound(seed, 1, trusteeList.length);
    }

    function finalize(uint256 appSeed) external {
        (, uint256 id, IGrantRounds.Round memory r) = _pick(0, appSeed);
        if (
            id == 0 || r.status != IGrantRounds.RoundStatus.Open || block.timestamp <= r.params.revealDeadline
        ) return;
        IGrantRounds.Application memory app = grants.application(id);
        if (!app.estimated || app.status != IGrantRounds.ApplicationStatus.Pending) return;
        _finalize(id);
    }

    function settle() external {
        uint256 roundId = grants.roundCount();
        IGrantRounds.Round memory r = grants.round(roundId);
        if (r.status != IGrantRounds.RoundStatus.Open || block.timestamp <= r.params.revealDeadline) return;
        _finalizeRemaining(roundId);
        grants.settleRound(roundId);
        ghostDepositsHeld -= (r.applicationCount - r.estimatedCount) * DEPOSIT;
    }

    function refund(uint256 appSeed) external {
        (, uint256 id, IGrantRounds.Round memory r) = _pick(0, appSeed);
        if (id == 0) return;
        IGrantRounds.Application memory app = grants.application(id);
        if (app.depositRefunded || !(app.estimated || r.status == IGrantRounds.RoundStatus.Closed)) return;
        vm.prank(app.researcher);
        grants.refundDeposit(id);
        ghostDepositsHeld -= DEPOSIT;
    }

    function claim(uint256 roundSeed, uint256 appSeed) external {
        uint256[] storage ids = _roundApplications[1 + (roundSeed % grants.roundCount())];
        if (ids.length == 0) return;
        uint256 id = ids[appSeed % ids.length];
        address researcher = grants.application(id).researcher;
        vm.startPrank(researcher);
        if (grants.claimableShares(id) != 0) {
            grants.claimShares(id);
            ++ghostShareClaims;
        }
        if (grants.claimableStipend(id) != 0) {
            grants.claimStipend(id);
            ++ghostStipendClaims;
        }
        vm.stopPrank();
    }

    function cancel(uint256 appSeed) external {
        (, uint256 id, IGrantRounds.Round memory r) = _pick(0, appSeed);
        if (id == 0 || r.settledAt == 0) return;
        if (grants.application(id).status != IGrantRounds.ApplicationStatus.Funded) return;
        grants.cancelGrant(id);
    }

    function closeOrOpen(uint256 seed) external {
        uint256 roundId = grants.roundCount();
        IGrantRounds.RoundStatus status = grants.round(roundId).status;
        if (status == IGrantRounds.RoundStatus.Open) {
            if (seed % 16 == 0) grants.closeRound(roundId);
        } else if (roundId < MAX_ROUNDS) {
            _openRound(SHARE_POOL, BUDGET, DEPOSIT);
        }
    }

    /// @dev Mostly within a phase (a day each), sometimes far enough for vesting to pass its cliff.
    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, secondsAhead % 8 == 0 ? 120 days : 1 days));
    }

    // ---------------------------------------------------------------- views for the invariants

    function applicationsOf(uint256 roundId) external view returns (uint256[] memory) {
        return _roundApplications[roundId];
    }

    function grantRounds() external view returns (address) {
        return address(grants);
    }

    function ledgerSupply() external view returns (uint256) {
        return shares.totalSupply();
    }

    // ---------------------------------------------------------------- internals

    /// @dev Finalizes, in one batch, the round's estimated applications still pending.
    function _finalizeRemaining(uint256 roundId) private {
        uint256[] storage all = _roundApplications[roundId];
        uint256[] memory batch = new uint256[](all.length);
        uint256 n;
        for (uint256 i; i < all.length; ++i) {
            IGrantRounds.Application memory app = grants.application(all[i]);
            if (!app.estimated || app.status != IGrantRounds.ApplicationStatus.Pending) continue;
            batch[n] = all[i];
            ++n;
        }
        if (n == 0) return;
        grants.finalizeApplications(_first(batch, n));
    }

    /// @dev Records and seals values derived from `v` for `trustee` and application `id`.
    function _sealFor(address trustee, uint256 id, uint256 v) private returns (bytes32) {
        Sealed memory entry = Sealed(
            uint16(v % 12_000),
            uint32((v >> 16) % 1500),
            uint128((v >> 48) % 7 ether),
            true,
            false
        );
        _sealed[id][trustee] = entry;
        return grants.sealEstimate(trustee, id, entry.p, entry.e, entry.s, _salt(trustee, id));
    }

    function _first(uint256[] memory values, uint256 n) private pure returns (uint256[] memory out) {
        out = new uint256[](n);
        for (uint256 i; i < n; ++i) out[i] = values[i];
    }

    function _firstWords(bytes32[] memory values, uint256 n) private pure returns (bytes32[] memory out) {
        out = new bytes32[](n);
        for (uint256 i; i < n; ++i) out[i] = values[i];
    }

    /// @dev A trustee, and an application of the current round (0 if it has none).
    function _pick(
        uint256 trusteeSeed,
        uint256 appSeed
    ) private view returns (address trustee, uint256 id, IGrantRounds.Round memory r) {
        trustee = trusteeList[trusteeSeed % trusteeList.length];
        uint256 roundId = grants.roundCount();
        r = grants.round(roundId);
        uint256[] storage ids = _roundApplications[roundId];
        if (ids.length != 0) id = ids[appSeed % ids.length];
    }
}

/// @notice Whatever researchers and trustees do, a round awards at most its share pool and its
/// stipend budget, no applicant gains beyond the trustees' medians, and deposits are accounted exactly.
contract GrantRoundsInvariantTest is GrantRoundsSetup, InvariantTest {
    GrantRoundsHandler private handler;

    function setUp() public {
        handler = new GrantRoundsHandler();
        _targetHandler(address(handler));
    }

    /// @notice Σ awards ≤ the share pool and Σ stipend awards ≤ min(budget, reserve), per round;
    /// minted shares never exceed the pools of settled rounds.
    function invariant_awardsNeverExceedThePoolOrTheBudget() public view {
        IGrantRounds rounds = IGrantRounds(handler.grantRounds());
        uint256 count = rounds.roundCount();
        uint256 pools;
        for (uint256 roundId = 1; roundId <= count; ++roundId) {
            IGrantRounds.Round memory r = rounds.round(roundId);
            uint256[] memory ids = handler.applicationsOf(roundId);
            uint256 awards;
            uint256 stipends;
            for (uint256 i; i < ids.length; ++i) {
                awards += rounds.award(ids[i]);
                stipends += rounds.stipendAward(ids[i]);
            }
            assertLe(awards, r.params.sharePool, "awards <= pool");
            assertLe(stipends, r.params.stipendBudget, "stipends <= budget");
            assertLe(stipends, r.stipendReserved, "stipends <= reserve");
            if (r.settledAt != 0) pools += r.params.sharePool;
        }
        assertLe(handler.ledgerSupply(), pools, "minted <= settled pools");
    }

    /// @notice No applicant gains weight or stipend beyond the trustees' medians, which never exceed
    /// the declarations.
    function invariant_noApplicantGainsBeyondTheMedians() public view {
        IGrantRounds rounds = IGrantRounds(handler.grantRounds());
        uint256 count = rounds.roundCount();
        for (uint256 roundId = 1; roundId <= count; ++roundId) {
            uint256[] memory ids = handler.applicationsOf(roundId);
            for (uint256 i; i < ids.length; ++i) {
                IGrantRounds.Application memory app = rounds.application(ids[i]);
                assertLe(app.medianEffortMonths, app.effortMonths, "effort <= declared");
                assertLe(app.medianStipend, app.stipendRequested, "stipend <= requested");
                assertLe(rounds.stipendAward(ids[i]), app.medianStipend, "stipend award <= median");
                assertEq(
                    app.weight,
                    uint256(app.medianProbabilityBps) * app.medianEffortMonths * (app.weight == 0 ? 0 : 1),
                    "weight = p x e"
                );
                if (app.status == IGrantRounds.ApplicationStatus.Funded) {
                    assertGe(app.revealedCount, 1, "funded needs a reveal");
                }
            }
        }
    }

    /// @notice The handler's own actions reach share and stipend claims (so the invariants above are
    /// checked after claims too): two applications, three trustees commit and reveal, settle, vest.
    function test_handlerReachesClaims() public {
        handler.applyTo(1, 24, 1 ether);
        handler.applyTo(2, 12, 0.5 ether);
        // The handler bounds each move to 1 + seed mod its range: 1 day + 1 second here.
        handler.warp(1 days); // into the commit phase
        for (uint256 t = 1; t <= 3; ++t) handler.commit(t, 3, 7 * t);
        handler.warp(1 days); // into the reveal phase
        for (uint256 t = 1; t <= 3; ++t) handler.reveal(t, 3);
        handler.warp(1 days); // past the reveal deadline
        handler.settle();
        handler.warp(120 days - 8); // ≈ 120 days: past the 30-day cliff
        handler.claim(0, 0);
        handler.claim(0, 1);
        assertGe(handler.ghostShareClaims(), 1, "a share claim");
        assertGe(handler.ghostStipendClaims(), 1, "a stipend claim");
        assertGe(handler.ledgerSupply(), 1, "shares minted");
        invariant_awardsNeverExceedThePoolOrTheBudget();
        invariant_depositsAreAccountedExactly();
    }

    /// @notice The contract holds exactly the deposits neither refunded nor forfeited.
    function invariant_depositsAreAccountedExactly() public view {
        assertEq(handler.grantRounds().balance, handler.ghostDepositsHeld(), "held deposits");
    }
}
