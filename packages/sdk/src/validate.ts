import { isAddress, isHex, parseUnits, type Address, type Hex } from "viem";

import type { AssetInfo } from "./assets.ts";
import { formatAmount } from "./format.ts";

/** The outcome of checking one field: a value, or a message to show next to it. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const MAX_UINT256 = 2n ** 256n - 1n;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(error: string): Checked<T> => ({ ok: false, error });

export function checkAddress(text: string, label = "Address"): Checked<Address> {
  const t = text.trim();
  if (!t) return bad(`${label} is required.`);
  if (!isAddress(t))
    return bad(`${label} must be a 0x-prefixed address of 40 hex digits (checksummed if mixed case).`);
  return ok(t);
}

/** A decimal amount in an asset with `decimals` decimals, as base units. */
export function checkAmount(
  text: string,
  decimals: number,
  options: {
    label?: string;
    allowZero?: boolean;
    max?: bigint;
    /** the maximum in words, e.g. "the round's stipend budget of 30 ETH" */
    maxText?: string;
  } = {},
): Checked<bigint> {
  const label = options.label ?? "Amount";
  const t = text.trim().replace(/,/g, "");
  if (!t) return bad(`${label} is required.`);
  if (!/^\d*\.?\d*$/.test(t) || t === ".")
    return bad(`${label} must be a positive decimal number, e.g. 12.5.`);
  const fraction = t.split(".")[1] ?? "";
  if (fraction.length > decimals) return bad(`${label} has more than ${decimals} decimals.`);
  let value: bigint;
  try {
    value = parseUnits(t, decimals);
  } catch {
    return bad(`${label} is not a valid number.`);
  }
  // Beyond what any contract stores (uint256): refused here in words, before an encoder's range error.
  if (value > MAX_UINT256) return bad(`${label} is far too large: no amount on chain can be that big.`);
  if (value === 0n && !options.allowZero) return bad(`${label} must be more than zero.`);
  if (options.max !== undefined && value > options.max)
    return bad(options.maxText ? `${label} is above ${options.maxText}.` : `${label} is too large.`);
  return ok(value);
}

/**
 * A researcher's stipend request in a round: zero or more, at most the round's stipend budget (said
 * with the budget, never as a generic "invalid application").
 */
export function checkStipendRequest(text: string, asset: AssetInfo, budget: bigint): Checked<bigint> {
  if (budget === 0n) return ok(0n);
  return checkAmount(text || "0", asset.decimals, {
    label: "The stipend requested",
    allowZero: true,
    max: budget,
    maxText: `the round's stipend budget of ${formatAmount(budget, asset)}`,
  });
}

export function checkInteger(
  text: string,
  options: { label?: string; min?: bigint; max?: bigint } = {},
): Checked<bigint> {
  const label = options.label ?? "Value";
  const t = text.trim();
  if (!t) return bad(`${label} is required.`);
  if (!/^\d+$/.test(t)) return bad(`${label} must be a whole number.`);
  const value = BigInt(t);
  if (options.min !== undefined && value < options.min)
    return bad(`${label} must be at least ${options.min}.`);
  if (options.max !== undefined && value > options.max)
    return bad(`${label} must be at most ${options.max}.`);
  return ok(value);
}

/** A percentage with up to two decimals, as basis points (0 .. 10,000). */
export function checkPercentBps(text: string, label = "Estimate", minBps = 0n): Checked<number> {
  const t = text.trim();
  if (!t) return bad(`${label} is required.`);
  if (!/^\d+(\.\d{1,2})?$/.test(t))
    return bad(`${label} must be a percentage with at most two decimals, e.g. 12.5.`);
  const bps = Math.round(Number(t) * 100);
  if (bps < Number(minBps) || bps > 10_000)
    return bad(`${label} must be between ${Number(minBps) / 100}% and 100%.`);
  return ok(bps);
}

export function checkBytes32(text: string, label = "Hash"): Checked<Hex> {
  const t = text.trim();
  if (!t) return bad(`${label} is required.`);
  if (!isHex(t) || t.length !== 66) return bad(`${label} must be 0x followed by 64 hex digits.`);
  return ok(t);
}

export function checkText(text: string, label: string, maxLength = 2_000): Checked<string> {
  const t = text.trim();
  if (!t) return bad(`${label} is required.`);
  if (t.length > maxLength) return bad(`${label} must be at most ${maxLength} characters.`);
  return ok(t);
}

/** A local date-time from an <input type="datetime-local">, as unix seconds; optionally after `after`. */
export function checkDateTime(
  text: string,
  label: string,
  after?: { seconds: bigint; what: string },
): Checked<bigint> {
  if (!text) return bad(`${label} is required.`);
  const ms = new Date(text).getTime();
  if (Number.isNaN(ms)) return bad(`${label} is not a valid date and time.`);
  const seconds = BigInt(Math.floor(ms / 1000));
  if (after && seconds <= after.seconds) return bad(`${label} must be after ${after.what}.`);
  return ok(seconds);
}

/** A duration given in days (decimals allowed), as seconds. */
export function checkDays(
  text: string,
  label: string,
  options: { allowZero?: boolean } = {},
): Checked<bigint> {
  const t = text.trim();
  if (!t) return bad(`${label} is required.`);
  if (!/^\d+(\.\d+)?$/.test(t)) return bad(`${label} must be a number of days, e.g. 30 or 0.5.`);
  const seconds = BigInt(Math.round(Number(t) * 86_400));
  if (seconds === 0n && !options.allowZero) return bad(`${label} must be more than zero.`);
  return ok(seconds);
}

/**
 * A Merkle proof pasted as JSON: an array of bytes32 hex strings, an object with a `proof` array,
 * or an allowlist file with `proofs` keyed by investor address (the entry of `account` is used).
 * Empty input means no proof.
 */
export function checkProof(text: string, account?: string): Checked<readonly Hex[]> {
  const t = text.trim();
  if (!t) return ok([]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return bad('The proof must be JSON: an array of 0x… hashes, e.g. ["0xabc…", "0xdef…"].');
  }
  let list: unknown = parsed;
  if (!Array.isArray(parsed) && typeof parsed === "object" && parsed !== null) {
    const record = parsed as { proof?: unknown; proofs?: unknown };
    if (record.proof !== undefined) list = record.proof;
    else if (typeof record.proofs === "object" && record.proofs !== null) {
      const entry = Object.entries(record.proofs).find(
        ([address]) => address.toLowerCase() === account?.toLowerCase(),
      );
      if (!entry) return bad("This allowlist file has no proof for the connected account.");
      list = entry[1];
    }
  }
  if (!Array.isArray(list))
    return bad("The proof must be a JSON array of hashes (or an object with a `proof` array).");
  const hashes: Hex[] = [];
  for (const item of list) {
    if (typeof item !== "string" || !isHex(item) || item.length !== 66) {
      return bad("Every proof element must be 0x followed by 64 hex digits.");
    }
    hashes.push(item);
  }
  return ok(hashes);
}

/** Collects the first error of each field; `null` when every field is valid. */
export function firstErrors(
  fields: Readonly<Record<string, Checked<unknown>>>,
): Record<string, string> | null {
  const errors: Record<string, string> = {};
  for (const [name, checked] of Object.entries(fields)) if (!checked.ok) errors[name] = checked.error;
  return Object.keys(errors).length > 0 ? errors : null;
}
