import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { formatUnits } from "viem";

import { findAsset, type AssetInfo } from "@fef/sdk/assets";
import { indexerClient, returnsByDay, returnsLedger, type Cursor, type ReturnsDay } from "@fef/sdk/history";

import type { Series } from "../components/charts/LineChart";
import { indexerUrlFor } from "../lib/chains";
import { returnsLedger as ledgerFromLogs, returnsSeries, type LedgerRow } from "../lib/history";
import { useFund } from "./useFund";

/** The days loaded per indexer; a refresh asks only for the newest loaded day and later ones. */
const loadedDays = new Map<string, ReturnsDay[]>();

async function refreshDays(url: string): Promise<ReturnsDay[]> {
  const loaded = loadedDays.get(url) ?? [];
  const newest = loaded[loaded.length - 1]?.day;
  const fresh = await returnsByDay(indexerClient(url), newest ?? 0n);
  // The newest day may have grown since: its rows are replaced, older days kept as loaded.
  const kept = newest === undefined ? [] : loaded.filter((d) => d.day < newest);
  const days = kept.concat(fresh);
  loadedDays.set(url, days);
  return days;
}

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
async function ledgerFromIndexer(url: string): Promise<LedgerRow[]> {
  const client = indexerClient(url);
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
 * tables when there is one (one request for the chart, whatever the history's length), else from the
 * loaded event logs.
 */
export function useReturnsHistory() {
  const { chainId, history, assets } = useFund();
  const url = indexerUrlFor(chainId);
  const days = useQuery({
    queryKey: ["returns-by-day", chainId, url],
    enabled: url !== undefined,
    queryFn: () => refreshDays(url ?? ""),
    refetchInterval: 4_000,
    structuralSharing: false,
  });
  const series = useMemo(
    () => (url ? seriesFromDays(days.data ?? [], assets) : returnsSeries(history.logs, assets)),
    [url, days.data, history.logs, assets],
  );
  const ledger = (): Promise<LedgerRow[]> =>
    url ? ledgerFromIndexer(url) : Promise.resolve(ledgerFromLogs(history.logs));
  const hasData = url ? (days.data?.length ?? 0) > 0 : history.logs.length > 0;
  return {
    series,
    ledger,
    hasData,
    loading: url ? days.isLoading : history.loading,
    /** With an indexer: the returns tables answered and the last refresh had no error. */
    loaded: url ? days.isSuccess && !days.error : history.complete,
    error: url ? days.error : history.error,
  };
}
