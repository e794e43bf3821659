// The history fallback without an indexer, against a provider double with a real network's caps:
// eth_getLogs refused above 2,000 blocks or 10,000 results (and, on request, failing outright).
import { expect } from "chai";

import {
  createLogScanner,
  FIRST_PAGE_BLOCKS,
  isRangeError,
  MAX_PAGE_BLOCKS,
  readAllLogs,
  type ScannedLog,
} from "@fef/sdk/history";

type Log = ScannedLog & { readonly id: string };

/** A chain of `blocks` blocks with `perBlock(n)` logs in block n, behind a capped eth_getLogs. */
function cappedProvider({
  blocks,
  perBlock,
  maxBlocks = 2_000n,
  maxResults = 10_000,
}: {
  blocks: bigint;
  perBlock: (block: bigint) => number;
  maxBlocks?: bigint;
  maxResults?: number;
}) {
  const calls: { from: bigint; to: bigint; refused: boolean }[] = [];
  let failNext: Error | undefined;
  async function read(from: bigint, to: bigint): Promise<Log[]> {
    if (failNext) {
      const error = failNext;
      failNext = undefined;
      calls.push({ from, to, refused: true });
      throw error;
    }
    if (to >= blocks) throw new Error(`block ${to} is beyond the head`);
    if (to - from + 1n > maxBlocks) {
      calls.push({ from, to, refused: true });
      throw new Error(`eth_getLogs block range too large: the limit is ${maxBlocks} blocks`);
    }
    const logs: Log[] = [];
    for (let block = from; block <= to; block++) {
      for (let i = 0; i < perBlock(block); i++)
        logs.push({ blockNumber: block, logIndex: i, id: `${block}-${i}` });
    }
    if (logs.length > maxResults) {
      calls.push({ from, to, refused: true });
      throw Object.assign(new Error(`query returned more than ${maxResults} results`), { code: -32005 });
    }
    calls.push({ from, to, refused: false });
    return logs;
  }
  return {
    read,
    calls,
    failOnce(error: Error) {
      failNext = error;
    },
  };
}

/** The size of each call's range in thousands of blocks, "refused" beside those that failed. */
function pageSizes(calls: readonly { from: bigint; to: bigint; refused: boolean }[]): (number | string)[] {
  return calls.map(({ from, to, refused }) => {
    const thousands = Number(to - from + 1n) / 1_000;
    return refused ? `${thousands} refused` : thousands;
  });
}

describe("history fallback: log scanner", function () {
  it("starts with pages of at most 2,000 blocks and reads the whole history within the caps", async function () {
    const provider = cappedProvider({ blocks: 9_000n, perBlock: (b) => (b % 10n === 0n ? 1 : 0) });
    const scanner = createLogScanner({ read: provider.read, firstBlock: 100n });
    let state = await scanner.catchUp(8_999n);
    expect(FIRST_PAGE_BLOCKS).to.equal(2_000n);
    expect(state.scannedFrom).to.equal(7_000n);
    expect(state.complete).to.equal(false);
    state = await scanner.loadEarlier(10);
    expect(state.scannedFrom).to.equal(100n);
    expect(state.complete).to.equal(true);
    expect(state.error).to.equal(undefined);
    // Blocks 100..8999 hold a log every 10th block: 890 logs, oldest first, no duplicates.
    expect(state.logs.length).to.equal(890);
    expect(new Set(state.logs.map((l) => l.id)).size).to.equal(890);
    expect(state.logs[0]?.blockNumber).to.equal(100n);
    expect(provider.calls.every((c) => !c.refused && c.to - c.from + 1n <= 2_000n)).to.equal(true);
  });

  it("splits a range the provider refuses for its result count, and keeps the smaller page", async function () {
    // 12 logs a block: 2,000 blocks hold 24,000 results, over the 10,000-result cap.
    const provider = cappedProvider({ blocks: 4_000n, perBlock: () => 12 });
    const scanner = createLogScanner({ read: provider.read, firstBlock: 0n });
    await scanner.catchUp(3_999n);
    const state = await scanner.loadEarlier(10);
    expect(state.complete).to.equal(true);
    expect(state.logs.length).to.equal(48_000);
    expect(state.splits).to.be.greaterThan(0);
    expect(state.pageBlocks).to.be.lessThanOrEqual(10_000n / 12n);
    expect(provider.calls.filter((c) => c.refused).length).to.equal(state.splits);
    expect(provider.calls.filter((c) => !c.refused).every((c) => c.to - c.from + 1n <= 833n)).to.equal(true);
  });

  it("splits a range refused for its width when started with a larger page", async function () {
    const provider = cappedProvider({ blocks: 5_000n, perBlock: () => 1, maxBlocks: 500n });
    const scanner = createLogScanner({ read: provider.read, firstBlock: 0n, pageBlocks: 5_000n });
    const state = await scanner.catchUp(4_999n);
    expect(state.complete).to.equal(true);
    expect(state.logs.length).to.equal(5_000);
    expect(state.pageBlocks <= 500n).to.equal(true);
  });

  it("never claims completeness after an error, keeps what it loaded, and retries the failed range", async function () {
    const provider = cappedProvider({ blocks: 6_000n, perBlock: () => 1 });
    const scanner = createLogScanner({ read: provider.read, firstBlock: 0n });
    await scanner.catchUp(5_999n);
    await scanner.loadEarlier(1);
    provider.failOnce(new Error("HTTP request failed: 503 Service Unavailable"));
    let state = await scanner.loadEarlier(5);
    expect(state.error).to.be.instanceOf(Error);
    expect(state.complete).to.equal(false);
    expect(state.logs.length).to.equal(4_000);
    expect(state.scannedFrom).to.equal(2_000n);
    state = await scanner.loadEarlier(5);
    expect(state.error).to.equal(undefined);
    expect(state.complete).to.equal(true);
    expect(state.logs.length).to.equal(6_000);
  });

  it("reads only new blocks as the head moves and never resets what is loaded", async function () {
    const provider = cappedProvider({ blocks: 10_000n, perBlock: () => 1 });
    const scanner = createLogScanner({ read: provider.read, firstBlock: 0n });
    await scanner.catchUp(2_999n);
    const before = scanner.state().logs;
    provider.calls.length = 0;
    const state = await scanner.catchUp(3_004n);
    expect(provider.calls).to.deep.equal([{ from: 3_000n, to: 3_004n, refused: false }]);
    expect(state.logs.length).to.equal(before.length + 5);
    expect(state.logs.slice(0, before.length)).to.deep.equal(before);
    expect(state.scannedTo).to.equal(3_004n);
    // A failure while catching up is reported and leaves the loaded logs as they were.
    provider.failOnce(new Error("socket hang up"));
    const failed = await scanner.catchUp(3_010n);
    expect(failed.error).to.be.instanceOf(Error);
    expect(failed.scannedTo).to.equal(3_004n);
    expect(failed.logs).to.equal(state.logs);
  });

  it("reads a whole range at once (readAllLogs) in bounded pages, splitting what the provider refuses", async function () {
    // 1 log every 7th block, and 12 a block in 3,000..3,999 (over the result cap within one page).
    const perBlock = (b: bigint) => (b >= 3_000n && b < 4_000n ? 12 : b % 7n === 0n ? 1 : 0);
    const provider = cappedProvider({ blocks: 9_000n, perBlock, maxBlocks: 1_500n });
    const logs = await readAllLogs(provider.read, 250n, 8_999n);
    let expected = 0;
    for (let b = 250n; b <= 8_999n; b++) expected += perBlock(b);
    expect(logs.length).to.equal(expected);
    expect(new Set(logs.map((l) => l.id)).size).to.equal(expected);
    const ordered = logs.every(
      (l, i) =>
        i === 0 ||
        (logs[i - 1] as Log).blockNumber < l.blockNumber ||
        ((logs[i - 1] as Log).blockNumber === l.blockNumber && (logs[i - 1] as Log).logIndex < l.logIndex),
    );
    expect(ordered, "oldest first").to.equal(true);
    expect(logs[0]?.blockNumber).to.equal(252n);
    // The first page (2,000 blocks) is over the 1,500-block cap, so the pages never grew: no call wider
    // than the first page; the refused ones were split until they passed.
    expect(provider.calls.every((c) => c.to - c.from + 1n <= FIRST_PAGE_BLOCKS)).to.equal(true);
    expect(provider.calls.some((c) => c.refused)).to.equal(true);
    expect(provider.calls.filter((c) => !c.refused).every((c) => c.to - c.from + 1n <= 1_500n)).to.equal(
      true,
    );
    expect(await readAllLogs(provider.read, 10n, 9n)).to.deep.equal([]);
  });

  it("grows its pages while the provider accepts them (readAllLogs), and keeps the size that passed once one is refused", async function () {
    // No cap: 2,000, 4,000, … 128,000 blocks a page, then 128,000 each.
    const open = cappedProvider({
      blocks: 600_000n,
      perBlock: (b) => (b % 1_000n === 0n ? 1 : 0),
      maxBlocks: 10n ** 9n,
    });
    const all = await readAllLogs(open.read, 0n, 599_999n);
    expect(all.length).to.equal(600);
    expect(open.calls.map((c) => c.to - c.from + 1n)).to.deep.equal([
      2_000n,
      4_000n,
      8_000n,
      16_000n,
      32_000n,
      64_000n,
      128_000n,
      128_000n,
      128_000n,
      90_000n,
    ]);
    expect(MAX_PAGE_BLOCKS).to.equal(128_000n);
    // A 10,000-block cap: the 16,000-block page is refused once, split, and the pages stay at 8,000.
    const capped = cappedProvider({
      blocks: 60_000n,
      perBlock: () => 1,
      maxBlocks: 10_000n,
      maxResults: 1e9,
    });
    const logs = await readAllLogs(capped.read, 0n, 59_999n);
    expect(logs.map((l) => l.blockNumber)).to.deep.equal(Array.from({ length: 60_000 }, (_, i) => BigInt(i)));
    expect(pageSizes(capped.calls)).to.deep.equal([2, 4, 8, "16 refused", 8, 8, 8, 8, 8, 6]);
  });

  it("reads a wide page again at half its size when it fails otherwise (readAllLogs), and stops growing", async function () {
    // A provider that times out above 10,000 blocks, with words that are not a known refusal.
    const provider = cappedProvider({
      blocks: 40_000n,
      perBlock: (b) => (b % 100n === 0n ? 1 : 0),
      maxBlocks: 10n ** 9n,
    });
    const read = (from: bigint, to: bigint) => {
      if (to - from + 1n > 10_000n) {
        provider.calls.push({ from, to, refused: true });
        return Promise.reject(new Error("query timeout exceeded"));
      }
      return provider.read(from, to);
    };
    const logs = await readAllLogs(read, 0n, 39_999n);
    expect(logs.map((l) => l.blockNumber)).to.deep.equal(
      Array.from({ length: 400 }, (_, i) => BigInt(i * 100)),
    );
    expect(pageSizes(provider.calls)).to.deep.equal([2, 4, 8, "16 refused", 8, 8, 8, 2]);
  });

  it("throws a failure that is not a refusal for size (readAllLogs), rather than return part of the logs", async function () {
    const provider = cappedProvider({ blocks: 6_000n, perBlock: () => 1 });
    provider.failOnce(new Error("HTTP request failed: 503 Service Unavailable"));
    let thrown: unknown;
    try {
      await readAllLogs(provider.read, 0n, 5_999n);
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).to.include("503 Service Unavailable");
  });

  it("tells a provider's range or result refusal from other failures", function () {
    expect(isRangeError(new Error("query returned more than 10000 results"))).to.equal(true);
    expect(isRangeError({ message: "Log response size exceeded." })).to.equal(true);
    expect(isRangeError({ code: -32005, message: "limit" })).to.equal(true);
    expect(isRangeError(new Error("eth_getLogs is limited to a 10,000 range"))).to.equal(true);
    expect(isRangeError(new Error("429 Too Many Requests: rate limited"))).to.equal(false);
    expect(isRangeError(new Error("socket hang up"))).to.equal(false);
  });
});
