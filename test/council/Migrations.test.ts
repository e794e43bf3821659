import { expect } from "chai";

import { ActionKind, MIGRATION_DELAY, at, deploySystem, failure, pass, propose } from "../helpers/council.js";
import type { FundSystem } from "../helpers/council.js";
import {
  apply,
  estimateProbabilities,
  openRound,
  openRoundArgs,
  roundParams,
  VESTING_CLIFF,
} from "../helpers/grants.js";
import { connect } from "../helpers/network.js";

const { ethers, networkHelpers, loadFixture, time, coder } = await connect();

const Module = { GrantRounds: 0, Offerings: 1, ReturnsRegistry: 2 } as const;

function migrationArgs(module: number, newModule: string, retireOld = false): string {
  return coder.encode(["uint8", "address", "bool"], [module, newModule, retireOld]);
}

interface MigrationFixture extends FundSystem {
  applicationId: bigint;
  researcher: FundSystem["researchers"][number];
}

/** A 3-of-2 council whose grant-rounds module has a settled round with one funded grant. */
async function fundedGrant(): Promise<MigrationFixture> {
  const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
  const params = roundParams(BigInt(await time.latest()));
  const roundId = await openRound(system, params);
  const researcher = at(system.researchers, 0);
  const applicationId = await apply(system.grants, researcher, roundId, "interpretability", 12);
  await estimateProbabilities(networkHelpers, { ...system, params }, [[applicationId, [5000, 4000, 6000]]]);
  await system.grants.finalizeApplications([applicationId]);
  await system.grants.settleRound(roundId);
  return { ...system, applicationId, researcher };
}

async function newGrantRounds(system: FundSystem) {
  return ethers.deployContract("GrantRounds", [system.council, system.shares, system.pool]);
}

describe("TrusteeCouncil: module migrations", function () {
  it("migrates the grant-rounds module only after the delay, while the old module's vested awards stay claimable", async function () {
    const f = await loadFixture(fundedGrant);
    const { council, shares, pool, grants: oldRounds } = f;
    const successor = await newGrantRounds(f);
    const minter = await shares.MINTER_ROLE();
    const stipend = await pool.STIPEND_ROLE();

    const announce = await pass(
      f,
      ActionKind.AnnounceMigration,
      migrationArgs(Module.GrantRounds, await successor.getAddress()),
    );
    const announcedAt = BigInt((await announce.getBlock())?.timestamp ?? 0);
    const effectiveAt = announcedAt + MIGRATION_DELAY;
    await expect(announce)
      .to.emit(council, "MigrationAnnounced")
      .withArgs(
        Module.GrantRounds,
        await oldRounds.getAddress(),
        await successor.getAddress(),
        effectiveAt,
        false,
      );
    expect(await council.pendingMigration(Module.GrantRounds)).to.deep.equal([
      await successor.getAddress(),
      effectiveAt,
      false,
    ]);

    // Not a second earlier: refused, and nothing changes.
    await time.setNextBlockTimestamp(effectiveAt - 1n);
    await expect(council.connect(f.outsider).executeMigration(Module.GrantRounds))
      .to.be.revertedWithCustomError(council, "CouncilMigrationNotReady")
      .withArgs(Module.GrantRounds, effectiveAt);
    expect((await council.systemContracts()).grantRounds).to.equal(await oldRounds.getAddress());
    expect(await shares.hasRole(minter, successor)).to.equal(false);

    await time.setNextBlockTimestamp(effectiveAt);
    await expect(council.connect(f.outsider).executeMigration(Module.GrantRounds))
      .to.emit(council, "MigrationExecuted")
      .withArgs(Module.GrantRounds, await oldRounds.getAddress(), await successor.getAddress(), false);
    expect((await council.systemContracts()).grantRounds).to.equal(await successor.getAddress());
    expect(await shares.hasRole(minter, successor)).to.equal(true);
    expect(await pool.hasRole(stipend, successor)).to.equal(true);
    expect((await council.pendingMigration(Module.GrantRounds)).newModule).to.equal(ethers.ZeroAddress);

    // The council now opens rounds on the successor only.
    const params = roundParams(BigInt(await time.latest()));
    await pass(f, ActionKind.OpenRound, openRoundArgs(successor, params));
    expect(await successor.roundCount()).to.equal(1n);
    expect(await oldRounds.roundCount()).to.equal(1n);

    // The old module kept its roles: the researcher's vested shares are still minted on claim.
    await time.increase(VESTING_CLIFF);
    await oldRounds.connect(f.researcher).claimShares(f.applicationId);
    const vested = await oldRounds.vestedShares(f.applicationId);
    expect(vested).to.be.greaterThan(0n);
    expect(await shares.balanceOf(f.researcher.address)).to.equal(vested);
  });

  it("lets the council cancel an announced migration during the delay, after which it cannot run", async function () {
    const f = await loadFixture(fundedGrant);
    const { council } = f;
    const successor = await newGrantRounds(f);
    await pass(
      f,
      ActionKind.AnnounceMigration,
      migrationArgs(Module.GrantRounds, await successor.getAddress()),
    );
    await expect(pass(f, ActionKind.CancelMigration, coder.encode(["uint8"], [Module.GrantRounds])))
      .to.emit(council, "MigrationCancelled")
      .withArgs(Module.GrantRounds, await successor.getAddress());
    await time.increase(MIGRATION_DELAY);
    await expect(council.executeMigration(Module.GrantRounds))
      .to.be.revertedWithCustomError(council, "CouncilNoPendingMigration")
      .withArgs(Module.GrantRounds);
    expect((await council.systemContracts()).grantRounds).to.equal(await f.grants.getAddress());
    expect(await f.shares.hasRole(await f.shares.MINTER_ROLE(), successor)).to.equal(false);
  });

  it("retires the old module's roles at migration when announced so", async function () {
    const f = await loadFixture(fundedGrant);
    const { council, shares, pool, grants: oldRounds } = f;
    const successor = await newGrantRounds(f);
    await pass(
      f,
      ActionKind.AnnounceMigration,
      migrationArgs(Module.GrantRounds, await successor.getAddress(), true),
    );
    await time.increase(MIGRATION_DELAY);
    await council.executeMigration(Module.GrantRounds);
    expect(await shares.hasRole(await shares.MINTER_ROLE(), oldRounds)).to.equal(false);
    expect(await pool.hasRole(await pool.STIPEND_ROLE(), oldRounds)).to.equal(false);
    expect(await pool.hasRole(await pool.DEPOSITOR_ROLE(), oldRounds)).to.equal(false);
    expect(await pool.hasRole(await pool.DEPOSITOR_ROLE(), successor)).to.equal(true);
    await time.increase(VESTING_CLIFF);
    await expect(oldRounds.connect(f.researcher).claimShares(f.applicationId)).to.be.revertedWithCustomError(
      shares,
      "AccessControlUnauthorizedAccount",
    );
  });

  it("routes registry actions to a migrated returns registry, which needs no role", async function () {
    const f = await loadFixture(fundedGrant);
    const { council } = f;
    const registry = await ethers.deployContract("ReturnsRegistry", [council, f.shares]);
    await pass(
      f,
      ActionKind.AnnounceMigration,
      migrationArgs(Module.ReturnsRegistry, await registry.getAddress()),
    );
    await time.increase(MIGRATION_DELAY);
    await council.executeMigration(Module.ReturnsRegistry);
    expect((await council.systemContracts()).returnsRegistry).to.equal(await registry.getAddress());
    const args = coder.encode(
      ["string", "string", "bytes32", "uint256[]"],
      ["Debate", "ipfs://debate", ethers.id("debate"), [f.applicationId]],
    );
    await expect(pass(f, ActionKind.RegisterTechnique, args)).to.emit(registry, "TechniqueRegistered");
  });

  it("refuses, when proposed, a migration that could never run, changing nothing", async function () {
    const f = await loadFixture(fundedGrant);
    const { council, trustees, outsider } = f;
    const trustee = council.connect(at(trustees, 0));
    const foreignCouncil = await ethers.deployContract("TrusteeCouncil", [
      [outsider.address],
      1,
      3600,
      MIGRATION_DELAY,
    ]);
    const foreign = await ethers.deployContract("GrantRounds", [foreignCouncil, f.shares, f.pool]);
    const before = await council.proposalCount();
    const cases: [string, string, unknown[]][] = [
      [outsider.address, "CouncilInvalidModule", [Module.GrantRounds, outsider.address]],
      [
        await f.grants.getAddress(),
        "CouncilInvalidModule",
        [Module.GrantRounds, await f.grants.getAddress()],
      ],
      [
        await f.shares.getAddress(),
        "CouncilInvalidModule",
        [Module.GrantRounds, await f.shares.getAddress()],
      ],
      [await foreign.getAddress(), "CouncilInvalidModule", [Module.GrantRounds, await foreign.getAddress()]],
    ];
    for (const [candidate, error, args] of cases) {
      await expect(
        trustee.propose(ActionKind.AnnounceMigration, migrationArgs(Module.GrantRounds, candidate)),
      )
        .to.be.revertedWithCustomError(council, error)
        .withArgs(...args);
    }
    await expect(trustee.propose(ActionKind.CancelMigration, coder.encode(["uint8"], [Module.Offerings])))
      .to.be.revertedWithCustomError(council, "CouncilNoPendingMigration")
      .withArgs(Module.Offerings);

    const successor = await newGrantRounds(f);
    await pass(
      f,
      ActionKind.AnnounceMigration,
      migrationArgs(Module.GrantRounds, await successor.getAddress()),
    );
    const pending = await council.pendingMigration(Module.GrantRounds);
    const other = await newGrantRounds(f);
    await expect(
      trustee.propose(
        ActionKind.AnnounceMigration,
        migrationArgs(Module.GrantRounds, await other.getAddress()),
      ),
    )
      .to.be.revertedWithCustomError(council, "CouncilMigrationPending")
      .withArgs(Module.GrantRounds, await successor.getAddress(), pending.effectiveAt);
    expect(await council.proposalCount()).to.equal(before + 1n);
  });

  it("records a migration whose announcement became impossible before execution as a failed proposal", async function () {
    const f = await loadFixture(fundedGrant);
    const { council, trustees } = f;
    const first = await newGrantRounds(f);
    const second = await newGrantRounds(f);
    // Two announcements proposed while none is pending; the second cannot run once the first did.
    const a = await propose(
      council,
      at(trustees, 0),
      ActionKind.AnnounceMigration,
      migrationArgs(Module.GrantRounds, await first.getAddress()),
    );
    const b = await propose(
      council,
      at(trustees, 0),
      ActionKind.AnnounceMigration,
      migrationArgs(Module.GrantRounds, await second.getAddress()),
    );
    await council.connect(at(trustees, 1)).approve(a);
    await council.connect(at(trustees, 1)).approve(b);
    await council.execute(a);
    const pending = await council.pendingMigration(Module.GrantRounds);
    await expect(council.execute(b))
      .to.emit(council, "ProposalExecutionFailed")
      .withArgs(
        b,
        ActionKind.AnnounceMigration,
        (await ethers.getSigners())[0]?.address,
        failure(council, "CouncilMigrationPending", [
          Module.GrantRounds,
          await first.getAddress(),
          pending.effectiveAt,
        ]),
      );
    expect((await council.proposal(b)).failedAt).to.be.greaterThan(0n);
    expect((await council.pendingMigration(Module.GrantRounds)).newModule).to.equal(await first.getAddress());
  });

  it("lets only the council itself announce or cancel a migration", async function () {
    const f = await loadFixture(fundedGrant);
    const { council, trustees } = f;
    const successor = await newGrantRounds(f);
    await expect(council.connect(at(trustees, 0)).announceMigration(Module.GrantRounds, successor, false))
      .to.be.revertedWithCustomError(council, "CouncilOnlySelf")
      .withArgs(at(trustees, 0).address);
    await expect(council.connect(at(trustees, 0)).cancelMigration(Module.GrantRounds))
      .to.be.revertedWithCustomError(council, "CouncilOnlySelf")
      .withArgs(at(trustees, 0).address);
  });
});
