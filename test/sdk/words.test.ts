// The SDK's status words, amount checks, failure wording and receipt outcomes: the dashboard shows these
// strings as they are, so each rule (and each way around it) is pinned here.
import { expect } from "chai";
import {
  HttpRequestError,
  encodeAbiParameters,
  encodeEventTopics,
  pad,
  parseAbiParameters,
  toHex,
  zeroAddress,
  type Log,
} from "viem";

import { ETH } from "@fef/sdk/assets";
import { decodeError, describeEnvironmentFailure, plainErrorFormat } from "@fef/sdk/errors";
import { IndexerError, indexerClient, trackRecords } from "@fef/sdk/history";
import { formatShares, formatSharesExact, parseAmount } from "@fef/sdk/format";
import { fundSharesAbi, trusteeCouncilAbi } from "@fef/sdk/generated/abis";
import { describeReceipt } from "@fef/sdk/outcomes";
import { countOf, estimatesSummary, periodStatus, plural, ApplicationStatus } from "@fef/sdk/status";
import { checkAmount } from "@fef/sdk/validate";

const commitment = { start: 1_000n, periodLength: 100n, gracePeriod: 10n, periodCount: 3, reportedCount: 2 };

function log(topics: readonly (`0x${string}` | `0x${string}`[] | null)[], data: `0x${string}`): Log {
  return {
    address: zeroAddress,
    topics: topics.filter((t): t is `0x${string}` => typeof t === "string") as [
      `0x${string}`,
      ...`0x${string}`[],
    ],
    data,
    blockHash: pad("0x1"),
    blockNumber: 1n,
    logIndex: 0,
    transactionHash: pad("0x2"),
    transactionIndex: 0,
    removed: false,
  };
}

describe("SDK words: status, amounts, failures and outcomes", function () {
  it("counts take the right number, and a zero total never reads as '0 of 0'", function () {
    expect(plural(1, "approval")).to.equal("1 approval");
    expect(plural(3n, "approval")).to.equal("3 approvals");
    expect(plural(0, "reveal")).to.equal("0 reveals");
    expect(countOf(0n, 0n, "period", "No period has ended yet")).to.equal("No period has ended yet");
    expect(countOf(1n, 1n, "ended period", "none")).to.equal("1 of 1 ended period");
  });

  it("one share is 'share', every other figure 'shares'", function () {
    const share = 10n ** 18n;
    expect(formatShares(share)).to.equal("1 share");
    expect(formatShares(share + share / 2n)).to.equal("1.5 shares");
    expect(formatShares(12_045n * (share / 10n))).to.equal("1,204.5 shares");
    expect(formatShares(0n)).to.equal("0 shares");
    // 1.001 is cut to two decimals and reads "1": one share, as it is shown.
    expect(formatShares(share + share / 1_000n)).to.equal("1 share");
    expect(formatSharesExact(share)).to.equal("1.0 shares");
  });

  it("a period reported after its grace period stays 'paid late'; on time, or without a time, it is 'paid'", function () {
    // Period 0 ends at 1,100; its grace ends at 1,110.
    expect(periodStatus(commitment, 0, 5_000n, false, 1_111n)).to.equal("paid late");
    expect(periodStatus(commitment, 0, 5_000n, false, 1_110n)).to.equal("paid");
    expect(periodStatus(commitment, 0, 5_000n, false)).to.equal("paid");
    // A dispute is shown over lateness; an unreported period is never "paid late".
    expect(periodStatus(commitment, 0, 5_000n, true, 1_111n)).to.equal("disputed");
    expect(periodStatus(commitment, 2, 5_000n, false, 1_111n)).to.equal("overdue");
  });

  it("estimates below the quorum say so instead of '0%'", function () {
    const base = { estimated: true, revealedCount: 2, committedCount: 2 };
    const fmt = (bps: number | bigint) => `${Number(bps) / 100}%`;
    expect(
      estimatesSummary(
        { ...base, status: ApplicationStatus.Unfunded, medianProbabilityBps: 0, medianEffortMonths: 0 },
        fmt,
      ),
    ).to.equal("too few sealed estimates for the quorum (2 of 2 sealed estimates revealed); no medians");
    expect(
      estimatesSummary(
        { ...base, status: ApplicationStatus.Funded, medianProbabilityBps: 4200, medianEffortMonths: 6 },
        fmt,
      ),
    ).to.equal("42% × 6 months (2 of 2 sealed estimates revealed)");
    expect(
      estimatesSummary(
        { ...base, status: ApplicationStatus.Pending, medianProbabilityBps: 0, medianEffortMonths: 0 },
        fmt,
      ),
    ).to.equal("not final yet");
  });

  it("an amount beyond 256 bits is refused in plain words by both amount parsers", function () {
    const huge = "9".repeat(90);
    const checked = checkAmount(huge, 18);
    expect(checked.ok).to.equal(false);
    if (!checked.ok) expect(checked.error).to.match(/far too large/);
    expect(() => parseAmount(huge, 18)).to.throw(/too large/);
    // The largest amount a contract can hold still parses.
    expect(parseAmount((2n ** 256n - 1n).toString(), 0)).to.equal(2n ** 256n - 1n);
  });

  it("raw transport and wallet failures read as plain words, a node failure as retryable", function () {
    const http = new HttpRequestError({ url: "http://127.0.0.1:1", details: "Failed to fetch" });
    const decoded = decodeError(http, plainErrorFormat);
    expect(decoded.message).to.match(/The chain's node did not answer/);
    expect(decoded.message).not.to.match(/HTTP request failed/);
    expect(decoded.retryable).to.equal(true);
    const noWallet = describeEnvironmentFailure(new Error("Provider not found."));
    expect(noWallet?.message).to.match(/No wallet was found in this browser/);
    expect(noWallet?.retryable).to.equal(undefined);
    // Anything else is left to the other decoders.
    expect(describeEnvironmentFailure(new Error("something unrelated"))).to.equal(undefined);
  });

  it("a history indexer that does not answer is named as such in plain words, not as the chain's node", async function () {
    const refused: typeof fetch = () => Promise.reject(new TypeError("Failed to fetch"));
    const client = indexerClient("http://127.0.0.1:1", refused);
    const failure: unknown = await client.query("select 1").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).to.be.instanceOf(IndexerError);
    expect((failure as IndexerError).status).to.equal(0);
    const decoded = decodeError(failure, plainErrorFormat);
    expect(decoded.message).to.match(/The history indexer .* did not answer/);
    expect(decoded.message).not.to.match(/chain's node|Failed to fetch/);
    expect(decoded.retryable).to.equal(true);
    // The track records' own route fails the same way.
    const records: unknown = await trackRecords(client, undefined, refused).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeEnvironmentFailure(records)?.message).to.equal(decoded.message);
  });

  it("a receipt says what the sender received and which proposal was created", function () {
    const holder = "0x00000000000000000000000000000000000000aa" as const;
    const claimed = log(
      encodeEventTopics({
        abi: fundSharesAbi,
        eventName: "ReturnsClaimed",
        args: { holder, asset: zeroAddress },
      }),
      encodeAbiParameters(parseAbiParameters("uint256"), [1_204_500_000_000_000_000_000n]),
    );
    const created = log(
      encodeEventTopics({
        abi: trusteeCouncilAbi,
        eventName: "ProposalCreated",
        args: { proposalId: 9n, kind: 0, proposer: holder },
      }),
      encodeAbiParameters(parseAbiParameters("bytes, uint64"), [toHex("args"), 10n]),
    );
    expect(describeReceipt([claimed, created], { account: holder, assets: [ETH] })).to.deep.equal([
      "You received 1,204.5 ETH of returns.",
      "Proposal #9 created.",
    ]);
    // Someone else's claim in the same transaction is not "you".
    expect(
      describeReceipt([claimed], { account: "0x00000000000000000000000000000000000000bb", assets: [ETH] }),
    ).to.deep.equal([]);
  });
});
