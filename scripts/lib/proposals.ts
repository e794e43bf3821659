// What each council proposal kind calls, and the conversion between a proposal's `args` and the
// routed function's parameters as plain JSON (validated against the ABI, with clear messages).
import {
  type FunctionFragment,
  Interface,
  type ParamType,
  type Result,
  isAddress,
  isHexString,
} from "ethers";

import { ActionKind, type ActionKindName, encodeActionArgs } from "./actions.js";

/** The Fund contract a kind's `args` are the parameters of. */
export type ProposalTarget = "council" | "shares" | "grantRounds" | "offerings" | "returnsRegistry";

/** The interfaces to encode routed calls with (e.g. the `interface` of each connected contract). */
export type ProposalInterfaces = Record<ProposalTarget, Interface>;

/** Kind → contract and function whose parameters `args` encodes (as in ITrusteeCouncil.ActionKind). */
export const PROPOSAL_ROUTES: Record<ActionKindName, { target: ProposalTarget; functionName: string }> = {
  AddTrustee: { target: "council", functionName: "addTrustee" },
  RemoveTrustee: { target: "council", functionName: "removeTrustee" },
  ChangeThreshold: { target: "council", functionName: "changeThreshold" },
  OpenRound: { target: "grantRounds", functionName: "openRound" },
  CloseRound: { target: "grantRounds", functionName: "closeRound" },
  CancelGrant: { target: "grantRounds", functionName: "cancelGrant" },
  SetTransfersEnabled: { target: "shares", functionName: "setTransfersEnabled" },
  Pause: { target: "shares", functionName: "pause" },
  Unpause: { target: "shares", functionName: "unpause" },
  AddReturnsAsset: { target: "shares", functionName: "addReturnsAsset" },
  OpenOffering: { target: "offerings", functionName: "openOffering" },
  CloseOffering: { target: "offerings", functionName: "closeOffering" },
  RegisterTechnique: { target: "returnsRegistry", functionName: "registerTechnique" },
  RetireTechnique: { target: "returnsRegistry", functionName: "retireTechnique" },
  DisputeReport: { target: "returnsRegistry", functionName: "disputeReport" },
  ResolveDispute: { target: "returnsRegistry", functionName: "resolveDispute" },
  CallSystem: { target: "council", functionName: "callSystem" },
};

/** CallSystem's `args` name the target and the calldata; no contract function has these parameters. */
const CALL_SYSTEM = new Interface(["function callSystem(address target, bytes data)"]);

export const ACTION_KIND_NAMES = Object.keys(ActionKind) as ActionKindName[];

export function isActionKindName(name: string): name is ActionKindName {
  return Object.hasOwn(ActionKind, name);
}

/** The routed function of `kind` and the interface that encodes it. */
export function proposalRoute(
  kind: ActionKindName,
  interfaces: ProposalInterfaces,
): { target: ProposalTarget; iface: Interface; fragment: FunctionFragment } {
  const { target, functionName } = PROPOSAL_ROUTES[kind];
  const iface = kind === "CallSystem" ? CALL_SYSTEM : interfaces[target];
  const fragment = iface.getFunction(functionName);
  if (fragment === null) throw new Error(`The ${target} ABI has no function ${functionName}`);
  return { target, iface, fragment };
}

/** `name(type name, …)` of the routed function, for help and error messages. */
export function routeSignature(kind: ActionKindName, interfaces: ProposalInterfaces): string {
  const { fragment } = proposalRoute(kind, interfaces);
  return `${fragment.name}(${fragment.inputs.map((input) => formatParam(input)).join(", ")})`;
}

function formatParam(param: ParamType): string {
  if (param.isTuple()) {
    return `{${param.components.map((component) => formatParam(component)).join(", ")}}${param.name === "" ? "" : ` ${param.name}`}`;
  }
  return param.name === "" ? param.type : `${param.type} ${param.name}`;
}

/**
 * Validates `params` (already parsed JSON: an array of the routed function's arguments; tuples as
 * objects by field name or as arrays) against the ABI and returns the proposal `args`. Throws an
 * `Error` whose message starts with `label` and names the offending element.
 */
export function encodeProposalArgs(
  kind: ActionKindName,
  params: unknown,
  interfaces: ProposalInterfaces,
  label = "params",
): string {
  const { iface, fragment } = proposalRoute(kind, interfaces);
  const signature = routeSignature(kind, interfaces);
  if (!Array.isArray(params)) {
    throw new Error(`${label}: expected a JSON array of the arguments of ${signature}`);
  }
  if (params.length !== fragment.inputs.length) {
    throw new Error(
      `${label}: ${kind} takes ${fragment.inputs.length} argument(s) — ${signature} — but ${params.length} were given`,
    );
  }
  const values = fragment.inputs.map((input, index) => normalize(input, params[index], `${label}[${index}]`));
  return encodeActionArgs(iface, fragment.name, values);
}

/** The proposal's `args` decoded into the routed function's named arguments (JSON-friendly, bigints kept). */
export function decodeProposalArgs(
  kind: ActionKindName,
  args: string,
  interfaces: ProposalInterfaces,
): Record<string, unknown> {
  const { iface, fragment } = proposalRoute(kind, interfaces);
  const decoded = iface.decodeFunctionData(fragment, `${fragment.selector}${args.slice(2)}`);
  const named: Record<string, unknown> = {};
  fragment.inputs.forEach((input, index) => {
    named[input.name === "" ? `arg${index}` : input.name] = plain(input, decoded[index]);
  });
  return named;
}

function plain(param: ParamType, value: unknown): unknown {
  if (param.isTuple()) {
    const items = (value as Result).toArray();
    const object: Record<string, unknown> = {};
    param.components.forEach((component, index) => {
      object[component.name === "" ? `field${index}` : component.name] = plain(component, items[index]);
    });
    return object;
  }
  if (param.isArray()) return (value as Result).toArray().map((item) => plain(param.arrayChildren, item));
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function normalize(param: ParamType, value: unknown, path: string): unknown {
  const expected = (what: string): never => {
    throw new Error(`${path}: expected ${what}, got ${JSON.stringify(value) ?? String(value)}`);
  };
  if (param.isTuple()) {
    const fields = param.components;
    const names = fields.map((field) => field.name).join(", ");
    if (Array.isArray(value)) {
      if (value.length !== fields.length) expected(`${fields.length} values (${names})`);
      return fields.map((field, index) => normalize(field, value[index], `${path}[${index}]`));
    }
    if (value === null || typeof value !== "object") expected(`an object with ${names}`);
    const record = value as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((key) => !fields.some((field) => field.name === key));
    if (unknownKeys.length > 0) {
      throw new Error(`${path}: unknown field(s) ${unknownKeys.join(", ")}; the fields are ${names}`);
    }
    return fields.map((field) => {
      if (!(field.name in record)) throw new Error(`${path}.${field.name} is missing`);
      return normalize(field, record[field.name], `${path}.${field.name}`);
    });
  }
  if (param.isArray()) {
    if (!Array.isArray(value)) return expected(`a JSON array (${param.type})`);
    if (param.arrayLength >= 0 && value.length !== param.arrayLength) expected(`${param.arrayLength} items`);
    return value.map((item, index) => normalize(param.arrayChildren, item, `${path}[${index}]`));
  }
  const type = param.baseType;
  if (type === "address") {
    if (typeof value !== "string" || !isAddress(value)) expected("an address");
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
    if (typeof value !== "string" || !isHexString(value) || value.length % 2 !== 0)
      expected("hex bytes (0x…)");
    return value;
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes !== null) {
    const size = Number(fixedBytes[1]);
    if (typeof value !== "string" || !isHexString(value, size))
      expected(`${type} (0x and ${size * 2} hex digits)`);
    return value;
  }
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer !== null) {
    const unsigned = integer[1] === "u";
    const bits = BigInt(integer[2] === "" ? 256 : Number(integer[2]));
    const what = `${type} (a whole number${unsigned ? " ≥ 0" : ""}${bits === 64n ? ", or an ISO date" : ""})`;
    let number: bigint;
    if (typeof value === "number") {
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
    return number;
  }
  return expected(type);
}
