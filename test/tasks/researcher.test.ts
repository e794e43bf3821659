import { expect } from "chai";
import { keccak256, parseEther, toUtf8Bytes } from "ethers";

import type { Address } from "viem";

import { trusteeCouncilAbi } from "@fef/sdk/generated/abis";
import { FIRST_PAGE_BLOCKS } from "@fef/sdk/history";
import { encodeActionParams } from "@fef/sdk/proposals";
import { readRetiredClaims } from "@fef/sdk/retiredModules";

import type { DeployedModule } from "../../tasks/modules.js";
import { cappedClient } from "../helpers/cappedClient.js";
import type {
  ApplySummary,
  ClaimReturnsSummary,
  ClaimSharesSummary,
  ClaimStipendSummary,
} from "../../tasks/researcher.js";
import {
  DAY,
  SHARE,
  type TaskFund,
  type TestFund,
  account,
  commitDirectly,
  connection,
  deployFund,
  ethers,
  expectTaskError,
  loadFund,
  networkHelpers,
  openOffering,
  openRound,
  runTask,
  pass,
  submitApplication,
  withTasks,
} from "../helpers/tasks.js";

const { time } = networkHelpers;

/** Commits (or reveals) each trustee's probability; effort and stipend as declared. */
async function estimate(fund: TestFund, applicationId: bigint, reveal: boolean, values: number[]) {
  const { effortMonths, stipendRequested } = await fund.rounds.application(applicationId);
  for (const [index, probabilityBps] of values.entries()) {
    const trustee = account(fund.trustees, index);
    const salt = keccak256(toUtf8Bytes(`salt:${index}:${applicationId}`));
    if (reveal) {
      const entry = { applicationId, probabilityBps, effortMonths, stipend: stipendRequested, salt };
      await (await fund.rounds.connect(trustee).revealEstimates([entry])).wait();
    } else {
      await commitDirectly(fund, index, applicationId, probabilityBps, salt);
    }
  }
}

/**
 * A settled round 50 days into its 100-day vesting: application `paid` (account 6, 4 ETH stipend)
 * and `unpaid` (account 7, no stipend) are funded; `rejected` (account 8) is not. The capital pool
 * holds 20 ETH from investor account 13, settled from the offering's escrow before the round settles
 * (a round reserves stipends only from capital already in the pool).
 */
async function fundedGrants() {
  const fund = await deployFund();
  const offering = await openOffering(fund, ethers.ZeroAddress, parseEther("0.01"));
  const investor = account(fund.signers, 13);
  const cost = await fund.offerings.quote(offering.offeringId, 2_000n * SHARE);
  await (
    await fund.offerings.connect(investor).subscribe(offering.offeringId, 2_000n * SHARE, [], { value: cost })
  ).wait();

  const round = await openRound(fund, parseEther("10"));
  const paid = await submitApplication(fund, 6, round.roundId, "paid", 24, parseEther("4"));
  const unpaid = await submitApplication(fund, 7, round.roundId, "unpaid", 12);
  const rejected = await submitApplication(fund, 8, round.roundId, "rejected", 12);
  await time.increaseTo(round.applicationDeadline + 1);
  for (const reveal of [false, true]) {
    await estimate(fund, paid, reveal, [6000, 5000, 7000]);
    await estimate(fund, unpaid, reveal, [3000, 3000, 3000]);
    await estimate(fund, rejected, reveal, [9000]);
    await time.increaseTo((reveal ? round.revealDeadline : round.commitDeadline) + 1);
  }
  await (await fund.rounds.finalizeApplications([paid, unpaid, rejected])).wait();
  await (await fund.offerings.settleOffering(offering.offeringId)).wait();
  await (await fund.rounds.settleRound(round.roundId)).wait();
  await time.increase(50 * DAY);
  return { fund, roundId: round.roundId, paid, unpaid, rejected };
}

/**
 * Moves the Fund to a new grant-rounds module (`module:deploy`, the council's announcement,
 * `council:migrate --advance`); returns the earlier module's address and the new one's.
 */
async function migrateGrantRounds(fund: TaskFund, { retireOld }: { retireOld: boolean }) {
  const oldModule = await fund.rounds.getAddress();
  const deployed = await fund.run<DeployedModule>("module:deploy", { module: "GrantRounds" });
  await pass(
    fund,
    "AnnounceMigration",
    encodeActionParams("AnnounceMigration", [0, deployed.address, retireOld]),
  );
  await fund.run("council:migrate", { module: "GrantRounds", advance: true });
  return { oldModule, newModule: deployed.address };
}

describe("researcher tasks", () => {
  describe("grant:apply", () => {
    it("submits an application with hashed content text and a stipend in the round's asset", async () => {
      const fund = await loadFund();
      const { roundId } = await openRound(fund);
      const summary = await runTask<ApplySummary>(fund, "grant:apply", {
        round: roundId.toString(),
        title: "Interpretability probes",
        uri: "ipfs://proposal",
        contentText: "Interpretability probes",
        effort: "18",
        stipend: "2.5",
        from: "6",
      });

      const application = await fund.rounds.application(summary.applicationId);
      expect(summary.applicationId).to.equal(1n);
      expect(application.researcher).to.equal(account(fund.signers, 6).address);
      expect(application.title).to.equal("Interpretability probes");
      // The URI and content hash are recorded in the application's event.
      expect(summary.uri).to.equal("ipfs://proposal");
      expect(summary.contentHash).to.equal(keccak256(toUtf8Bytes("Interpretability probes")));
      const [submitted] = await fund.rounds.queryFilter(
        fund.rounds.filters.ApplicationSubmitted(summary.applicationId),
      );
      expect(submitted?.args.uri).to.equal("ipfs://proposal");
      expect(submitted?.args.contentHash).to.equal(summary.contentHash);
      expect(application.effortMonths).to.equal(18n);
      expect(application.stipendRequested).to.equal(parseEther("2.5"));
      expect(summary.stipendAsset.symbol).to.equal("ETH");
    });

    it("rejects a bad title, link, effort or stipend, conflicting content options and an unknown round", async () => {
      const fund = await loadFund();
      const { roundId } = await openRound(fund);
      const base = { round: roundId.toString(), title: "X", uri: "ipfs://x", contentText: "x", effort: "12" };
      await withTasks(fund).expectErrors("grant:apply", [
        [{ ...base, title: " " }, "--title is required"],
        [{ ...base, title: "t".repeat(32) }, "--title: 1 to 31 bytes, not 32"],
        [{ ...base, uri: "javascript:alert(1)" }, "--uri: URI must start with https://, http:// or ipfs://"],
        [
          { ...base, stipend: "10000" },
          `--stipend: 10000.0 ETH is more than round ${roundId}'s whole stipend budget (10.0 ETH)`,
        ],
        [{ ...base, effort: "0" }, "--effort: must be at least 1 (got 0)"],
        [{ ...base, effort: "lots" }, '--effort: "lots" is not a whole number'],
        [{ ...base, stipend: "-1" }, "--stipend: must not be negative (got -1)"],
        [
          { ...base, stipend: "0.0000000000000000001" },
          "--stipend: 0.0000000000000000001 has more than 18 decimal places",
        ],
        [
          { ...base, contentHash: `0x${"12".repeat(32)}` },
          "Pass either --content-hash or --content-text, not both",
        ],
        [{ ...base, round: "3" }, "--round: round 3 does not exist"],
        [{ ...base, uri: " " }, "--uri is required"],
      ]);
      expect(await fund.rounds.applicationCount()).to.equal(0n);
    });

    it("explains a revert in words: applying after the deadline", async () => {
      const fund = await loadFund();
      const { roundId, applicationDeadline } = await openRound(fund);
      await time.increaseTo(applicationDeadline + 1);
      await expectTaskError(
        fund,
        "grant:apply",
        { round: roundId.toString(), title: "Late", uri: "ipfs://late", contentText: "late", effort: "1" },
        `GrantRoundsWrongPhase(roundId: ${roundId}`,
      );
      expect(await fund.rounds.applicationCount()).to.equal(0n);
    });
  });

  describe("grant:claim-shares", () => {
    it("mints the researcher's vested shares", async () => {
      const { fund, paid } = await networkHelpers.loadFixture(fundedGrants);
      const summary = await runTask<ClaimSharesSummary>(fund, "grant:claim-shares", {
        application: paid.toString(),
      });

      const researcher = account(fund.signers, 6).address;
      expect(summary.researcher).to.equal(researcher);
      expect(summary.claimed).to.be.greaterThan(0n);
      expect(summary.claimed).to.be.lessThan(summary.award);
      expect(await fund.shares.balanceOf(researcher)).to.equal(summary.claimed);
      expect((await fund.rounds.application(paid)).sharesClaimed).to.equal(summary.claimed);
      expect(summary.balance).to.equal(summary.claimed);
    });

    it("refuses another account and an unfunded application", async () => {
      const { fund, paid, rejected } = await networkHelpers.loadFixture(fundedGrants);
      await withTasks(fund).expectErrors("grant:claim-shares", [
        [
          { application: paid.toString(), from: "7" },
          `--from ${account(fund.signers, 7).address}: is not the researcher of application ${paid}`,
        ],
        [
          { application: rejected.toString() },
          `--application: application ${rejected} is unfunded, not funded`,
        ],
      ]);
      expect(await fund.shares.balanceOf(account(fund.signers, 6).address)).to.equal(0n);
    });
  });

  describe("grant:claim-stipend", () => {
    it("pays the researcher's vested stipend from the capital pool", async () => {
      const { fund, paid } = await networkHelpers.loadFixture(fundedGrants);
      const researcher = account(fund.signers, 6);
      const before = await fund.pool.books(ethers.ZeroAddress);
      const summary = await runTask<ClaimStipendSummary>(fund, "grant:claim-stipend", {
        application: paid.toString(),
      });

      expect(summary.asset.symbol).to.equal("ETH");
      expect(summary.claimed).to.be.greaterThan(0n);
      expect(summary.claimed).to.be.lessThan(summary.award);
      expect((await fund.rounds.application(paid)).stipendClaimed).to.equal(summary.claimed);
      expect((await fund.pool.books(ethers.ZeroAddress)).stipendsPaid).to.equal(
        before.stipendsPaid + summary.claimed,
      );
      expect(summary.researcher).to.equal(researcher.address);
    });

    it("refuses an application without a stipend", async () => {
      const { fund, unpaid } = await networkHelpers.loadFixture(fundedGrants);
      await withTasks(fund).expectErrors("grant:claim-stipend", [
        [{ application: unpaid.toString() }, `--application: application ${unpaid} has no stipend`],
        [{ application: "-2" }, "--application: must not be negative"],
      ]);
    });
  });

  describe("after a grant-rounds migration", () => {
    it("claims shares and a stipend on the earlier module with --module, and points there without it", async () => {
      const { fund: fixtureFund, paid } = await networkHelpers.loadFixture(fundedGrants);
      const fund = withTasks(fixtureFund);
      const { oldModule, newModule } = await migrateGrantRounds(fund, { retireOld: false });
      expect((await fund.council.systemContracts()).grantRounds).to.equal(newModule);

      await fund.expectErrors("grant:claim-shares", [
        [
          { application: paid.toString() },
          `an earlier module's is claimed with --module <address> (earlier modules: ${oldModule})`,
        ],
        [
          { application: paid.toString(), module: fund.account(9).address },
          "is not a grant-rounds module of the Fund",
        ],
      ]);
      const researcher = fund.account(6).address;
      expect(await fund.shares.balanceOf(researcher)).to.equal(0n);
      // What the dashboard's researcher view lists: the earlier module's claims, found from events.
      const client = await connection.viem.getPublicClient();
      const claims = await readRetiredClaims(
        client,
        (await fund.council.getAddress()) as Address,
        researcher as Address,
      );
      expect(claims.map((c) => [c.module, c.applicationId])).to.deep.equal([[oldModule, paid]]);
      expect(claims[0]?.claimableShares).to.be.greaterThan(0n);
      expect(claims[0]?.claimableStipend).to.be.greaterThan(0n);

      const shares = await fund.run<ClaimSharesSummary>("grant:claim-shares", {
        application: paid.toString(),
        module: oldModule,
      });
      expect(shares.module).to.equal(oldModule);
      expect(shares.claimed).to.be.greaterThan(0n);
      expect(await fund.shares.balanceOf(researcher)).to.equal(shares.claimed);
      expect((await fund.rounds.application(paid)).sharesClaimed).to.equal(shares.claimed);

      const before = await fund.pool.books(ethers.ZeroAddress);
      const stipend = await fund.run<ClaimStipendSummary>("grant:claim-stipend", {
        application: paid.toString(),
        module: oldModule,
      });
      expect(stipend.module).to.equal(oldModule);
      expect(stipend.claimed).to.be.greaterThan(0n);
      expect((await fund.rounds.application(paid)).stipendClaimed).to.equal(stipend.claimed);
      expect((await fund.pool.books(ethers.ZeroAddress)).stipendsPaid).to.equal(
        before.stipendsPaid + stipend.claimed,
      );
    });

    it("lists the earlier module's claims through a provider that caps eth_getLogs ranges", async () => {
      const { fund: fixtureFund, paid } = await networkHelpers.loadFixture(fundedGrants);
      const fund = withTasks(fixtureFund);
      const { oldModule } = await migrateGrantRounds(fund, { retireOld: false });
      // A chain longer than any one request may cover, behind a provider that refuses 1,000+ blocks.
      await networkHelpers.mine(2_500);
      const { client, ranges } = cappedClient(connection.provider, 1_000n);
      const council = (await fund.council.getAddress()) as Address;
      const researcher = fund.account(6).address as Address;
      // One eth_getLogs over the whole chain, as the list was read before, is refused.
      let refused: unknown;
      try {
        await client.getContractEvents({ address: council, abi: trusteeCouncilAbi, fromBlock: 0n });
      } catch (error) {
        refused = error;
      }
      expect(String(refused)).to.include("block range too large");
      ranges.length = 0;
      const claims = await readRetiredClaims(client, council, researcher);
      expect(claims.map((c) => [c.module, c.applicationId])).to.deep.equal([[oldModule, paid]]);
      expect(claims[0]?.claimableShares).to.be.greaterThan(0n);
      expect(ranges.length).to.be.greaterThan(2);
      expect(ranges.every((r) => r.to - r.from + 1n <= FIRST_PAGE_BLOCKS)).to.equal(true);
    });

    it("refuses a module retired by its migration, and lists nothing on it", async () => {
      const { fund: fixtureFund, paid } = await networkHelpers.loadFixture(fundedGrants);
      const fund = withTasks(fixtureFund);
      const { oldModule } = await migrateGrantRounds(fund, { retireOld: true });
      const researcher = fund.account(6).address;
      await fund.expectErrors("grant:claim-shares", [
        [{ application: paid.toString(), module: oldModule }, "was retired by its migration"],
      ]);
      const client = await connection.viem.getPublicClient();
      expect(
        await readRetiredClaims(client, (await fund.council.getAddress()) as Address, researcher as Address),
      ).to.deep.equal([]);
      expect(await fund.shares.balanceOf(researcher)).to.equal(0n);
      expect((await fund.rounds.application(paid)).sharesClaimed).to.equal(0n);
    });
  });

  describe("returns:claim", () => {
    it("claims returns in every asset for the first account that has some", async () => {
      const { fund: fixtureFund, paid } = await networkHelpers.loadFixture(fundedGrants);
      const fund = withTasks(fixtureFund);
      await runTask(fund, "grant:claim-shares", { application: paid.toString() });
      const donor = account(fund.signers, 16);
      const memo = keccak256(toUtf8Bytes("gift"));
      await (
        await fund.registry
          .connect(donor)
          .donate(ethers.ZeroAddress, parseEther("1"), memo, { value: parseEther("1") })
      ).wait();
      const researcher = account(fund.signers, 6).address;
      const claimable = await fund.shares.claimable(researcher, ethers.ZeroAddress);

      const summary = await runTask<ClaimReturnsSummary>(fund, "returns:claim");
      expect(summary.holder).to.equal(researcher);
      expect(summary.claimed.map((entry) => [entry.asset.symbol, entry.amount])).to.deep.equal([
        ["ETH", claimable],
      ]);
      expect(claimable).to.be.closeTo(parseEther("1"), 1n);
      expect(await fund.shares.claimable(researcher, ethers.ZeroAddress)).to.equal(0n);
    });

    it("rejects a malformed or unlisted asset and an account with nothing to claim", async () => {
      const fund = withTasks((await networkHelpers.loadFixture(fundedGrants)).fund);
      await expectTaskError(
        fund,
        "returns:claim",
        { asset: "0x1234" },
        '--asset: "0x1234" is not a valid address',
      );
      const stranger = account(fund.signers, 19).address;
      await withTasks(fund).expectErrors("returns:claim", [
        [
          { asset: stranger },
          `--asset: ${stranger} is not a returns asset of the Fund (the returns assets are ETH, tUSD)`,
        ],
        [
          { asset: "ETH", from: "2" },
          `--from ${account(fund.signers, 2).address}: has no returns to claim in ETH`,
        ],
      ]);
    });
  });
});
