// One decoder of the Fund's failures for every client: a viem/wagmi error, an ethers or Hardhat error,
// or raw revert data becomes the custom error's name, arguments and a sentence in plain words (the
// messages are in errorMessages.ts, every custom error covered, checked by `npm run lint`).
import {
  BaseError,
  ContractFunctionRevertedError,
  InsufficientFundsError,
  UserRejectedRequestError,
  decodeErrorResult,
  keccak256,
  parseAbi,
  toHex,
  zeroHash,
} from "viem";
import type { Abi, AbiParameter, Address, Hex } from "viem";

import { actionKindLabel, actionKindOf } from "./actionKinds.ts";
import { ETH, findAsset, isEth, type AssetInfo } from "./assets.ts";
import { ErrorArgs, errorMessages, type ErrorFormat } from "./errorMessages.ts";
import {
  formatAmount,
  formatBps,
  formatDate,
  formatDuration,
  formatShares,
  formatUnitsExact,
  isoDate,
  shortAddress,
} from "./format.ts";
import {
  capitalPoolAbi,
  fundLensAbi,
  fundSharesAbi,
  grantRoundsAbi,
  multicall3Abi,
  offeringsAbi,
  returnsRegistryAbi,
  testTokenAbi,
  trusteeCouncilAbi,
} from "./generated/abis.ts";
import { roundStatusLabel } from "./status.ts";

export type AbiError = Extract<Abi[number], { type: "error" }>;

/** OpenZeppelin errors that the Fund's contracts can bubble up but their ABIs do not list. */
export const libraryErrorsAbi = parseAbi([
  "error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)",
  "error AccessControlBadConfirmation()",
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
]);

/** Every custom error of `abis`, once each (first definition wins). */
export function errorsOf(abis: readonly Abi[]): AbiError[] {
  const seen = new Set<string>();
  const errors: AbiError[] = [];
  for (const abi of abis)
    for (const item of abi) {
      if (item.type !== "error") continue;
      const key = `${item.name}(${item.inputs.map((i) => i.type).join(",")})`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(item);
    }
  return errors;
}

/** Every custom error of the system: reverts bubble up from any contract to the one called. */
export const systemErrors: readonly AbiError[] = errorsOf([
  trusteeCouncilAbi,
  fundSharesAbi,
  grantRoundsAbi,
  capitalPoolAbi,
  offeringsAbi,
  returnsRegistryAbi,
  testTokenAbi,
  multicall3Abi,
  fundLensAbi,
  libraryErrorsAbi,
]);

const roleNames: Readonly<Record<string, string>> = Object.fromEntries([
  [zeroHash, "admin role (DEFAULT_ADMIN_ROLE)"],
  ...["MINTER_ROLE", "DEPOSITOR_ROLE", "STIPEND_ROLE"].map((r) => [
    keccak256(toHex(r)),
    r.replace("_", " ").toLowerCase(),
  ]),
]);

function roleName(role: Hex): string {
  return roleNames[role.toLowerCase()] ?? `role ${role.slice(0, 10)}…`;
}

/** How the dashboard shows error arguments: the assets the Fund knows, `context` for amounts of an unnamed asset. */
export function errorFormat(assets: readonly AssetInfo[], context?: AssetInfo): ErrorFormat {
  return {
    address: (account) => shortAddress(account),
    amount: (value, asset) => formatAmount(value, asset ? findAsset(assets, asset) : context),
    eth: (value) => formatAmount(value, ETH),
    shares: (value) => formatShares(value, 4),
    date: (seconds) => formatDate(seconds),
    duration: (seconds) => formatDuration(seconds),
    bps: (value) => formatBps(value),
    actionKind: (kind) => actionKindLabel(kind),
    roundStatus: (status) => roundStatusLabel(status).toLowerCase(),
    role: roleName,
    asset: (asset: Address) => findAsset(assets, asset)?.symbol || shortAddress(asset),
  };
}

/**
 * How the command line shows them: full addresses and ISO dates. Without chain access an ERC-20's
 * decimals are unknown, so its amounts are in base units; ETH, shares and dates are exact.
 */
export const plainErrorFormat: ErrorFormat = {
  address: (account) => account,
  amount: (value, asset) =>
    asset !== undefined && isEth(asset) ? `${formatUnitsExact(value, 18)} ETH` : `${value} base units`,
  eth: (value) => `${formatUnitsExact(value, 18)} ETH`,
  shares: (value) => `${formatUnitsExact(value, 18)} shares`,
  date: (seconds) => isoDate(seconds),
  duration: (seconds) => `${seconds} seconds (${Number(seconds) / 86_400} days)`,
  bps: (value) => `${value} bps (${Number(value) / 100}%)`,
  actionKind: (kind) => actionKindOf(kind) ?? `kind ${kind}`,
  roundStatus: (status) => roundStatusLabel(status).toLowerCase(),
  role: roleName,
  asset: (asset) => (isEth(asset) ? "ETH" : asset),
};

const PANIC_REASONS: Readonly<Record<number, string>> = {
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

/** Domain prefixes of the custom errors, and how to say them in words (for errors without a message). */
const PREFIXES: readonly (readonly [string, string])[] = [
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

function words(name: string): string {
  const prefix = PREFIXES.find(([start]) => name.startsWith(start) && name.length > start.length);
  const rest = prefix === undefined ? name : name.slice(prefix[0].length);
  const phrase = rest.replaceAll(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return prefix === undefined ? phrase : `${prefix[1]}: ${phrase}`;
}

/** Parameters that hold unix timestamps, explained as dates for errors without a message. */
const TIME_PARAM = /(^|_)(now_?|start|end|deadline)$|At$|Deadline$/;

/** A revert decoded: the custom error (or `Error` / `Panic`), its arguments, and a sentence. */
export type DecodedRevert = {
  /** e.g. `CouncilInsufficientApprovals` */
  readonly name: string;
  /** argument name → value, in declaration order */
  readonly args: Readonly<Record<string, unknown>>;
  /** the arguments by position */
  readonly values: readonly unknown[];
  /** the error in plain words */
  readonly message: string;
};

function describe(item: AbiError, values: readonly unknown[], format: ErrorFormat): DecodedRevert {
  const args: Record<string, unknown> = {};
  const dates: string[] = [];
  item.inputs.forEach((param: AbiParameter, index: number) => {
    const name = param.name || `arg${index}`;
    const value = values[index];
    args[name] = value;
    if (
      typeof value === "bigint" &&
      TIME_PARAM.test(name) &&
      value > 1_000_000_000n &&
      value < 100_000_000_000n
    )
      dates.push(`${name.replace(/_$/, "")} ${isoDate(value)}`);
  });
  const message = errorMessages[item.name];
  return {
    name: item.name,
    args,
    values,
    message: message
      ? message(new ErrorArgs(values), format)
      : `${words(item.name)}${dates.length > 0 ? ` (${dates.join(", ")})` : ""}`,
  };
}

/**
 * The custom error (or `Error(string)` / panic) encoded in revert `data`, if it is one of `errors`
 * (default: every error of the system). Undefined for data it does not know.
 */
export function decodeRevert(
  data: Hex,
  options: { format?: ErrorFormat; errors?: readonly AbiError[] } = {},
): DecodedRevert | undefined {
  const format = options.format ?? plainErrorFormat;
  const errors = options.errors ?? systemErrors;
  try {
    const decoded = decodeErrorResult({ abi: errors, data });
    const values = (decoded.args ?? []) as readonly unknown[];
    if (decoded.errorName === "Error") {
      const reason = String(values[0] ?? "");
      return { name: "Error", args: { reason }, values, message: `reverted: ${reason}` };
    }
    if (decoded.errorName === "Panic") {
      const code = BigInt(values[0] as bigint);
      return {
        name: "Panic",
        args: { code },
        values,
        message: `Panic(0x${code.toString(16)}): ${PANIC_REASONS[Number(code)] ?? "panic"}`,
      };
    }
    return describe(decoded.abiItem as AbiError, values, format);
  } catch {
    return undefined;
  }
}

/** Hex revert data found where viem, ethers, Hardhat and JSON-RPC providers put it (nearest first). */
export function revertDataCandidates(error: unknown): Hex[] {
  const found: Hex[] = [];
  const queue: [unknown, number][] = [[error, 0]];
  const seen = new Set<unknown>();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [value, depth] = next;
    if (value === null || typeof value !== "object" || seen.has(value) || depth > 6) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (
      value instanceof ContractFunctionRevertedError &&
      value.raw &&
      value.raw !== "0x" &&
      !found.includes(value.raw)
    )
      found.push(value.raw);
    for (const key of ["data", "raw"]) {
      const data = record[key];
      if (typeof data === "string" && /^0x[0-9a-fA-F]{8}/.test(data) && !found.includes(data as Hex))
        found.push(data as Hex);
    }
    for (const key of ["data", "error", "info", "cause", "revert", "payload"])
      if (key in record) queue.push([record[key], depth + 1]);
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

/**
 * One line for the command line and logs: `Name(arg: value, …): sentence` for a known revert, the
 * provider's own short message otherwise.
 */
export function explainError(
  error: unknown,
  options: { format?: ErrorFormat; errors?: readonly AbiError[] } = {},
): string {
  const candidates = revertDataCandidates(error);
  for (const data of candidates) {
    const decoded = decodeRevert(data, options);
    if (decoded === undefined) continue;
    if (decoded.name === "Error" || decoded.name === "Panic") return decoded.message;
    const listed = Object.entries(decoded.args).map(([name, value]) =>
      Array.isArray(value) ? `${name}: [${value.map(String).join(", ")}]` : `${name}: ${String(value)}`,
    );
    return `${decoded.name}(${listed.join(", ")}): ${decoded.message}`;
  }
  if (candidates[0] !== undefined) return `reverted with unknown error data ${candidates[0]}`;
  return shortMessage(error);
}

/** What the dashboard shows for a failure. */
export type DecodedError = {
  /** A sentence for the user. */
  readonly message: string;
  /** The custom error's name, when the revert carried one. */
  readonly errorName?: string;
  readonly args?: readonly unknown[];
  /** True when the same request may well succeed if tried again (the node or the network failed). */
  readonly retryable?: boolean;
};

/** Failures outside the contracts, from viem's and wagmi's raw messages to plain words. */
const environmentFailures: readonly {
  readonly test: RegExp;
  readonly message: string;
  readonly retryable?: true;
}[] = [
  {
    test: /provider not found|no injected provider|connector not found/i,
    message:
      "No wallet was found in this browser. Install or unlock a browser wallet, or choose another way to connect (WalletConnect, or a dev account on the local chain).",
  },
  {
    // Before the chain's entry: an indexer that did not answer also carries "Failed to fetch".
    test: /IndexerError|history indexer/i,
    message:
      "The history indexer (the Fund's event history) did not answer. The Fund's current state still comes from the chain; retry in a moment, or check that the indexer is running.",
    retryable: true,
  },
  {
    test: /HTTP request failed|Failed to fetch|fetch failed|NetworkError|ECONNREFUSED|The request took too long|timed? ?out/i,
    message:
      "The chain's node did not answer. Check your connection (or that the local chain is running) and retry.",
    retryable: true,
  },
  {
    test: /not in safe (\d+)-bit (un)?signed integer range|Number ".*" is not in safe/i,
    message: "That amount is far too large: no amount on chain can be that big. Enter a smaller number.",
  },
  {
    test: /chain mismatch|does not match the target chain|Chain not configured/i,
    message: "Your wallet is on another chain. Switch it to the chain this dashboard shows, then try again.",
  },
];

/** The plain-words form of a non-contract failure, or undefined when it is none of the known ones. */
export function describeEnvironmentFailure(error: unknown): DecodedError | undefined {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (current instanceof Error) {
      texts.push(current.message, (current as { shortMessage?: string }).shortMessage ?? "", current.name);
      current = (current as { cause?: unknown }).cause;
    } else {
      texts.push(String(current));
      break;
    }
  }
  const text = texts.join("\n");
  const found = environmentFailures.find((f) => f.test.test(text));
  if (!found) return undefined;
  return found.retryable ? { message: found.message, retryable: true } : { message: found.message };
}

function sentence(decoded: DecodedRevert): DecodedError {
  if (decoded.name === "Error") {
    const reason = String(decoded.args.reason ?? "");
    return {
      message: reason ? `The contract refused: ${reason}` : "The contract refused without a reason.",
      errorName: "Error",
    };
  }
  if (decoded.name === "Panic") {
    const code = Number(decoded.args.code ?? 0);
    const reasons: Readonly<Record<number, string>> = {
      1: "an internal assertion failed",
      17: "an arithmetic operation overflowed or underflowed",
      18: "a division by zero",
      33: "a value was out of range for its type",
      50: "an array index was out of bounds",
      65: "too much memory was requested",
    };
    return {
      message: `The contract stopped on ${reasons[code] ?? `panic code ${code}`}.`,
      errorName: "Panic",
    };
  }
  return { message: decoded.message, errorName: decoded.name, args: decoded.values };
}

/** Turns any error thrown by viem, wagmi (or ethers) into a sentence, decoding custom errors of the whole system. */
export function decodeError(error: unknown, format: ErrorFormat): DecodedError {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError || (e as { code?: unknown }).code === 4001))
      return { message: "You rejected the request in your wallet; nothing was sent." };
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) {
      const item = systemErrors.find((e) => e.name === reverted.data?.errorName);
      const values = (reverted.data.args ?? []) as readonly unknown[];
      if (item) return sentence(describe(item, values, format));
    }
  }
  for (const data of revertDataCandidates(error)) {
    const decoded = decodeRevert(data, { format });
    if (decoded) return sentence(decoded);
    return {
      message: `The contract reverted with an error this client does not know (selector ${data.slice(0, 10)}).`,
    };
  }
  if (error instanceof BaseError && error.walk((e) => e instanceof InsufficientFundsError))
    return { message: "This account does not have enough ETH for the amount and the gas." };
  const environment = describeEnvironmentFailure(error);
  if (environment) return environment;
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError)
      return {
        message: reverted.reason
          ? `The contract refused: ${reverted.reason}`
          : "The contract reverted without a reason.",
      };
    return { message: error.shortMessage || error.message };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
