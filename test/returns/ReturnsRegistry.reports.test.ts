import { expect } from "chai";
import type { Signer } from "ethers";

import {
  DAY,
  ETH,
  WHOLE_SHARE,
  commit,
  deployWallet,
  dueFor,
  isWithinLedgerRounding,
  periodEnd,
  promiseTerms,
  returnsNetwork,
} from "../helpers/returns.js";
import type { PromiseTerms, ReturnsSystem } from "../helpers/returns.js";
import type { ReturnsRegistry } from "../../types/ethers-contracts/index.js";

const { ethers, networkHelpers, system } = await returnsNetwork();

interface ReportingSystem extends ReturnsSystem {
  terms: PromiseTerms;
  commitmentId: bigint;
}

const EVIDENCE = ethers.id("audited statement");

/** `signer` reports 100 wei of gross returns for `period` and pays the 5% due (5 wei) in ETH. */
function reportHundred(registry: ReturnsRegistry, signer: Signer, commitmentId: bigint, period: bigint) {
  return registry.connect(signer).reportReturns(commitmentId, period, ETH, 100n, EVIDENCE, { value: 5n });
}

/** `reporting` once period 0 has ended, with the company signer's token allowance to the registry at `allowance`. */
async function firstPeriodEndedWithAllowance(allowance: bigint): Promise<ReportingSystem> {
  const fixture = await networkHelpers.loadFixture(reporting);
  const { registry, token, companySigner, terms } = fixture;
  await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
  await token.connect(companySigner).approve(await registry.getAddress(), allowance);
  return fixture;
}

/** The system with two holders (60 / 40 shares) and one commitment: 5 %, four 30-day periods, 7 days' grace. */
async function reporting(): Promise<ReportingSystem> {
  const base = await system();
  const { shares, minter, holders, registry, companyAdmin, companyId, start } = base;
  await shares.connect(minter).mint(holders[0].address, 60n * WHOLE_SHARE);
  await shares.connect(minter).mint(holders[1].address, 40n * WHOLE_SHARE);
  const terms = promiseTerms(companyId, start);
  const commitmentId = await commit(registry, companyAdmin, terms);
  await base.token.mint(base.companySigner.address, 10n ** 15n);
  return { ...base, terms, commitmentId };
}

describe("ReturnsRegistry — returns reports and payments", function () {
  describe("paying in ETH", function () {
    it("forwards exactly the Fund's share into the ledger and records the report", async function () {
      const { registry, shares, companySigner, terms, commitmentId, holders } =
        await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      const gross = ethers.parseEther("10");
      const due = ethers.parseEther("0.5");

      const tx = registry
        .connect(companySigner)
        .reportReturns(commitmentId, 0n, ETH, gross, EVIDENCE, { value: due });
      await expect(tx)
        .to.emit(registry, "ReturnsReported")
        .withArgs(commitmentId, 0n, ETH, gross, due, EVIDENCE)
        .and.to.emit(shares, "ReturnsReceived")
        .withArgs(ETH, await registry.getAddress(), due);
      await expect(tx).to.changeEtherBalances(ethers, [companySigner, registry, shares], [-due, 0n, due]);

      expect(await registry.totalPaid(ETH)).to.equal(due);
      expect((await registry.commitment(commitmentId)).reportedCount).to.equal(1n);
      expect((await shares.assetTotals(ETH)).received).to.equal(due);
      expect(
        isWithinLedgerRounding(await shares.claimable(holders[0].address, ETH), (due * 60n) / 100n),
      ).to.equal(true);
      expect(
        isWithinLedgerRounding(await shares.claimable(holders[1].address, ETH), (due * 40n) / 100n),
      ).to.equal(true);
    });

    it("rounds the share up to the next wei", async function () {
      const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      // 5 % of 21 wei is 1.05 wei: the Fund receives 2.
      expect(await registry.dueAmount(commitmentId, 21n)).to.equal(2n);
      await expect(
        registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 21n, EVIDENCE, { value: 1n }),
      )
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
        .withArgs(2n, 1n);
      await expect(
        registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 21n, EVIDENCE, { value: 2n }),
      )
        .to.emit(registry, "ReturnsReported")
        .withArgs(commitmentId, 0n, ETH, 21n, 2n, EVIDENCE);
    });

    it("rejects any ETH amount other than the exact share", async function () {
      const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      const gross = 1_000_000n;
      const due = dueFor(gross, 500);
      for (const sent of [0n, due - 1n, due + 1n]) {
        await expect(
          registry
            .connect(companySigner)
            .reportReturns(commitmentId, 0n, ETH, gross, EVIDENCE, { value: sent }),
        )
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
          .withArgs(due, sent);
      }
      expect((await registry.commitment(commitmentId)).reportedCount).to.equal(0n);
      expect(await registry.totalPaid(ETH)).to.equal(0n);
    });

    it("lets the company admin report as well as an authorised signer", async function () {
      const { registry, companyAdmin, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      const report = reportHundred(registry, companyAdmin, commitmentId, 0n);
      await expect(report).to.emit(registry, "ReturnsReported");
    });

    it("lets a contract wallet that is a company signer report and pay", async function () {
      const { registry, companyAdmin, holders, terms, commitmentId, companyId } =
        await networkHelpers.loadFixture(reporting);
      const owner = holders[2];
      const wallet = await deployWallet(ethers, owner);
      await registry.connect(companyAdmin).setCompanySigner(companyId, await wallet.getAddress(), true);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      await owner.sendTransaction({ to: await wallet.getAddress(), value: 5n });
      const call = registry.interface.encodeFunctionData("reportReturns", [
        commitmentId,
        0n,
        ETH,
        100n,
        EVIDENCE,
      ]);
      await expect(wallet.connect(owner).execute(await registry.getAddress(), 5n, call))
        .to.emit(registry, "ReturnsReported")
        .withArgs(commitmentId, 0n, ETH, 100n, 5n, EVIDENCE);
    });
  });

  describe("paying in an ERC-20", function () {
    it("pulls the share from the reporter straight into the ledger", async function () {
      const { registry, shares, token, companySigner, terms, commitmentId, holders } =
        await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      const gross = 123_456_789n;
      const due = dueFor(gross, 500); // 6,172,839.45 → 6,172,840
      expect(due).to.equal(6_172_840n);
      await token.connect(companySigner).approve(await registry.getAddress(), due);
      const asset = await token.getAddress();

      const tx = registry.connect(companySigner).reportReturns(commitmentId, 0n, asset, gross, EVIDENCE);
      await expect(tx)
        .to.emit(registry, "ReturnsReported")
        .withArgs(commitmentId, 0n, asset, gross, due, EVIDENCE)
        .and.to.emit(shares, "ReturnsReceived")
        .withArgs(asset, await registry.getAddress(), due);
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [companySigner, registry, shares],
        [-due, 0n, due],
      );

      expect(await registry.totalPaid(asset)).to.equal(due);
      expect(await registry.totalPaid(ETH)).to.equal(0n);
      expect((await shares.assetTotals(asset)).received).to.equal(due);
      expect(isWithinLedgerRounding(await shares.claimable(holders[0].address, asset), 3_703_704n)).to.equal(
        true,
      );
    });

    it("fails without an allowance, changing nothing", async function () {
      const { registry, token, companySigner, commitmentId } = await firstPeriodEndedWithAllowance(49n);
      const asset = await token.getAddress();
      const report = registry.connect(companySigner).reportReturns(commitmentId, 0n, asset, 1000n, EVIDENCE);
      await expect(report)
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(await registry.getAddress(), 49n, 50n);
      expect((await registry.commitment(commitmentId)).reportedCount).to.equal(0n);
    });

    it("rejects ETH sent along with an ERC-20 payment", async function () {
      const { registry, token, companySigner, commitmentId } = await firstPeriodEndedWithAllowance(50n);
      const asset = await token.getAddress();
      const report = registry
        .connect(companySigner)
        .reportReturns(commitmentId, 0n, asset, 1000n, EVIDENCE, { value: 1n });
      await expect(report)
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
        .withArgs(0n, 1n);
    });

    it("refuses a fee-on-transfer token that delivers less than the share", async function () {
      const { registry, shares, deployer, companySigner, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      const feeToken = await ethers.deployContract("FeeOnTransferTokenMock", ["Fee", "FEE", 100n]); // 1 % fee
      const asset = await feeToken.getAddress();
      await shares.connect(deployer).addReturnsAsset(asset);
      await feeToken.mint(companySigner.address, 1_000_000n);
      await feeToken.connect(companySigner).approve(await registry.getAddress(), 1_000_000n);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));

      await expect(registry.connect(companySigner).reportReturns(commitmentId, 0n, asset, 200_000n, EVIDENCE))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
        .withArgs(10_000n, 9_900n);
      expect(await registry.totalPaid(asset)).to.equal(0n);
      expect((await registry.commitment(commitmentId)).reportedCount).to.equal(0n);
    });

    it("records the company's payment alone when stray tokens sit in the ledger", async function () {
      const { registry, shares, token, outsider, companySigner, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      const asset = await token.getAddress();
      await token.mint(outsider.address, 777n);
      await token.connect(outsider).transfer(await shares.getAddress(), 777n);
      await token.connect(companySigner).approve(await registry.getAddress(), 50n);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));

      // The ledger credits the strays to holders with the same sync, but they are not the company's payment.
      await expect(registry.connect(companySigner).reportReturns(commitmentId, 0n, asset, 1000n, EVIDENCE))
        .to.emit(registry, "ReturnsReported")
        .withArgs(commitmentId, 0n, asset, 1000n, 50n, EVIDENCE)
        .and.to.emit(shares, "ReturnsReceived")
        .withArgs(asset, await registry.getAddress(), 827n);
      expect(await registry.totalPaid(asset)).to.equal(50n);
      expect((await shares.assetTotals(asset)).received).to.equal(827n);
    });

    it("refuses an asset the ledger does not take", async function () {
      const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      const unlisted = await ethers.deployContract("TestToken", ["Other", "OTH", 18]);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      for (const gross of [0n, 1000n]) {
        await expect(
          registry
            .connect(companySigner)
            .reportReturns(commitmentId, 0n, await unlisted.getAddress(), gross, EVIDENCE),
        )
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownAsset")
          .withArgs(await unlisted.getAddress());
      }
    });
  });

  describe("zero returns", function () {
    it("records a period with no returns without paying or calling the ledger", async function () {
      const { registry, shares, companySigner, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      const tx = registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE);
      await expect(tx)
        .to.emit(registry, "ReturnsReported")
        .withArgs(commitmentId, 0n, ETH, 0n, 0n, EVIDENCE)
        .and.not.to.emit(shares, "ReturnsReceived");
      expect((await registry.commitment(commitmentId)).reportedCount).to.equal(1n);
      expect(await registry.totalPaid(ETH)).to.equal(0n);
      expect((await registry.compliance(commitmentId)).periodsReported).to.equal(1n);
    });

    it("rejects ETH sent with a zero-returns report", async function () {
      const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      await expect(
        registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE, { value: 1n }),
      )
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryWrongPayment")
        .withArgs(0n, 1n);
    });
  });

  describe("periods", function () {
    it("refuses a report before the period has ended, and takes it from its last second on", async function () {
      const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      const endsAt = periodEnd(terms, 0n);
      await networkHelpers.time.setNextBlockTimestamp(endsAt - 1n);
      await expect(registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryPeriodNotEnded")
        .withArgs(commitmentId, 0n, endsAt);
      await networkHelpers.time.setNextBlockTimestamp(endsAt);
      await expect(
        registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE),
      ).to.emit(registry, "ReturnsReported");
    });

    it("takes periods strictly in order", async function () {
      const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 2n));
      const report = (period: bigint) =>
        registry.connect(companySigner).reportReturns(commitmentId, period, ETH, 0n, EVIDENCE);
      await expect(report(1n))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryPeriodOutOfOrder")
        .withArgs(commitmentId, 0n, 1n);
      await report(0n);
      await expect(report(0n))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryPeriodOutOfOrder")
        .withArgs(commitmentId, 1n, 0n);
      await report(1n);
      await report(2n);
      await expect(report(3n))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryPeriodNotEnded")
        .withArgs(commitmentId, 3n, periodEnd(terms, 3n));
      expect((await registry.commitment(commitmentId)).reportedCount).to.equal(3n);
    });

    it("refuses a period beyond the commitment's term", async function () {
      const { registry, companySigner, terms, commitmentId } = await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(terms.end + 100n * DAY);
      for (let period = 0n; period < 4n; period++) {
        await registry.connect(companySigner).reportReturns(commitmentId, period, ETH, 0n, EVIDENCE);
      }
      for (const period of [4n, 5n, 2n ** 255n]) {
        await expect(registry.connect(companySigner).reportReturns(commitmentId, period, ETH, 0n, EVIDENCE))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryNoSuchPeriod")
          .withArgs(commitmentId, period, 4n);
      }
    });

    it("refuses a report for an unknown commitment", async function () {
      const { registry, companySigner } = await networkHelpers.loadFixture(reporting);
      for (const id of [0n, 2n]) {
        await expect(registry.connect(companySigner).reportReturns(id, 0n, ETH, 0n, EVIDENCE))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCommitment")
          .withArgs(id);
      }
    });
  });

  describe("who may report", function () {
    it("refuses anyone who is not a signer of the commitment's company", async function () {
      const { registry, outsider, companyId, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      await expect(reportHundred(registry, outsider, commitmentId, 0n))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
        .withArgs(companyId, outsider.address);
    });

    it("refuses the signer of another company", async function () {
      const { registry, outsider, companyId, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      await registry.connect(outsider).registerCompany("Beta Labs", "", outsider.address);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      await expect(registry.connect(outsider).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
        .withArgs(companyId, outsider.address);
    });

    it("refuses a signer once removed, and a former admin", async function () {
      const { registry, companyAdmin, companySigner, outsider, companyId, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      await registry.connect(companyAdmin).setCompanySigner(companyId, companySigner.address, false);
      await registry.connect(companyAdmin).setCompanyAdmin(companyId, outsider.address);
      await networkHelpers.time.increaseTo(periodEnd(terms, 0n));
      for (const caller of [companySigner, companyAdmin]) {
        await expect(registry.connect(caller).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCompanySigner")
          .withArgs(companyId, caller.address);
      }
      const report = registry.connect(outsider).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE);
      await expect(report).to.emit(registry, "ReturnsReported");
    });
  });

  describe("pause and reentrancy", function () {
    it("refuses payments while the ledger is paused but still records zero-returns periods", async function () {
      const { registry, shares, deployer, companySigner, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      await networkHelpers.time.increaseTo(periodEnd(terms, 1n));
      await shares.connect(deployer).pause();
      await expect(reportHundred(registry, companySigner, commitmentId, 0n)).to.be.revertedWithCustomError(
        registry,
        "ReturnsRegistryPaused",
      );
      await expect(
        registry.connect(companySigner).reportReturns(commitmentId, 0n, ETH, 0n, EVIDENCE),
      ).to.emit(registry, "ReturnsReported");
      await shares.connect(deployer).unpause();
      const report = reportHundred(registry, companySigner, commitmentId, 1n);
      await expect(report).to.emit(registry, "ReturnsReported");
    });

    it("blocks a token hook from re-entering a payment", async function () {
      const { registry, shares, deployer, companySigner, terms, commitmentId } =
        await networkHelpers.loadFixture(reporting);
      const hookToken = await ethers.deployContract("CallbackTokenMock", ["Hook", "HOOK"]);
      const asset = await hookToken.getAddress();
      await shares.connect(deployer).addReturnsAsset(asset);
      await hookToken.mint(companySigner.address, 1_000_000n);
      await hookToken.connect(companySigner).approve(await registry.getAddress(), 1_000_000n);
      await networkHelpers.time.increaseTo(periodEnd(terms, 1n));

      for (const reentry of [
        registry.interface.encodeFunctionData("reportReturns", [commitmentId, 1n, asset, 0n, EVIDENCE]),
        registry.interface.encodeFunctionData("donate", [asset, 1n, ethers.ZeroHash]),
      ]) {
        await hookToken.arm(await registry.getAddress(), reentry);
        await expect(
          registry.connect(companySigner).reportReturns(commitmentId, 0n, asset, 1000n, EVIDENCE),
        ).to.be.revertedWithCustomError(registry, "ReentrancyGuardReentrantCall");
      }
      expect((await registry.commitment(commitmentId)).reportedCount).to.equal(0n);
      await hookToken.arm(ethers.ZeroAddress, "0x");
      await expect(registry.connect(companySigner).reportReturns(commitmentId, 0n, asset, 1000n, EVIDENCE))
        .to.emit(registry, "ReturnsReported")
        .withArgs(commitmentId, 0n, asset, 1000n, 50n, EVIDENCE);
    });
  });

  describe("disputes", function () {
    async function reportedTwice(): Promise<ReportingSystem> {
      const fixture = await reporting();
      const { registry, companySigner, terms, commitmentId } = fixture;
      await networkHelpers.time.increaseTo(periodEnd(terms, 1n));
      await reportHundred(registry, companySigner, commitmentId, 0n);
      await registry.connect(companySigner).reportReturns(commitmentId, 1n, ETH, 0n, EVIDENCE);
      return fixture;
    }

    it("lets the council dispute a reported period and resolve it", async function () {
      const { registry, council, commitmentId } = await networkHelpers.loadFixture(reportedTwice);
      const reason = ethers.id("understated revenue");
      await expect(registry.connect(council).disputeReport(commitmentId, 1n, reason))
        .to.emit(registry, "ReportDisputed")
        .withArgs(commitmentId, 1n, reason);
      expect(await registry.isDisputed(commitmentId, 1n)).to.equal(true);
      expect(await registry.isDisputed(commitmentId, 0n)).to.equal(false);
      expect((await registry.commitment(commitmentId)).disputedCount).to.equal(1n);
      expect((await registry.compliance(commitmentId)).disputed).to.equal(1n);

      await registry.connect(council).disputeReport(commitmentId, 0n, reason);
      expect((await registry.compliance(commitmentId)).disputed).to.equal(2n);

      const resolution = ethers.id("restated");
      await expect(registry.connect(council).resolveDispute(commitmentId, 1n, resolution))
        .to.emit(registry, "DisputeResolved")
        .withArgs(commitmentId, 1n, resolution);
      expect(await registry.isDisputed(commitmentId, 1n)).to.equal(false);
      expect((await registry.compliance(commitmentId)).disputed).to.equal(1n);
    });

    /** The council's `action` on `period` (with a zero hash) reverts with `error(commitmentId, period)`. */
    async function expectCouncilRefused(
      { registry, council, commitmentId }: ReportingSystem,
      action: "disputeReport" | "resolveDispute",
      period: bigint,
      error: string,
    ) {
      await expect(registry.connect(council)[action](commitmentId, period, ethers.ZeroHash))
        .to.be.revertedWithCustomError(registry, error)
        .withArgs(commitmentId, period);
    }

    it("refuses to dispute an unreported period or one already disputed", async function () {
      const fixture = await networkHelpers.loadFixture(reportedTwice);
      const { registry, council, commitmentId } = fixture;
      await expectCouncilRefused(fixture, "disputeReport", 2n, "ReturnsRegistryNotReported");
      await registry.connect(council).disputeReport(commitmentId, 0n, ethers.ZeroHash);
      await expectCouncilRefused(fixture, "disputeReport", 0n, "ReturnsRegistryAlreadyDisputed");
      expect((await registry.commitment(commitmentId)).disputedCount).to.equal(1n);
    });

    it("refuses to resolve a period that is not disputed", async function () {
      const fixture = await networkHelpers.loadFixture(reportedTwice);
      await expectCouncilRefused(fixture, "resolveDispute", 0n, "ReturnsRegistryNotDisputed");
    });

    it("refuses disputes by anyone but the council and on unknown commitments", async function () {
      const { registry, council, outsider, companyAdmin, commitmentId } =
        await networkHelpers.loadFixture(reportedTwice);
      for (const caller of [outsider, companyAdmin]) {
        await expect(registry.connect(caller).disputeReport(commitmentId, 0n, ethers.ZeroHash))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCouncil")
          .withArgs(caller.address);
        await expect(registry.connect(caller).resolveDispute(commitmentId, 0n, ethers.ZeroHash))
          .to.be.revertedWithCustomError(registry, "ReturnsRegistryNotCouncil")
          .withArgs(caller.address);
      }
      await expect(registry.connect(council).disputeReport(2n, 0n, ethers.ZeroHash))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCommitment")
        .withArgs(2n);
      await expect(registry.connect(council).resolveDispute(2n, 0n, ethers.ZeroHash))
        .to.be.revertedWithCustomError(registry, "ReturnsRegistryUnknownCommitment")
        .withArgs(2n);
    });
  });
});
