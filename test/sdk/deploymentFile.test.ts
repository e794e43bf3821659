// Where a deployment's log reads start: the first block in Ignition's journal beside the record, and
// 0 (the whole chain, in bounded pages) when there is no journal.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { readDeploymentFile } from "@fef/sdk/node/deploymentFile";

const RECORD = { "FundModule#TrusteeCouncil": "0x5FbDB2315678afecb367f032d93F642f64180aa3" };

const made: string[] = [];

function deploymentDir(journal?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "fef-deployment-"));
  made.push(dir);
  writeFileSync(path.join(dir, "deployed_addresses.json"), JSON.stringify(RECORD));
  if (journal !== undefined) writeFileSync(path.join(dir, "journal.jsonl"), journal);
  return dir;
}

describe("SDK deployment record: the deployment's first block", function () {
  after(function () {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it("is the lowest block number the journal records", function () {
    const journal = [
      JSON.stringify({ type: "TRANSACTION_CONFIRM", receipt: { blockNumber: 1_204 } }),
      JSON.stringify({ type: "TRANSACTION_CONFIRM", receipt: { blockNumber: 1_201 } }),
      JSON.stringify({ type: "TRANSACTION_CONFIRM", receipt: { blockNumber: "1203" } }),
    ].join("\n");
    const file = path.join(deploymentDir(journal), "deployed_addresses.json");
    const deployment = readDeploymentFile(file, 11_155_111);
    expect(deployment.fromBlock).to.equal(1_201n);
    expect(deployment.addresses.TrusteeCouncil).to.equal(RECORD["FundModule#TrusteeCouncil"]);
  });

  it("is 0 without a journal", function () {
    const file = path.join(deploymentDir(), "deployed_addresses.json");
    expect(readDeploymentFile(file, 11_155_111).fromBlock).to.equal(0n);
  });
});
