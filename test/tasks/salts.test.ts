import { expect } from "chai";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import type { Address, Hex } from "viem";

import { SALT_DOCUMENT_FORMAT, parseSaltDocument, saltRecord, toSaltJson } from "@fef/sdk/salts";

import type { EstimateSummary, RevealSummary } from "../../tasks/rounds.js";
import type { ExportSummary, ImportSummary } from "../../tasks/salts.js";
import {
  type TestFund,
  account,
  ethers,
  expectTaskError,
  loadFund,
  networkHelpers,
  openRound,
  runTask,
  scratchFile,
  submitApplication,
} from "../helpers/tasks.js";

const { time } = networkHelpers;

/** Trustee 1 (account 1) has committed 6,500 bps for an application, its salt kept in `saltFile`. */
async function committed(fund: TestFund) {
  const round = await openRound(fund, 0n);
  const applicationId = await submitApplication(fund, 6, round.roundId, "probes");
  await time.increaseTo(round.applicationDeadline + 1);
  const saltFile = scratchFile("commit-salts.json");
  const summary = await runTask<EstimateSummary>(fund, "estimate:commit", {
    application: applicationId.toString(),
    probability: "6500",
    from: "1",
    saltFile,
  });
  const commit = summary.estimates[0];
  if (commit === undefined) throw new Error("nothing committed");
  return { ...round, applicationId, saltFile, commit };
}

describe("salt export and import tasks", () => {
  it("moves a committed estimate's salt to another store, which reveals it; importing twice changes nothing", async () => {
    const fund = await loadFund();
    const { applicationId, saltFile, commit, commitDeadline } = await committed(fund);
    const out = scratchFile("export.json");

    const exported = await runTask<ExportSummary>(null, "salts:export", { out, saltFile });
    expect(exported).to.deep.include({ saltFile, out, records: 1 });
    expect(statSync(out).mode & 0o777).to.equal(0o600);
    const [record] = parseSaltDocument(readFileSync(out, "utf8"));
    expect(record).to.deep.include({
      trustee: account(fund.trustees, 0).address,
      applicationId,
      probabilityBps: 6500,
      effortMonths: 12,
      stipend: 0n,
      salt: commit.salt,
      sealedEstimate: commit.sealedEstimate,
    });

    // Another machine (or the dashboard's store) that has never seen the commit.
    const elsewhere = scratchFile("reveal-salts.json");
    const imported = await runTask<ImportSummary>(null, "salts:import", { file: out, saltFile: elsewhere });
    expect(imported).to.deep.include({ saltFile: elsewhere, added: 1, unchanged: 0 });
    const again = await runTask<ImportSummary>(null, "salts:import", { file: out, saltFile: elsewhere });
    expect(again).to.deep.include({ added: 0, unchanged: 1 });
    expect(parseSaltDocument(readFileSync(elsewhere, "utf8"))).to.have.length(1);

    await time.increaseTo(commitDeadline + 1);
    const revealed = await runTask<RevealSummary>(fund, "estimate:reveal", {
      application: applicationId.toString(),
      from: "1",
      saltFile: elsewhere,
    });
    expect(revealed.revealed[0]?.probabilityBps).to.equal(6500);
    expect((await fund.rounds.estimateOf(applicationId, account(fund.trustees, 0).address)).status).to.equal(
      3n,
    ); // Revealed
  });

  it("refuses to overwrite a file, to export nothing, and to import a missing, edited or conflicting export, changing nothing", async () => {
    const fund = await loadFund();
    const { applicationId, saltFile } = await committed(fund);
    const held = readFileSync(saltFile, "utf8");

    const taken = scratchFile("taken.json");
    writeFileSync(taken, "keep me");
    await expectTaskError(null, "salts:export", { out: taken, saltFile }, `--out: ${taken} already exists`);
    expect(readFileSync(taken, "utf8")).to.equal("keep me");
    const empty = scratchFile("empty-salts.json");
    await expectTaskError(
      null,
      "salts:export",
      { out: scratchFile("nothing.json"), saltFile: empty },
      `No salt records in ${empty}; nothing to export`,
    );
    const missing = scratchFile("missing.json");
    await expectTaskError(
      null,
      "salts:import",
      { file: missing, saltFile },
      `--file: ${missing} does not exist`,
    );

    const key = {
      chainId: Number((await ethers.provider.getNetwork()).chainId),
      grantRounds: (await fund.rounds.getAddress()) as Address,
      trustee: account(fund.trustees, 0).address as Address,
      applicationId,
    };
    const other = saltRecord({
      ...key,
      probabilityBps: 100,
      effortMonths: 12,
      stipend: 0n,
      salt: `0x${"22".repeat(32)}` as Hex,
    });
    const documentOf = (records: unknown[]) =>
      JSON.stringify({ format: SALT_DOCUMENT_FORMAT, version: 2, records });

    const edited = scratchFile("edited.json");
    writeFileSync(edited, documentOf([{ ...toSaltJson(other), probabilityBps: 9000 }]));
    await expectTaskError(
      null,
      "salts:import",
      { file: edited, saltFile },
      "records[0]: the estimate and salt do not hash to its sealedEstimate",
    );
    const conflicting = scratchFile("conflicting.json");
    writeFileSync(conflicting, documentOf([toSaltJson(other)]));
    await expectTaskError(
      null,
      "salts:import",
      { file: conflicting, saltFile },
      "Refused: this store already holds a different estimate for",
    );
    expect(readFileSync(saltFile, "utf8")).to.equal(held);
  });
});
