import { useMemo } from "react";

import { roleIndex, type RoleIndex } from "../lib/roles";
import { useFund } from "./useFund";

export function useRoleIndex(): RoleIndex {
  const { history, snapshot } = useFund();
  const trustees = snapshot?.fund.trustees;
  return useMemo(() => roleIndex(history.logs, trustees ?? []), [history.logs, trustees]);
}
