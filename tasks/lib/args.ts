// Parsing and validation of task options. Every function takes the option's CLI name (kebab case,
// without dashes) so that a bad value is reported as `--<name>: <what is wrong>`.
import {
  type Address,
  type Hex,
  getAddress,
  isAddress,
  isHex,
  keccak256,
  parseUnits,
  size,
  stringToHex,
  zeroAddress,
} from "viem";

import { fail } from "./fail.js";

const WHOLE_NUMBER = /^\d+$/;
const DECIMAL_NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY = 24 * 60 * 60;

/** The value of a required option, trimmed; missing or blank → error. */
export function required(option: string, value: string | undefined): string {
  if (value === undefined || value.trim() === "") fail(`--${option} is required`);
  return value.trim();
}

/** The value of an optional option, trimmed; blank counts as absent. */
export function optional(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export function parseAddress(option: string, value: string | undefined): Address {
  const text = required(option, value);
  // All lower- or all upper-case hex carries no checksum; mixed case must match its checksum.
  const digits = text.slice(2);
  const unchecked = digits === digits.toUpperCase() ? `0x${digits.toLowerCase()}` : text;
  if (!text.startsWith("0x") || !isAddress(unchecked, { strict: true })) {
    fail(
      `--${option}: "${text}" is not a valid address (0x and 40 hex digits, with a correct checksum if mixed-case)`,
    );
  }
  return getAddress(unchecked);
}

/** A returns asset: `ETH` (any case) or the zero address for ether, else an ERC-20 address. */
export function parseAsset(option: string, value: string | undefined): Address {
  const text = required(option, value);
  if (text.toUpperCase() === "ETH") return zeroAddress;
  return parseAddress(option, text);
}

/** A non-negative whole number within [min, max]. */
export function parseWhole(option: string, value: string | undefined, min = 0n, max?: bigint): bigint {
  const text = required(option, value);
  if (text.startsWith("-")) fail(`--${option}: must not be negative (got ${text})`);
  if (!WHOLE_NUMBER.test(text)) fail(`--${option}: "${text}" is not a whole number`);
  const number = BigInt(text);
  if (number < min) fail(`--${option}: must be at least ${min} (got ${text})`);
  if (max !== undefined && number > max) fail(`--${option}: must be at most ${max} (got ${text})`);
  return number;
}

/** An id of something counted on chain: ids run from 1 to `count`. */
export function parseId(option: string, value: string | undefined, count: bigint, noun: string): bigint {
  const id = parseWhole(option, value);
  if (id === 0n || id > count) {
    const range = count === 0n ? "none exist yet" : `ids run from 1 to ${count}`;
    fail(`--${option}: ${noun} ${id} does not exist (${range})`);
  }
  return id;
}

/** A probability estimate in basis points, 0 .. 10,000. */
export function parseBps(option: string, value: string | undefined, min = 0n): bigint {
  return parseWhole(option, value, min, 10_000n);
}

/** A decimal amount in units of `decimals` (e.g. "1.5" of an 18-decimal asset); `unit` names it in errors. */
export function parseAmount(
  option: string,
  value: string | undefined,
  decimals: number,
  unit: string,
): bigint {
  const text = required(option, value);
  if (text.startsWith("-")) fail(`--${option}: must not be negative (got ${text})`);
  if (!DECIMAL_NUMBER.test(text)) fail(`--${option}: "${text}" is not a decimal number`);
  const fraction = text.split(".")[1] ?? "";
  if (fraction.length > decimals) {
    fail(`--${option}: ${text} has more than ${decimals} decimal places (${unit} has ${decimals})`);
  }
  return parseUnits(text.startsWith(".") ? `0${text}` : text, decimals);
}

/** A positive decimal amount (see `parseAmount`). */
export function parsePositiveAmount(
  option: string,
  value: string | undefined,
  decimals: number,
  unit: string,
) {
  const amount = parseAmount(option, value, decimals, unit);
  if (amount === 0n) fail(`--${option}: must be greater than zero`);
  return amount;
}

/** A point in time: unix seconds or an ISO 8601 date (`2025-01-31`, `2025-01-31T12:00:00Z`). */
export function parseTime(option: string, value: string | undefined): bigint {
  const text = required(option, value);
  if (WHOLE_NUMBER.test(text)) return BigInt(text);
  const millis = ISO_DATE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(millis)) {
    fail(
      `--${option}: "${text}" is neither unix seconds nor an ISO date such as 2025-01-31 or 2025-01-31T12:00:00Z`,
    );
  }
  if (millis < 0) fail(`--${option}: ${text} is before 1970`);
  return BigInt(Math.floor(millis / 1000));
}

/** A duration in days (decimals allowed), returned in seconds. */
export function parseDays(option: string, value: string | undefined): bigint {
  const text = required(option, value);
  if (text.startsWith("-")) fail(`--${option}: must not be negative (got ${text})`);
  if (!DECIMAL_NUMBER.test(text)) fail(`--${option}: "${text}" is not a number of days`);
  return BigInt(Math.round(Number(text) * DAY));
}

/** Whether `text` is 0x and exactly 64 hex digits. */
function isBytes32(text: unknown): text is Hex {
  return typeof text === "string" && isHex(text, { strict: true }) && size(text) === 32;
}

export function parseBytes32(option: string, value: string | undefined): Hex {
  const text = required(option, value);
  if (!isBytes32(text)) fail(`--${option}: "${text}" is not a 32-byte hex value (0x and 64 hex digits)`);
  return text.toLowerCase() as Hex;
}

/** A 32-byte hash given either as hex, or as text that is hashed with keccak256. */
export function hashOrText(option: string, value: string | undefined): Hex {
  const text = required(option, value);
  return isBytes32(text) ? (text.toLowerCase() as Hex) : keccak256(stringToHex(text));
}

export function parseJson(option: string, value: string | undefined): unknown {
  const text = required(option, value);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`--${option}: malformed JSON (${reason})`);
  }
}

/** A JSON array of 32-byte hex values (a Merkle proof). */
export function parseProof(option: string, value: string | undefined): Hex[] {
  const proof = parseJson(option, value);
  if (!Array.isArray(proof)) fail(`--${option}: expected a JSON array of 32-byte hex values`);
  return proof.map((item: unknown, index) => {
    if (!isBytes32(item)) {
      fail(`--${option}[${index}]: ${JSON.stringify(item)} is not a 32-byte hex value`);
    }
    return item;
  });
}

/** A comma-separated list of whole numbers, e.g. "1,2". */
export function parseList(option: string, value: string | undefined): bigint[] {
  const text = required(option, value);
  return text.split(",").map((part, index) => {
    const item = part.trim();
    if (item.startsWith("-")) fail(`--${option}: item ${index + 1} must not be negative (got ${item})`);
    if (!WHOLE_NUMBER.test(item)) fail(`--${option}: item ${index + 1} ("${item}") is not a whole number`);
    return BigInt(item);
  });
}
