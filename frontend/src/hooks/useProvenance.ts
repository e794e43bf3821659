import { useMemo } from "react";

import { mintProvenance, type Provenance } from "../lib/history";
import { useFund } from "./useFund";
import { useOverviewHistory } from "./useOverviewHistory";

/**
 * Where shares came from (award vs subscription): with an indexer, its mint totals and the loaded
 * holders' rows (part of the overview's one request, whatever the history's length); without, the
 * loaded event logs.
 */
export function useProvenance(): Provenance {
  const { history } = useFund();
  const { client, query } = useOverviewHistory();
  const fromLogs = useMemo(() => (client ? undefined : mintProvenance(history.logs)), [client, history.logs]);
  const data = query.data;
  return useMemo(() => {
    if (fromLogs) return fromLogs;
    const rows = data?.holders ?? [];
    return {
      researcherShares: data?.totals.award.amount ?? 0n,
      investorShares: data?.totals.subscription.amount ?? 0n,
      researchers: new Set(rows.filter((r) => r.awarded > 0n).map((r) => r.address.toLowerCase())),
      investors: new Set(rows.filter((r) => r.subscribed > 0n).map((r) => r.address.toLowerCase())),
    };
  }, [fromLogs, data]);
}
