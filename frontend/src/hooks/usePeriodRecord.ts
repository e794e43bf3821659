import { useMemo } from "react";

import { reportedPeriods } from "@fef/sdk/history";

import { disputedPeriods, reportTimes } from "../lib/history";
import { useFund } from "./useFund";
import { useIndexerQuery } from "./useIndexerQuery";

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
  const { history } = useFund();
  const indexed = useIndexerQuery(
    "reported-periods",
    [commitmentIds.map(String)],
    (client) => reportedPeriods(client, commitmentIds, MAX_PERIODS_SHOWN),
    { enabled: commitmentIds.length > 0, refetchInterval: 4_000 },
  );
  const { client } = indexed;
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
