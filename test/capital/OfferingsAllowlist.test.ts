import { expect } from "chai";
import { ZeroHash, keccak256, toUtf8Bytes } from "ethers";
import { network } from "hardhat";

import { SHARE, type CapitalSystem } from "../helpers/capital.js";
import { deployCapitalSystem, offeringParams, openOffering } from "../helpers/capital.js";
import { allowlistLeaf, buildAllowlist, processProof } from "../helpers/merkle.js";

const { ethers, networkHelpers } = await network.create();

const PRICE = 10n ** 18n;

interface AllowlistFixture extends CapitalSystem {
  offeringId: bigint;
  allowlist: ReturnType<typeof buildAllowlist>;
}

/** An ETH offering whose allowlist holds alice … erin (an odd count, so one node is carried up). */
async function allowlistFixture(): Promise<AllowlistFixture> {
  const system = await deployCapitalSystem(ethers);
  const allowlist = buildAllowlist(system.investors.slice(0, 5).map((investor) => investor.address));
  const offeringId = await openOffering(
    system,
    await offeringParams(ethers, { pricePerShare: PRICE, allowlistRoot: allowlist.root }),
  );
  return { ...system, offeringId, allowlist };
}

describe("Offerings allowlist", function () {
  it("builds leaves and proofs the way OpenZeppelin's MerkleProof checks them", async function () {
    const { investors, allowlist, alice, frank } = await networkHelpers.loadFixture(allowlistFixture);
    const abiEncoded = ethers.AbiCoder.defaultAbiCoder().encode(["address"], [alice.address]);
    expect(allowlistLeaf(alice.address)).to.equal(keccak256(keccak256(abiEncoded)));
    for (const investor of investors.slice(0, 5)) {
      expect(processProof(allowlistLeaf(investor.address), allowlist.proof(investor.address))).to.equal(
        allowlist.root,
      );
    }
    expect(() => allowlist.proof(frank.address)).to.throw("not in the allowlist");
  });

  it("accepts every listed investor with their own proof", async function () {
    const { offerings, investors, allowlist, offeringId } =
      await networkHelpers.loadFixture(allowlistFixture);
    expect((await offerings.offering(offeringId)).params.allowlistRoot).to.equal(allowlist.root);
    for (const investor of investors.slice(0, 5)) {
      const proof = allowlist.proof(investor.address);
      expect(await offerings.isAllowed(offeringId, investor, proof)).to.equal(true);
      await expect(offerings.connect(investor).subscribe(offeringId, SHARE, proof, { value: PRICE }))
        .to.emit(offerings, "Subscribed")
        .withArgs(offeringId, investor.address, SHARE, PRICE);
      expect(await offerings.pendingShares(offeringId, investor)).to.equal(SHARE);
    }
    expect((await offerings.offering(offeringId)).sharesSold).to.equal(5n * SHARE);
  });

  it("refuses a listed investor presenting another investor's proof", async function () {
    const { offerings, pool, allowlist, offeringId, alice, bob } =
      await networkHelpers.loadFixture(allowlistFixture);
    const bobsProof = allowlist.proof(bob.address);
    expect(await offerings.isAllowed(offeringId, alice, bobsProof)).to.equal(false);
    await expect(offerings.connect(alice).subscribe(offeringId, SHARE, bobsProof, { value: PRICE }))
      .to.be.revertedWithCustomError(offerings, "OfferingsNotAllowlisted")
      .withArgs(offeringId, alice.address);
    expect(await offerings.pendingShares(offeringId, alice)).to.equal(0n);
    expect(await offerings.pendingShares(offeringId, bob)).to.equal(0n);
    expect((await offerings.offering(offeringId)).sharesSold).to.equal(0n);
    expect(await ethers.provider.getBalance(pool)).to.equal(0n);
  });

  it("refuses an outsider whatever proof they present", async function () {
    const { offerings, pool, allowlist, offeringId, alice, grace } =
      await networkHelpers.loadFixture(allowlistFixture);
    const outsider = grace;
    const proofs = [[], allowlist.proof(alice.address), [allowlist.root], [ZeroHash, ZeroHash]];
    for (const proof of proofs) {
      expect(await offerings.isAllowed(offeringId, outsider, proof)).to.equal(false);
      await expect(offerings.connect(outsider).subscribe(offeringId, SHARE, proof, { value: PRICE }))
        .to.be.revertedWithCustomError(offerings, "OfferingsNotAllowlisted")
        .withArgs(offeringId, outsider.address);
    }
    expect((await offerings.offering(offeringId)).sharesSold).to.equal(0n);
    expect(await ethers.provider.getBalance(pool)).to.equal(0n);
  });

  it("refuses a listed investor with an invalid, truncated or empty proof", async function () {
    const { offerings, pool, allowlist, offeringId, alice } =
      await networkHelpers.loadFixture(allowlistFixture);
    const proof = allowlist.proof(alice.address);
    const tampered = [keccak256(toUtf8Bytes("not a node")), ...proof.slice(1)];
    const invalid = [tampered, proof.slice(0, -1), [], [...proof, ZeroHash]];
    for (const bad of invalid) {
      expect(await offerings.isAllowed(offeringId, alice, bad)).to.equal(false);
      await expect(offerings.connect(alice).subscribe(offeringId, SHARE, bad, { value: PRICE }))
        .to.be.revertedWithCustomError(offerings, "OfferingsNotAllowlisted")
        .withArgs(offeringId, alice.address);
    }
    expect(await offerings.pendingShares(offeringId, alice)).to.equal(0n);
    expect(await ethers.provider.getBalance(pool)).to.equal(0n);
  });

  it("accepts anyone with an empty proof on an open offering", async function () {
    const system = await networkHelpers.loadFixture(allowlistFixture);
    const { offerings, grace } = system;
    const open = await openOffering(system, await offeringParams(ethers, { pricePerShare: PRICE }));
    const outsider = grace;
    expect(await offerings.isAllowed(open, outsider, [])).to.equal(true);
    await expect(offerings.connect(outsider).subscribe(open, SHARE, [], { value: PRICE }))
      .to.emit(offerings, "Subscribed")
      .withArgs(open, outsider.address, SHARE, PRICE);
  });

  it("works for a one-investor allowlist, whose root is the leaf and whose proof is empty", async function () {
    const system = await networkHelpers.loadFixture(allowlistFixture);
    const { offerings, alice, heidi } = system;
    const solo = buildAllowlist([heidi.address]);
    expect(solo.root).to.equal(allowlistLeaf(heidi.address));
    expect(solo.proof(heidi.address)).to.deep.equal([]);
    const id = await openOffering(
      system,
      await offeringParams(ethers, { pricePerShare: PRICE, allowlistRoot: solo.root }),
    );
    await offerings.connect(heidi).subscribe(id, SHARE, [], { value: PRICE });
    expect(await offerings.pendingShares(id, heidi)).to.equal(SHARE);
    await expect(offerings.connect(alice).subscribe(id, SHARE, [], { value: PRICE }))
      .to.be.revertedWithCustomError(offerings, "OfferingsNotAllowlisted")
      .withArgs(id, alice.address);
  });

  it("checks a larger allowlist of 33 addresses", async function () {
    const system = await networkHelpers.loadFixture(allowlistFixture);
    const { offerings, investors, alice, judy } = system;
    const others = Array.from({ length: 30 }, (_, i) => ethers.getAddress(ethers.toBeHex(0x1000 + i, 20)));
    const members = [
      ...others.slice(0, 15),
      ...investors.slice(8, 11).map((s) => s.address),
      ...others.slice(15),
    ];
    const big = buildAllowlist(members);
    const id = await openOffering(
      system,
      await offeringParams(ethers, { pricePerShare: PRICE, allowlistRoot: big.root }),
    );
    for (const member of members) {
      expect(await offerings.isAllowed(id, member, big.proof(member))).to.equal(true);
    }
    const member = judy;
    await offerings.connect(member).subscribe(id, SHARE, big.proof(member.address), { value: PRICE });
    expect(await offerings.pendingShares(id, member)).to.equal(SHARE);
    expect(await offerings.isAllowed(id, alice, big.proof(member.address))).to.equal(false);
  });
});
