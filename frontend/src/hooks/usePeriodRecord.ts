import { useMemo } from "react";

import { reportedPeriods, type ReportedPeriod } from "@fef/sdk/history";

import { disputedPeriods, reportTimes } from "../lib/history";
import { useFund } from "./useFund";
import { useIndexerQuery } from "./useIndexerQuery";
import { MAX_PERIODS_SHOWN, useOverviewHistory } from "./useOverviewHistory";

export { MAX_PERIODS_SHOWN };

/** Reported and disputed periods, keyed "commitmentId:period". */
export type PeriodRecord = {
  readonly reported: ReadonlyMap<string, bigint>;
  readonly disputed: ReadonlySet<string>;
};

function recordOf(periods: readonly ReportedPeriod[]): PeriodRecord {
  const reported = new Map<string, bigint>();
  const disputed = new Set<string>();
  for (const p of periods) {
    const key = `${p.commitmentId}:${p.period}`;
    reported.set(key, p.reportedAt);
    if (p.disputed) disputed.add(key);
  }
  return { reported, disputed };
}

/** Without an indexer: the record replayed from the loaded event logs (undefined with one). */
function useRecordFromLogs(withIndexer: boolean): PeriodRecord | undefined {
  const { history } = useFund();
  return useMemo(
    () =>
      withIndexer
        ? undefined
        : { reported: reportTimes(history.logs), disputed: disputedPeriods(history.logs) },
    [withIndexer, history.logs],
  );
}

/**
 * The record of the first periods of `commitmentIds`: when each was reported and whether it is
 * disputed. With an indexer, one request to its payment table for the commitments shown (whatever the
 * number of payments); without, the loaded event logs.
 */
export function usePeriodRecord(commitmentIds: readonly bigint[]): PeriodRecord {
  const indexed = useIndexerQuery(
    "reported-periods",
    [commitmentIds.map(String)],
    (client) => reportedPeriods(client, commitmentIds, MAX_PERIODS_SHOWN),
    { enabled: commitmentIds.length > 0, refetchInterval: 4_000 },
  );
  const fromLogs = useRecordFromLogs(indexed.client !== undefined);
  return useMemo(() => fromLogs ?? recordOf(indexed.data ?? []), [fromLogs, indexed.data]);
}

/** The record of the commitments in the overview's snapshot: part of the overview's one request. */
export function useOverviewPeriodRecord(): PeriodRecord {
  const { client, query } = useOverviewHistory();
  const fromLogs = useRecordFromLogs(client !== undefined);
  const periods = query.data?.periods;
  return useMemo(() => fromLogs ?? recordOf(periods ?? []), [fromLogs, periods]);
}
