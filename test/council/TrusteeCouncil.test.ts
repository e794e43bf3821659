import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";

import type { Interface } from "ethers";

import type { SystemCallRecorderMock } from "../../types/ethers-contracts/index.js";
import {
  ActionKind,
  ETH,
  MAX_PAUSE,
  MIGRATION_DELAY,
  PROPOSAL_LIFETIME,
  argsFor,
  at,
  deploySystem,
  failure,
  pass,
  propose,
  proposeAndApprove,
} from "../helpers/council.js";
import type { ActionKindValue, FundSystem } from "../helpers/council.js";
import { openRoundArgs, roundParams } from "../helpers/grants.js";
import { connect } from "../helpers/network.js";

const { ethers, loadFixture, time, coder } = await connect();

function addressArgs(account: string): string {
  return coder.encode(["address"], [account]);
}
function uintArgs(value: bigint | number): string {
  return coder.encode(["uint256"], [value]);
}
/** A proposal to set the threshold to `threshold`, proposed by the first of `approvers` and approved by all. */
function changeThreshold(
  council: FundSystem["council"],
  approvers: FundSystem["trustees"],
  threshold: number,
): Promise<bigint> {
  return proposeAndApprove(council, approvers, ActionKind.ChangeThreshold, uintArgs(threshold));
}

function selectorOf(iface: Interface, fn: string): string {
  const fragment = iface.getFunction(fn);
  if (fragment === null) throw new Error(`no function ${fn}`);
  return fragment.selector;
}

async function threeOfTwo(): Promise<FundSystem> {
  return deploySystem(ethers, { trustees: 3, threshold: 2 });
}
async function fiveOfThree(): Promise<FundSystem> {
  return deploySystem(ethers, { trustees: 5, threshold: 3 });
}
async function unbound(): Promise<FundSystem> {
  return deploySystem(ethers, { trustees: 3, threshold: 2, bind: false });
}

describe("TrusteeCouncil", function () {
  describe("deployment", function () {
    it("records the trustees, the threshold and the proposal lifetime", async function () {
      const { council, trustees } = await loadFixture(threeOfTwo);
      expect(await council.trustees()).to.deep.equal(trustees.map((t) => t.address));
      expect(await council.threshold()).to.equal(2n);
      expect(await council.trusteesAndThreshold()).to.deep.equal([trustees.map((t) => t.address), 2n]);
      expect(await council.thresholdAndRemovals()).to.deep.equal([2n, 0n]);
      expect(await council.proposalLifetime()).to.equal(PROPOSAL_LIFETIME);
      expect(await council.migrationDelay()).to.equal(MIGRATION_DELAY);
      for (const t of trustees) expect(await council.isTrustee(t.address)).to.equal(true);
      expect(await council.proposalCount()).to.equal(0n);
    });

    it("announces every first trustee and the threshold", async function () {
      const signers = await ethers.getSigners();
      const [a, b] = [at(signers, 1).address, at(signers, 2).address];
      const factory = await ethers.getContractFactory("TrusteeCouncil", at(signers, 0));
      const council = await factory.deploy([a, b], 2, PROPOSAL_LIFETIME, MIGRATION_DELAY);
      const tx = council.deploymentTransaction();
      await expect(tx).to.emit(council, "TrusteeAdded").withArgs(a);
      await expect(tx).to.emit(council, "TrusteeAdded").withArgs(b);
      await expect(tx).to.emit(council, "ThresholdChanged").withArgs(2n);
    });

    it("refuses a zero, duplicate, self or too many trustees, a bad threshold and a bad lifetime", async function () {
      const { council, trustees } = await loadFixture(threeOfTwo);
      const factory = await ethers.getContractFactory("TrusteeCouncil");
      const [a, b] = [at(trustees, 0).address, at(trustees, 1).address];
      await expect(factory.deploy([a, ETH], 1, PROPOSAL_LIFETIME, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilInvalidTrustee")
        .withArgs(ETH);
      await expect(factory.deploy([a, b, a], 1, PROPOSAL_LIFETIME, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilDuplicateTrustee")
        .withArgs(a);
      const many = Array.from({ length: 21 }, (_, i) =>
        ethers.getAddress("0x" + (i + 1).toString(16).padStart(40, "0")),
      );
      await expect(factory.deploy(many, 1, PROPOSAL_LIFETIME, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilTooManyTrustees")
        .withArgs(21n, 20n);
      await expect(factory.deploy(many.slice(0, 20), 20, PROPOSAL_LIFETIME, MIGRATION_DELAY)).not.to.revert(
        ethers,
      );
      await expect(factory.deploy([], 1, PROPOSAL_LIFETIME, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
        .withArgs(1n, 0n);
      await expect(factory.deploy([a, b], 0, PROPOSAL_LIFETIME, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
        .withArgs(0n, 2n);
      await expect(factory.deploy([a, b], 3, PROPOSAL_LIFETIME, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
        .withArgs(3n, 2n);
      await expect(factory.deploy([a], 1, 3599, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilInvalidLifetime")
        .withArgs(3599n);
      await expect(factory.deploy([a], 1, 90 * 86400 + 1, MIGRATION_DELAY))
        .to.be.revertedWithCustomError(council, "CouncilInvalidLifetime")
        .withArgs(BigInt(90 * 86400 + 1));
      await expect(factory.deploy([a], 1, 3600, MIGRATION_DELAY)).not.to.revert(ethers);
      for (const delay of [86399n, 180n * 86400n + 1n]) {
        await expect(factory.deploy([a], 1, 3600, delay))
          .to.be.revertedWithCustomError(council, "CouncilInvalidMigrationDelay")
          .withArgs(delay);
      }
    });
  });

  describe("bindSystem", function () {
    it("binds the five Fund contracts once, by the deployer, and then the deployer has no power left", async function () {
      const { council, deployer, shares, grants, offerings, pool, registry, trustees } =
        await loadFixture(unbound);
      const system = {
        shares: await shares.getAddress(),
        grantRounds: await grants.getAddress(),
        offerings: await offerings.getAddress(),
        capitalPool: await pool.getAddress(),
        returnsRegistry: await registry.getAddress(),
      };
      await expect(council.connect(at(trustees, 0)).bindSystem(system))
        .to.be.revertedWithCustomError(council, "CouncilNotDeployer")
        .withArgs(at(trustees, 0).address);
      for (const field of Object.keys(system) as (keyof typeof system)[]) {
        await expect(council.connect(deployer).bindSystem({ ...system, [field]: ETH }))
          .to.be.revertedWithCustomError(council, "CouncilNotSystemContract")
          .withArgs(ETH);
      }
      expect((await council.systemContracts()).shares).to.equal(ETH);

      await expect(council.connect(deployer).bindSystem(system))
        .to.emit(council, "SystemBound")
        .withArgs(Object.values(system));
      expect(await council.systemContracts()).to.deep.equal(Object.values(system));
      await expect(council.connect(deployer).bindSystem(system)).to.be.revertedWithCustomError(
        council,
        "CouncilAlreadyBound",
      );
      await expect(council.connect(deployer).propose(ActionKind.Pause, "0x"))
        .to.be.revertedWithCustomError(council, "CouncilNotTrustee")
        .withArgs(deployer.address);
      const adminRole = await shares.DEFAULT_ADMIN_ROLE();
      expect(await shares.hasRole(adminRole, deployer.address)).to.equal(false);
      expect(await pool.hasRole(adminRole, deployer.address)).to.equal(false);
      expect(await shares.hasRole(adminRole, await council.getAddress())).to.equal(true);
      expect(await pool.hasRole(adminRole, await council.getAddress())).to.equal(true);
    });

    it("refuses system actions before binding but runs council-internal ones", async function () {
      const system = await loadFixture(unbound);
      const { council, trustees, outsider } = system;
      await expect(
        council.connect(at(trustees, 0)).propose(ActionKind.Pause, "0x"),
      ).to.be.revertedWithCustomError(council, "CouncilNotBound");
      await expect(
        council.connect(at(trustees, 0)).propose(ActionKind.CancelMigration, uintArgs(0)),
      ).to.be.revertedWithCustomError(council, "CouncilNotBound");
      await expect(pass(system, ActionKind.AddTrustee, addressArgs(outsider.address)))
        .to.emit(council, "TrusteeAdded")
        .withArgs(outsider.address);
    });
  });

  describe("proposals and approvals", function () {
    it("stores a proposal with the proposer's approval and announces both", async function () {
      const { council, trustees, outsider } = await loadFixture(threeOfTwo);
      const args = addressArgs(outsider.address);
      const createdAt = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(createdAt);
      const tx = council.connect(at(trustees, 1)).propose(ActionKind.AddTrustee, args);
      await expect(tx)
        .to.emit(council, "ProposalCreated")
        .withArgs(1n, ActionKind.AddTrustee, at(trustees, 1).address, args, createdAt + PROPOSAL_LIFETIME);
      await expect(tx).to.emit(council, "ProposalApproved").withArgs(1n, at(trustees, 1).address);
      expect(await council.proposal(1n)).to.deep.equal([
        BigInt(ActionKind.AddTrustee),
        at(trustees, 1).address,
        createdAt,
        createdAt + PROPOSAL_LIFETIME,
        false,
        0n,
        args,
      ]);
      expect(await council.proposalCount()).to.equal(1n);
      expect(await council.approvalCount(1n)).to.equal(1n);
      expect(await council.hasApproved(1n, at(trustees, 1).address)).to.equal(true);
      expect(await council.hasApproved(1n, at(trustees, 0).address)).to.equal(false);
    });

    it("lets only trustees propose and approve, once each", async function () {
      const { council, trustees, outsider } = await loadFixture(threeOfTwo);
      await expect(council.connect(outsider).propose(ActionKind.ChangeThreshold, uintArgs(1)))
        .to.be.revertedWithCustomError(council, "CouncilNotTrustee")
        .withArgs(outsider.address);
      const id = await propose(council, at(trustees, 0), ActionKind.ChangeThreshold, uintArgs(1));
      await expect(council.connect(outsider).approve(id))
        .to.be.revertedWithCustomError(council, "CouncilNotTrustee")
        .withArgs(outsider.address);
      await expect(council.connect(at(trustees, 0)).approve(id))
        .to.be.revertedWithCustomError(council, "CouncilAlreadyApproved")
        .withArgs(id, at(trustees, 0).address);
      await expect(council.connect(at(trustees, 2)).approve(id))
        .to.emit(council, "ProposalApproved")
        .withArgs(id, at(trustees, 2).address);
      expect(await council.approvalCount(id)).to.equal(2n);
    });

    it("withdraws an approval on revocation, and only an existing one", async function () {
      const { council, trustees, outsider } = await loadFixture(threeOfTwo);
      const id = await changeThreshold(council, trustees.slice(0, 2), 1);
      await expect(council.connect(at(trustees, 2)).revokeApproval(id))
        .to.be.revertedWithCustomError(council, "CouncilNotApproved")
        .withArgs(id, at(trustees, 2).address);
      await expect(council.connect(outsider).revokeApproval(id))
        .to.be.revertedWithCustomError(council, "CouncilNotApproved")
        .withArgs(id, outsider.address);
      await expect(council.connect(at(trustees, 1)).revokeApproval(id))
        .to.emit(council, "ApprovalRevoked")
        .withArgs(id, at(trustees, 1).address);
      expect(await council.approvalCount(id)).to.equal(1n);
      expect(await council.hasApproved(id, at(trustees, 1).address)).to.equal(false);
      await expect(council.connect(outsider).execute(id))
        .to.be.revertedWithCustomError(council, "CouncilInsufficientApprovals")
        .withArgs(id, 1n, 2n);
      await council.connect(at(trustees, 1)).approve(id);
      await council.connect(outsider).execute(id);
      await expect(council.connect(at(trustees, 1)).revokeApproval(id))
        .to.be.revertedWithCustomError(council, "CouncilProposalAlreadyExecuted")
        .withArgs(id);
    });

    it("reverts on an unknown proposal id everywhere", async function () {
      const { council, trustees } = await loadFixture(threeOfTwo);
      const t = council.connect(at(trustees, 0));
      const calls = [
        () => t.approve(1n),
        () => t.revokeApproval(1n),
        () => t.execute(1n),
        () => t.proposal(1n),
        () => t.approvalCount(1n),
        () => t.hasApproved(1n, at(trustees, 0).address),
      ];
      for (const call of calls) {
        await expect(call()).to.be.revertedWithCustomError(council, "CouncilUnknownProposal").withArgs(1n);
      }
    });

    it("refuses arguments that do not have the routed function's shape", async function () {
      const { council, trustees } = await loadFixture(threeOfTwo);
      const t = council.connect(at(trustees, 0));
      const highBits = "0x" + "01".padStart(24, "0") + "11".repeat(20);
      const cases: [number, string][] = [
        [ActionKind.AddTrustee, "0x1234"],
        [ActionKind.AddTrustee, highBits],
        [ActionKind.RemoveTrustee, uintArgs(1) + "00"],
        [ActionKind.ChangeThreshold, "0x"],
        [ActionKind.SetTransfersEnabled, uintArgs(2)],
        [ActionKind.Pause, uintArgs(0)],
        [ActionKind.Unpause, uintArgs(0)],
        [ActionKind.AddReturnsAsset, highBits],
        [ActionKind.CloseRound, "0x"],
        [ActionKind.CancelGrant, uintArgs(1) + "00"],
        [ActionKind.CloseOffering, "0x"],
        [ActionKind.RetireTechnique, "0x"],
        [ActionKind.OpenRound, uintArgs(1)],
        [ActionKind.OpenOffering, uintArgs(1)],
        [ActionKind.DisputeReport, uintArgs(1)],
        [ActionKind.ResolveDispute, uintArgs(1)],
        [ActionKind.RegisterTechnique, uintArgs(1)],
        [ActionKind.RenewPause, uintArgs(0)],
        [ActionKind.RecoverPoolStrays, uintArgs(1)],
        [ActionKind.RecoverPoolStrays, coder.encode(["address", "address", "uint256"], [ETH, ETH, 1n])],
        [ActionKind.RecoverOfferingsStrays, coder.encode(["address", "address", "uint256"], [ETH, ETH, 0n])],
        [ActionKind.RecoverOfferingsStrays, highBits + uintArgs(1).slice(2) + uintArgs(1).slice(2)],
        [ActionKind.AnnounceMigration, coder.encode(["uint8", "address", "bool"], [3, ETH, false])],
        [ActionKind.AnnounceMigration, uintArgs(0)],
        [ActionKind.CancelMigration, uintArgs(3)],
      ];
      for (const [kind, args] of cases) {
        await expect(t.propose(kind, args), `kind ${kind} args ${args}`)
          .to.be.revertedWithCustomError(council, "CouncilInvalidArgs")
          .withArgs(kind);
      }
      expect(await council.proposalCount()).to.equal(0n);
    });
  });

  describe("execution", function () {
    it("executes once approvals reach the threshold, by anyone, and only once", async function () {
      const { council, trustees, outsider, shares } = await loadFixture(threeOfTwo);
      const args = coder.encode(["bool"], [true]);
      const id = await propose(council, at(trustees, 0), ActionKind.SetTransfersEnabled, args);
      await expect(council.connect(outsider).execute(id))
        .to.be.revertedWithCustomError(council, "CouncilInsufficientApprovals")
        .withArgs(id, 1n, 2n);
      expect(await shares.transfersEnabled()).to.equal(false);
      await council.connect(at(trustees, 2)).approve(id);
      await expect(council.connect(outsider).execute(id))
        .to.emit(council, "ProposalExecuted")
        .withArgs(id, ActionKind.SetTransfersEnabled, outsider.address, "0x");
      expect(await shares.transfersEnabled()).to.equal(true);
      expect((await council.proposal(id)).executed).to.equal(true);
      await expect(council.connect(outsider).execute(id))
        .to.be.revertedWithCustomError(council, "CouncilProposalAlreadyExecuted")
        .withArgs(id);
      await expect(council.connect(at(trustees, 1)).approve(id))
        .to.be.revertedWithCustomError(council, "CouncilProposalAlreadyExecuted")
        .withArgs(id);
    });

    it("accepts approvals and execution up to the expiry second and refuses them after", async function () {
      const { council, trustees, outsider } = await loadFixture(fiveOfThree);
      const id = await changeThreshold(council, trustees.slice(0, 2), 2);
      const { expiresAt } = await council.proposal(id);
      await time.setNextBlockTimestamp(expiresAt);
      await council.connect(at(trustees, 2)).approve(id);
      await expect(council.connect(at(trustees, 3)).approve(id))
        .to.be.revertedWithCustomError(council, "CouncilProposalExpired")
        .withArgs(id, expiresAt);
      await expect(council.connect(outsider).execute(id))
        .to.be.revertedWithCustomError(council, "CouncilProposalExpired")
        .withArgs(id, expiresAt);
      expect(await council.threshold()).to.equal(3n);

      const second = await changeThreshold(council, trustees.slice(0, 3), 2);
      const expiry = (await council.proposal(second)).expiresAt;
      await time.setNextBlockTimestamp(expiry);
      await expect(council.connect(outsider).execute(second))
        .to.emit(council, "ThresholdChanged")
        .withArgs(2n);
    });

    it("records a failed action (event and failedAt), changes nothing, and lets it be executed again until expiry", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, grants, trustees, outsider } = system;
      const now = BigInt(await time.latest());
      // Valid when proposed; its application deadline has passed by the time it executes.
      const bad = roundParams(now, { applicationDeadline: now + 50n });
      const id = await proposeAndApprove(
        council,
        trustees.slice(0, 2),
        ActionKind.OpenRound,
        openRoundArgs(grants, bad),
      );
      await time.increase(100);
      const tx = await council.connect(outsider).execute(id);
      const failedAt = BigInt((await tx.getBlock())?.timestamp ?? 0);
      await expect(tx)
        .to.emit(council, "ProposalExecutionFailed")
        .withArgs(id, ActionKind.OpenRound, outsider.address, failure(grants, "GrantRoundsInvalidParams"));
      await expect(tx).to.not.emit(council, "ProposalExecuted");
      const stored = await council.proposal(id);
      expect([stored.executed, stored.failedAt]).to.deep.equal([false, failedAt]);
      expect(await grants.roundCount()).to.equal(0n);

      await system.offerings.setRefuse(true);
      const close = await proposeAndApprove(
        council,
        trustees.slice(0, 2),
        ActionKind.CloseOffering,
        uintArgs(4),
      );
      const selector = selectorOf(
        (await ethers.getContractAt("IOfferings", system.offerings)).interface,
        "closeOffering",
      );
      await expect(council.connect(outsider).execute(close))
        .to.emit(council, "ProposalExecutionFailed")
        .withArgs(
          close,
          ActionKind.CloseOffering,
          outsider.address,
          failure(system.offerings, "SystemCallRecorderMockRefused", [selector]),
        );
      // Once the cause is gone, the same proposal executes.
      await system.offerings.setRefuse(false);
      await expect(council.connect(outsider).execute(close)).to.emit(council, "ProposalExecuted");
      expect((await council.proposal(close)).executed).to.equal(true);
    });

    it("records nothing when the executor withholds the gas the action needs", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, trustees, outsider } = system;
      const token = await ethers.deployContract("TestToken", ["Test USD", "TUSD", 6]);
      const id = await proposeAndApprove(
        council,
        trustees.slice(0, 2),
        ActionKind.AddReturnsAsset,
        addressArgs(await token.getAddress()),
      );
      // Enough gas to reach the action, too little for the action itself.
      const needed = await council.connect(outsider).execute.estimateGas(id);
      await expect(council.connect(outsider).execute(id, { gasLimit: needed - 30_000n }))
        .to.be.revertedWithCustomError(council, "CouncilExecutionOutOfGas")
        .withArgs(id);
      expect((await council.proposal(id)).failedAt).to.equal(0n);
      await expect(council.connect(outsider).execute(id)).to.emit(council, "ProposalExecuted");
    });
  });

  describe("routing", function () {
    it("routes the ledger actions to FundShares", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, shares } = system;
      await expect(pass(system, ActionKind.SetTransfersEnabled, coder.encode(["bool"], [true])))
        .to.emit(shares, "TransfersEnabledSet")
        .withArgs(true);
      const pause = await pass(system, ActionKind.Pause, "0x");
      const pausedAt = BigInt((await pause.getBlock())?.timestamp ?? 0);
      await expect(pause)
        .to.emit(shares, "Paused")
        .withArgs(await council.getAddress(), pausedAt + MAX_PAUSE);
      expect(await shares.paused()).to.equal(true);
      await expect(pass(system, ActionKind.RenewPause, "0x")).to.emit(shares, "PauseRenewed");
      await expect(pass(system, ActionKind.Unpause, "0x"))
        .to.emit(shares, "Unpaused")
        .withArgs(await council.getAddress());
      expect(await shares.paused()).to.equal(false);
      const token = await ethers.deployContract("TestToken", ["Test USD", "TUSD", 6]);
      await expect(pass(system, ActionKind.AddReturnsAsset, addressArgs(await token.getAddress())))
        .to.emit(shares, "ReturnsAssetAdded")
        .withArgs(await token.getAddress());
      expect(await shares.isReturnsAsset(token)).to.equal(true);
    });

    it("routes the round actions to GrantRounds", async function () {
      const system = await loadFixture(threeOfTwo);
      const { grants } = system;
      const params = roundParams(BigInt(await time.latest()));
      await expect(pass(system, ActionKind.OpenRound, openRoundArgs(grants, params)))
        .to.emit(grants, "RoundOpened")
        .withArgs(1n, Object.values(params));
      await expect(pass(system, ActionKind.CloseRound, uintArgs(1)))
        .to.emit(grants, "RoundClosed")
        .withArgs(1n);
      expect((await grants.round(1n)).status).to.equal(3n);
      // CancelGrant reaches GrantRounds (its own checks answer; a full cancellation is in the grants tests).
      await expect(pass(system, ActionKind.CancelGrant, uintArgs(7)))
        .to.emit(system.council, "ProposalExecutionFailed")
        .withArgs(anyValue, anyValue, anyValue, failure(grants, "GrantRoundsUnknownApplication", [7n]));
    });

    it("routes offering and registry actions with their arguments and returns the result", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, offerings, registry } = system;
      const offeringsApi = (await ethers.getContractAt("IOfferings", offerings)).interface;
      const registryApi = (await ethers.getContractAt("IReturnsRegistry", registry)).interface;
      const now = BigInt(await time.latest());
      const offeringParams = [
        ETH,
        10n ** 15n,
        10n ** 24n,
        10n ** 18n,
        now + 10n,
        now + 1000n,
        ethers.id("root"),
      ];
      const cases: [ActionKindValue, SystemCallRecorderMock, Interface, string, unknown[]][] = [
        [ActionKind.OpenOffering, offerings, offeringsApi, "openOffering", [offeringParams]],
        [ActionKind.CloseOffering, offerings, offeringsApi, "closeOffering", [3n]],
        [
          ActionKind.RegisterTechnique,
          registry,
          registryApi,
          "registerTechnique",
          ["Debate", "ipfs://debate", ethers.id("debate"), []],
        ],
        [ActionKind.RetireTechnique, registry, registryApi, "retireTechnique", [5n]],
        [ActionKind.DisputeReport, registry, registryApi, "disputeReport", [1n, 2n, ethers.id("why")]],
        [ActionKind.ResolveDispute, registry, registryApi, "resolveDispute", [1n, 2n, ethers.id("ok")]],
      ];
      for (const [kind, target, iface, fn, values] of cases) {
        const args = argsFor(iface, fn, values);
        const callsBefore = await target.calls();
        const id = (await council.proposalCount()) + 1n;
        await expect(pass(system, kind, args))
          .to.emit(council, "ProposalExecuted")
          .withArgs(id, kind, system.outsider.address, uintArgs(callsBefore + 1n));
        expect(await target.lastCall()).to.equal(selectorOf(iface, fn) + args.slice(2));
        expect(await target.lastCaller()).to.equal(await council.getAddress());
      }
    });

    it("routes stray recovery to Offerings and to the capital pool", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, offerings, pool, outsider } = system;
      const offeringsApi = (await ethers.getContractAt("IOfferings", offerings)).interface;
      const token = await ethers.deployContract("TestToken", ["Test USD", "TUSD", 6]);
      const args = coder.encode(
        ["address", "address", "uint256"],
        [await token.getAddress(), outsider.address, 5n],
      );
      await pass(system, ActionKind.RecoverOfferingsStrays, args);
      expect(await offerings.lastCall()).to.equal(selectorOf(offeringsApi, "recoverStrays") + args.slice(2));
      await token.mint(await pool.getAddress(), 5n);
      await expect(pass(system, ActionKind.RecoverPoolStrays, args))
        .to.emit(pool, "StraysRecovered")
        .withArgs(await token.getAddress(), outsider.address, 5n);
      expect(await token.balanceOf(outsider.address)).to.equal(5n);
      expect(await council.proposalCount()).to.equal(2n);
    });
  });

  describe("trustee set", function () {
    it("lets only the council itself call the council-internal functions", async function () {
      const { council, trustees, outsider } = await loadFixture(threeOfTwo);
      const t = council.connect(at(trustees, 0));
      await expect(t.addTrustee(outsider.address))
        .to.be.revertedWithCustomError(council, "CouncilOnlySelf")
        .withArgs(at(trustees, 0).address);
      await expect(t.removeTrustee(at(trustees, 1).address))
        .to.be.revertedWithCustomError(council, "CouncilOnlySelf")
        .withArgs(at(trustees, 0).address);
      await expect(t.changeThreshold(1n))
        .to.be.revertedWithCustomError(council, "CouncilOnlySelf")
        .withArgs(at(trustees, 0).address);
    });

    it("adds and removes trustees and changes the threshold within bounds", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, trustees, outsider } = system;
      await expect(pass(system, ActionKind.AddTrustee, addressArgs(at(trustees, 0).address)))
        .to.be.revertedWithCustomError(council, "CouncilDuplicateTrustee")
        .withArgs(at(trustees, 0).address);
      await expect(pass(system, ActionKind.AddTrustee, addressArgs(ETH)))
        .to.be.revertedWithCustomError(council, "CouncilInvalidTrustee")
        .withArgs(ETH);
      await expect(pass(system, ActionKind.AddTrustee, addressArgs(await council.getAddress())))
        .to.be.revertedWithCustomError(council, "CouncilInvalidTrustee")
        .withArgs(await council.getAddress());
      await expect(pass(system, ActionKind.RemoveTrustee, addressArgs(outsider.address)))
        .to.be.revertedWithCustomError(council, "CouncilNotTrustee")
        .withArgs(outsider.address);
      await expect(pass(system, ActionKind.ChangeThreshold, uintArgs(4)))
        .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
        .withArgs(4n, 3n);

      await expect(pass(system, ActionKind.ChangeThreshold, uintArgs(3)))
        .to.emit(council, "ThresholdChanged")
        .withArgs(3n);
      await expect(
        pass({ ...system, threshold: 3 }, ActionKind.RemoveTrustee, addressArgs(at(trustees, 2).address)),
      )
        .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
        .withArgs(3n, 2n);
      await pass({ ...system, threshold: 3 }, ActionKind.ChangeThreshold, uintArgs(1));
      await expect(
        pass({ ...system, threshold: 1 }, ActionKind.RemoveTrustee, addressArgs(at(trustees, 0).address)),
      )
        .to.emit(council, "TrusteeRemoved")
        .withArgs(at(trustees, 0).address);
      expect(await council.trustees()).to.deep.equal([at(trustees, 2).address, at(trustees, 1).address]);
      expect(await council.isTrustee(at(trustees, 0).address)).to.equal(false);
      const rest = { ...system, trustees: [at(trustees, 1), at(trustees, 2)], threshold: 1 };
      await pass(rest, ActionKind.RemoveTrustee, addressArgs(at(trustees, 2).address));
      await expect(
        pass(
          { ...rest, trustees: [at(trustees, 1)] },
          ActionKind.RemoveTrustee,
          addressArgs(at(trustees, 1).address),
        ),
      )
        .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
        .withArgs(1n, 0n);
      expect(await council.trustees()).to.deep.equal([at(trustees, 1).address]);
    });

    it("counts removals: grant rounds compare the count to trust an application's reveal book", async function () {
      const system = await loadFixture(fiveOfThree);
      const { council, trustees } = system;
      const removed = at(trustees, 4).address;
      await expect(pass(system, ActionKind.RemoveTrustee, addressArgs(removed)))
        .to.emit(council, "TrusteeRemoved")
        .withArgs(removed);
      await expect(pass(system, ActionKind.ChangeThreshold, uintArgs(4)))
        .to.emit(council, "ThresholdChanged")
        .withArgs(4n);
      expect(await council.trusteesAndThreshold()).to.deep.equal([
        trustees.slice(0, 4).map((t) => t.address),
        4n,
      ]);
      expect(await council.thresholdAndRemovals()).to.deep.equal([4n, 1n]);
    });

    it("caps the council at twenty trustees", async function () {
      const system = await loadFixture(threeOfTwo);
      const extra = Array.from({ length: 17 }, (_, i) =>
        ethers.getAddress("0x" + (i + 100).toString(16).padStart(40, "0")),
      );
      for (const account of extra) await pass(system, ActionKind.AddTrustee, addressArgs(account));
      expect((await system.council.trustees()).length).to.equal(20);
      await expect(pass(system, ActionKind.AddTrustee, addressArgs(system.outsider.address)))
        .to.be.revertedWithCustomError(system.council, "CouncilTooManyTrustees")
        .withArgs(21n, 20n);
    });

    it("stops counting a removed trustee's approvals, also after the trustee is added again", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, trustees, outsider } = system;
      const [t0, t1, t2] = [at(trustees, 0), at(trustees, 1), at(trustees, 2)];
      const pending = await proposeAndApprove(
        council,
        [t0, t1],
        ActionKind.SetTransfersEnabled,
        coder.encode(["bool"], [true]),
      );
      expect(await council.approvalCount(pending)).to.equal(2n);
      /** t1's approval no longer counts: t0's alone is short of the threshold of 2. */
      const expectOnlyFirstApprovalCounts = async () => {
        expect(await council.approvalCount(pending)).to.equal(1n);
        expect(await council.hasApproved(pending, t1.address)).to.equal(false);
        await expect(council.connect(outsider).execute(pending))
          .to.be.revertedWithCustomError(council, "CouncilInsufficientApprovals")
          .withArgs(pending, 1n, 2n);
      };

      await pass({ ...system, trustees: [t0, t2] }, ActionKind.RemoveTrustee, addressArgs(t1.address));
      await expectOnlyFirstApprovalCounts();
      await expect(council.connect(t1).approve(pending))
        .to.be.revertedWithCustomError(council, "CouncilNotTrustee")
        .withArgs(t1.address);

      await pass({ ...system, trustees: [t0, t2] }, ActionKind.AddTrustee, addressArgs(t1.address));
      await expectOnlyFirstApprovalCounts();
      await council.connect(t1).approve(pending);
      await expect(council.connect(outsider).execute(pending)).to.emit(council, "ProposalExecuted");
    });

    it("counts live against a raised threshold", async function () {
      const system = await loadFixture(fiveOfThree);
      const { council, trustees, outsider } = system;
      const pending = await proposeAndApprove(council, trustees.slice(0, 3), ActionKind.Pause, "0x");
      await pass(system, ActionKind.ChangeThreshold, uintArgs(4));
      await expect(council.connect(outsider).execute(pending))
        .to.be.revertedWithCustomError(council, "CouncilInsufficientApprovals")
        .withArgs(pending, 3n, 4n);
      await council.connect(at(trustees, 4)).approve(pending);
      await expect(council.connect(outsider).execute(pending)).to.emit(system.shares, "Paused");
    });
  });

  describe("contract-wallet trustees", function () {
    it("lets a Safe-like wallet propose and approve through its owner", async function () {
      const system = await loadFixture(threeOfTwo);
      const { council, trustees, outsider } = system;
      const owner = at(await ethers.getSigners(), 8);
      const wallet = await ethers.deployContract("ContractWalletMock", [owner.address]);
      const walletAddress = await wallet.getAddress();
      await pass(system, ActionKind.AddTrustee, addressArgs(walletAddress));
      expect(await council.isTrustee(walletAddress)).to.equal(true);

      const proposeData = council.interface.encodeFunctionData("propose", [ActionKind.Pause, "0x"]);
      await expect(wallet.connect(outsider).execute(council, 0n, proposeData))
        .to.be.revertedWithCustomError(wallet, "ContractWalletMockNotOwner")
        .withArgs(outsider.address);
      const createdAt = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(createdAt);
      await expect(wallet.connect(owner).execute(council, 0n, proposeData))
        .to.emit(council, "ProposalCreated")
        .withArgs(2n, ActionKind.Pause, walletAddress, "0x", createdAt + PROPOSAL_LIFETIME);
      expect(await council.hasApproved(2n, walletAddress)).to.equal(true);
      await council.connect(at(trustees, 0)).approve(2n);
      await expect(council.connect(outsider).execute(2n)).to.emit(system.shares, "Paused");

      const second = await propose(council, at(trustees, 1), ActionKind.Unpause, "0x");
      await expect(
        wallet.connect(owner).execute(council, 0n, council.interface.encodeFunctionData("approve", [second])),
      )
        .to.emit(council, "ProposalApproved")
        .withArgs(second, walletAddress);
      await expect(
        wallet.connect(owner).execute(council, 0n, council.interface.encodeFunctionData("approve", [second])),
      )
        .to.be.revertedWithCustomError(council, "CouncilAlreadyApproved")
        .withArgs(second, walletAddress);
      await expect(council.connect(outsider).execute(second)).to.emit(system.shares, "Unpaused");
    });
  });
});
