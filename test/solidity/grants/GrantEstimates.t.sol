// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGrantRounds} from "../../../contracts/interfaces/IGrantRounds.sol";
import {EstimateWord} from "../../../contracts/libraries/EstimateWord.sol";
import {GrantRoundsSetup} from "./GrantRoundsSetup.sol";

// Test names follow the runner's conventions (testFuzz_*).
// solhint-disable func-name-mixedcase

/// @notice The rules that keep a grant round from being gamed, under random values: declared effort
/// and stipend are only upper bounds on the trustees' medians; withholding a reveal never unfunds an
/// application that reached its quorum; a trustee never estimates their own application.
contract GrantEstimatesTest is GrantRoundsSetup {
    uint256 private constant TRUSTEES = 5;
    uint256 private constant M = 3;
    address private constant RESEARCHER = address(0xBEEF);

    function setUp() public {
        _deploy(TRUSTEES, M, 100 ether);
    }

    /// hardhat-config: fuzz.runs = 300
    /// @notice Whatever a researcher declares, effort and stipend count at the trustees' medians of
    /// their assessments (each capped by the declaration), and the stipend award never exceeds them.
    function testFuzz_inflatedDeclarationsAreCappedByTheTrusteesMedians(
        uint32 declaredEffort,
        uint128 requested,
        uint16[5] memory probabilities,
        uint32[5] memory efforts,
        uint128[5] memory stipends
    ) public {
        declaredEffort = uint32(bound(declaredEffort, 1, 1200));
        requested = uint128(bound(requested, 1, 10 ether));
        uint256 roundId = _openRound(1_000_000e18, 10 ether, 0);
        uint256 id = _apply(RESEARCHER, roundId, declaredEffort, requested, 0);
        uint256[] memory p = new uint256[](TRUSTEES);
        uint256[] memory e = new uint256[](TRUSTEES);
        uint256[] memory s = new uint256[](TRUSTEES);
        vm.warp(block.timestamp + DAY + 1);
        for (uint256 i; i < TRUSTEES; ++i) {
            probabilities[i] = uint16(bound(probabilities[i], 1, 10_000));
            efforts[i] = uint32(bound(efforts[i], 1, 5000));
            stipends[i] = uint128(bound(stipends[i], 0, 20 ether));
            _commit(trusteeList[i], id, probabilities[i], efforts[i], stipends[i]);
            p[i] = probabilities[i];
            e[i] = efforts[i] < declaredEffort ? efforts[i] : declaredEffort;
            s[i] = stipends[i] < requested ? stipends[i] : requested;
        }
        vm.warp(block.timestamp + DAY);
        for (uint256 i; i < TRUSTEES; ++i)
            _reveal(trusteeList[i], id, probabilities[i], efforts[i], stipends[i]);
        vm.warp(block.timestamp + DAY);
        _finalize(id);
        grants.settleRound(roundId);

        IGrantRounds.Application memory app = grants.application(id);
        uint256 medianEffort = _median(e);
        assertEq(app.medianProbabilityBps, _median(p), "probability = median");
        assertEq(app.medianEffortMonths, medianEffort, "effort = capped median");
        assertLe(app.medianEffortMonths, declaredEffort, "effort <= declared");
        assertEq(app.weight, _median(p) * medianEffort, "weight = p x e");
        assertEq(app.medianStipend, _median(s), "stipend = capped median");
        assertLe(grants.stipendAward(id), _median(s), "stipend award <= median");
        assertLe(app.medianStipend, requested, "assessed <= requested");
    }

    /// hardhat-config: fuzz.runs = 300
    /// @notice With a quorum of commits, any non-empty subset of reveals of positive values funds the
    /// application: the trustees who withhold (after seeing the others) cannot unfund it.
    function testFuzz_withholdingNeverUnfundsAQuorumApplication(
        uint16[5] memory probabilities,
        uint32[5] memory efforts,
        uint8 committers,
        uint8 revealMask
    ) public {
        uint256 roundId = _openRound(1_000_000e18, 0, 0);
        uint256 id = _apply(RESEARCHER, roundId, 24, 0, 0);
        uint256 committed = bound(committers, M, TRUSTEES);
        // At least one of the committers reveals; the others withhold.
        uint256 mask = bound(revealMask, 1, (1 << committed) - 1);
        vm.warp(block.timestamp + DAY + 1);
        for (uint256 i; i < committed; ++i) {
            probabilities[i] = uint16(bound(probabilities[i], 1, 10_000));
            efforts[i] = uint32(bound(efforts[i], 1, 24));
            _commit(trusteeList[i], id, probabilities[i], efforts[i], 0);
        }
        vm.warp(block.timestamp + DAY);
        uint256 reveals;
        for (uint256 i; i < committed; ++i) {
            if (mask & (1 << i) == 0) continue;
            _reveal(trusteeList[i], id, probabilities[i], efforts[i], 0);
            ++reveals;
        }
        IGrantRounds.Application memory app = _finalizeFunded(id, "funded");
        assertEq(app.committedCount, committed, "commits count for quorum");
        assertEq(app.revealedCount, reveals, "only reveals enter the medians");
        IGrantRounds.TrusteeRecord memory record = grants.trusteeRecord(roundId, trusteeList[0]);
        assertEq(record.missed, mask & 1 == 0 ? 1 : 0, "withheld = missed");
    }

    /// hardhat-config: fuzz.runs = 200
    /// @notice A trustee who applies is recused: they cannot commit to their application, and the
    /// quorum counts only the others (min(M, eligible)), so the application is fundable by them alone.
    function testFuzz_aTrusteeNeverEstimatesTheirOwnApplication(uint8 applicantSeed, uint16 p) public {
        address applicant = trusteeList[bound(applicantSeed, 0, TRUSTEES - 1)];
        p = uint16(bound(p, 1, 10_000));
        uint256 roundId = _openRound(1_000_000e18, 0, 0);
        uint256 id = _apply(applicant, roundId, 12, 0, 0);
        vm.warp(block.timestamp + DAY + 1);
        uint256[] memory ids = new uint256[](1);
        bytes32[] memory sealed_ = new bytes32[](1);
        ids[0] = id;
        sealed_[0] = keccak256("own");
        vm.prank(applicant);
        vm.expectRevert(abi.encodeWithSelector(IGrantRounds.GrantRoundsRecused.selector, id, applicant));
        grants.commitEstimates(ids, sealed_);
        assertEq(
            uint256(grants.estimateOf(id, applicant).status),
            uint256(IGrantRounds.EstimateStatus.Recused),
            "recused"
        );
        assertEq(grants.trusteeRecord(roundId, applicant).recused, 1, "recusal on record");
        // M of the other four commit and reveal.
        uint256 done;
        for (uint256 i; i < TRUSTEES && done < M; ++i) {
            if (trusteeList[i] == applicant) continue;
            _commit(trusteeList[i], id, p, 12, 0);
            ++done;
        }
        vm.warp(block.timestamp + DAY);
        done = 0;
        for (uint256 i; i < TRUSTEES && done < M; ++i) {
            if (trusteeList[i] == applicant) continue;
            _reveal(trusteeList[i], id, p, 12, 0);
            ++done;
        }
        IGrantRounds.Application memory app = _finalizeFunded(id, "funded by the others");
        assertEq(app.medianProbabilityBps, p, "their median");
    }

    /// @notice Revealed words give back exactly the packed values, always carry the tag, and a
    /// random hash practically never does.
    function testFuzz_estimateWordRoundTrips(uint16 p, uint32 e, uint128 s, bytes32 hash) public pure {
        bytes32 word = EstimateWord.pack(p, e, s);
        assertTrue(EstimateWord.isRevealed(word), "tagged");
        (uint16 p2, uint32 e2, uint128 s2) = EstimateWord.unpack(word);
        assertEq(p2, p, "probability");
        assertEq(e2, e, "effort");
        assertEq(s2, s, "stipend");
        if (uint256(hash) >> 192 != EstimateWord.TAG) assertTrue(!EstimateWord.isRevealed(hash), "untagged");
    }

    /// @dev Past the reveal deadline, finalizes `id`, asserts it is funded (`message` says by whom) and
    /// returns it.
    function _finalizeFunded(
        uint256 id,
        string memory message
    ) private returns (IGrantRounds.Application memory app) {
        vm.warp(block.timestamp + DAY);
        _finalize(id);
        app = grants.application(id);
        assertEq(uint256(app.status), uint256(IGrantRounds.ApplicationStatus.Funded), message);
    }
}
