import { useMemo } from "react";
import { formatUnits } from "viem";

import { findAsset, type AssetInfo } from "@fef/sdk/assets";
import { returnsLedger, type Cursor, type IndexerClient, type ReturnsDay } from "@fef/sdk/history";

import type { Series } from "../components/charts/LineChart";
import { returnsLedger as ledgerFromLogs, returnsSeries, type LedgerRow } from "../lib/history";
import { useFund } from "./useFund";
import { useOverviewHistory } from "./useOverviewHistory";

function seriesFromDays(days: readonly ReturnsDay[], assets: readonly AssetInfo[]): Series[] {
  const byAsset = new Map<string, { name: string; points: { t: number; v: number }[] }>();
  for (const day of days) {
    if (day.distributed === 0n && !byAsset.has(day.asset)) continue;
    const info = findAsset(assets, day.asset);
    const entry = byAsset.get(day.asset) ?? { name: info?.symbol || day.asset, points: [] };
    entry.points.push({
      t: Number(day.day),
      v: Number(formatUnits(day.cumulativeDistributed, info?.decimals ?? 18)),
    });
    byAsset.set(day.asset, entry);
  }
  return [...byAsset.values()].map((e) => ({ name: `${e.name} distributed`, points: e.points }));
}

/** Ledger rows read from the indexer, page by page from the oldest. */
async function ledgerFromIndexer(client: IndexerClient): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let after: Cursor | undefined;
  for (;;) {
    const page = await returnsLedger(client, { after, limit: 5_000 });
    for (const e of page) {
      const note =
        e.kind === "distributed"
          ? `supply ${e.supplyOrGross ?? 0n}`
          : e.kind === "reported"
            ? `commitment ${e.commitmentId ?? 0n} period ${e.period ?? 0n} gross ${e.supplyOrGross ?? 0n}`
            : "";
      rows.push({
        block: e.blockNumber,
        time: e.timestamp,
        tx: e.transactionHash,
        event: e.kind,
        asset: e.asset,
        account: e.account ?? "",
        amount: e.amount,
        note,
      });
    }
    const last = page[page.length - 1];
    if (page.length < 5_000 || !last) break;
    after = { blockNumber: last.blockNumber, logIndex: last.logIndex };
  }
  return rows;
}

/**
 * Returns over time for the chart, and the returns ledger on request: from the indexer's returns
 * tables when there is one (part of the overview's one request, whatever the history's length), else
 * from the loaded event logs.
 */
export function useReturnsHistory() {
  const { history, assets } = useFund();
  const { client, query } = useOverviewHistory();
  const days = query.data?.days;
  const series = useMemo(
    () => (client ? seriesFromDays(days ?? [], assets) : returnsSeries(history.logs, assets)),
    [client, days, history.logs, assets],
  );
  const ledger = (): Promise<LedgerRow[]> =>
    client ? ledgerFromIndexer(client) : Promise.resolve(ledgerFromLogs(history.logs));
  const hasData = client ? (days?.length ?? 0) > 0 : history.logs.length > 0;
  return {
    series,
    ledger,
    hasData,
    loading: client ? query.isPending : history.loading,
    /** With an indexer: the returns tables answered and the last refresh had no error. */
    loaded: client ? query.isSuccess && !query.error : history.complete,
    error: client ? query.error : history.error,
  };
}
