// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Test names follow the runner's testFuzz_ / invariant_ convention; assertion messages are long on purpose.
// solhint-disable func-name-mixedcase, gas-small-strings

import {IReturnsRegistry} from "../../../contracts/interfaces/IReturnsRegistry.sol";
import {ReturnsRegistrySetup} from "./ReturnsRegistrySetup.sol";

/// @notice Fuzz tests of reporting and paying returns through the registry into the ledger.
contract ReturnsRegistryFuzzTest is ReturnsRegistrySetup {
    address private constant ETH = address(0);

    function setUp() public {
        _deploySystem();
    }

    /// @notice Whatever the gross amount and share, the registry charges ceil(gross × bps / 10,000)
    /// and exactly that reaches the ledger.
    function testFuzz_reportPaysExactlyTheRoundedUpShare(
        uint256 grossSeed,
        uint256 bpsSeed,
        bool inToken
    ) public {
        uint256 bps = bound(bpsSeed, 1, 10_000);
        // Up to the ledger's lifetime cap per asset (2^96 − 1), which a single payment may reach.
        uint256 gross = bound(grossSeed, 0, type(uint96).max);
        uint256 commitmentId = _commit(uint16(bps), 30 days, 12, 1);
        // gross < 2^96, so the product fits easily; this is the independent reference.
        uint256 expected = (gross * bps + 9_999) / 10_000;
        assertEq(registry.dueAmount(commitmentId, gross), expected, "quoted due");
        vm.warp(START + 30 days);

        address asset = inToken ? address(token) : ETH;
        uint256 paid;
        if (inToken) {
            token.mint(admin, expected);
            vm.prank(admin);
            token.approve(address(registry), expected);
            vm.prank(admin);
            paid = registry.reportReturns(commitmentId, 0, asset, gross, keccak256("evidence"));
            assertEq(token.balanceOf(admin), 0, "the reporter paid exactly the due amount");
            assertEq(token.balanceOf(address(shares)), expected, "the ledger holds the payment");
        } else {
            vm.deal(admin, expected);
            vm.prank(admin);
            paid = registry.reportReturns{value: expected}(
                commitmentId,
                0,
                asset,
                gross,
                keccak256("evidence")
            );
            assertEq(address(shares).balance, expected, "the ledger holds the payment");
        }
        assertEq(paid, expected, "paid");
        assertEq(registry.totalPaid(asset), expected, "recorded");
        assertEq(_received(asset), expected, "ledger received");
        assertEq(registry.commitment(commitmentId).reportedCount, 1, "period recorded");
    }

    /// @notice Any ETH amount but the exact share is refused and changes nothing.
    function testFuzz_wrongEthAmountIsRefused(uint256 grossSeed, uint256 sentSeed) public {
        uint256 gross = bound(grossSeed, 0, 2 ** 100);
        uint256 commitmentId = _commit(500, 30 days, 12, 1);
        uint256 due = registry.dueAmount(commitmentId, gross);
        uint256 sent = bound(sentSeed, 0, 2 ** 100);
        if (sent == due) sent = due + 1;
        vm.warp(START + 30 days);
        vm.deal(admin, sent);
        vm.expectRevert(
            abi.encodeWithSelector(IReturnsRegistry.ReturnsRegistryWrongPayment.selector, due, sent)
        );
        vm.prank(admin);
        registry.reportReturns{value: sent}(commitmentId, 0, ETH, gross, bytes32(0));
        assertEq(registry.totalPaid(ETH), 0, "nothing recorded");
        assertEq(registry.commitment(commitmentId).reportedCount, 0, "nothing reported");
    }

    /// @notice A period can be reported from the second it ends, never before.
    function testFuzz_periodIsReportableOnlyOnceEnded(uint256 timeSeed, uint256 periodLengthSeed) public {
        uint64 periodLength = uint64(bound(periodLengthSeed, 1, 365 days));
        uint256 commitmentId = _commit(500, periodLength, 4, 1);
        uint256 endsAt = uint256(START) + periodLength;
        uint256 time = bound(timeSeed, START, endsAt + 10 days);
        vm.warp(time);
        if (time < endsAt) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IReturnsRegistry.ReturnsRegistryPeriodNotEnded.selector,
                    commitmentId,
                    0,
                    uint64(endsAt)
                )
            );
        }
        vm.prank(admin);
        registry.reportReturns(commitmentId, 0, ETH, 0, bytes32(0));
        assertEq(
            registry.commitment(commitmentId).reportedCount,
            time < endsAt ? 0 : 1,
            "reported iff ended"
        );
    }

    /// @notice At any time, reported + due + overdue periods = elapsed periods, and delinquency = overdue > 0.
    function testFuzz_complianceCountsAddUp(uint256 timeSeed, uint256 reportsSeed) public {
        uint256 commitmentId = _commit(500, 7 days, 20, 1);
        uint256 time = bound(timeSeed, START, uint256(START) + 200 days);
        vm.warp(time);
        uint256 elapsed = (time - START) / 7 days;
        if (elapsed > 20) elapsed = 20;
        uint256 reports = bound(reportsSeed, 0, elapsed);
        for (uint256 period; period < reports; ++period) {
            vm.prank(admin);
            registry.reportReturns(commitmentId, period, ETH, 0, bytes32(0));
        }
        IReturnsRegistry.Compliance memory status = registry.compliance(commitmentId);
        assertEq(status.periodsElapsed, elapsed, "elapsed");
        assertEq(status.periodsReported, reports, "reported");
        assertEq(
            status.periodsReported + status.periodsDue + status.periodsOverdue,
            elapsed,
            "counts add up"
        );
        assertTrue(status.delinquent == (status.periodsOverdue > 0), "delinquent iff overdue");
        uint256 pastGrace = time > uint256(START) + 7 days ? (time - START - 7 days - 1) / 7 days : 0;
        if (pastGrace > 20) pastGrace = 20;
        assertEq(status.periodsOverdue, pastGrace > reports ? pastGrace - reports : 0, "overdue");
    }
}
