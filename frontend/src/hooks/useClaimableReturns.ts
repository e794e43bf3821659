import { addTo } from "../components/AmountList";
import { useFund } from "./useFund";

/** The connected account's claimable returns per asset (lower-case address → base units). */
export function useClaimableReturns(): ReadonlyMap<string, bigint> {
  const { snapshot } = useFund();
  const sums = new Map<string, bigint>();
  if (!snapshot) return sums;
  snapshot.fund.assets.forEach((a, i) => addTo(sums, a.asset, snapshot.viewer.claimable[i] ?? 0n));
  return sums;
}
