import { expect } from "chai";

import { ActionKind, ETH, at, deploySystem, pass } from "../helpers/council.js";
import type { FundSystem } from "../helpers/council.js";
import { apply, openRound, roundParams } from "../helpers/grants.js";
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
