// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {ReturnsRegistry} from "../../../contracts/returns/ReturnsRegistry.sol";
import {CapitalPool} from "../../../contracts/capital/CapitalPool.sol";
import {FundShares} from "../../../contracts/shares/FundShares.sol";
import {IReturnsRegistry} from "../../../contracts/interfaces/IReturnsRegistry.sol";
import {ITrusteeCouncil} from "../../../contracts/interfaces/ITrusteeCouncil.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice The ledger (ETH and a 6-decimal token), a registry whose council is the test contract, one
/// technique, one company whose admin is an EOA key, and three holders of 50 / 30 / 20 shares.
abstract contract ReturnsRegistrySetup is TestBase {
    uint256 internal constant ADMIN_KEY = 0xA11CE;
    uint256 internal constant WHOLE_SHARE = 1e18;
    uint256 internal constant COMPANY_ID = 1;
    uint64 internal constant START = 1_000_000;

    address internal admin;
    FundShares internal shares;
    TestToken internal token;
    ReturnsRegistry internal registry;
    address[] internal holders;

    function _deploySystem() internal {
        vm.warp(START);
        admin = vm.addr(ADMIN_KEY);
        shares = new FundShares(
            "Future Endowment Fund Shares",
            "FEF",
            address(this),
            new CapitalPool(address(this)),
            30 days
        );
        token = new TestToken("Test USD", "TUSD", 6);
        shares.addReturnsAsset(address(token));
        shares.grantRole(shares.MINTER_ROLE(), address(this));
        registry = new ReturnsRegistry(ITrusteeCouncil(address(this)), shares);
        registry.registerTechnique("Debate", "ipfs://debate", keccak256("debate"), new uint256[](0));
        vm.prank(admin);
        registry.registerCompany("Acme AI", "https://acme.example", admin);

        uint256[3] memory stakes = [uint256(50), 30, 20];
        for (uint256 i; i < stakes.length; ++i) {
            address holder = address(uint160(uint256(keccak256(abi.encode("holder", i)))));
            holders.push(holder);
            shares.mint(holder, stakes[i] * WHOLE_SHARE);
        }
    }

    /// @dev Signs terms with the admin key and submits them; periods start at START.
    function _commit(
        uint16 bps,
        uint64 periodLength,
        uint64 periods,
        uint256 nonce
    ) internal returns (uint256) {
        uint256[] memory techniqueIds = new uint256[](1);
        techniqueIds[0] = 1;
        IReturnsRegistry.PromiseOfFutureReturns memory terms = IReturnsRegistry.PromiseOfFutureReturns({
            companyId: COMPANY_ID,
            techniqueIds: techniqueIds,
            modelName: "Aligned-7B",
            modelHash: keccak256("weights"),
            returnsShareBps: bps,
            start: START,
            end: START + periods * periodLength,
            periodLength: periodLength,
            gracePeriod: 7 days,
            nonce: nonce,
            deadline: type(uint256).max
        });
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ADMIN_KEY, registry.commitmentDigest(terms));
        return registry.submitCommitment(terms, admin, abi.encodePacked(r, s, v));
    }

    function _received(address asset) internal view returns (uint256 received) {
        (received, , , ) = shares.assetTotals(asset);
    }
}
