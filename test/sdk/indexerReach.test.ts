// Telling an indexer that is down from one of its paths that failed: `indexerAnswers` asks its /status
// and counts any HTTP answer; only a request without an answer (refused, network down) says "down".
import { expect } from "chai";

import { indexerAnswers, indexerClient, indexerDidNotAnswer, IndexerError } from "@fef/sdk/history";

const refused: typeof fetch = () => Promise.reject(new TypeError("Failed to fetch"));
const answering =
  (status: number, seen: string[] = []): typeof fetch =>
  (input) => {
    seen.push(String(input));
    return Promise.resolve(new Response("{}", { status }));
  };

describe("SDK history: whether the indexer answers", function () {
  it("counts any HTTP answer of /status, even a 503 while it backfills", async function () {
    const seen: string[] = [];
    expect(await indexerAnswers("http://indexer.test/", answering(200, seen))).to.equal(true);
    expect(await indexerAnswers("http://indexer.test", answering(503, seen))).to.equal(true);
    expect(seen).to.deep.equal(["http://indexer.test/status", "http://indexer.test/status"]);
  });

  it("says no when the request gets no answer", async function () {
    expect(await indexerAnswers("http://indexer.test", refused)).to.equal(false);
  });

  it("says no when /status accepts the request but never answers (a hung indexer)", async function () {
    let aborted = false;
    const hanging: typeof fetch = (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => {
          aborted = true;
          reject(init.signal?.reason);
        });
      });
    expect(await indexerAnswers("http://indexer.test", hanging, 50)).to.equal(false);
    expect(aborted).to.equal(true);
  });

  it("tells a query without an answer from a query the indexer refused", async function () {
    const down = await indexerClient("http://indexer.test", refused)
      .query("SELECT 1")
      .catch((error: unknown) => error);
    expect(down).to.be.instanceOf(IndexerError);
    expect(indexerDidNotAnswer(down)).to.equal(true);

    const refusing = await indexerClient("http://indexer.test", answering(500))
      .query("SELECT 1")
      .catch((error: unknown) => error);
    expect(refusing).to.be.instanceOf(IndexerError);
    expect(indexerDidNotAnswer(refusing)).to.equal(false);
    expect(indexerDidNotAnswer(new Error("Failed to fetch"))).to.equal(false);
  });
});
