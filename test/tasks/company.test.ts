import { expect } from "chai";
import { keccak256, parseEther, parseUnits, toUtf8Bytes } from "ethers";
import type { Address } from "viem";

import { mutablePromiseTypes, promiseTypedData } from "@fef/sdk/promise";

import type {
  CompanyStatusSummary,
  RegisterSummary,
  ReportSummary,
  SubmitSummary,
} from "../../tasks/company.js";
import { DAY, type TaskFund, ethers, loadTaskFund, registerTechnique, time } from "../helpers/tasks.js";

/** Company 1 (admin account 10) and techniques 1 and 2. */
async function companyWithTechniques(fund: TaskFund) {
  await registerTechnique(fund, "probes");
  await registerTechnique(fund, "debate");
  await fund.run("company:register", {
    name: "Northwind AI",
    uri: "https://northwind.example",
    from: "10",
  });
  return { admin: fund.account(10) };
}

/** Company 1 with commitment 1: 5% of Northwind-7, three 30-day periods from now, 10 days of grace. */
async function companyWithCommitment(fund: TaskFund) {
  const setup = await companyWithTechniques(fund);
  const start = await time.latest();
  const summary = await fund.run<SubmitSummary>("pfr:submit", {
    company: "1",
    techniques: "1,2",
    model: "Northwind-7",
    bps: "500",
    start: start.toString(),
    end: (start + 90 * DAY).toString(),
    periodDays: "30",
    graceDays: "10",
  });
  return { ...setup, start, commitmentId: summary.commitmentId };
}

describe("company tasks", () => {
  describe("company:register", () => {
    it("registers a company with the acting account or a given address as admin", async () => {
      const fund = await loadTaskFund();
      const first = await fund.run<RegisterSummary>("company:register", {
        name: "Helix Labs",
        uri: "https://helix.example",
        from: "11",
      });
      expect(first.companyId).to.equal(1n);
      expect(first.admin).to.equal(fund.account(11).address);

      const admin = fund.account(12).address;
      const second = await fund.run<RegisterSummary>("company:register", {
        name: "Quanta",
        uri: "https://quanta.example",
        admin,
      });
      const company = await fund.registry.company(second.companyId);
      expect(second.companyId).to.equal(2n);
      expect([company.name, company.uri, company.admin]).to.deep.equal([
        "Quanta",
        "https://quanta.example",
        admin,
      ]);
    });

    it("rejects an invalid admin address and a missing name", async () => {
      const fund = await loadTaskFund();
      await fund.expectErrors("company:register", [
        [{ name: "X", uri: "u", admin: "0xabc" }, '--admin: "0xabc" is not a valid address'],
        [{ uri: "u" }, "--name is required"],
      ]);
      expect(await fund.registry.companyCount()).to.equal(0n);
    });
  });

  describe("pfr:submit", () => {
    it("signs the typed data with the company's signer as a wallet would and registers the commitment", async () => {
      const fund = await loadTaskFund();
      const { admin } = await companyWithTechniques(fund);
      const summary = await fund.run<SubmitSummary>("pfr:submit", {
        company: "1",
        techniques: "2, 1",
        model: "Northwind-7",
        bps: "500",
        start: "2030-01-01",
        end: "2031-01-01T00:00:00Z",
        periodDays: "30",
        graceDays: "10",
        nonce: "7",
        deadline: "2100-01-01",
      });

      const start = BigInt(Date.UTC(2030, 0, 1) / 1000);
      const stored = await fund.registry.commitment(summary.commitmentId);
      expect(summary.signer).to.equal(admin.address);
      expect(stored.signer).to.equal(admin.address);
      expect(stored.companyId).to.equal(1n);
      expect(stored.returnsShareBps).to.equal(500n);
      expect(stored.start).to.equal(start);
      expect(stored.end).to.equal(BigInt(Date.UTC(2031, 0, 1) / 1000));
      expect(stored.periodLength).to.equal(BigInt(30 * DAY));
      expect(stored.gracePeriod).to.equal(BigInt(10 * DAY));
      expect(stored.periodCount).to.equal(12n);
      expect(stored.modelHash).to.equal(keccak256(toUtf8Bytes("Northwind-7")));
      expect([...stored.techniqueIds]).to.deep.equal([2n, 1n]);
      expect(await fund.registry.nonceUsed(1n, 7n)).to.equal(true);
      expect(summary.digest).to.equal(await fund.registry.commitmentDigest(summary.terms));
      const typed = promiseTypedData(
        (await ethers.provider.getNetwork()).chainId,
        (await fund.registry.getAddress()) as Address,
        summary.terms,
      );
      expect(
        ethers.verifyTypedData(typed.domain, mutablePromiseTypes(), typed.message, summary.signature),
      ).to.equal(admin.address);
    });

    it("rejects a non-signer, unknown or repeated techniques, bad bps and an inverted term", async () => {
      const fund = await loadTaskFund();
      await companyWithTechniques(fund);
      const base = {
        company: "1",
        techniques: "1",
        model: "M",
        bps: "500",
        start: "2030-01-01",
        end: "2031-01-01",
        periodDays: "30",
        deadline: "2100-01-01",
      };
      await fund.expectErrors("pfr:submit", [
        [{ ...base, from: "11" }, `--from ${fund.account(11).address}: may not sign or report for company 1`],
        [{ ...base, techniques: "1,7" }, "--techniques: technique 7 does not exist (ids run from 1 to 2)"],
        [{ ...base, techniques: "1,1" }, "--techniques: technique 1 is listed twice"],
        [{ ...base, bps: "0" }, "--bps: must be at least 1 (got 0)"],
        [{ ...base, end: "2029-12-31" }, "--end: 2029-12-31T00:00:00Z is not after --start"],
        [
          { ...base, start: "next tuesday" },
          '--start: "next tuesday" is neither unix seconds nor an ISO date',
        ],
        [{ ...base, company: "4" }, "--company: company 4 does not exist (ids run from 1 to 1)"],
      ]);
      expect(await fund.registry.commitmentCount()).to.equal(0n);
    });
  });

  describe("pfr:report", () => {
    it("reports a period in ETH and pays exactly the Fund's share", async () => {
      const fund = await loadTaskFund();
      const { commitmentId, start, admin } = await companyWithCommitment(fund);
      await time.increaseTo(start + 30 * DAY + 1);
      const balanceBefore = await ethers.provider.getBalance(admin.address);

      const summary = await fund.run<ReportSummary>("pfr:report", {
        commitment: commitmentId.toString(),
        asset: "ETH",
        gross: "100",
        evidence: "Q1 revenue statement",
      });
      expect(summary.period).to.equal(0n);
      expect(summary.paid).to.equal(parseEther("5"));
      expect(summary.evidenceHash).to.equal(keccak256(toUtf8Bytes("Q1 revenue statement")));
      expect(summary.compliance.periodsReported).to.equal(1n);
      expect(await fund.registry.totalPaid(ethers.ZeroAddress)).to.equal(parseEther("5"));
      expect((await fund.registry.commitment(commitmentId)).reportedCount).to.equal(1n);
      expect(await ethers.provider.getBalance(admin.address)).to.be.lessThan(balanceBefore - parseEther("5"));
    });

    it("approves the ERC-20 and reports in tUSD", async () => {
      const fund = await loadTaskFund();
      const { commitmentId, start, admin } = await companyWithCommitment(fund);
      await time.increaseTo(start + 30 * DAY + 1);
      await (await fund.testUsd.mint(admin.address, parseUnits("100", 6))).wait();
      const tUsd = await fund.testUsd.getAddress();

      const summary = await fund.run<ReportSummary>("pfr:report", {
        commitment: commitmentId.toString(),
        period: "0",
        asset: tUsd,
        gross: "1000.5",
      });
      expect(summary.paid).to.equal(await fund.registry.dueAmount(commitmentId, parseUnits("1000.5", 6)));
      expect(summary.approval).to.match(/^0x[0-9a-f]{64}$/);
      expect(await fund.registry.totalPaid(tUsd)).to.equal(summary.paid);
      expect(await fund.testUsd.balanceOf(admin.address)).to.equal(parseUnits("100", 6) - summary.paid);
    });

    it("rejects a non-numeric amount, a period out of order, an unlisted asset, a non-signer and a short balance", async () => {
      const fund = await loadTaskFund();
      const { commitmentId, start } = await companyWithCommitment(fund);
      await time.increaseTo(start + 30 * DAY + 1);
      const base = { commitment: commitmentId.toString(), asset: "ETH", gross: "100" };
      await fund.expectErrors("pfr:report", [
        [{ ...base, gross: "1e5" }, '--gross: "1e5" is not a decimal number'],
        [
          { ...base, period: "1" },
          "--period: periods are reported in order; the next one of commitment 1 is 0",
        ],
        [{ ...base, period: "3" }, "--period: commitment 1 has periods 0 to 2; 3 is not one of them"],
      ]);
      const stranger = fund.account(19).address;
      await fund.expectErrors("pfr:report", [
        [{ ...base, asset: stranger }, `--asset: ${stranger} is not a returns asset of the Fund`],
        [{ ...base, from: "11" }, "may not sign or report for company 1"],
        [
          { ...base, asset: await fund.testUsd.getAddress() },
          "holds 0.0 tUSD, but the Fund's share of 100.0 tUSD is 5.0 tUSD",
        ],
      ]);
      expect((await fund.registry.commitment(commitmentId)).reportedCount).to.equal(0n);
    });
  });

  describe("company:status", () => {
    it("shows the company's commitments and their compliance, delinquent once a period is past grace", async () => {
      const fund = await loadTaskFund();
      const { commitmentId, start } = await companyWithCommitment(fund);
      await time.increaseTo(start + 30 * DAY + 1);
      await fund.run("pfr:report", { commitment: commitmentId.toString(), asset: "ETH", gross: "10" });
      const current = await fund.run<CompanyStatusSummary>("company:status", { company: "1" });
      expect(current.name).to.equal("Northwind AI");
      expect(current.admin).to.equal(fund.account(10).address);
      expect(current.commitments.map((commitment) => commitment.id)).to.deep.equal([commitmentId]);
      expect(current.commitments[0]).to.deep.include({
        periodsReported: 1n,
        periodsOverdue: 0n,
        delinquent: false,
      });
      expect(current.delinquent).to.equal(false);

      await time.increaseTo(start + 70 * DAY + 1); // period 1 ended at day 60; grace ended at day 70
      const late = await fund.run<CompanyStatusSummary>("company:status", { company: "1" });
      expect(late.commitments[0]).to.deep.include({
        periodsElapsed: 2n,
        periodsOverdue: 1n,
        delinquent: true,
      });
      expect(late.delinquent).to.equal(true);
    });

    it("rejects an unknown company", async () => {
      const fund = await loadTaskFund();
      await fund.expectError(
        "company:status",
        { company: "1" },
        "--company: company 1 does not exist (none exist yet)",
      );
    });
  });
});
