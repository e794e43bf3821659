import { expect } from "chai";

import { DAY, PROMISE_TYPES, type PromiseTerms } from "../helpers/returns.js";
import { deployWallet, expectSignatureRefused, promiseTerms, registryDomain } from "../helpers/returns.js";
import { returnsNetwork, signPromise } from "../helpers/returns.js";

const { ethers, networkHelpers, system } = await returnsNetwork();

/** The terms as the event and the view return them: an array in field order. */
function termsTuple(terms: PromiseTerms): unknown[] {
  return [
    terms.companyId,
    terms.techniqueIds,
    terms.modelName,
    terms.modelHash,
    BigInt(terms.returnsShareBps),
    terms.start,
    terms.end,
    terms.periodLength,
    terms.gracePeriod,
    terms.nonce,
    terms.deadline,
  ];
}

describe("ReturnsRegistry — signed Promises of Future Returns", function () {
  describe("the EIP-712 message", function () {
    it("hashes the promise exactly as a wallet does", async function () {
      const { registry, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start, { techniqueIds: [1n, 2n], modelName: "Model ✓ ünïcode" });
      const expected = ethers.TypedDataEncoder.hash(await registryDomain(registry), PROMISE_TYPES, terms);
      expect(await registry.commitmentDigest(terms)).to.equal(expected);
    });

    it("exposes the type hash of the documented type string", async function () {
      const { registry } = await networkHelpers.loadFixture(system);
      expect(await registry.PROMISE_TYPEHASH()).to.equal(
        ethers.id(
          "PromiseOfFutureReturns(uint256 companyId,uint256[] techniqueIds,string modelName,bytes32 modelHash," +
            "uint16 returnsShareBps,uint64 start,uint64 end,uint64 periodLength,uint64 gracePeriod,uint256 nonce," +
            "uint256 deadline)",
        ),
      );
    });

    it("publishes its EIP-712 domain for wallets", async function () {
      const { registry } = await networkHelpers.loadFixture(system);
      const domain = await registry.eip712Domain();
      expect(domain.name).to.equal("Future Endowment Fund Returns Registry");
      expect(domain.version).to.equal("1");
      expect(domain.chainId).to.equal((await ethers.provider.getNetwork()).chainId);
      expect(domain.verifyingContract).to.equal(await registry.getAddress());
    });
  });

  describe("registering a commitment", function () {
    it("records a promise signed by the company admin and submitted by anyone", async function () {
      const { registry, companyAdmin, outsider, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start, { techniqueIds: [1n, 2n], periods: 12n });
      const signature = await signPromise(companyAdmin, registry, terms);
      const structHash = ethers.TypedDataEncoder.hashStruct("PromiseOfFutureReturns", PROMISE_TYPES, terms);

      await expect(registry.connect(outsider).submitCommitment(terms, companyAdmin.address, signature))
        .to.emit(registry, "CommitmentRegistered")
        .withArgs(1n, companyId, companyAdmin.address, structHash, termsTuple(terms));

      expect(await registry.commitmentCount()).to.equal(1n);
      expect(await registry.nonceUsed(companyId, terms.nonce)).to.equal(true);
      const stored = await registry.commitment(1n);
      expect(stored.companyId).to.equal(companyId);
      expect(stored.signer).to.equal(companyAdmin.address);
      expect(stored.returnsShareBps).to.equal(500n);
      expect(stored.start).to.equal(terms.start);
      expect(stored.end).to.equal(terms.end);
      expect(stored.periodLength).to.equal(terms.periodLength);
      expect(stored.gracePeriod).to.equal(terms.gracePeriod);
      expect(stored.periodCount).to.equal(12n);
      expect(stored.reportedCount).to.equal(0n);
      expect(stored.disputedCount).to.equal(0n);
      expect(stored.modelHash).to.equal(terms.modelHash);
      expect(stored.modelName).to.equal(terms.modelName);
      expect(stored.techniqueIds).to.deep.equal([1n, 2n]);
    });

    it("accepts a promise signed by an authorised extra signer", async function () {
      const { registry, companySigner, outsider, companyId, start } =
        await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(companySigner, registry, terms);
      await expect(registry.connect(outsider).submitCommitment(terms, companySigner.address, signature))
        .to.emit(registry, "CommitmentRegistered")
        .withArgs(
          1n,
          companyId,
          companySigner.address,
          ethers.TypedDataEncoder.hashStruct("PromiseOfFutureReturns", PROMISE_TYPES, terms),
          termsTuple(terms),
        );
      expect((await registry.commitment(1n)).signer).to.equal(companySigner.address);
    });

    it("drops a trailing part shorter than one period from the period count", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start, { end: start + 3n * 30n * DAY + 29n * DAY });
      const signature = await signPromise(companyAdmin, registry, terms);
      await registry.submitCommitment(terms, companyAdmin.address, signature);
      expect((await registry.commitment(1n)).periodCount).to.equal(3n);
    });

    it("accepts any unused nonce, in any order", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      for (const nonce of [42n, 7n, 2n ** 255n]) {
        const terms = promiseTerms(companyId, start, { nonce });
        await registry.submitCommitment(
          terms,
          companyAdmin.address,
          await signPromise(companyAdmin, registry, terms),
        );
        expect(await registry.nonceUsed(companyId, nonce)).to.equal(true);
      }
      expect(await registry.commitmentCount()).to.equal(3n);
      expect(await registry.nonceUsed(companyId, 8n)).to.equal(false);
    });

    it("keeps nonces per company", async function () {
      const { registry, companyAdmin, outsider, companyId, start } = await networkHelpers.loadFixture(system);
      await registry.connect(outsider).registerCompany("Beta Labs", "", outsider.address);
      const first = promiseTerms(companyId, start, { nonce: 1n });
      const second = promiseTerms(2n, start, { nonce: 1n });
      await registry.submitCommitment(
        first,
        companyAdmin.address,
        await signPromise(companyAdmin, registry, first),
      );
      await registry.submitCommitment(
        second,
        outsider.address,
        await signPromise(outsider, registry, second),
      );
      expect(await registry.commitmentCount()).to.equal(2n);
    });

    it("accepts a signature submitted in the very second of its deadline", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start, { deadline: start });
      const signature = await signPromise(companyAdmin, registry, terms);
      await networkHelpers.time.setNextBlockTimestamp(start);
      const submission = registry.submitCommitment(terms, companyAdmin.address, signature);
      await expect(submission).to.emit(registry, "CommitmentRegistered");
    });
  });

  describe("contract wallets (ERC-1271)", function () {
    it("accepts a promise signed through a contract wallet that is an authorised signer", async function () {
      const { registry, companyAdmin, outsider, holders, companyId, start } =
        await networkHelpers.loadFixture(system);
      const owner = holders[0];
      const wallet = await deployWallet(ethers, owner);
      const walletAddress = await wallet.getAddress();
      await registry.connect(companyAdmin).setCompanySigner(companyId, walletAddress, true);

      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(owner, registry, terms);
      await expect(registry.connect(outsider).submitCommitment(terms, walletAddress, signature))
        .to.emit(registry, "CommitmentRegistered")
        .withArgs(
          1n,
          companyId,
          walletAddress,
          ethers.TypedDataEncoder.hashStruct("PromiseOfFutureReturns", PROMISE_TYPES, terms),
          termsTuple(terms),
        );
      expect((await registry.commitment(1n)).signer).to.equal(walletAddress);
    });

    it("accepts a contract wallet as the company admin", async function () {
      const { registry, holders, start } = await networkHelpers.loadFixture(system);
      const owner = holders[0];
      const wallet = await deployWallet(ethers, owner);
      const walletAddress = await wallet.getAddress();
      await registry.registerCompany("Wallet Co", "", walletAddress);
      const terms = promiseTerms(2n, start);
      await registry.submitCommitment(terms, walletAddress, await signPromise(owner, registry, terms));
      expect((await registry.commitment(1n)).companyId).to.equal(2n);
    });

    it("rejects a wallet signature once the wallet no longer accepts its signer's key", async function () {
      const { registry, companyAdmin, holders, companyId, start } = await networkHelpers.loadFixture(system);
      const [owner, newOwner] = [holders[0], holders[1]];
      const wallet = await deployWallet(ethers, owner);
      const walletAddress = await wallet.getAddress();
      await registry.connect(companyAdmin).setCompanySigner(companyId, walletAddress, true);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(owner, registry, terms);
      await wallet.connect(owner).setOwner(newOwner.address);

      await expectSignatureRefused(registry, terms, walletAddress, signature);
      expect(await registry.commitmentCount()).to.equal(0n);
    });

    it("rejects a signature by someone other than the wallet's owner", async function () {
      const { registry, companyAdmin, holders, companyId, start } = await networkHelpers.loadFixture(system);
      const wallet = await deployWallet(ethers, holders[0]);
      const walletAddress = await wallet.getAddress();
      await registry.connect(companyAdmin).setCompanySigner(companyId, walletAddress, true);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(holders[1], registry, terms);
      await expectSignatureRefused(registry, terms, walletAddress, signature);
    });
  });

  describe("replays and misuse", function () {
    it("rejects the same signed promise submitted twice", async function () {
      const { registry, companyAdmin, outsider, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(companyAdmin, registry, terms);
      await registry.submitCommitment(terms, companyAdmin.address, signature);
      await expect(registry.connect(outsider).submitCommitment(terms, companyAdmin.address, signature))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNonceUsed")
        .withArgs(companyId, terms.nonce);
      expect(await registry.commitmentCount()).to.equal(1n);
    });

    it("rejects a different promise that reuses a nonce of the company", async function () {
      const { registry, companyAdmin, companySigner, companyId, start } =
        await networkHelpers.loadFixture(system);
      const first = promiseTerms(companyId, start, { nonce: 9n });
      await registry.submitCommitment(
        first,
        companyAdmin.address,
        await signPromise(companyAdmin, registry, first),
      );
      const second = promiseTerms(companyId, start, { nonce: 9n, returnsShareBps: 800, modelName: "Other" });
      const signature = await signPromise(companySigner, registry, second);
      await expect(registry.submitCommitment(second, companySigner.address, signature))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNonceUsed")
        .withArgs(companyId, 9n);
    });

    it("rejects a signature made for another chain", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(companyAdmin, registry, terms, { chainId: 1n });
      await expectSignatureRefused(registry, terms, companyAdmin.address, signature);
      expect(await registry.nonceUsed(companyId, terms.nonce)).to.equal(false);
    });

    it("rejects a signature made for another registry contract", async function () {
      const { registry, shares, council, companyAdmin, companyId, start } =
        await networkHelpers.loadFixture(system);
      const other = await ethers.deployContract("ReturnsRegistry", [
        council.address,
        await shares.getAddress(),
      ]);
      await other.connect(council).registerTechnique("Debate", "ipfs://debate", ethers.id("debate"), []);
      await other.registerCompany("Acme AI", "", companyAdmin.address);
      const terms = promiseTerms(companyId, start);
      const signedForOther = await signPromise(companyAdmin, registry, terms, {
        verifyingContract: await other.getAddress(),
      });
      await expectSignatureRefused(registry, terms, companyAdmin.address, signedForOther);
      // The same signature is good where it was meant to go, and only there.
      const submission = other.submitCommitment(terms, companyAdmin.address, signedForOther);
      await expect(submission).to.emit(other, "CommitmentRegistered");
    });

    it("rejects a signature made under another domain name or version", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      for (const overrides of [{ name: "Returns Registry" }, { version: "2" }]) {
        const signature = await signPromise(companyAdmin, registry, terms, overrides);
        await expectSignatureRefused(registry, terms, companyAdmin.address, signature);
      }
    });

    it("rejects a signature submitted after its deadline", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start, { deadline: start });
      const signature = await signPromise(companyAdmin, registry, terms);
      await networkHelpers.time.setNextBlockTimestamp(start + 1n);
      await expect(registry.submitCommitment(terms, companyAdmin.address, signature))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistrySignatureExpired")
        .withArgs(start);
      expect(await registry.commitmentCount()).to.equal(0n);
    });

    it("rejects terms changed after signing", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const signed = promiseTerms(companyId, start, { returnsShareBps: 500 });
      const signature = await signPromise(companyAdmin, registry, signed);
      for (const changed of [
        { ...signed, returnsShareBps: 100 },
        { ...signed, techniqueIds: [2n] },
        { ...signed, modelName: "Aligned-7B " },
        { ...signed, gracePeriod: signed.gracePeriod + 1n },
      ]) {
        await expectSignatureRefused(registry, changed, companyAdmin.address, signature);
      }
    });

    it("rejects a valid signature of one company signer presented as another's", async function () {
      const { registry, companyAdmin, companySigner, companyId, start } =
        await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(companySigner, registry, terms);
      await expectSignatureRefused(registry, terms, companyAdmin.address, signature);
    });

    it("rejects a malformed signature", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      for (const signature of ["0x", "0x1234", "0x" + "00".repeat(65)]) {
        await expectSignatureRefused(registry, terms, companyAdmin.address, signature);
      }
    });

    it("rejects a signer who is not a signer of the company", async function () {
      const { registry, outsider, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(outsider, registry, terms);
      await expect(registry.submitCommitment(terms, outsider.address, signature))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
        .withArgs(companyId, outsider.address);
    });

    it("rejects the zero address as signer", async function () {
      const { registry, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      await expect(registry.submitCommitment(terms, ethers.ZeroAddress, "0x" + "00".repeat(65)))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
        .withArgs(companyId, ethers.ZeroAddress);
    });

    it("rejects a promise signed by a signer removed before submission", async function () {
      const { registry, companyAdmin, companySigner, companyId, start } =
        await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(companySigner, registry, terms);
      await registry.connect(companyAdmin).setCompanySigner(companyId, companySigner.address, false);
      await expect(registry.submitCommitment(terms, companySigner.address, signature))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
        .withArgs(companyId, companySigner.address);
      expect(await registry.nonceUsed(companyId, terms.nonce)).to.equal(false);
    });

    it("rejects a promise signed by an admin who has handed the company over", async function () {
      const { registry, companyAdmin, outsider, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start);
      const signature = await signPromise(companyAdmin, registry, terms);
      await registry.connect(companyAdmin).setCompanyAdmin(companyId, outsider.address);
      await expect(registry.submitCommitment(terms, companyAdmin.address, signature))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
        .withArgs(companyId, companyAdmin.address);
    });

    it("rejects a promise for an unknown company", async function () {
      const { registry, companyAdmin, start } = await networkHelpers.loadFixture(system);
      for (const companyId of [0n, 2n]) {
        const terms = promiseTerms(companyId, start);
        const signature = await signPromise(companyAdmin, registry, terms);
        await expect(registry.submitCommitment(terms, companyAdmin.address, signature))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCompany")
          .withArgs(companyId);
      }
    });

    it("rejects a promise naming an unknown technique", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      for (const unknown of [0n, 3n]) {
        const terms = promiseTerms(companyId, start, { techniqueIds: [1n, unknown] });
        const signature = await signPromise(companyAdmin, registry, terms);
        await expect(registry.submitCommitment(terms, companyAdmin.address, signature))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownTechnique")
          .withArgs(unknown);
      }
    });

    it("rejects a promise naming a retired technique", async function () {
      const { registry, council, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      await registry.connect(council).retireTechnique(2n);
      const terms = promiseTerms(companyId, start, { techniqueIds: [1n, 2n] });
      const signature = await signPromise(companyAdmin, registry, terms);
      await expect(registry.submitCommitment(terms, companyAdmin.address, signature))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryTechniqueRetired")
        .withArgs(2n);
      expect(await registry.commitmentCount()).to.equal(0n);
    });

    it("keeps a commitment made before its technique was retired", async function () {
      const { registry, council, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const terms = promiseTerms(companyId, start, { techniqueIds: [2n] });
      await registry.submitCommitment(
        terms,
        companyAdmin.address,
        await signPromise(companyAdmin, registry, terms),
      );
      await registry.connect(council).retireTechnique(2n);
      expect((await registry.commitment(1n)).techniqueIds).to.deep.equal([2n]);
      expect((await registry.technique(2n)).retired).to.equal(true);
    });

    it("rejects bad terms", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const base = promiseTerms(companyId, start);
      const bad: PromiseTerms[] = [
        { ...base, techniqueIds: [] },
        { ...base, techniqueIds: [1n, 1n] },
        { ...base, techniqueIds: Array.from({ length: 33 }, () => 1n) },
        { ...base, returnsShareBps: 0 },
        { ...base, returnsShareBps: 10_001 },
        { ...base, end: base.start },
        { ...base, end: base.start - 1n },
        { ...base, periodLength: 0n },
        { ...base, end: base.start + base.periodLength - 1n },
        { ...base, start: 0n, end: 2n ** 32n, periodLength: 1n }, // more periods than a uint32 counts
      ];
      for (const terms of bad) {
        const signature = await signPromise(companyAdmin, registry, terms);
        await expect(
          registry.submitCommitment(terms, companyAdmin.address, signature),
        ).to.be.revertedWithCustomError(registry, "ReturnsRegistryInvalidTerms");
      }
      expect(await registry.commitmentCount()).to.equal(0n);
    });

    it("accepts the boundary terms: 1 and 10,000 bps, exactly one period", async function () {
      const { registry, companyAdmin, companyId, start } = await networkHelpers.loadFixture(system);
      const base = promiseTerms(companyId, start, { periods: 1n });
      for (const [nonce, bps] of [
        [1n, 1],
        [2n, 10_000],
      ] as const) {
        const terms = { ...base, nonce, returnsShareBps: bps };
        await registry.submitCommitment(
          terms,
          companyAdmin.address,
          await signPromise(companyAdmin, registry, terms),
        );
      }
      expect((await registry.commitment(1n)).returnsShareBps).to.equal(1n);
      expect((await registry.commitment(2n)).returnsShareBps).to.equal(10_000n);
      expect((await registry.commitment(2n)).periodCount).to.equal(1n);
    });

    it("has no way to withdraw a commitment", async function () {
      const { registry } = await networkHelpers.loadFixture(system);
      const names: string[] = [];
      registry.interface.forEachFunction((fn) => names.push(fn.name.toLowerCase()));
      expect(names).to.include("submitcommitment");
      expect(names.filter((name) => /withdraw|cancel|revoke|delete|remove/.test(name))).to.deep.equal([]);
    });

    it("reverts the views for an unknown commitment", async function () {
      const { registry } = await networkHelpers.loadFixture(system);
      for (const id of [0n, 1n]) {
        await expect(registry.commitment(id))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCommitment")
          .withArgs(id);
        await expect(registry.compliance(id))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCommitment")
          .withArgs(id);
        await expect(registry.dueAmount(id, 1n))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCommitment")
          .withArgs(id);
      }
    });
  });
});
