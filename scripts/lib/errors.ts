// One decoder of the Fund's revert data for scripts and tasks. The plain words come from the
// dashboard's message table (frontend/src/lib/errorMessages.ts, checked against every ABI by
// scripts/check-error-messages.mjs), so the command line and the dashboard say the same thing.
import {
  AbiCoder,
  type ErrorFragment,
  Interface,
  type InterfaceAbi,
  type ParamType,
  ZeroAddress,
  formatUnits,
} from "ethers";

import { ErrorArgs, type ErrorFormat, errorMessages } from "../../frontend/src/lib/errorMessages.js";
import {
  DEFAULT_ADMIN_ROLE,
  DEPOSITOR_ROLE,
  MINTER_ROLE,
  STIPEND_ROLE,
} from "../../ignition/modules/roles.js";
import { ActionKind } from "./actions.js";

/** Contracts whose ABIs hold every custom error the Fund can revert with (interfaces first). */
export const FUND_ERROR_SOURCES = [
  "ITrusteeCouncil",
  "IFundShares",
  "ICapitalPool",
  "IGrantRounds",
  "IOfferings",
  "IReturnsRegistry",
  "TrusteeCouncil",
  "FundShares",
  "CapitalPool",
  "GrantRounds",
  "Offerings",
  "ReturnsRegistry",
  "TestToken",
] as const;

/** OpenZeppelin errors that the Fund's contracts can bubble up but their interfaces do not list. */
const LIBRARY_ERRORS = [
  "error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)",
  "error AccessControlBadConfirmation()",
  "error EnforcedPause()",
  "error ExpectedPause()",
  "error ReentrancyGuardReentrantCall()",
  "error SafeERC20FailedOperation(address token)",
  "error FailedCall()",
  "error InsufficientBalance(uint256 balance, uint256 needed)",
  "error AddressEmptyCode(address target)",
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error ERC20InvalidSender(address sender)",
  "error ERC20InvalidReceiver(address receiver)",
  "error ERC20InvalidApprover(address approver)",
  "error ERC20InvalidSpender(address spender)",
  "error ECDSAInvalidSignature()",
  "error ECDSAInvalidSignatureLength(uint256 length)",
  "error ECDSAInvalidSignatureS(bytes32 s)",
  "error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)",
];

const ERROR_STRING_SELECTOR = "0x08c379a0";
const PANIC_SELECTOR = "0x4e487b71";

const PANIC_REASONS: Record<number, string> = {
  0x01: "assertion failed",
  0x11: "arithmetic overflow or underflow",
  0x12: "division by zero",
  0x21: "invalid enum value",
  0x22: "corrupt storage byte array",
  0x31: "pop from an empty array",
  0x32: "array index out of bounds",
  0x41: "out of memory",
  0x51: "call to an uninitialised function",
};

/** Domain prefixes of the custom errors, and how to say them in words. */
const PREFIXES: [string, string][] = [
  ["ReturnsRegistry", "returns registry"],
  ["GrantRounds", "grant rounds"],
  ["CapitalPool", "capital pool"],
  ["FundShares", "fund shares"],
  ["Offerings", "offerings"],
  ["Council", "council"],
  ["AccessControl", "access control"],
  ["SafeERC20", "token transfer"],
  ["ERC20", "token"],
  ["ECDSA", "signature"],
  ["ReentrancyGuard", "reentrancy guard"],
  ["SafeCast", "number conversion"],
];

const ROLE_NAMES: Record<string, string> = {
  [DEFAULT_ADMIN_ROLE]: "admin role",
  [MINTER_ROLE]: "minter role",
  [DEPOSITOR_ROLE]: "depositor role",
  [STIPEND_ROLE]: "stipend role",
};

const ROUND_STATUSES = ["unknown", "open", "settled", "closed"];

/**
 * How messages show values on the command line. Without chain access the decoder cannot know an
 * ERC-20's decimals, so such amounts are given in base units; ETH, shares and dates are exact.
 */
const CLI_FORMAT: ErrorFormat = {
  address: (account) => account,
  amount: (value, asset) => (asset === ZeroAddress ? `${formatUnits(value, 18)} ETH` : `${value} base units`),
  eth: (value) => `${formatUnits(value, 18)} ETH`,
  shares: (value) => `${formatUnits(value, 18)} shares`,
  date: (seconds) => isoDate(seconds),
  duration: (seconds) => `${seconds} seconds (${Number(seconds) / 86_400} days)`,
  bps: (value) => `${value} bps (${Number(value) / 100}%)`,
  actionKind: (kind) => Object.keys(ActionKind)[kind] ?? `kind ${kind}`,
  roundStatus: (status) => ROUND_STATUSES[status] ?? `status ${status}`,
  role: (role) => ROLE_NAMES[role] ?? `role ${role}`,
  asset: (asset) => (asset === ZeroAddress ? "ETH" : asset),
};

/** A custom error decoded from revert data. */
export interface DecodedRevert {
  /** e.g. `CouncilInsufficientApprovals` */
  name: string;
  /** argument name → value (bigint, string, boolean, …) */
  args: Record<string, unknown>;
  /** the error and its arguments in plain words */
  message: string;
}

/** Names of parameters that hold unix timestamps, explained as dates. */
const TIME_PARAM = /(^|_)(now_?|start|end|deadline)$|At$|Deadline$/;

function isTime(param: ParamType, value: unknown): value is bigint {
  return (
    typeof value === "bigint" &&
    TIME_PARAM.test(param.name) &&
    value > 1_000_000_000n &&
    value < 100_000_000_000n
  );
}

function isoDate(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => String(item)).join(", ")}]`;
  return String(value);
}

function words(name: string): string {
  const prefix = PREFIXES.find(([start]) => name.startsWith(start) && name.length > start.length);
  const rest = prefix === undefined ? name : name.slice(prefix[0].length);
  const phrase = rest.replaceAll(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return prefix === undefined ? phrase : `${prefix[1]}: ${phrase}`;
}

/**
 * Decodes revert data of the Fund's contracts into the custom error's name, arguments and a
 * plain-word message. Build it once from the contracts' ABIs (see `FUND_ERROR_SOURCES`).
 */
export class RevertDecoder {
  readonly #errors: Interface;

  constructor(abis: readonly InterfaceAbi[]) {
    const unique = new Map<string, string>();
    for (const abi of [LIBRARY_ERRORS, ...abis]) {
      for (const fragment of Interface.from(abi).fragments) {
        if (fragment.type === "error") unique.set(fragment.format("sighash"), fragment.format("full"));
      }
    }
    this.#errors = Interface.from([...unique.values()]);
  }

  /** The custom error (or `Error(string)` / panic) encoded in `data`, if it is one the Fund knows. */
  decode(data: string): DecodedRevert | undefined {
    const selector = data.slice(0, 10).toLowerCase();
    const coder = AbiCoder.defaultAbiCoder();
    try {
      if (selector === ERROR_STRING_SELECTOR) {
        const [reason] = coder.decode(["string"], `0x${data.slice(10)}`);
        return { name: "Error", args: { reason: String(reason) }, message: `reverted: ${String(reason)}` };
      }
      if (selector === PANIC_SELECTOR) {
        const [code] = coder.decode(["uint256"], `0x${data.slice(10)}`);
        const reason = PANIC_REASONS[Number(code)] ?? "panic";
        return {
          name: "Panic",
          args: { code: code as bigint },
          message: `Panic(0x${(code as bigint).toString(16)}): ${reason}`,
        };
      }
      const parsed = this.#errors.parseError(data);
      if (parsed === null) return undefined;
      return this.#describe(parsed.fragment, parsed.args.toArray());
    } catch {
      return undefined;
    }
  }

  /**
   * A one-line explanation of a failed call or transaction: the decoded custom error when the
   * failure carries revert data, otherwise the provider's own short message.
   */
  explain(error: unknown): string {
    for (const data of revertDataCandidates(error)) {
      const decoded = this.decode(data);
      if (decoded !== undefined) return decoded.message;
    }
    const first = revertDataCandidates(error)[0];
    if (first !== undefined) return `reverted with unknown error data ${first}`;
    return shortMessage(error);
  }

  #describe(fragment: ErrorFragment, values: unknown[]): DecodedRevert {
    const args: Record<string, unknown> = {};
    const dates: string[] = [];
    const listed = fragment.inputs.map((param, index) => {
      const name = param.name === "" ? `arg${index}` : param.name;
      const value = values[index];
      args[name] = value;
      if (isTime(param, value)) dates.push(`${name.replace(/_$/, "")} ${isoDate(value)}`);
      return `${name}: ${formatValue(value)}`;
    });
    const message = errorMessages[fragment.name];
    const explanation =
      message === undefined
        ? `${words(fragment.name)}${dates.length > 0 ? ` (${dates.join(", ")})` : ""}`
        : message(new ErrorArgs(values), CLI_FORMAT);
    return { name: fragment.name, args, message: `${fragment.name}(${listed.join(", ")}): ${explanation}` };
  }
}

/** Hex strings found where ethers, Hardhat and JSON-RPC providers put revert data (nearest first). */
export function revertDataCandidates(error: unknown): string[] {
  const found: string[] = [];
  const queue: [unknown, number][] = [[error, 0]];
  const seen = new Set<unknown>();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [value, depth] = next;
    if (value === null || typeof value !== "object" || seen.has(value) || depth > 5) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    const data = record.data;
    if (typeof data === "string" && /^0x[0-9a-fA-F]{8}/.test(data) && !found.includes(data)) found.push(data);
    for (const key of ["data", "error", "info", "cause", "revert", "payload"]) {
      if (key in record) queue.push([record[key], depth + 1]);
    }
  }
  return found;
}

function shortMessage(error: unknown): string {
  if (error !== null && typeof error === "object") {
    const record = error as Record<string, unknown>;
    if (typeof record.shortMessage === "string") return record.shortMessage;
    if (typeof record.message === "string") return record.message.split("\n")[0] ?? record.message;
  }
  return String(error);
}
