import type { SystemNames } from "@fef/sdk/proposals";

import type { System } from "../../hooks/useFund";

/** Lower-case address → name of each Fund contract, to name the contracts proposals mention. */
export function systemNames(system: System | undefined): SystemNames {
  if (!system) return {};
  return {
    [system.shares.toLowerCase()]: "FundShares",
    [system.grantRounds.toLowerCase()]: "GrantRounds",
    [system.offerings.toLowerCase()]: "Offerings",
    [system.capitalPool.toLowerCase()]: "CapitalPool",
    [system.returnsRegistry.toLowerCase()]: "ReturnsRegistry",
    [system.council.toLowerCase()]: "TrusteeCouncil",
  };
}
