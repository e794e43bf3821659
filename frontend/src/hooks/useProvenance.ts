import { useMemo } from "react";

import { provenanceOf } from "@fef/sdk/history";

import { mintProvenance, type Provenance } from "../lib/history";
import { useFund } from "./useFund";
import { useIndexerQuery } from "./useIndexerQuery";

/**
 * Where shares came from (award vs subscription): with an indexer, its mint totals and the loaded
 * holders' rows (one request, whatever the history's length); without, the loaded event logs.
 */
export function useProvenance(): Provenance {
  const { snapshot, history } = useFund();
  const addresses = useMemo(() => (snapshot?.holders ?? []).map((h) => h.holder), [snapshot]);
  const indexed = useIndexerQuery(
    "mint-provenance",
    [addresses],
    async (client) => {
      const { totals, holders } = await provenanceOf(client, addresses);
      return { totals, rows: holders };
    },
    { refetchInterval: 4_000 },
  );
  const { client } = indexed;
  const fromLogs = useMemo(() => (client ? undefined : mintProvenance(history.logs)), [client, history.logs]);
  return useMemo(() => {
    if (fromLogs) return fromLogs;
    const rows = indexed.data?.rows ?? [];
    return {
      researcherShares: indexed.data?.totals.award.amount ?? 0n,
      investorShares: indexed.data?.totals.subscription.amount ?? 0n,
      researchers: new Set(rows.filter((r) => r.awarded > 0n).map((r) => r.address.toLowerCase())),
      investors: new Set(rows.filter((r) => r.subscribed > 0n).map((r) => r.address.toLowerCase())),
    };
  }, [fromLogs, indexed.data]);
}
