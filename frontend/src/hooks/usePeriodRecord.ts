import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { reportedPeriods } from "@fef/sdk/history";

import { disputedPeriods, reportTimes } from "../lib/history";
import { useFund } from "./useFund";
import { useIndexer } from "./useIndexer";

/** Most periods a strip shows per commitment. */
export const MAX_PERIODS_SHOWN = 36;

/** Reported and disputed periods, keyed "commitmentId:period". */
export type PeriodRecord = {
  readonly reported: ReadonlyMap<string, bigint>;
  readonly disputed: ReadonlySet<string>;
};

/**
 * The record of the first periods of `commitmentIds`: when each was reported and whether it is
 * disputed. With an indexer, one request to its payment table for the commitments shown (whatever the
 * number of payments); without, the loaded event logs.
 */
export function usePeriodRecord(commitmentIds: readonly bigint[]): PeriodRecord {
  const { chainId, history } = useFund();
  const client = useIndexer();
  const ids = commitmentIds.map(String);
  const indexed = useQuery({
    queryKey: ["reported-periods", chainId, client?.url, ids],
    enabled: client !== undefined && ids.length > 0,
    queryFn: async () => {
      if (!client) throw new Error("no history indexer");
      return reportedPeriods(client, commitmentIds, MAX_PERIODS_SHOWN);
    },
    refetchInterval: 4_000,
  });
  const fromLogs = useMemo(
    () =>
      client ? undefined : { reported: reportTimes(history.logs), disputed: disputedPeriods(history.logs) },
    [client, history.logs],
  );
  return useMemo(() => {
    if (fromLogs) return fromLogs;
    const reported = new Map<string, bigint>();
    const disputed = new Set<string>();
    for (const p of indexed.data ?? []) {
      const key = `${p.commitmentId}:${p.period}`;
      reported.set(key, p.reportedAt);
      if (p.disputed) disputed.add(key);
    }
    return { reported, disputed };
  }, [fromLogs, indexed.data]);
}
