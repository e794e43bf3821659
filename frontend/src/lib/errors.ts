import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  InsufficientFundsError,
  isHex,
  keccak256,
  toHex,
  UserRejectedRequestError,
  zeroHash,
  type Abi,
  type Address,
  type Hex,
} from "viem";

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
} from "../generated/contracts";
import { ErrorArgs, errorMessages, type ErrorFormat } from "./errorMessages";
import {
  findAsset,
  formatAmount,
  formatBps,
  formatDate,
  formatDuration,
  formatShares,
  shortAddress,
  ETH,
  type AssetInfo,
} from "./format";
import { actionKindLabel } from "./actionKinds";
import { roundStatusLabel } from "./status";

type AbiError = Extract<Abi[number], { type: "error" }>;

/** Every custom error of the system, once each: reverts bubble up from any contract to the one called. */
const systemErrors: readonly AbiError[] = (() => {
  const seen = new Set<string>();
  const errors: AbiError[] = [];
  const abis: readonly Abi[] = [
    trusteeCouncilAbi,
    fundSharesAbi,
    grantRoundsAbi,
    capitalPoolAbi,
    offeringsAbi,
    returnsRegistryAbi,
    testTokenAbi,
    multicall3Abi,
    fundLensAbi,
  ];
  for (const abi of abis) {
    for (const item of abi) {
      if (item.type !== "error") continue;
      const key = `${item.name}(${item.inputs.map((i) => i.type).join(",")})`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(item);
    }
  }
  return errors;
})();

const roleNames: Readonly<Record<string, string>> = Object.fromEntries(
  [
    [zeroHash, "admin role (DEFAULT_ADMIN_ROLE)"],
    ...["MINTER_ROLE", "DEPOSITOR_ROLE", "STIPEND_ROLE"].map((r) => [
      keccak256(toHex(r)),
      r.replace("_", " ").toLowerCase(),
    ]),
  ].map(([hash, name]) => [String(hash).toLowerCase(), String(name)]),
);

const panicReasons: Readonly<Record<number, string>> = {
  1: "an internal assertion failed",
  17: "an arithmetic operation overflowed or underflowed",
  18: "a division by zero",
  33: "a value was out of range for its type",
  50: "an array index was out of bounds",
  65: "too much memory was requested",
};

/** Formats error arguments with the assets the fund knows, and `context` for amounts of unnamed assets. */
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
    role: (role) => roleNames[role.toLowerCase()] ?? `role ${role.slice(0, 10)}…`,
    asset: (asset: Address) => findAsset(assets, asset)?.symbol || shortAddress(asset),
  };
}

export type DecodedError = {
  /** A sentence for the user. */
  readonly message: string;
  /** The custom error's name, when the revert carried one. */
  readonly errorName?: string;
  readonly args?: readonly unknown[];
};

function describeCustom(
  errorName: string,
  args: readonly unknown[] | undefined,
  f: ErrorFormat,
): DecodedError {
  if (errorName === "Error") {
    const reason = typeof args?.[0] === "string" ? args[0] : "";
    return {
      message: reason ? `The contract refused: ${reason}` : "The contract refused without a reason.",
      errorName,
    };
  }
  if (errorName === "Panic") {
    const code = Number(args?.[0] ?? 0);
    return { message: `The contract stopped on ${panicReasons[code] ?? `panic code ${code}`}.`, errorName };
  }
  const message = errorMessages[errorName];
  const sentence = message ? message(new ErrorArgs(args), f) : `The contract reverted with ${errorName}.`;
  return { message: sentence, errorName, ...(args ? { args } : {}) };
}

/** Raw revert data carried anywhere in a viem error chain. */
function revertData(error: BaseError): Hex | undefined {
  let found: Hex | undefined;
  error.walk((e) => {
    if (found) return true;
    if (e instanceof ContractFunctionRevertedError && e.raw && e.raw !== "0x") found = e.raw;
    const data = (e as { data?: unknown }).data;
    if (typeof data === "string" && isHex(data) && data.length >= 10) found = data;
    else if (typeof data === "object" && data !== null) {
      const inner = (data as { data?: unknown }).data;
      if (typeof inner === "string" && isHex(inner) && inner.length >= 10) found = inner;
    }
    return false;
  });
  return found;
}

/** Turns any error thrown by viem or wagmi into a sentence, decoding custom errors of the whole system. */
export function decodeError(error: unknown, f: ErrorFormat): DecodedError {
  if (!(error instanceof BaseError)) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  if (error.walk((e) => e instanceof UserRejectedRequestError || (e as { code?: unknown }).code === 4001)) {
    return { message: "You rejected the request in your wallet; nothing was sent." };
  }
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) {
    return describeCustom(reverted.data.errorName, reverted.data.args, f);
  }
  const data = revertData(error);
  if (data) {
    try {
      const decoded = decodeErrorResult({ abi: systemErrors, data });
      return describeCustom(decoded.errorName, decoded.args, f);
    } catch {
      return {
        message: `The contract reverted with an error this dashboard does not know (selector ${data.slice(0, 10)}).`,
      };
    }
  }
  if (error.walk((e) => e instanceof InsufficientFundsError)) {
    return { message: "This account does not have enough ETH for the amount and the gas." };
  }
  if (reverted instanceof ContractFunctionRevertedError) {
    return {
      message: reverted.reason
        ? `The contract refused: ${reverted.reason}`
        : "The contract reverted without a reason.",
    };
  }
  return { message: error.shortMessage || error.message };
}
