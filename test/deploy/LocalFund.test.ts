import { expect } from "chai";
import { ZeroAddress } from "ethers";
import { network } from "hardhat";

import LocalFundModule from "../../ignition/modules/LocalFund.js";
import {
  DEFAULT_ADMIN_ROLE,
  DEPOSITOR_ROLE,
  MINTER_ROLE,
  STIPEND_ROLE,
} from "../../ignition/modules/roles.js";

const { ethers, ignition, networkHelpers } = await network.create();

/** Deploys the module, then attaches the typed contracts (Ignition's results are untyped). */
async function deployLocalFund() {
  const deployed = await ignition.deploy(LocalFundModule, { parameters: { LocalFund: { threshold: 3 } } });
  const at = async (contract: { getAddress(): Promise<string> }) => contract.getAddress();
  return {
    council: await ethers.getContractAt("TrusteeCouncil", await at(deployed.council)),
    shares: await ethers.getContractAt("FundShares", await at(deployed.shares)),
    capitalPool: await ethers.getContractAt("CapitalPool", await at(deployed.capitalPool)),
    grantRounds: await ethers.getContractAt("GrantRounds", await at(deployed.grantRounds)),
    offerings: await ethers.getContractAt("Offerings", await at(deployed.offerings)),
    returnsRegistry: await ethers.getContractAt("ReturnsRegistry", await at(deployed.returnsRegistry)),
    testUsd: await ethers.getContractAt("TestToken", await at(deployed.testUsd)),
  };
}

async function deployer() {
  const [first] = await ethers.getSigners();
  if (first === undefined) throw new Error("no signers");
  return first;
}

describe("LocalFund deployment module", () => {
  it("wires the system: council bound to every contract, minters and stipend roles granted", async () => {
    const fund = await networkHelpers.loadFixture(deployLocalFund);
    const system = await fund.council.systemContracts();
    expect(system.shares).to.equal(await fund.shares.getAddress());
    expect(system.grantRounds).to.equal(await fund.grantRounds.getAddress());
    expect(system.offerings).to.equal(await fund.offerings.getAddress());
    expect(system.capitalPool).to.equal(await fund.capitalPool.getAddress());
    expect(system.returnsRegistry).to.equal(await fund.returnsRegistry.getAddress());

    expect(await fund.shares.hasRole(MINTER_ROLE, await fund.grantRounds.getAddress())).to.equal(true);
    expect(await fund.shares.hasRole(MINTER_ROLE, await fund.offerings.getAddress())).to.equal(true);
    expect(await fund.capitalPool.hasRole(STIPEND_ROLE, await fund.grantRounds.getAddress())).to.equal(true);
    expect(await fund.capitalPool.hasRole(DEPOSITOR_ROLE, await fund.offerings.getAddress())).to.equal(true);
    expect(await fund.capitalPool.hasRole(DEPOSITOR_ROLE, await fund.grantRounds.getAddress())).to.equal(
      true,
    );
    expect(await fund.shares.returnsAssets()).to.deep.equal([ZeroAddress, await fund.testUsd.getAddress()]);
  });

  it("makes dev accounts 1–5 the trustees with a threshold of 3", async () => {
    const fund = await networkHelpers.loadFixture(deployLocalFund);
    const signers = await ethers.getSigners();
    const expected = signers.slice(1, 6).map((signer) => signer.address);
    expect(await fund.council.trustees()).to.deep.equal(expected);
    expect(await fund.council.threshold()).to.equal(3n);
  });

  it("leaves the council as the only admin and the deployer with no privilege at all", async () => {
    const fund = await networkHelpers.loadFixture(deployLocalFund);
    const deployerSigner = await deployer();
    const councilAddress = await fund.council.getAddress();
    for (const contract of [fund.shares, fund.capitalPool]) {
      expect(await contract.hasRole(DEFAULT_ADMIN_ROLE, councilAddress)).to.equal(true);
      for (const role of [DEFAULT_ADMIN_ROLE, MINTER_ROLE, DEPOSITOR_ROLE, STIPEND_ROLE]) {
        expect(await contract.hasRole(role, deployerSigner)).to.equal(false);
      }
    }
    expect(await fund.council.isTrustee(deployerSigner)).to.equal(false);
    // The one-time wiring is spent: the deployer cannot re-bind the system.
    await expect(
      fund.council.connect(deployerSigner).bindSystem({
        shares: deployerSigner.address,
        grantRounds: deployerSigner.address,
        offerings: deployerSigner.address,
        capitalPool: deployerSigner.address,
        returnsRegistry: deployerSigner.address,
      }),
    ).to.be.revertedWithCustomError(fund.council, "CouncilAlreadyBound");
    // Council-only entry points refuse the deployer.
    await expect(fund.shares.connect(deployerSigner).setTransfersEnabled(true)).to.be.revertedWithCustomError(
      fund.shares,
      "AccessControlUnauthorizedAccount",
    );
    await expect(
      fund.returnsRegistry.connect(deployerSigner).retireTechnique(1n),
    ).to.be.revertedWithCustomError(fund.returnsRegistry, "ReturnsRegistryNotCouncil");
  });
});
