// Amounts, shares, dates and durations in words: one formatting for the dashboard and the command line.
import { formatUnits, parseUnits } from "viem";

import type { AssetInfo } from "./assets.ts";

/** The largest amount a contract can hold (2^256 - 1 base units). */
export const MAX_UINT256 = 2n ** 256n - 1n;

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

/** Every digit of `value` base units, always with a fractional part: `3.0`, `0.000001` (for logs and the CLI). */
export function formatUnitsExact(value: bigint, decimals: number): string {
  const text = formatUnits(value, decimals);
  return text.includes(".") ? text : `${text}.0`;
}

/** `1,234.5 tUSD` (rounded to `maxFraction` decimals); base units when the asset is unknown. */
export function formatAmount(value: bigint, asset: AssetInfo | undefined, maxFraction = 4): string {
  if (!asset) return `${group(value.toString())} base units`;
  return `${formatUnitsGrouped(value, asset.decimals, maxFraction)} ${asset.symbol || shortAddress(asset.asset)}`;
}

/** `1234.5 tUSD`, every digit kept (what the command line prints). */
export function formatAmountExact(value: bigint, asset: AssetInfo): string {
  return `${formatUnitsExact(value, asset.decimals)} ${asset.symbol || asset.asset}`;
}

/** A number of shares in words: "1 share" for exactly one, "shares" for any other figure ("1.5 shares"). */
function sharesWord(figure: string): string {
  return `${figure} ${figure === "1" ? "share" : "shares"}`;
}

/** 18-decimal share units as the dashboard prints them: `1,204.5 shares`, `1 share`. */
export function formatShares(value: bigint, maxFraction = 2): string {
  return sharesWord(formatUnitsGrouped(value, 18, maxFraction));
}

/** 18-decimal share units, every digit kept: `10.0 shares`. */
export function formatSharesExact(value: bigint): string {
  return sharesWord(formatUnitsExact(value, 18));
}

/**
 * A decimal amount of `asset` (or of an asset with `decimals` decimals) as base units. Throws an
 * Error naming the problem: not a number, negative, or more decimals than the asset has.
 */
export function parseAmount(text: string, asset: AssetInfo | number): bigint {
  const decimals = typeof asset === "number" ? asset : asset.decimals;
  const what = typeof asset === "number" ? `${decimals} decimals` : `${asset.symbol} has ${decimals}`;
  const t = text.trim().replace(/_/g, "");
  if (!/^(\d+\.?\d*|\.\d+)$/.test(t)) throw new Error(`"${text}" is not a positive decimal number`);
  const fraction = t.split(".")[1] ?? "";
  if (fraction.length > decimals) throw new Error(`${t} has more than ${decimals} decimal places (${what})`);
  const value = parseUnits(t, decimals);
  if (value > MAX_UINT256)
    throw new Error(`${t} is too large: no amount on chain can exceed about 1.16e77 base units`);
  return value;
}

/** A date and time in the local time zone, e.g. `3 Dec 2026, 14:00`; `—` for zero (never set). */
export function formatDate(seconds: bigint | number): string {
  const n = Number(seconds);
  if (n === 0) return "—";
  return dateFormat.format(new Date(n * 1000));
}

/** `2026-01-01T00:00:00Z` */
export function isoDate(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
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
