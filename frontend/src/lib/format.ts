import { formatUnits, zeroAddress, type Address } from "viem";

/** A returns or payment asset as the lens describes it. */
export type AssetInfo = { readonly asset: Address; readonly symbol: string; readonly decimals: number };

export const ETH: AssetInfo = { asset: zeroAddress, symbol: "ETH", decimals: 18 };

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `value` base units as a decimal with thousands separators and at most `maxFraction` decimals. */
export function formatUnitsGrouped(value: bigint, decimals: number, maxFraction = 4): string {
  const negative = value < 0n;
  const text = formatUnits(negative ? -value : value, decimals);
  const [integer = "0", fraction = ""] = text.split(".");
  const cut = fraction.slice(0, maxFraction).replace(/0+$/, "");
  if (value !== 0n && integer === "0" && cut === "")
    return `${negative ? "-" : ""}< 0.${"0".repeat(Math.max(0, maxFraction - 1))}1`;
  return `${negative ? "-" : ""}${group(integer)}${cut ? `.${cut}` : ""}`;
}

export function formatAmount(value: bigint, asset: AssetInfo | undefined, maxFraction = 4): string {
  if (!asset) return `${group(value.toString())} base units`;
  return `${formatUnitsGrouped(value, asset.decimals, maxFraction)} ${asset.symbol || shortAddress(asset.asset)}`;
}

export function formatShares(value: bigint, maxFraction = 2): string {
  return `${formatUnitsGrouped(value, 18, maxFraction)} shares`;
}

export function formatDate(seconds: bigint | number): string {
  const n = Number(seconds);
  if (n === 0) return "—";
  return dateFormat.format(new Date(n * 1000));
}

export function formatDuration(seconds: bigint | number): string {
  const s = Number(seconds);
  if (s % 86_400 === 0 && s >= 86_400) return `${s / 86_400} day${s === 86_400 ? "" : "s"}`;
  if (s % 3_600 === 0 && s >= 3_600) return `${s / 3_600} hour${s === 3_600 ? "" : "s"}`;
  if (s % 60 === 0 && s >= 60) return `${s / 60} minute${s === 60 ? "" : "s"}`;
  return `${s} second${s === 1 ? "" : "s"}`;
}

/** Basis points as a percentage: 1250 → "12.5%". */
export function formatBps(bps: bigint | number): string {
  const n = Number(bps);
  return `${(n / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
}

export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

export function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : hash;
}

export function findAsset(assets: readonly AssetInfo[], asset: Address): AssetInfo | undefined {
  const lower = asset.toLowerCase();
  return assets.find((a) => a.asset.toLowerCase() === lower) ?? (asset === zeroAddress ? ETH : undefined);
}
