// One salt record format for every tool: an estimate committed from the command line is revealed in
// the dashboard after importing the command line's salt file, and an estimate committed in the
// dashboard is revealed from the command line with the dashboard's export. Each test opens a round of
// its own and moves chain time only within it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";
import { zeroHash } from "viem";

import { parseSaltDocument } from "@fef/sdk/salts";

import { devAccount } from "./support/chain.js";
import { hardhat } from "./support/cli.js";
import { expectConfirmed, openAs } from "./support/dashboard.js";
import { estimateOnChain, intoRevealPhase, roundInCommitPhase } from "./support/rounds.js";

// Two command-line runs and two dashboard transactions on a shared 2-core machine.
test.describe.configure({ timeout: 300_000 });

const RESEARCHER = 18;

/** Dev account `index` as the trustee, and a round of its own in its commit phase with one application. */
async function trusteeAndOneApplication(index: number) {
  const trustee = await devAccount(index);
  const round = await roundInCommitPhase(await devAccount(RESEARCHER));
  return { trustee, round, id: round.applicationId };
}

test("an estimate committed from the command line is revealed in the dashboard after importing its salt file", async ({
  page,
}) => {
  const { trustee, round, id } = await trusteeAndOneApplication(4);
  const dir = mkdtempSync(path.join(tmpdir(), "fef-salts-"));
  const saltFile = path.join(dir, "estimate-salts.json");

  await hardhat("estimate:commit", {
    application: id.toString(),
    probability: "4200",
    from: trustee,
    "salt-file": saltFile,
  });
  const committed = await estimateOnChain(id, trustee);
  expect(committed.sealedEstimate).not.toBe(zeroHash);
  expect(committed.revealed).toBe(false);
  // The command line's salt file is the SDK's export document, as it is.
  const [record] = parseSaltDocument(readFileSync(saltFile, "utf8"));
  expect(record?.sealedEstimate).toBe(committed.sealedEstimate);

  await intoRevealPhase(round);
  await openAs(page, "trustee", 4);
  const row = page.getByTestId(`round-${round.roundId}`).getByTestId(`application-${id}`);
  await expect(page.getByTestId(`round-${round.roundId}`)).toHaveAttribute("data-phase", "revealing");
  await expect(row.getByTestId(`lost-salt-${id}`)).toBeVisible();

  // A file edited by hand (its estimate no longer hashes to the sealed estimate) is refused whole.
  const edited = JSON.parse(readFileSync(saltFile, "utf8")) as { records: { probabilityBps: number }[] };
  const [first] = edited.records;
  if (!first) throw new Error("the salt file holds no record");
  first.probabilityBps = 9000;
  const editedFile = path.join(dir, "edited.json");
  writeFileSync(editedFile, JSON.stringify(edited));
  await page.getByTestId("salts-import").setInputFiles(editedFile);
  await expect(page.getByTestId("salts-import-error")).toContainText(
    "edited.json was not imported: records[0]: the estimate and salt do not hash to its sealedEstimate",
  );
  await expect(row.getByTestId(`lost-salt-${id}`)).toBeVisible();

  await page.getByTestId("salts-import").setInputFiles(saltFile);
  await expect(page.getByTestId("salts-import-result")).toHaveText(
    "estimate-salts.json: 1 salt added, 0 unchanged.",
  );
  // Importing the same file again changes nothing.
  await page.getByTestId("salts-import").setInputFiles(saltFile);
  await expect(page.getByTestId("salts-import-result")).toHaveText(
    "estimate-salts.json: 0 salts added, 1 unchanged.",
  );

  const reveal = page.getByTestId(`reveal-all-${round.roundId}`);
  await expect(reveal).toHaveText("Reveal 1 selected estimate (one transaction)");
  await reveal.click();
  await expectConfirmed(page, `Reveal my estimates in round #${round.roundId}`);
  await expect(row.getByTestId(`estimate-state-${id}`)).toContainText("Revealed: 42%, 6 months");

  const revealed = await estimateOnChain(id, trustee);
  expect(revealed.revealed).toBe(true);
  expect(revealed.probabilityBps).toBe(4200);
});

test("an estimate committed in the dashboard is revealed from the command line with the dashboard's export", async ({
  page,
}) => {
  const { trustee, round, id } = await trusteeAndOneApplication(5);

  await openAs(page, "trustee", 5);
  const row = page.getByTestId(`round-${round.roundId}`).getByTestId(`application-${id}`);
  await expect(page.getByTestId(`round-${round.roundId}`)).toHaveAttribute("data-phase", "committing");
  await row.getByTestId(`estimate-input-${id}`).fill("27.5");
  await page.getByTestId(`commit-selected-${round.roundId}`).click();
  await expectConfirmed(page, `Commit my selected estimates in round #${round.roundId}`);
  await expect(row.getByTestId(`estimate-state-${id}`)).toContainText("Committed (27.5%");
  const committed = await estimateOnChain(id, trustee);
  expect(committed.sealedEstimate).not.toBe(zeroHash);

  const download = page.waitForEvent("download");
  await page.getByTestId("salts-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("estimate-salts.json");
  const saltFile = path.join(mkdtempSync(path.join(tmpdir(), "fef-salts-")), "estimate-salts.json");
  await file.saveAs(saltFile);
  const records = parseSaltDocument(readFileSync(saltFile, "utf8"));
  const exported = records.find(
    (r) => r.applicationId === id && r.trustee.toLowerCase() === trustee.toLowerCase(),
  );
  expect(exported?.probabilityBps).toBe(2750);
  expect(exported?.sealedEstimate).toBe(committed.sealedEstimate);

  await intoRevealPhase(round);
  await hardhat("estimate:reveal", { application: id.toString(), from: trustee, "salt-file": saltFile });

  const revealed = await estimateOnChain(id, trustee);
  expect(revealed.revealed).toBe(true);
  expect(revealed.probabilityBps).toBe(2750);
  await page.reload();
  await expect(row.getByTestId(`estimate-state-${id}`)).toContainText("Revealed: 27.5%");
});

test("a trustee commits a selected batch of three estimates in one transaction, with salts from one wallet signature, and reveals the selected batch in one", async ({
  page,
}) => {
  const trustee = await devAccount(3);
  const round = await roundInCommitPhase(await devAccount(RESEARCHER), 15n * 60n, { applications: 4 });
  const [first, second, third, skipped] = round.applicationIds;
  if (first === undefined || second === undefined || third === undefined || skipped === undefined)
    throw new Error("the round needs four applications");

  await openAs(page, "trustee", 3);
  const card = page.getByTestId(`round-${round.roundId}`);
  await expect(card).toHaveAttribute("data-phase", "committing");
  await expect(card.getByTestId(`derive-salts-${round.roundId}`)).toBeChecked();
  for (const [id, probability] of [
    [first, "11"],
    [second, "22"],
    [third, "33"],
  ] as const)
    await card.getByTestId(`application-${id}`).getByTestId(`estimate-input-${id}`).fill(probability);
  // The fourth is not selected: it stays out of the batch.
  await expect(card.getByTestId(`select-${skipped}`)).not.toBeChecked();
  const commit = card.getByTestId(`commit-selected-${round.roundId}`);
  await expect(commit).toHaveText("Commit 3 selected estimates (one transaction)");
  await commit.click();
  await expectConfirmed(page, `Commit my selected estimates in round #${round.roundId}`);
  for (const id of [first, second, third])
    expect((await estimateOnChain(id, trustee)).sealedEstimate).not.toBe(zeroHash);
  expect((await estimateOnChain(skipped, trustee)).sealedEstimate).toBe(zeroHash);

  await intoRevealPhase(round);
  await page.reload();
  await expect(card).toHaveAttribute("data-phase", "revealing");
  // Unselect one: the batch reveals the other two in one transaction.
  await card.getByTestId(`select-${third}`).uncheck();
  const reveal = card.getByTestId(`reveal-all-${round.roundId}`);
  await expect(reveal).toHaveText("Reveal 2 selected estimates (one transaction)");
  await reveal.click();
  await expectConfirmed(page, `Reveal my estimates in round #${round.roundId}`);
  expect((await estimateOnChain(first, trustee)).probabilityBps).toBe(1100);
  expect((await estimateOnChain(second, trustee)).probabilityBps).toBe(2200);
  expect((await estimateOnChain(third, trustee)).revealed).toBe(false);
});
