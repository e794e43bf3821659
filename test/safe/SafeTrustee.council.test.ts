import { expect } from "chai";
import { network } from "hardhat";

import { approveProposal, executeProposal, proposeAction } from "@fef/sdk/actions/council";

import { deploySafeFund, callOf, only, sendFrom } from "../helpers/safeFund.js";

const connection = await network.create();
const { networkHelpers } = connection;

const fixture = () => deploySafeFund(connection);

describe("A Safe 1.4.1 as a trustee: proposals", () => {
  it("is a trustee of the deployed council, with its owners outside it", async () => {
    const { council, safe, owners } = await networkHelpers.loadFixture(fixture);
    expect(await council.isTrustee(safe.address)).to.equal(true);
    for (const owner of owners) expect(await council.isTrustee(owner.address)).to.equal(false);
    expect(await safe.safe.getFunction("getThreshold")()).to.equal(2n);
  });

  it("proposes through execTransaction with two owners' signatures; a trustee approves; the Safe executes", async () => {
    const { council, shares, safe, owners, trustees, fund } = await networkHelpers.loadFixture(fixture);
    const [o1, o2, o3] = owners;

    // Owners 1 and 2 sign, owner 3 submits: whoever submits, only the Safe is the proposer.
    await safe.execute(callOf(only(proposeAction(fund, "SetTransfersEnabled", [true]))), [o1, o2], o3);
    const id = await council.proposalCount();
    expect(await council.hasApproved(id, safe.address)).to.equal(true);
    expect(await council.approvalCount(id)).to.equal(1n);

    await sendFrom(trustees[0], only(approveProposal(fund, id)));
    expect(await council.approvalCount(id)).to.equal(2n);

    const receipt = await safe.execute(callOf(only(executeProposal(fund, id))), [o2, o3], o2);
    expect(receipt.status).to.equal(1);
    expect(await shares.transfersEnabled()).to.equal(true);
    expect((await council.proposal(id)).executed).to.equal(true);
  });

  it("approves a trustee's proposal through execTransaction, and anyone executes it", async () => {
    const { council, shares, safe, owners, trustees, outsider, fund } =
      await networkHelpers.loadFixture(fixture);
    const [o1, , o3] = owners;
    await sendFrom(trustees[1], only(proposeAction(fund, "SetTransfersEnabled", [true])));
    const id = await council.proposalCount();

    await safe.execute(callOf(only(approveProposal(fund, id))), [o3, o1], o1);
    expect(await council.hasApproved(id, safe.address)).to.equal(true);

    await sendFrom(outsider, only(executeProposal(fund, id)));
    expect(await shares.transfersEnabled()).to.equal(true);
  });

  it("refuses a Safe transaction one owner signed alone (below the Safe's threshold): no approval recorded", async () => {
    const { council, safe, owners, trustees, fund } = await networkHelpers.loadFixture(fixture);
    const [o1] = owners;
    await sendFrom(trustees[1], only(proposeAction(fund, "SetTransfersEnabled", [true])));
    const id = await council.proposalCount();

    // Safe 1.4.1: GS020 "Signatures data too short" when fewer signatures than the threshold arrive.
    await expect(safe.execute(callOf(only(approveProposal(fund, id))), [o1], o1)).to.be.revertedWith("GS020");
    expect(await council.hasApproved(id, safe.address)).to.equal(false);
    expect(await council.approvalCount(id)).to.equal(1n);
  });

  it("refuses a Safe transaction signed by an account that is not an owner", async () => {
    const { council, safe, owners, trustees, outsider, fund } = await networkHelpers.loadFixture(fixture);
    await sendFrom(trustees[1], only(proposeAction(fund, "SetTransfersEnabled", [true])));
    const id = await council.proposalCount();

    // GS026: a recovered signer is not an owner.
    await expect(
      safe.execute(callOf(only(approveProposal(fund, id))), [owners[0], outsider], owners[0]),
    ).to.be.revertedWith("GS026");
    expect(await council.hasApproved(id, safe.address)).to.equal(false);
  });

  it("refuses an owner acting alone on the council: an owner of a trustee is not a trustee", async () => {
    const { council, owners, trustees, fund } = await networkHelpers.loadFixture(fixture);
    await sendFrom(trustees[1], only(proposeAction(fund, "SetTransfersEnabled", [true])));
    const id = await council.proposalCount();
    await expect(council.connect(owners[0]).approve(id))
      .to.be.revertedWithCustomError(council, "CouncilNotTrustee")
      .withArgs(owners[0].address);
    expect(await council.approvalCount(id)).to.equal(1n);
  });
});
