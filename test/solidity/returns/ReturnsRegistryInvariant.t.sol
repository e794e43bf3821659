// SPDX-License-Identifier: MIT
// The handler lives beside its test: Hardhat's invariant runner found "no contracts to fuzz" when it was imported.
// solhint-disable-next-line one-contract-per-file
pragma solidity 0.8.28;

// Test names follow the runner's testFuzz_ / invariant_ convention; assertion messages are long on purpose.
// solhint-disable func-name-mixedcase, gas-small-strings

import {IReturnsRegistry} from "../../../contracts/interfaces/IReturnsRegistry.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {ReturnsRegistry} from "../../../contracts/returns/ReturnsRegistry.sol";
import {FundShares} from "../../../contracts/shares/FundShares.sol";
import {InvariantTest} from "../utils/InvariantTest.sol";
import {TestBase} from "../utils/Vm.sol";
import {ReturnsRegistrySetup} from "./ReturnsRegistrySetup.sol";

/// @notice Drives the registry at random for the invariant tests: it is an authorised company signer
/// that reports the next period of one of the commitments (in ETH or the token), donates, lets holders
/// claim and mints new shares. Ghost totals record what it paid in.
contract ReturnsRegistryHandler is TestBase {
    address private constant ETH = address(0);

    ReturnsRegistry private immutable _registry;
    FundShares private immutable _shares;
    TestToken private immutable _token;
    uint256[] private _commitmentIds;
    address[] private _holders;

    /// @notice Everything this handler paid into the registry, per asset.
    mapping(address asset => uint256) public ghostPaid;
    /// @notice Reports made (including zero-returns periods).
    uint256 public ghostReports;

    constructor(
        ReturnsRegistry registry,
        FundShares shares,
        TestToken token,
        uint256[] memory commitmentIds_,
        address[] memory holders
    ) {
        _registry = registry;
        _shares = shares;
        _token = token;
        _commitmentIds = commitmentIds_;
        _holders = holders;
    }

    /// @notice Reports the next period of a commitment, waiting for it to end if needed, and pays its share.
    function reportNextPeriod(uint256 commitmentSeed, uint256 grossSeed, bool inToken) external {
        uint256 commitmentId = _commitmentIds[commitmentSeed % _commitmentIds.length];
        ReturnsRegistry.Commitment memory terms = _registry.commitment(commitmentId);
        uint256 period = terms.reportedCount;
        if (period >= terms.periodCount) return;
        uint256 endsAt = uint256(terms.start) + (period + 1) * terms.periodLength;
        if (block.timestamp < endsAt) vm.warp(endsAt);

        // Up to 10^24 per call: large, yet a whole run stays far below the ledger's lifetime cap (~7.9e28).
        uint256 gross = bound(grossSeed, 0, 1e24);
        uint256 due = _registry.dueAmount(commitmentId, gross);
        address asset = inToken ? address(_token) : ETH;
        if (inToken) {
            _token.mint(address(this), due);
            _token.approve(address(_registry), due);
            _registry.reportReturns(commitmentId, period, asset, gross, keccak256(abi.encode(period)));
        } else {
            vm.deal(address(this), due);
            _registry.reportReturns{value: due}(
                commitmentId,
                period,
                asset,
                gross,
                keccak256(abi.encode(period))
            );
        }
        ghostPaid[asset] += due;
        ++ghostReports;
    }

    /// @notice Donates to the pool.
    function donate(uint256 amountSeed, bool inToken) external {
        uint256 amount = bound(amountSeed, 1, 1e24);
        address asset = inToken ? address(_token) : ETH;
        if (inToken) {
            _token.mint(address(this), amount);
            _token.approve(address(_registry), amount);
            _registry.donate(asset, amount, bytes32("fuzz"));
        } else {
            vm.deal(address(this), amount);
            _registry.donate{value: amount}(asset, amount, bytes32("fuzz"));
        }
        ghostPaid[asset] += amount;
    }

    /// @notice A holder claims what it has earned in one asset.
    function claim(uint256 holderSeed, bool inToken) external {
        address holder = _holders[holderSeed % _holders.length];
        address asset = inToken ? address(_token) : ETH;
        if (_shares.claimable(holder, asset) == 0) return;
        vm.prank(holder);
        _shares.claimReturns(asset);
    }

    /// @notice A new or existing holder receives more shares (a grant or subscription).
    function mintShares(uint256 holderSeed, uint256 amountSeed) external {
        address holder = _holders[holderSeed % _holders.length];
        _shares.mint(holder, bound(amountSeed, 1, 1_000e18));
    }

    /// @notice The commitments this handler reports for.
    function commitmentIds() external view returns (uint256[] memory) {
        return _commitmentIds;
    }
}

/// @notice Invariants of the registry under random reports, donations, claims and mints.
contract ReturnsRegistryInvariantTest is ReturnsRegistrySetup, InvariantTest {
    address private constant ETH = address(0);

    ReturnsRegistryHandler private _handler;

    function setUp() public {
        _deploySystem();
        uint256[] memory commitmentIds = new uint256[](3);
        commitmentIds[0] = _commit(500, 1 days, 1_000, 1);
        commitmentIds[1] = _commit(1, 7 days, 1_000, 2);
        commitmentIds[2] = _commit(10_000, 30 days, 1_000, 3);
        _handler = new ReturnsRegistryHandler(registry, shares, token, commitmentIds, holders);
        _targetHandler(address(_handler));
        vm.prank(admin);
        registry.setCompanySigner(COMPANY_ID, address(_handler), true);
        shares.grantRole(shares.MINTER_ROLE(), address(_handler));
    }

    /// @notice Σ payments recorded by the registry = Σ that flowed into the ledger, per asset.
    function invariant_totalPaidEqualsWhatTheLedgerReceived() public view {
        assertEq(registry.totalPaid(ETH), _received(ETH), "ETH");
        assertEq(registry.totalPaid(address(token)), _received(address(token)), "token");
    }

    /// @notice The registry records exactly what its payers sent, no more, no less.
    function invariant_totalPaidEqualsWhatWasPaidIn() public view {
        assertEq(registry.totalPaid(ETH), _handler.ghostPaid(ETH), "ETH");
        assertEq(registry.totalPaid(address(token)), _handler.ghostPaid(address(token)), "token");
    }

    /// @notice The registry never keeps money: every payment went on to the ledger in the same transaction.
    function invariant_registryHoldsNothing() public view {
        assertEq(address(registry).balance, 0, "ETH");
        assertEq(token.balanceOf(address(registry)), 0, "token");
    }

    /// @notice The ledger holds exactly what was paid in and not yet claimed.
    function invariant_ledgerHoldsEverythingUnclaimed() public view {
        (uint256 receivedEth, , uint256 claimedEth, ) = shares.assetTotals(ETH);
        (uint256 receivedToken, , uint256 claimedToken, ) = shares.assetTotals(address(token));
        assertEq(address(shares).balance, receivedEth - claimedEth, "ETH");
        assertEq(token.balanceOf(address(shares)), receivedToken - claimedToken, "token");
    }

    /// @notice Reports never run ahead of time, and the compliance counts always add up.
    function invariant_complianceIsConsistent() public view {
        uint256[] memory ids = _handler.commitmentIds();
        uint256 reports;
        for (uint256 i; i < ids.length; ++i) {
            IReturnsRegistry.Compliance memory status = registry.compliance(ids[i]);
            assertLe(status.periodsReported, status.periodsElapsed, "reported <= elapsed");
            assertEq(
                status.periodsReported + status.periodsDue + status.periodsOverdue,
                status.periodsElapsed,
                "counts add up"
            );
            reports += status.periodsReported;
        }
        assertEq(reports, _handler.ghostReports(), "every report counted once");
    }
}
