import { expect } from "chai";

import { ActionKindValue } from "@fef/sdk/actionKinds";
import { encodeActionParams } from "@fef/sdk/proposals";

import type { ExecutionSummary, ProposalSummary, ProposalsSummary } from "../../tasks/council.js";
import { DAY, SHARE, type TaskFund, ethers, loadTaskFund, networkHelpers } from "../helpers/tasks.js";

async function proposeTransfers(fund: TaskFund, from = "1"): Promise<ProposalSummary> {
  return fund.run<ProposalSummary>("council:propose", {
    kind: "SetTransfersEnabled",
    params: "[true]",
    from,
  });
}

describe("council tasks", () => {
  describe("council:propose", () => {
    it("creates a proposal from a kind name and JSON params, encoded with the target contract's ABI", async () => {
      const fund = await loadTaskFund();
      const summary = await fund.run<ProposalSummary>("council:propose", {
        kind: "SetTransfersEnabled",
        params: "[true]",
      });

      const firstTrustee = fund.trustee(0).address;
      expect(summary.id).to.equal(1n);
      expect(summary.kind).to.equal("SetTransfersEnabled");
      expect(summary.params).to.deep.equal({ enabled: true });
      expect(summary.proposer).to.equal(firstTrustee);
      expect(summary.approvals).to.equal(1n);
      expect(summary.threshold).to.equal(3n);
      expect(summary.state).to.equal("open");
      const stored = await fund.council.proposal(1n);
      expect(stored.kind).to.equal(BigInt(ActionKindValue.SetTransfersEnabled));
      expect(stored.proposer).to.equal(firstTrustee);
      expect(stored.args).to.equal(encodeActionParams("SetTransfersEnabled", [true]));
      expect(summary.args).to.equal(stored.args);
    });

    it("reports the review's warnings, as the dashboard shows them before proposing", async () => {
      const fund = await loadTaskFund();
      const risky = await fund.run<ProposalSummary>("council:propose", {
        kind: "ChangeThreshold",
        params: "[1]",
      });
      expect(risky.warnings).to.deep.equal([
        "A threshold of 1 lets any single trustee pass any proposal alone, with nobody to check it.",
      ]);
      const plain = await fund.run<ProposalSummary>("council:propose", {
        kind: "SetTransfersEnabled",
        params: "[true]",
      });
      expect(plain.warnings).to.deep.equal([]);
    });

    it("takes a tuple as an object by field name, with ISO dates for timestamps", async () => {
      const fund = await loadTaskFund();
      const now = await networkHelpers.time.latest();
      const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
      const params = {
        sharePool: (5_000n * SHARE).toString(),
        applicationDeadline: iso(now + DAY),
        commitDeadline: now + 2 * DAY,
        revealDeadline: now + 3 * DAY,
        vestingCliff: 0,
        vestingDuration: 30 * DAY,
        stipendAsset: ethers.ZeroAddress,
        stipendBudget: "0",
        applicationDeposit: "10000000000000000",
      };
      const summary = await fund.run<ProposalSummary>("council:propose", {
        kind: "OpenRound",
        params: JSON.stringify([params]),
        from: "2",
      });

      expect(summary.proposer).to.equal(fund.trustee(1).address);
      const expected = encodeActionParams("OpenRound", [
        {
          ...params,
          sharePool: 5_000n * SHARE,
          applicationDeadline: now + DAY,
          stipendBudget: 0n,
          applicationDeposit: 10n ** 16n,
        },
      ]);
      expect((await fund.council.proposal(summary.id)).args).to.equal(expected);
    });

    for (const [title, args, message] of [
      [
        "rejects an unknown kind and lists the kinds, sending nothing",
        { kind: "MintEverything", params: "[]" },
        '--kind: unknown kind "MintEverything"; the kinds are AddTrustee, RemoveTrustee',
      ],
      [
        "rejects malformed JSON params",
        { kind: "SetTransfersEnabled", params: "[true" },
        "--params: malformed JSON",
      ],
    ] as const) {
      it(title, async () => {
        const fund = await loadTaskFund();
        await fund.expectError("council:propose", args, message);
        expect(await fund.council.proposalCount()).to.equal(0n);
      });
    }

    it("rejects params that do not fit the routed function, naming the element", async () => {
      const fund = await loadTaskFund();
      await fund.expectErrors("council:propose", [
        [{ kind: "AddReturnsAsset", params: '["0x1234"]' }, '--params[0]: expected an address, got "0x1234"'],
        [
          { kind: "CloseRound", params: "[1, 2]" },
          "--params: CloseRound takes 1 argument(s) — closeRound(uint256 roundId) — but 2 were given",
        ],
        [
          { kind: "OpenRound", params: '[{"pool": 1}]' },
          "--params[0]: unknown field(s) pool; the fields are sharePool, applicationDeadline,",
        ],
        [{ kind: "ChangeThreshold" }, "--params is required"],
      ]);
      expect(await fund.council.proposalCount()).to.equal(0n);
    });

    it("refuses an account that is not a trustee", async () => {
      const fund = await loadTaskFund();
      const outsider = fund.account(0).address;
      await fund.expectErrors("council:propose", [
        [
          { kind: "SetTransfersEnabled", params: "[true]", from: "0" },
          `--from ${outsider}: is not a trustee (this action needs a trustee)`,
        ],
        [
          { kind: "SetTransfersEnabled", params: "[true]", from: "0xnot-an-address" },
          '--from: "0xnot-an-address" is not a valid address',
        ],
      ]);
      expect(await fund.council.proposalCount()).to.equal(0n);
    });
  });

  describe("council:approve", () => {
    it("approves with the first trustee who has not approved yet", async () => {
      const fund = await loadTaskFund();
      await proposeTransfers(fund);
      const summary = await fund.run<ProposalSummary>("council:approve", { id: "1" });

      const second = fund.trustee(1).address;
      expect(summary.approvals).to.equal(2n);
      expect(summary.approvedBy).to.deep.equal([fund.trustee(0).address, second]);
      expect(await fund.council.hasApproved(1n, second)).to.equal(true);
      expect(await fund.council.approvalCount(1n)).to.equal(2n);
    });

    it("rejects an unknown proposal id and a second approval by the same trustee", async () => {
      const fund = await loadTaskFund();
      await proposeTransfers(fund);
      await fund.expectErrors("council:approve", [
        [{ id: "7" }, "--id: proposal 7 does not exist (ids run from 1 to 1)"],
        [{ id: "one" }, '--id: "one" is not a whole number'],
        [{ id: "1", from: "1" }, `--from ${fund.trustee(0).address}: has already approved proposal 1`],
      ]);
      expect(await fund.council.approvalCount(1n)).to.equal(1n);
    });
  });

  describe("council:execute", () => {
    it("executes a proposal with enough approvals and reports what the routed call returned", async () => {
      const fund = await loadTaskFund();
      const now = await networkHelpers.time.latest();
      const round = {
        sharePool: "1000000000000000000000",
        applicationDeadline: now + DAY,
        commitDeadline: now + 2 * DAY,
        revealDeadline: now + 3 * DAY,
        vestingCliff: 0,
        vestingDuration: DAY,
        stipendAsset: ethers.ZeroAddress,
        stipendBudget: 0,
        applicationDeposit: 0,
      };
      await fund.run("council:propose", { kind: "OpenRound", params: JSON.stringify([round]) });
      await fund.run("council:approve", { id: "1" });
      await fund.run("council:approve", { id: "1" });
      const summary = await fund.run<ExecutionSummary>("council:execute", { id: "1" });

      expect(summary.state).to.equal("executed");
      expect(summary.executor).to.equal(fund.account(0).address);
      expect(summary.returned).to.deep.equal({ roundId: 1n });
      expect(await fund.rounds.roundCount()).to.equal(1n);
      expect((await fund.council.proposal(1n)).executed).to.equal(true);
    });

    it("refuses a proposal short of approvals, and one already executed", async () => {
      const fund = await loadTaskFund();
      await proposeTransfers(fund);
      await fund.expectError(
        "council:execute",
        { id: "1" },
        "--id: proposal 1 (SetTransfersEnabled) has 1 of the 3 approvals it needs",
      );
      expect(await fund.shares.transfersEnabled()).to.equal(false);

      await fund.run("council:approve", { id: "1" });
      await fund.run("council:approve", { id: "1" });
      await fund.run("council:execute", { id: "1" });
      expect(await fund.shares.transfersEnabled()).to.equal(true);
      await fund.expectError(
        "council:execute",
        { id: "1" },
        "--id: proposal 1 (SetTransfersEnabled) was already executed",
      );
    });
  });

  describe("council:proposals", () => {
    it("lists open proposals with their approvals, and every proposal with --all", async () => {
      const fund = await loadTaskFund();
      await proposeTransfers(fund);
      await fund.run("council:propose", { kind: "Pause", from: "4" });
      await fund.run("council:approve", { id: "1" });
      await fund.run("council:approve", { id: "1" });
      await fund.run("council:execute", { id: "1" });

      const open = await fund.run<ProposalsSummary>("council:proposals");
      expect(open.count).to.equal(2n);
      expect(open.threshold).to.equal(3n);
      expect(open.trustees).to.have.length(5);
      expect(open.proposals.map((view) => [view.id, view.kind, view.state, view.approvals])).to.deep.equal([
        [2n, "Pause", "open", 1n],
      ]);
      expect(open.proposals[0]?.approvedBy).to.deep.equal([fund.trustee(3).address]);

      const all = await fund.run<ProposalsSummary>("council:proposals", { all: true });
      expect(all.proposals.map((view) => [view.id, view.state])).to.deep.equal([
        [2n, "open"],
        [1n, "executed"],
      ]);
    });

    it("rejects a negative --limit", async () => {
      const fund = await loadTaskFund();
      await fund.expectError("council:proposals", { limit: "-3" }, "--limit: must not be negative (got -3)");
    });
  });
});
