import { expect } from "chai";
import { id } from "ethers";

import {
  ETH,
  MAX_OUTSTANDING_PER_ASSET,
  MAX_PAUSE,
  MAX_RETURNS_ASSETS,
  MAX_SUPPLY,
  ONE_SHARE,
} from "../helpers/ledger.js";
import { sharesNetwork, snapshotLedger } from "../helpers/shares.js";

const { ethers, networkHelpers, deployShares } = await sharesNetwork();

describe("FundShares: deployment, roles and administration", function () {
  describe("deployment", function () {
    it("is an ERC-20 with the given name and symbol, 18 decimals and no supply", async function () {
      const { shares } = await networkHelpers.loadFixture(deployShares);
      expect(await shares.name()).to.equal("Future Endowment Fund Share");
      expect(await shares.symbol()).to.equal("FEFS");
      expect(await shares.decimals()).to.equal(18n);
      expect(await shares.totalSupply()).to.equal(0n);
      expect(await shares.holderCount()).to.equal(0n);
      expect(await shares.holders(0n, 10n)).to.deep.equal([]);
    });

    it("gives the admin role to the admin argument, not to the deployer", async function () {
      const { admin, outsider, pool } = await networkHelpers.loadFixture(deployShares);
      const shares = await ethers.deployContract(
        "FundShares",
        ["F", "F", admin.address, pool, MAX_PAUSE],
        outsider,
      );
      const adminRole = await shares.DEFAULT_ADMIN_ROLE();
      expect(await shares.hasRole(adminRole, admin.address)).to.equal(true);
      expect(await shares.hasRole(adminRole, outsider.address)).to.equal(false);
      expect(await shares.hasRole(await shares.MINTER_ROLE(), admin.address)).to.equal(false);
    });

    it("lists ETH (address zero) as the only returns asset from deployment and says so in an event", async function () {
      const { admin, pool } = await networkHelpers.loadFixture(deployShares);
      const shares = await ethers.deployContract("FundShares", ["F", "F", admin.address, pool, MAX_PAUSE]);
      await expect(shares.deploymentTransaction()).to.emit(shares, "ReturnsAssetAdded").withArgs(ETH);
      expect(await shares.returnsAssets()).to.deep.equal([ETH]);
      expect(await shares.isReturnsAsset(ETH)).to.equal(true);
      expect(await shares.ETH()).to.equal(ETH);
    });

    it("starts with transfers off and not paused", async function () {
      const { shares } = await networkHelpers.loadFixture(deployShares);
      expect(await shares.transfersEnabled()).to.equal(false);
      expect(await shares.paused()).to.equal(false);
    });

    it("publishes its limits as constants", async function () {
      const { shares } = await networkHelpers.loadFixture(deployShares);
      expect(await shares.MINTER_ROLE()).to.equal(id("MINTER_ROLE"));
      expect(await shares.MAX_RETURNS_ASSETS()).to.equal(MAX_RETURNS_ASSETS);
      expect(await shares.MIN_DISTRIBUTION_SUPPLY()).to.equal(ONE_SHARE);
      expect(await shares.MAX_SUPPLY()).to.equal(MAX_SUPPLY);
      expect(await shares.MAX_OUTSTANDING_PER_ASSET()).to.equal(MAX_OUTSTANDING_PER_ASSET);
      expect(await shares.maxPauseDuration()).to.equal(MAX_PAUSE);
    });

    it("refuses a zero capital pool or a pause lapse out of range", async function () {
      const { admin, pool } = await networkHelpers.loadFixture(deployShares);
      const factory = await ethers.getContractFactory("FundShares");
      await expect(
        ethers.deployContract("FundShares", ["F", "F", admin.address, ethers.ZeroAddress, MAX_PAUSE]),
      ).to.be.revertedWithCustomError(factory, "FundSharesInvalidCapitalPool");
      for (const duration of [3600n, 366n * 24n * 3600n]) {
        await expect(ethers.deployContract("FundShares", ["F", "F", admin.address, pool, duration]))
          .to.be.revertedWithCustomError(factory, "FundSharesInvalidPauseDuration")
          .withArgs(duration);
      }
    });
  });

  describe("roles", function () {
    it("lets the admin grant and revoke the minter role", async function () {
      const { shares, admin, alice, outsider, minterRole } = await networkHelpers.loadFixture(deployShares);
      await expect(shares.connect(admin).grantRole(minterRole, outsider.address))
        .to.emit(shares, "RoleGranted")
        .withArgs(minterRole, outsider.address, admin.address);
      await shares.connect(outsider).mint(alice.address, ONE_SHARE);
      expect(await shares.balanceOf(alice.address)).to.equal(ONE_SHARE);

      await shares.connect(admin).revokeRole(minterRole, outsider.address);
      await expect(shares.connect(outsider).mint(alice.address, ONE_SHARE))
        .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, minterRole);
      expect(await shares.balanceOf(alice.address)).to.equal(ONE_SHARE);
    });

    it("stops a former admin after the role is handed over and renounced", async function () {
      const { shares, admin, outsider, adminRole } = await networkHelpers.loadFixture(deployShares);
      await shares.connect(admin).grantRole(adminRole, outsider.address);
      await shares.connect(admin).renounceRole(adminRole, admin.address);
      await expect(shares.connect(admin).setTransfersEnabled(true))
        .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
        .withArgs(admin.address, adminRole);
      await expect(shares.connect(outsider).setTransfersEnabled(true))
        .to.emit(shares, "TransfersEnabledSet")
        .withArgs(true);
    });

    it("does not let a non-admin grant roles", async function () {
      const { shares, minter, outsider, minterRole, adminRole } =
        await networkHelpers.loadFixture(deployShares);
      await expect(shares.connect(minter).grantRole(minterRole, outsider.address))
        .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
        .withArgs(minter.address, adminRole);
      expect(await shares.hasRole(minterRole, outsider.address)).to.equal(false);
    });
  });

  describe("setTransfersEnabled", function () {
    it("lets the admin switch transfers on and off, with an event each time", async function () {
      const { shares, admin } = await networkHelpers.loadFixture(deployShares);
      await expect(shares.connect(admin).setTransfersEnabled(true))
        .to.emit(shares, "TransfersEnabledSet")
        .withArgs(true);
      expect(await shares.transfersEnabled()).to.equal(true);
      await expect(shares.connect(admin).setTransfersEnabled(false))
        .to.emit(shares, "TransfersEnabledSet")
        .withArgs(false);
      expect(await shares.transfersEnabled()).to.equal(false);
    });

    it("refuses anyone but the admin, minter included, and changes nothing", async function () {
      const { shares, minter, outsider, adminRole } = await networkHelpers.loadFixture(deployShares);
      for (const caller of [minter, outsider]) {
        await expect(shares.connect(caller).setTransfersEnabled(true))
          .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, adminRole);
      }
      expect(await shares.transfersEnabled()).to.equal(false);
    });
  });

  describe("addReturnsAsset", function () {
    it("adds an ERC-20 after ETH, with an event", async function () {
      const { shares, admin } = await networkHelpers.loadFixture(deployShares);
      const token = await ethers.deployContract("TestToken", ["T", "T", 18]);
      const tokenAddress = await token.getAddress();
      expect(await shares.isReturnsAsset(tokenAddress)).to.equal(false);
      await expect(shares.connect(admin).addReturnsAsset(tokenAddress))
        .to.emit(shares, "ReturnsAssetAdded")
        .withArgs(tokenAddress);
      expect(await shares.returnsAssets()).to.deep.equal([ETH, tokenAddress]);
      expect(await shares.isReturnsAsset(tokenAddress)).to.equal(true);
    });

    it("accepts at most eight assets including ETH", async function () {
      const { shares, admin } = await networkHelpers.loadFixture(deployShares);
      const added: string[] = [];
      for (let i = 1n; i < MAX_RETURNS_ASSETS; i++) {
        const token = await ethers.deployContract("TestToken", [`T${i}`, `T${i}`, 18]);
        added.push(await token.getAddress());
        await shares.connect(admin).addReturnsAsset(added[added.length - 1] ?? "");
      }
      expect(await shares.returnsAssets()).to.deep.equal([ETH, ...added]);

      const ninth = await ethers.deployContract("TestToken", ["T9", "T9", 18]);
      const ninthAddress = await ninth.getAddress();
      await expect(shares.connect(admin).addReturnsAsset(ninthAddress))
        .to.be.revertedWithCustomError(shares, "FundSharesTooManyAssets")
        .withArgs(MAX_RETURNS_ASSETS);
      expect(await shares.returnsAssets()).to.deep.equal([ETH, ...added]);
      expect(await shares.isReturnsAsset(ninthAddress)).to.equal(false);
    });

    it("refuses an address without code, ETH's id included, and changes nothing", async function () {
      const { shares, admin, outsider } = await networkHelpers.loadFixture(deployShares);
      for (const candidate of [outsider.address, ETH]) {
        await expect(shares.connect(admin).addReturnsAsset(candidate))
          .to.be.revertedWithCustomError(shares, "FundSharesInvalidAsset")
          .withArgs(candidate);
      }
      expect(await shares.returnsAssets()).to.deep.equal([ETH]);
      expect(await shares.isReturnsAsset(outsider.address)).to.equal(false);
    });

    it("refuses the ledger's own shares as a returns asset", async function () {
      const { shares, sharesAddress, admin } = await networkHelpers.loadFixture(deployShares);
      await expect(shares.connect(admin).addReturnsAsset(sharesAddress))
        .to.be.revertedWithCustomError(shares, "FundSharesInvalidAsset")
        .withArgs(sharesAddress);
      expect(await shares.returnsAssets()).to.deep.equal([ETH]);
    });

    it("refuses a token that is already listed", async function () {
      const { shares, admin } = await networkHelpers.loadFixture(deployShares);
      const token = await ethers.deployContract("TestToken", ["T", "T", 6]);
      const tokenAddress = await token.getAddress();
      await shares.connect(admin).addReturnsAsset(tokenAddress);
      await expect(shares.connect(admin).addReturnsAsset(tokenAddress))
        .to.be.revertedWithCustomError(shares, "FundSharesAssetAlreadyAdded")
        .withArgs(tokenAddress);
      expect(await shares.returnsAssets()).to.deep.equal([ETH, tokenAddress]);
    });

    it("refuses anyone but the admin", async function () {
      const { shares, minter, adminRole } = await networkHelpers.loadFixture(deployShares);
      const token = await ethers.deployContract("TestToken", ["T", "T", 18]);
      const tokenAddress = await token.getAddress();
      await expect(shares.connect(minter).addReturnsAsset(tokenAddress))
        .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
        .withArgs(minter.address, adminRole);
      expect(await shares.isReturnsAsset(tokenAddress)).to.equal(false);
    });
  });

  describe("pause and unpause", function () {
    it("lets the admin pause and unpause, with events", async function () {
      const { shares, admin } = await networkHelpers.loadFixture(deployShares);
      const pause = await shares.connect(admin).pause();
      const pausedAt = BigInt((await pause.getBlock())?.timestamp ?? 0);
      await expect(pause)
        .to.emit(shares, "Paused")
        .withArgs(admin.address, pausedAt + MAX_PAUSE);
      expect(await shares.paused()).to.equal(true);
      expect(await shares.pauseState()).to.deep.equal([true, pausedAt + MAX_PAUSE, 0n]);
      await expect(shares.connect(admin).unpause()).to.emit(shares, "Unpaused").withArgs(admin.address);
      expect(await shares.paused()).to.equal(false);
    });

    it("refuses to pause twice or to unpause when running", async function () {
      const { shares, admin } = await networkHelpers.loadFixture(deployShares);
      await expect(shares.connect(admin).unpause()).to.be.revertedWithCustomError(
        shares,
        "FundSharesNotPaused",
      );
      await shares.connect(admin).pause();
      await expect(shares.connect(admin).pause()).to.be.revertedWithCustomError(shares, "FundSharesPaused");
      expect(await shares.paused()).to.equal(true);
    });

    it("refuses pause and unpause from anyone but the admin", async function () {
      const { shares, admin, minter, outsider, adminRole } = await networkHelpers.loadFixture(deployShares);
      const before = await snapshotLedger(ethers, shares, [outsider.address]);
      await expect(shares.connect(outsider).pause())
        .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, adminRole);
      expect(await snapshotLedger(ethers, shares, [outsider.address])).to.deep.equal(before);
      await shares.connect(admin).pause();
      await expect(shares.connect(minter).unpause())
        .to.be.revertedWithCustomError(shares, "AccessControlUnauthorizedAccount")
        .withArgs(minter.address, adminRole);
      expect(await shares.paused()).to.equal(true);
    });
  });
});
