import { expect } from "chai";

import { encodeActionParams } from "@fef/sdk/proposals";

import type { InvalidateSummary } from "../../tasks/company.js";
import type { MoveHeldSummary } from "../../tasks/held.js";
import type { DeployedModule, MigrationSummary } from "../../tasks/modules.js";
import { account, ethers, expectTaskError, loadFund, pass, runTask } from "../helpers/tasks.js";

describe("module migration and nonce tasks", () => {
  it("module:deploy, an announcement, then council:migrate --advance moves routing to the new grant-rounds module", async () => {
    const fund = await loadFund();
    const deployed = await runTask<DeployedModule>(fund, "module:deploy", { module: "GrantRounds" });
    expect(deployed.council).to.equal(await fund.council.getAddress());
    expect(deployed.announce).to.include("AnnounceMigration");

    await expectTaskError(fund, "council:migrate", { module: "GrantRounds" }, "no migration of GrantRounds");
    await pass(
      fund,
      "AnnounceMigration",
      encodeActionParams("AnnounceMigration", [0, deployed.address, false]),
    );
    await expectTaskError(fund, "council:migrate", { module: "GrantRounds" }, "--advance moves the clock");

    const migrated = await runTask<MigrationSummary>(fund, "council:migrate", {
      module: "grantrounds",
      advance: true,
    });
    expect(migrated.newModule).to.equal(deployed.address);
    expect(migrated.oldModule).to.equal(await fund.rounds.getAddress());
    expect((await fund.council.systemContracts()).grantRounds).to.equal(deployed.address);
    const minter = await ethers.getContractAt("FundShares", await fund.shares.getAddress());
    expect(await minter.hasRole(await minter.MINTER_ROLE(), deployed.address)).to.equal(true);
    await expectTaskError(fund, "council:migrate", { module: "Offerings" }, "no migration of Offerings");
    await expectTaskError(fund, "module:deploy", { module: "Ledger" }, "is not a module");
  });

  it("pfr:invalidate-nonce revokes one nonce or every nonce below a floor, and refuses what is already spent", async () => {
    const fund = await loadFund();
    const admin = account(fund.signers, 10);
    await (
      await fund.registry.connect(admin).registerCompany("Acme", "https://acme.example", admin.address)
    ).wait();
    const one = await runTask<InvalidateSummary>(fund, "pfr:invalidate-nonce", {
      company: "1",
      nonce: "7",
      from: "10",
    });
    expect(one.nonce).to.equal(7n);
    expect(await fund.registry.nonceUsed(1n, 7n)).to.equal(true);
    await expectTaskError(
      fund,
      "pfr:invalidate-nonce",
      { company: "1", nonce: "7", from: "10" },
      "already used",
    );
    const floor = await runTask<InvalidateSummary>(fund, "pfr:invalidate-nonce", {
      company: "1",
      below: "100",
      from: "10",
    });
    expect(floor.below).to.equal(100n);
    expect(await fund.registry.nonceFloor(1n)).to.equal(100n);
    await expectTaskError(
      fund,
      "pfr:invalidate-nonce",
      { company: "1", below: "50", from: "10" },
      "below 100",
    );
    await expectTaskError(fund, "pfr:invalidate-nonce", { company: "1", from: "10" }, "exactly one of");
    await expectTaskError(
      fund,
      "pfr:invalidate-nonce",
      { company: "1", nonce: "200", from: "11" },
      "may not sign",
    );
  });

  it("fund:move-held moves returns paid before any share existed into the capital pool", async () => {
    const fund = await loadFund();
    await expectTaskError(fund, "fund:move-held", {}, "no returns in ETH are held");
    const donor = account(fund.signers, 15);
    const amount = ethers.parseEther("2");
    await (
      await fund.registry
        .connect(donor)
        .donate(ethers.ZeroAddress, amount, ethers.ZeroHash, { value: amount })
    ).wait();
    const moved = await runTask<MoveHeldSummary>(fund, "fund:move-held", { asset: "ETH" });
    expect(moved.moved).to.equal(amount);
    expect((await fund.pool.books(ethers.ZeroAddress)).capitalIn).to.equal(amount);
    expect((await fund.shares.assetTotals(ethers.ZeroAddress)).undistributed).to.equal(0n);
  });
});
