// With the history indexer up, the overview's holders CSV is built from the indexer's holder table
// (through the SDK's typed queries): its rows match the chain, and the page sends no eth_getLogs.
import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";
import { getAddress, type Address } from "viem";

import { indexerCaughtUp } from "@fef/sdk/history";

import { abis, client, fundAddress } from "./support/chain.js";
import { openView } from "./support/dashboard.js";
import { recordRequests } from "./support/requests.js";
import { INDEXER_URL } from "./support/env.js";

test("the holders CSV comes from the indexer and matches the chain", async ({ page }) => {
  const { rpcMethods, indexerRequests } = recordRequests(page);

  // The web server is up once the dashboard serves; the indexer may still be catching up with the chain.
  const head = await client.getBlockNumber();
  await expect.poll(() => indexerCaughtUp(INDEXER_URL, head), { timeout: 120_000 }).toBe(true);

  await openView(page, "overview");
  await expect(page.getByTestId("history-coverage")).toContainText("from the history indexer");
  const download = page.waitForEvent("download");
  await page.getByTestId("export-holders-history").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("holders.csv");
  const lines = (await readFile(await file.path(), "utf8")).trim().split(/\r\n/);
  expect(lines[0]).toBe("holder,balance,awarded,subscribed,provenance,returns_claims");
  const rows = lines.slice(1).map((line) => line.split(","));

  const shares = fundAddress("FundShares");
  const holderCount = await client.readContract({
    address: shares,
    abi: abis.shares,
    functionName: "holderCount",
  });
  const withBalance = rows.filter((r) => BigInt(r[1] ?? "0") > 0n);
  expect(BigInt(withBalance.length)).toBe(holderCount);
  expect(holderCount).toBeGreaterThan(0n);
  for (const [holder, balance, awarded, subscribed, provenance] of rows) {
    const onChain = await client.readContract({
      address: shares,
      abi: abis.shares,
      functionName: "balanceOf",
      args: [getAddress(holder ?? "") as Address],
    });
    expect(BigInt(balance ?? "")).toBe(onChain);
    const kinds = [
      BigInt(awarded ?? "0") > 0n ? "award" : "",
      BigInt(subscribed ?? "0") > 0n ? "subscription" : "",
    ];
    expect(provenance).toBe(kinds.filter(Boolean).join(" & "));
  }
  // Largest balance first.
  const balances = rows.map((r) => BigInt(r[1] ?? "0"));
  expect(balances).toEqual([...balances].sort((a, b) => (a === b ? 0 : a > b ? -1 : 1)));

  expect(indexerRequests.some((url) => url.includes("/sql/db"))).toBe(true);
  expect(rpcMethods.length).toBeGreaterThan(0);
  expect(rpcMethods.filter((method) => method === "eth_getLogs")).toEqual([]);
});
