import { expect } from "chai";

import { ActionKind, ETH, at, deploySystem, pass } from "../helpers/council.js";
import type { FundSystem } from "../helpers/council.js";
import { apply, openRound, openRoundArgs, roundParams } from "../helpers/grants.js";
import { connect } from "../helpers/network.js";

const { ethers, loadFixture, time, coder } = await connect();

function techniqueArgs(title: string, uri: string, hash: string, applicationIds: bigint[]): string {
  return coder.encode(["string", "string", "bytes32", "uint256[]"], [title, uri, hash, applicationIds]);
}

/** A 3-of-2 council whose grant-rounds module holds one application (#1). */
async function withApplication(): Promise<FundSystem> {
  const system = await deploySystem(ethers, { trustees: 3, threshold: 2 });
  const roundId = await openRound(system, roundParams(BigInt(await time.latest())));
  await apply(system.grants, at(system.researchers, 0), roundId, "debate", 6);
  return system;
}

describe("TrusteeCouncil: proposals that can never execute are refused when proposed", function () {
  it("refuses a zero, self or existing trustee, removing a non-trustee or below M, and a threshold out of range", async function () {
    const f = await loadFixture(withApplication);
    const { council, trustees, outsider } = f;
    const trustee = council.connect(at(trustees, 0));
    const before = await council.proposalCount();
    const self = await council.getAddress();
    const address = (account: string) => coder.encode(["address"], [account]);
    const uint = (value: bigint) => coder.encode(["uint256"], [value]);
    await expect(trustee.propose(ActionKind.AddTrustee, address(ETH)))
      .to.be.revertedWithCustomError(council, "CouncilInvalidTrustee")
      .withArgs(ETH);
    await expect(trustee.propose(ActionKind.AddTrustee, address(self)))
      .to.be.revertedWithCustomError(council, "CouncilInvalidTrustee")
      .withArgs(self);
    await expect(trustee.propose(ActionKind.AddTrustee, address(at(trustees, 1).address)))
      .to.be.revertedWithCustomError(council, "CouncilDuplicateTrustee")
      .withArgs(at(trustees, 1).address);
    await expect(trustee.propose(ActionKind.RemoveTrustee, address(outsider.address)))
      .to.be.revertedWithCustomError(council, "CouncilNotTrustee")
      .withArgs(outsider.address);
    for (const value of [0n, 4n]) {
      await expect(trustee.propose(ActionKind.ChangeThreshold, uint(value)))
        .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
        .withArgs(value, 3n);
    }
    await pass(f, ActionKind.ChangeThreshold, uint(3n));
    await expect(trustee.propose(ActionKind.RemoveTrustee, address(at(trustees, 2).address)))
      .to.be.revertedWithCustomError(council, "CouncilInvalidThreshold")
      .withArgs(3n, 2n);
    expect(await council.proposalCount()).to.equal(before + 1n);
    expect(await council.trustees()).to.deep.equal(trustees.map((t) => t.address));
  });

  it("refuses a technique produced by an application that does not exist, or without a title, URI or hash", async function () {
    const f = await loadFixture(withApplication);
    const { council, trustees } = f;
    const trustee = council.connect(at(trustees, 0));
    const hash = ethers.id("debate");
    const before = await council.proposalCount();
    for (const id of [99n, 0n, 2n]) {
      await expect(
        trustee.propose(ActionKind.RegisterTechnique, techniqueArgs("Debate", "ipfs://d", hash, [1n, id])),
      )
        .to.be.revertedWithCustomError(council, "CouncilUnknownApplication")
        .withArgs(id);
    }
    for (const args of [
      techniqueArgs("", "ipfs://d", hash, [1n]),
      techniqueArgs("Debate", "", hash, [1n]),
      techniqueArgs("Debate", "ipfs://d", ethers.ZeroHash, [1n]),
    ]) {
      await expect(trustee.propose(ActionKind.RegisterTechnique, args))
        .to.be.revertedWithCustomError(council, "CouncilInvalidArgs")
        .withArgs(ActionKind.RegisterTechnique);
    }
    expect(await council.proposalCount()).to.equal(before);
    await expect(
      trustee.propose(ActionKind.RegisterTechnique, techniqueArgs("Debate", "ipfs://d", hash, [1n])),
    ).to.emit(council, "ProposalCreated");
  });

  it("offers no generic call: no kind past the closed list, and no kind hands a role to an account", async function () {
    const f = await loadFixture(withApplication);
    const { council, trustees, outsider, shares, pool } = f;
    const trustee = council.connect(at(trustees, 0));
    const before = await council.proposalCount();
    const functions = council.interface.fragments.filter((x) => x.type === "function").map((x) => x.format());
    expect(functions.filter((name) => /call|grantRole|execTransaction|delegate/i.test(name))).to.deep.equal(
      [],
    );
    // The kind after the last one, SetOutcomeHorizon (where a generic call would sit), does not decode: refused.
    await expect(
      trustee.propose(ActionKind.SetOutcomeHorizon + 1, coder.encode(["address"], [outsider.address])),
    ).to.be.revertedWithoutReason(ethers);
    // A role for an account is only ever a module migration, and an account without code is no module.
    await expect(
      trustee.propose(
        ActionKind.AnnounceMigration,
        coder.encode(["uint8", "address", "bool"], [0, outsider.address, false]),
      ),
    ).to.be.revertedWithCustomError(council, "CouncilInvalidModule");
    expect(await council.proposalCount()).to.equal(before);
    expect(await shares.hasRole(await shares.MINTER_ROLE(), outsider.address)).to.equal(false);
    expect(await pool.hasRole(await pool.STIPEND_ROLE(), outsider.address)).to.equal(false);
  });

  it("refuses a technique whose title, URI or application list exceeds the registry's bounds", async function () {
    const f = await loadFixture(withApplication);
    const { council, trustees } = f;
    const trustee = council.connect(at(trustees, 0));
    const hash = ethers.id("debate");
    for (const args of [
      techniqueArgs("t".repeat(129), "ipfs://d", hash, [1n]),
      techniqueArgs("Debate", `ipfs://${"u".repeat(250)}`, hash, [1n]),
      techniqueArgs(
        "Debate",
        "ipfs://d",
        hash,
        Array.from({ length: 17 }, () => 1n),
      ),
    ]) {
      await expect(trustee.propose(ActionKind.RegisterTechnique, args))
        .to.be.revertedWithCustomError(council, "CouncilInvalidArgs")
        .withArgs(ActionKind.RegisterTechnique);
    }
    await expect(
      trustee.propose(ActionKind.RegisterTechnique, techniqueArgs("t".repeat(128), "ipfs://d", hash, [1n])),
    ).to.emit(council, "ProposalCreated");
  });

  it("refuses a round the grant-rounds module would never open: deadlines, bounds, deposit, stipend asset, dirty words", async function () {
    const f = await loadFixture(withApplication);
    const { council, trustees, grants, outsider } = f;
    const trustee = council.connect(at(trustees, 0));
    const now = BigInt(await time.latest());
    const params = roundParams(now);
    const before = await council.proposalCount();
    for (const bad of [
      { sharePool: 0n },
      { applicationDeadline: now - 1n },
      { commitDeadline: params.applicationDeadline },
      { revealDeadline: params.commitDeadline },
      { vestingDuration: 0n },
      { vestingCliff: params.vestingDuration + 1n },
      { stipendBudget: 2n ** 96n },
      { applicationDeposit: 2n ** 96n },
      { stipendBudget: 1n, stipendAsset: outsider.address },
    ]) {
      await expect(trustee.propose(ActionKind.OpenRound, openRoundArgs(grants, { ...params, ...bad })))
        .to.be.revertedWithCustomError(council, "CouncilInvalidArgs")
        .withArgs(ActionKind.OpenRound);
    }
    // A word wider than its field (the uint64 application deadline with a bit above 64 set).
    const words = openRoundArgs(grants, params).slice(2).match(/.{64}/g) ?? [];
    words[1] = (BigInt(`0x${words[1]}`) | (1n << 64n)).toString(16).padStart(64, "0");
    await expect(trustee.propose(ActionKind.OpenRound, `0x${words.join("")}`))
      .to.be.revertedWithCustomError(council, "CouncilInvalidArgs")
      .withArgs(ActionKind.OpenRound);
    expect(await council.proposalCount()).to.equal(before);
    await expect(trustee.propose(ActionKind.OpenRound, openRoundArgs(grants, params))).to.emit(
      council,
      "ProposalCreated",
    );
  });

  it("refuses stray recoveries to no one or of nothing", async function () {
    const f = await loadFixture(withApplication);
    const { council, trustees, outsider } = f;
    const trustee = council.connect(at(trustees, 0));
    for (const kind of [ActionKind.RecoverOfferingsStrays, ActionKind.RecoverPoolStrays]) {
      for (const [to, amount] of [
        [ETH, 1n],
        [outsider.address, 0n],
      ] as const) {
        await expect(
          trustee.propose(kind, coder.encode(["address", "address", "uint256"], [ETH, to, amount])),
        )
          .to.be.revertedWithCustomError(council, "CouncilInvalidArgs")
          .withArgs(kind);
      }
    }
    expect(await council.proposalCount()).to.equal(1n);
  });
});
