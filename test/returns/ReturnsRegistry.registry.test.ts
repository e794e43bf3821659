import { expect } from "chai";

import { returnsNetwork } from "../helpers/returns.js";

const { ethers, networkHelpers, system } = await returnsNetwork();

describe("ReturnsRegistry — techniques and companies", function () {
  describe("techniques", function () {
    it("lets the council register a technique with ids from 1", async function () {
      const { registry, council } = await networkHelpers.loadFixture(system);
      const hash = ethers.id("scalable oversight");
      await expect(registry.connect(council).registerTechnique("Oversight", "ipfs://o", hash, [7n, 9n]))
        .to.emit(registry, "TechniqueRegistered")
        .withArgs(3n, "Oversight", "ipfs://o", hash, [7n, 9n]);
      expect(await registry.techniqueCount()).to.equal(3n);
      const stored = await registry.technique(3n);
      const block = await ethers.provider.getBlock("latest");
      expect(stored.title).to.equal("Oversight");
      expect(stored.uri).to.equal("ipfs://o");
      expect(stored.contentHash).to.equal(hash);
      expect(stored.applicationIds).to.deep.equal([7n, 9n]);
      expect(stored.registeredAt).to.equal(BigInt(block?.timestamp ?? 0));
      expect(stored.retired).to.equal(false);
      expect((await registry.technique(1n)).title).to.equal("Debate");
    });

    it("refuses technique registration by anyone but the council", async function () {
      const { registry, outsider, deployer } = await networkHelpers.loadFixture(system);
      for (const caller of [outsider, deployer]) {
        await expect(registry.connect(caller).registerTechnique("X", "", ethers.id("x"), []))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCouncil")
          .withArgs(caller.address);
      }
      expect(await registry.techniqueCount()).to.equal(2n);
    });

    it("rejects a technique without a title or content hash", async function () {
      const { registry, council } = await networkHelpers.loadFixture(system);
      await expect(
        registry.connect(council).registerTechnique("", "ipfs://x", ethers.id("x"), []),
      ).to.be.revertedWithCustomError(registry, "ReturnsRegistryInvalidTechnique");
      await expect(
        registry.connect(council).registerTechnique("X", "ipfs://x", ethers.ZeroHash, []),
      ).to.be.revertedWithCustomError(registry, "ReturnsRegistryInvalidTechnique");
      expect(await registry.techniqueCount()).to.equal(2n);
    });

    it("lets the council retire a technique, which stays on record", async function () {
      const { registry, council } = await networkHelpers.loadFixture(system);
      await expect(registry.connect(council).retireTechnique(1n))
        .to.emit(registry, "TechniqueRetired")
        .withArgs(1n);
      const stored = await registry.technique(1n);
      expect(stored.retired).to.equal(true);
      expect(stored.title).to.equal("Debate");
      expect(await registry.techniqueCount()).to.equal(2n);
    });

    it("refuses to retire an unknown or already retired technique, or for anyone but the council", async function () {
      const { registry, council, outsider } = await networkHelpers.loadFixture(system);
      await expect(registry.connect(outsider).retireTechnique(1n))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCouncil")
        .withArgs(outsider.address);
      for (const id of [0n, 3n]) {
        await expect(registry.connect(council).retireTechnique(id))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownTechnique")
          .withArgs(id);
      }
      await registry.connect(council).retireTechnique(1n);
      await expect(registry.connect(council).retireTechnique(1n))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryTechniqueRetired")
        .withArgs(1n);
    });

    it("reverts the view of an unknown technique", async function () {
      const { registry } = await networkHelpers.loadFixture(system);
      await expect(registry.technique(3n))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownTechnique")
        .withArgs(3n);
    });
  });

  describe("companies", function () {
    it("lets anyone register a company with ids from 1", async function () {
      const { registry, outsider, holders } = await networkHelpers.loadFixture(system);
      const admin = holders[0];
      await expect(
        registry.connect(outsider).registerCompany("Beta Labs", "https://beta.example", admin.address),
      )
        .to.emit(registry, "CompanyRegistered")
        .withArgs(2n, admin.address, "Beta Labs", "https://beta.example");
      expect(await registry.companyCount()).to.equal(2n);
      const stored = await registry.company(2n);
      expect(stored.name).to.equal("Beta Labs");
      expect(stored.uri).to.equal("https://beta.example");
      expect(stored.admin).to.equal(admin.address);
      expect(stored.registeredAt).to.equal(
        BigInt((await ethers.provider.getBlock("latest"))?.timestamp ?? 0),
      );
      expect(await registry.isCompanySigner(2n, admin.address)).to.equal(true);
      expect(await registry.isCompanySigner(2n, outsider.address)).to.equal(false);
    });

    it("rejects a company without a name or admin", async function () {
      const { registry, outsider } = await networkHelpers.loadFixture(system);
      await expect(registry.registerCompany("", "", outsider.address)).to.be.revertedWithCustomError(
        registry,
        "ReturnsRegistryInvalidCompany",
      );
      await expect(registry.registerCompany("X", "", ethers.ZeroAddress)).to.be.revertedWithCustomError(
        registry,
        "ReturnsRegistryInvalidCompany",
      );
      expect(await registry.companyCount()).to.equal(1n);
    });

    it("lets the admin authorise and remove extra signers", async function () {
      const { registry, companyAdmin, outsider, companyId } = await networkHelpers.loadFixture(system);
      await expect(registry.connect(companyAdmin).setCompanySigner(companyId, outsider.address, true))
        .to.emit(registry, "CompanySignerSet")
        .withArgs(companyId, outsider.address, true);
      expect(await registry.isCompanySigner(companyId, outsider.address)).to.equal(true);
      await expect(registry.connect(companyAdmin).setCompanySigner(companyId, outsider.address, false))
        .to.emit(registry, "CompanySignerSet")
        .withArgs(companyId, outsider.address, false);
      expect(await registry.isCompanySigner(companyId, outsider.address)).to.equal(false);
    });

    it("keeps signers per company", async function () {
      const { registry, companySigner, outsider, companyId } = await networkHelpers.loadFixture(system);
      await registry.connect(outsider).registerCompany("Beta Labs", "", outsider.address);
      expect(await registry.isCompanySigner(companyId, companySigner.address)).to.equal(true);
      expect(await registry.isCompanySigner(2n, companySigner.address)).to.equal(false);
      expect(await registry.isCompanySigner(companyId, outsider.address)).to.equal(false);
    });

    it("refuses signer changes by anyone but the admin, including signers", async function () {
      const { registry, companySigner, outsider, companyId } = await networkHelpers.loadFixture(system);
      for (const caller of [companySigner, outsider]) {
        await expect(registry.connect(caller).setCompanySigner(companyId, outsider.address, true))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanyAdmin")
          .withArgs(companyId, caller.address);
      }
      expect(await registry.isCompanySigner(companyId, outsider.address)).to.equal(false);
    });

    it("rejects the zero address as signer and unknown companies", async function () {
      const { registry, companyAdmin, companyId } = await networkHelpers.loadFixture(system);
      await expect(
        registry.connect(companyAdmin).setCompanySigner(companyId, ethers.ZeroAddress, true),
      ).to.be.revertedWithCustomError(registry, "ReturnsRegistryInvalidCompany");
      for (const id of [0n, 2n]) {
        await expect(registry.connect(companyAdmin).setCompanySigner(id, companyAdmin.address, true))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCompany")
          .withArgs(id);
        await expect(registry.connect(companyAdmin).setCompanyAdmin(id, companyAdmin.address))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCompany")
          .withArgs(id);
        await expect(registry.company(id))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCompany")
          .withArgs(id);
      }
      expect(await registry.isCompanySigner(2n, ethers.ZeroAddress)).to.equal(false);
    });

    it("lets the admin hand the company to a new admin, who alone manages it from then on", async function () {
      const { registry, companyAdmin, outsider, holders, companyId } =
        await networkHelpers.loadFixture(system);
      await expect(registry.connect(companyAdmin).setCompanyAdmin(companyId, outsider.address))
        .to.emit(registry, "CompanyAdminChanged")
        .withArgs(companyId, outsider.address);
      expect((await registry.company(companyId)).admin).to.equal(outsider.address);
      expect(await registry.isCompanySigner(companyId, companyAdmin.address)).to.equal(false);
      expect(await registry.isCompanySigner(companyId, outsider.address)).to.equal(true);

      await expect(registry.connect(companyAdmin).setCompanySigner(companyId, holders[0].address, true))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanyAdmin")
        .withArgs(companyId, companyAdmin.address);
      await registry.connect(outsider).setCompanySigner(companyId, holders[0].address, true);
      expect(await registry.isCompanySigner(companyId, holders[0].address)).to.equal(true);
    });

    it("refuses an admin handover by anyone but the admin, or to the zero address", async function () {
      const { registry, companyAdmin, companySigner, companyId } = await networkHelpers.loadFixture(system);
      await expect(registry.connect(companySigner).setCompanyAdmin(companyId, companySigner.address))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanyAdmin")
        .withArgs(companyId, companySigner.address);
      await expect(
        registry.connect(companyAdmin).setCompanyAdmin(companyId, ethers.ZeroAddress),
      ).to.be.revertedWithCustomError(registry, "ReturnsRegistryInvalidCompany");
      expect((await registry.company(companyId)).admin).to.equal(companyAdmin.address);
    });

    it("keeps one registry per council and ledger", async function () {
      const { registry, council, shares } = await networkHelpers.loadFixture(system);
      expect(await registry.council()).to.equal(council.address);
      expect(await registry.shares()).to.equal(await shares.getAddress());
    });
  });
});
