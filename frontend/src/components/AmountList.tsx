import { findAsset } from "@fef/sdk/assets";
import { formatAmount } from "@fef/sdk/format";

import { useFund } from "../hooks/useFund";

/** Amounts per asset on one line ("1.5 ETH · 200 tUSD"), or `empty` when all are zero. */
export function AmountList({
  amounts,
  empty = "None",
}: {
  readonly amounts: ReadonlyMap<string, bigint>;
  readonly empty?: string;
}) {
  const { assets } = useFund();
  const shown = [...amounts].filter(([, v]) => v > 0n);
  if (shown.length === 0) return <>{empty}</>;
  return (
    <>
      {shown.map(([asset, v]) => formatAmount(v, findAsset(assets, asset as `0x${string}`), 2)).join(" · ")}
    </>
  );
}

/** Adds `value` to the sum kept for `asset` (lower-case address). */
export function addTo(sums: Map<string, bigint>, asset: string, value: bigint): void {
  sums.set(asset.toLowerCase(), (sums.get(asset.toLowerCase()) ?? 0n) + value);
}
