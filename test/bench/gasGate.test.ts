import { readFileSync } from "node:fs";

import { expect } from "chai";

import type { GasRow } from "../../scripts/bench/rows.js";
import { checkAgainstSnapshot, SNAPSHOT_PATH, type GasSnapshot } from "../../scripts/bench/snapshot.js";

// The gate that `npm run bench:gas` and .ci/run apply, checked against the committed snapshot: the
// measured rows are the snapshot's own, with one operation made dearer or cheaper.
const snapshot = JSON.parse(readFileSync(SNAPSHOT_PATH, "utf8")) as GasSnapshot;

/** The snapshot's rows as if measured again, with `op`'s gas scaled by `factor` at every size. */
function measuredWith(op: string, factor: number): GasRow[] {
  return snapshot.rows.map((row) => (row.op === op ? { ...row, gas: Math.round(row.gas * factor) } : row));
}

/** An operation of the snapshot whose figure is well below its target, so only the +1% rule decides. */
const roomy = snapshot.rows.find((row) => row.target !== undefined && row.gas * 1.05 < row.target);

describe("gas gate (scripts/bench/snapshot.ts)", () => {
  it("passes the snapshot's own figures", () => {
    expect(checkAgainstSnapshot(snapshot.rows, snapshot).failures).to.deep.equal([]);
  });

  it("fails a 2% rise of one operation, once per size measured, naming the operation", () => {
    if (roomy === undefined) throw new Error("no operation far enough below its target in the snapshot");
    const sizes = snapshot.rows.filter((row) => row.op === roomy.op).length;
    const { failures } = checkAgainstSnapshot(measuredWith(roomy.op, 1.02), snapshot);
    expect(failures).to.have.length(sizes);
    for (const failure of failures) {
      expect(failure).to.contain(roomy.op);
      expect(failure).to.match(/\+2\.0\d%\), more than \+1% over the snapshot$/);
    }
  });

  it("passes a rise within 1%, and reports a decrease without failing", () => {
    if (roomy === undefined) throw new Error("no operation far enough below its target in the snapshot");
    expect(checkAgainstSnapshot(measuredWith(roomy.op, 1.009), snapshot).failures).to.deep.equal([]);
    const cheaper = checkAgainstSnapshot(measuredWith(roomy.op, 0.9), snapshot);
    expect(cheaper.failures).to.deep.equal([]);
    expect(cheaper.improvements.filter((line) => line.includes(roomy.op))).to.have.length.greaterThan(0);
  });

  it("fails a figure above its target even within 1% of the snapshot", () => {
    const row = snapshot.rows.find((candidate) => candidate.target !== undefined);
    if (row === undefined) throw new Error("no operation with a target in the snapshot");
    // The same figures, measured against a target one gas below the figure.
    const measured = snapshot.rows.map((candidate) =>
      candidate === row ? { ...candidate, target: candidate.gas - 1 } : candidate,
    );
    const { failures } = checkAgainstSnapshot(measured, snapshot);
    expect(failures).to.have.length(1);
    expect(failures[0]).to.contain(row.op);
    expect(failures[0]).to.contain(`above its target of ${(row.gas - 1).toLocaleString("en-US")}`);
  });
});
