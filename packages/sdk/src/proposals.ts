// Proposals in words and as plain JSON: what the dashboard shows in the queue, what the CLI reads
// from `--params` and prints back. Encoding itself is `encodeActionArgs` (actionKinds.ts).
import { decodeAbiParameters, encodeAbiParameters, isAddress, isHex, zeroHash } from "viem";
import type { Abi, AbiParameter, Address, Hex } from "viem";

import {
  actionKindOf,
  actionRoutes,
  actionSignature,
  decodeActionArgs,
  type ActionKind,
} from "./actionKinds.ts";
import { findAsset, type AssetInfo } from "./assets.ts";
import { formatAmount, formatDate, formatDuration, formatShares, shortAddress, shortHash } from "./format.ts";
import { fundAbis } from "./fundAbis.ts";

export type SystemNames = Readonly<Record<string, string>>;

export type DescribeContext = {
  readonly assets: readonly AssetInfo[];
  /** Lower-case address → contract name, to name the contracts a proposal mentions. */
  readonly names: SystemNames;
};

function list(ids: readonly bigint[]): string {
  return ids.length === 0 ? "no application" : ids.map((id) => `#${id}`).join(", ");
}

/** The modules a migration replaces, in `ITrusteeCouncil.Module` order. */
export const moduleNames = ["GrantRounds", "Offerings", "ReturnsRegistry"] as const;
export type ModuleName = (typeof moduleNames)[number];

/** The module's name for its `ITrusteeCouncil.Module` value. */
export function moduleName(value: number | bigint): ModuleName | undefined {
  return moduleNames[Number(value)];
}

function nameOf(address: Address, ctx: DescribeContext): string {
  const name = ctx.names[address.toLowerCase()];
  return name ? `${name} (${shortAddress(address)})` : address;
}

/** A proposal in plain words, e.g. "Open round: 1,000,000 shares, applications until 3 Dec 2026 14:00, …". */
export function describeProposal(kindValue: number | bigint, args: Hex, ctx: DescribeContext): string {
  const kind = actionKindOf(kindValue);
  const asset = (address: Address) => findAsset(ctx.assets, address);
  try {
    switch (kind) {
      case "AddTrustee":
        return `Add trustee ${decodeActionArgs(kind, args)[0]}`;
      case "RemoveTrustee":
        return `Remove trustee ${decodeActionArgs(kind, args)[0]}`;
      case "ChangeThreshold": {
        const [threshold] = decodeActionArgs(kind, args);
        return `Change the threshold to ${threshold} approval${threshold === 1n ? "" : "s"}`;
      }
      case "OpenRound": {
        const [p] = decodeActionArgs(kind, args);
        const stipends =
          p.stipendBudget > 0n
            ? `stipends up to ${formatAmount(p.stipendBudget, asset(p.stipendAsset))}`
            : "no stipends";
        return (
          `Open round: ${formatShares(p.sharePool)}, applications until ${formatDate(p.applicationDeadline)}, ` +
          `estimates committed until ${formatDate(p.commitDeadline)} and revealed until ${formatDate(p.revealDeadline)}, ` +
          `vesting over ${formatDuration(p.vestingDuration)} (${p.vestingCliff > 0n ? `cliff ${formatDuration(p.vestingCliff)}` : "no cliff"}), ${stipends}`
        );
      }
      case "CloseRound":
        return `Close round #${decodeActionArgs(kind, args)[0]} before settlement (nothing is awarded)`;
      case "CancelGrant":
        return `Cancel the unvested remainder of the grant to application #${decodeActionArgs(kind, args)[0]} (what vested stays claimable)`;
      case "SetTransfersEnabled":
        return decodeActionArgs(kind, args)[0]
          ? "Turn share transfers between holders on"
          : "Turn share transfers between holders off";
      case "Pause":
        return "Pause the Fund: stop inflows and minting (claims keep working)";
      case "Unpause":
        return "Unpause the Fund: resume inflows and minting";
      case "AddReturnsAsset":
        return `Allow the ERC-20 ${decodeActionArgs(kind, args)[0]} as a returns asset`;
      case "OpenOffering": {
        const [p] = decodeActionArgs(kind, args);
        const allowlist =
          p.allowlistRoot === zeroHash ? "open to anyone" : `allowlist root ${shortHash(p.allowlistRoot)}`;
        return (
          `Open offering: up to ${formatShares(p.shareCap)} at ${formatAmount(p.pricePerShare, asset(p.asset))} per share, ` +
          `at least ${formatShares(p.minShares)} per subscription, from ${formatDate(p.start)} until ${formatDate(p.end)}, ${allowlist}`
        );
      }
      case "CloseOffering":
        return `Close offering #${decodeActionArgs(kind, args)[0]} early (subscribed shares stay claimable)`;
      case "RegisterTechnique": {
        const [title, uri, contentHash, applicationIds] = decodeActionArgs(kind, args);
        return `Register technique “${title}” (${uri}, content ${shortHash(contentHash)}), produced by ${list(applicationIds)}`;
      }
      case "RetireTechnique":
        return `Retire technique #${decodeActionArgs(kind, args)[0]} (no new commitments)`;
      case "DisputeReport": {
        const [commitmentId, period, reason] = decodeActionArgs(kind, args);
        return `Dispute the report of period ${period} of commitment #${commitmentId} (reason ${shortHash(reason)})`;
      }
      case "ResolveDispute": {
        const [commitmentId, period, resolution] = decodeActionArgs(kind, args);
        return `Resolve the dispute of period ${period} of commitment #${commitmentId} (resolution ${shortHash(resolution)})`;
      }
      case "ResolveOutcome": {
        const [applicationId, paidOff] = decodeActionArgs(kind, args);
        return `Record a council resolution: the work of application #${applicationId} ${paidOff ? "paid off" : "did not pay off"} (a paid period before the horizon still counts as paid off)`;
      }
      case "SetOutcomeHorizon":
        return `Judge the outcomes of rounds opened from now on ${formatDuration(decodeActionArgs(kind, args)[0])} after their settlement`;
      case "RenewPause":
        return "Renew the pause: it lapses the maximum pause duration from now";
      case "RecoverOfferingsStrays":
      case "RecoverPoolStrays": {
        const [token, to, amount] = decodeActionArgs(kind, args);
        const where = kind === "RecoverOfferingsStrays" ? "Offerings" : "the capital pool";
        return `Return ${formatAmount(amount, asset(token))} that reached ${where} outside its books to ${nameOf(to, ctx)} (never escrow or capital)`;
      }
      case "AnnounceMigration": {
        const [module, newModule, retireOld] = decodeActionArgs(kind, args);
        const name = moduleName(module) ?? `module ${module}`;
        return (
          `Announce the migration of ${name} to ${nameOf(newModule, ctx)}, executable after the migration delay` +
          (retireOld
            ? "; the old module loses its roles"
            : "; the old module keeps its roles to finish its business")
        );
      }
      case "CancelMigration": {
        const [module] = decodeActionArgs(kind, args);
        return `Cancel the announced migration of ${moduleName(module) ?? `module ${module}`}`;
      }
      case undefined:
        return `Unknown action ${kindValue}`;
    }
  } catch {
    return `${kind ?? `Action ${kindValue}`} with arguments that cannot be read (${shortHash(args)})`;
  }
}

// ------------------------------------------------------------------ JSON params (command line)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

type Tupled = AbiParameter & { readonly components: readonly AbiParameter[] };

function isTuple(param: AbiParameter): param is Tupled {
  return param.type === "tuple" && "components" in param;
}

function arrayOf(param: AbiParameter): { child: AbiParameter; length: number } | undefined {
  const match = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (!match) return undefined;
  return {
    child: { ...param, type: match[1] ?? "" } as AbiParameter,
    length: match[2] ? Number(match[2]) : -1,
  };
}

function normalize(param: AbiParameter, value: unknown, path: string): unknown {
  const expected = (what: string): never => {
    throw new Error(`${path}: expected ${what}, got ${JSON.stringify(value) ?? String(value)}`);
  };
  const array = arrayOf(param);
  if (array) {
    if (!Array.isArray(value)) return expected(`a JSON array (${param.type})`);
    if (array.length >= 0 && value.length !== array.length) expected(`${array.length} items`);
    return value.map((item, index) => normalize(array.child, item, `${path}[${index}]`));
  }
  if (isTuple(param)) {
    const fields = param.components;
    const names = fields.map((field) => field.name).join(", ");
    if (Array.isArray(value)) {
      if (value.length !== fields.length) expected(`${fields.length} values (${names})`);
      return Object.fromEntries(
        fields.map((field, index) => [field.name, normalize(field, value[index], `${path}[${index}]`)]),
      );
    }
    if (value === null || typeof value !== "object") return expected(`an object with ${names}`);
    const record = value as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((key) => !fields.some((field) => field.name === key));
    if (unknownKeys.length > 0)
      throw new Error(`${path}: unknown field(s) ${unknownKeys.join(", ")}; the fields are ${names}`);
    return Object.fromEntries(
      fields.map((field) => {
        if (!field.name || !(field.name in record)) throw new Error(`${path}.${field.name} is missing`);
        return [field.name, normalize(field, record[field.name], `${path}.${field.name}`)];
      }),
    );
  }
  const type = param.type;
  if (type === "address") {
    if (typeof value !== "string" || !isAddress(value, { strict: false })) expected("an address");
    return value;
  }
  if (type === "bool") {
    if (typeof value !== "boolean") expected("true or false");
    return value;
  }
  if (type === "string") {
    if (typeof value !== "string") expected("a string");
    return value;
  }
  if (type === "bytes") {
    if (typeof value !== "string" || !isHex(value) || value.length % 2 !== 0) expected("hex bytes (0x…)");
    return value;
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes) {
    const size = Number(fixedBytes[1]);
    if (typeof value !== "string" || !isHex(value) || value.length !== 2 + size * 2)
      expected(`${type} (0x and ${size * 2} hex digits)`);
    return value;
  }
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) {
    const unsigned = integer[1] === "u";
    const bits = BigInt(integer[2] === "" || integer[2] === undefined ? 256 : Number(integer[2]));
    const what = `${type} (a whole number${unsigned ? " ≥ 0" : ""}${bits === 64n ? ", or an ISO date" : ""})`;
    let number: bigint;
    if (typeof value === "bigint") {
      number = value;
    } else if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) expected(`${what}; write large numbers as strings`);
      number = BigInt(value);
    } else if (typeof value === "string" && /^-?\d+$/.test(value)) {
      number = BigInt(value);
    } else if (
      typeof value === "string" &&
      bits === 64n &&
      ISO_DATE.test(value) &&
      !Number.isNaN(Date.parse(value))
    ) {
      number = BigInt(Math.floor(Date.parse(value) / 1000));
    } else {
      return expected(what);
    }
    const max = unsigned ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
    const min = unsigned ? 0n : -(1n << (bits - 1n));
    if (number < min || number > max) expected(`${what} between ${min} and ${max}`);
    // viem wants numbers for integers of up to 48 bits.
    return bits <= 48n ? Number(number) : number;
  }
  return expected(type);
}

/**
 * Validates `params` (parsed JSON or script values: an array of the routed function's arguments;
 * tuples as objects by field name or as arrays; integers as numbers, bigints or decimal strings,
 * uint64 also as ISO dates) and returns the
 * proposal's `args`. Throws an Error whose message starts with `label` and names the offending element.
 */
export function encodeActionParams(kind: ActionKind, params: unknown, label = "params"): Hex {
  const inputs = actionRoutes[kind].inputs as readonly AbiParameter[];
  const signature = actionSignature(kind);
  if (!Array.isArray(params))
    throw new Error(`${label}: expected a JSON array of the arguments of ${signature}`);
  if (params.length !== inputs.length)
    throw new Error(
      `${label}: ${kind} takes ${inputs.length} argument(s) — ${signature} — but ${params.length} were given`,
    );
  const values = inputs.map((input, index) => normalize(input, params[index], `${label}[${index}]`));
  return encodeAbiParameters(inputs, values);
}

function named(param: AbiParameter, value: unknown): unknown {
  const array = arrayOf(param);
  if (array && Array.isArray(value)) return value.map((item) => named(array.child, item));
  if (isTuple(param) && value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      param.components.map((field, index) => [
        field.name || `field${index}`,
        named(field, record[field.name ?? ""]),
      ]),
    );
  }
  // Small integers come back as numbers; one type for every integer keeps the output uniform.
  if (typeof value === "number" && /int/.test(param.type)) return BigInt(value);
  return value;
}

/** A proposal's `args` as the routed function's named arguments (bigints kept), e.g. `{ roundId: 2n }`. */
export function decodeActionParams(kind: ActionKind, args: Hex): Record<string, unknown> {
  const inputs = actionRoutes[kind].inputs as readonly AbiParameter[];
  const values = decodeAbiParameters(inputs, args);
  return Object.fromEntries(
    inputs.map((input, index) => [input.name || `arg${index}`, named(input, values[index])]),
  );
}

const abiOfContract: Readonly<Record<string, Abi>> = fundAbis;

/**
 * What an executed proposal's routed function returned (the `result` of `ProposalExecuted`), by
 * output name, e.g. `{ roundId: 3n }`; `{}` for no result, `{ result }` when it cannot be decoded.
 */
export function decodeActionResult(kind: ActionKind, result: Hex): Record<string, unknown> {
  const route = actionRoutes[kind];
  if (result === "0x") return {};
  const fn = abiOfContract[route.contract]?.find(
    (item) => item.type === "function" && item.name === route.functionName,
  );
  if (fn?.type !== "function") return { result };
  try {
    const values = decodeAbiParameters(fn.outputs, result);
    return Object.fromEntries(
      fn.outputs.map((output, index) => [output.name || `result${index}`, values[index]]),
    );
  } catch {
    return { result };
  }
}
