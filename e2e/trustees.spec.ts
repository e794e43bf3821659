// The public Trustees page: each trustee's track record as the chain's events give it (recomputed
// here with the SDK from the event logs, without the indexer), the council's, the seeded round's
// outcomes (paid off through a Promise, by a council resolution, or not by the horizon) and the plain
// words on what the score means. It only reads.
import { expect, test } from "@playwright/test";

import { trackRecordFactsFromLogs } from "@fef/sdk/history";
import { computeTrackRecords, trackRecordOf } from "@fef/sdk/trackRecord";

import { abis, client, fundAddress, latestTimestamp } from "./support/chain.js";
import { openView, saveScreenshot } from "./support/dashboard.js";

test("trustees page: track records, calibration and estimates next to outcomes, as the chain's events give them", async ({
  page,
}) => {
  const council = fundAddress("TrusteeCouncil");
  const facts = await trackRecordFactsFromLogs(
    client,
    { grantRounds: fundAddress("GrantRounds"), returnsRegistry: fundAddress("ReturnsRegistry"), council },
    0n,
    await client.getBlockNumber(),
  );
  const records = computeTrackRecords(facts, await latestTimestamp());
  // The seed's round 1: its horizon has passed, so its funded applications are all resolved.
  expect(records.council.outcomes).toBeGreaterThanOrEqual(4);

  await openView(page, "trustees");
  await expect(page.getByTestId("track-explanation")).toContainText("Brier score");
  await expect(page.getByTestId("track-explanation")).toContainText("few outcomes");
  const councilScore = page.getByTestId("council-record-score");
  await expect(councilScore).toContainText(`based on ${records.council.outcomes} outcomes`);
  await expect(councilScore).toContainText((records.council.brier ?? 0).toFixed(3));

  const trustees = await client.readContract({
    address: council,
    abi: abis.council,
    functionName: "trustees",
  });
  for (const trustee of trustees) {
    const record = trackRecordOf(records, trustee);
    const card = page.getByTestId(`trustee-record-${trustee.toLowerCase()}`);
    await expect(card).toBeVisible();
    if (record?.brier !== undefined) {
      await expect(card.getByTestId(`trustee-record-${trustee.toLowerCase()}-score`)).toContainText(
        `${record.brier.toFixed(3)}`,
      );
      await expect(card).toContainText(
        `${record.committed} committed, ${record.revealed} revealed, ${record.missed} missed`,
      );
      await expect(card.getByRole("img", { name: /Calibration of/ })).toBeVisible();
    }
  }
  // Every way an outcome is reached appears next to the estimates.
  const rows = page.getByTestId("track-history-row");
  await expect(rows.filter({ hasText: "paid off — a Promise paid on" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "paid off — council resolution" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "did not pay off — horizon passed" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "sealed, never revealed (missed)" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "pending" }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await saveScreenshot(page, "trustees", true);
});
