import { formatUnits, type Address } from "viem";

import { findAsset, type AssetInfo } from "@fef/sdk/assets";

import { eventsOf, type HistoryLog } from "../hooks/useHistory";
import type { Series } from "../components/charts/LineChart";

const key = (a: string) => a.toLowerCase();

function chainOrder(a: HistoryLog, b: HistoryLog): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

/** Periods currently disputed, per commitment: replay of ReportDisputed / DisputeResolved. */
export function disputedPeriods(logs: readonly HistoryLog[]): ReadonlySet<string> {
  const open = new Set<string>();
  const relevant = logs.filter((l) => l.eventName === "ReportDisputed" || l.eventName === "DisputeResolved");
  for (const log of [...relevant].sort(chainOrder)) {
    if (log.eventName === "ReportDisputed") open.add(`${log.args.commitmentId}:${log.args.period}`);
    else if (log.eventName === "DisputeResolved") open.delete(`${log.args.commitmentId}:${log.args.period}`);
  }
  return open;
}

/** When each reported period was reported ("commitmentId:period" → block time), from ReturnsReported. */
export function reportTimes(logs: readonly HistoryLog[]): ReadonlyMap<string, bigint> {
  const times = new Map<string, bigint>();
  for (const log of eventsOf(logs, "ReturnsReported"))
    times.set(`${log.args.commitmentId}:${log.args.period}`, log.timestamp);
  return times;
}

export type Provenance = {
  /** Shares minted to researchers (award claims) and to investors (subscription claims). */
  readonly researcherShares: bigint;
  readonly investorShares: bigint;
  readonly researchers: ReadonlySet<string>;
  readonly investors: ReadonlySet<string>;
};

/** Where shares came from, per the mint events in the loaded history. */
export function mintProvenance(logs: readonly HistoryLog[]): Provenance {
  let researcherShares = 0n;
  let investorShares = 0n;
  const researchers = new Set<string>();
  const investors = new Set<string>();
  for (const log of eventsOf(logs, "SharesClaimed")) {
    researcherShares += log.args.amount;
    researchers.add(key(log.args.researcher));
  }
  for (const log of eventsOf(logs, "SubscriptionSharesClaimed")) {
    investorShares += log.args.shares;
    investors.add(key(log.args.investor));
  }
  return { researcherShares, investorShares, researchers, investors };
}

/** Cumulative returns distributed per asset over time, for the chart (in whole units of each asset). */
export function returnsSeries(logs: readonly HistoryLog[], assets: readonly AssetInfo[]): Series[] {
  const byAsset = new Map<
    string,
    { name: string; total: bigint; decimals: number; points: { t: number; v: number }[] }
  >();
  for (const log of [...eventsOf(logs, "ReturnsDistributed")].sort(chainOrder)) {
    const info = findAsset(assets, log.args.asset);
    const k = key(log.args.asset);
    const entry = byAsset.get(k) ?? {
      name: info?.symbol || log.args.asset,
      total: 0n,
      decimals: info?.decimals ?? 18,
      points: [],
    };
    entry.total += log.args.amount;
    entry.points.push({ t: Number(log.timestamp), v: Number(formatUnits(entry.total, entry.decimals)) });
    byAsset.set(k, entry);
  }
  return [...byAsset.values()].map((e) => ({ name: `${e.name} distributed`, points: e.points }));
}

export type LedgerRow = {
  readonly block: bigint;
  readonly time: bigint;
  readonly tx: string;
  readonly event: string;
  readonly asset: Address;
  readonly account: string;
  readonly amount: bigint;
  readonly note: string;
};

/** The returns ledger: every inflow, distribution, claim and company report, oldest first. */
export function returnsLedger(logs: readonly HistoryLog[]): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const log of [...logs].sort(chainOrder)) {
    const base = { block: log.blockNumber, time: log.timestamp, tx: log.transactionHash };
    switch (log.eventName) {
      case "ReturnsReceived":
        rows.push({
          ...base,
          event: "received",
          asset: log.args.asset,
          account: log.args.from,
          amount: log.args.amount,
          note: "",
        });
        break;
      case "ReturnsDistributed":
        rows.push({
          ...base,
          event: "distributed",
          asset: log.args.asset,
          account: "",
          amount: log.args.amount,
          note: `supply ${log.args.totalSupply}`,
        });
        break;
      case "ReturnsClaimed":
        rows.push({
          ...base,
          event: "claimed",
          asset: log.args.asset,
          account: log.args.holder,
          amount: log.args.amount,
          note: "",
        });
        break;
      case "ReturnsReported":
        rows.push({
          ...base,
          event: "reported",
          asset: log.args.asset,
          account: "",
          amount: log.args.paid,
          note: `commitment ${log.args.commitmentId} period ${log.args.period} gross ${log.args.grossReturns}`,
        });
        break;
      default:
        break;
    }
  }
  return rows;
}
