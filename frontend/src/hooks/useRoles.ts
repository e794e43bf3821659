import { useMemo } from "react";

import { roleIndex, type RoleIndex } from "../lib/roles";
import { useFeedLogs } from "./useFeed";
import { useFund } from "./useFund";

/**
 * Roles of accounts, from the council's trustees and the feed of applications, companies and
 * subscriptions. With an indexer, its feed is read only while `wanted` (by default: while an account
 * is connected; without one there is nobody to find roles for).
 */
export function useRoleIndex(wanted?: boolean): RoleIndex {
  const { snapshot, account } = useFund();
  const logs = useFeedLogs(wanted ?? account !== undefined);
  const trustees = snapshot?.fund.trustees;
  return useMemo(() => roleIndex(logs, trustees ?? []), [logs, trustees]);
}
