// The council's action kinds: names, numeric values, routes (generated from the contracts' AST, see
// generated/actions.ts) and the typed encoding of a proposal's `args`.
import {
  decodeAbiParameters,
  encodeAbiParameters,
  type AbiParameter,
  type AbiParameterToPrimitiveType,
  type Hex,
} from "viem";

import { actionKinds, actionRoutes } from "./generated/actions.ts";

export { actionKinds, actionRoutes };

/** A member of `ITrusteeCouncil.ActionKind`. */
export type ActionKind = (typeof actionKinds)[number];

export type ActionRoute = (typeof actionRoutes)[ActionKind];

type Primitives<P extends readonly AbiParameter[]> = { [I in keyof P]: AbiParameterToPrimitiveType<P[I]> };

/** The typed arguments of `kind`: the routed function's parameters, in order. */
export type ActionArgs<K extends ActionKind> = Primitives<(typeof actionRoutes)[K]["inputs"]>;

/** Kind name → the enum's numeric value, e.g. `ActionKindValue.OpenRound === 3`. */
export const ActionKindValue = Object.fromEntries(actionKinds.map((name, value) => [name, value])) as {
  readonly [K in ActionKind]: number;
};

export function isActionKind(name: string): name is ActionKind {
  return (actionKinds as readonly string[]).includes(name);
}

/** The kind of a numeric value, or undefined for a value the enum does not have. */
export function actionKindOf(value: number | bigint): ActionKind | undefined {
  return actionKinds[Number(value)];
}

export function actionKindIndex(kind: ActionKind): number {
  return actionKinds.indexOf(kind);
}

const labels: Readonly<Record<ActionKind, string>> = {
  AddTrustee: "Add trustee",
  RemoveTrustee: "Remove trustee",
  ChangeThreshold: "Change threshold",
  OpenRound: "Open round",
  CloseRound: "Close round",
  CancelGrant: "Cancel grant",
  SetTransfersEnabled: "Enable or disable share transfers",
  Pause: "Pause",
  Unpause: "Unpause",
  AddReturnsAsset: "Add returns asset",
  OpenOffering: "Open offering",
  CloseOffering: "Close offering",
  RegisterTechnique: "Register technique",
  RetireTechnique: "Retire technique",
  DisputeReport: "Dispute report",
  ResolveDispute: "Resolve dispute",
  RenewPause: "Renew the pause",
  RecoverOfferingsStrays: "Return strays from Offerings",
  RecoverPoolStrays: "Return strays from the capital pool",
  AnnounceMigration: "Announce a module migration",
  CancelMigration: "Cancel a module migration",
  ResolveOutcome: "Resolve an outcome",
  SetOutcomeHorizon: "Set the outcome horizon of new rounds",
};

export function actionKindLabel(kind: ActionKind | number | bigint): string {
  const name = typeof kind === "string" ? kind : actionKindOf(kind);
  return name ? labels[name] : `action ${kind}`;
}

/** The ABI parameters that `kind`'s `args` encode. */
export function actionInputs<K extends ActionKind>(kind: K): (typeof actionRoutes)[K]["inputs"] {
  return actionRoutes[kind].inputs;
}

/** A proposal's `args`: the ABI encoding of the routed function's parameters (its calldata without the selector). */
export function encodeActionArgs<K extends ActionKind>(kind: K, args: ActionArgs<K>): Hex {
  return encodeAbiParameters(
    actionRoutes[kind].inputs as readonly AbiParameter[],
    args as readonly unknown[],
  );
}

/** A proposal's `args` decoded into the routed function's typed arguments. */
export function decodeActionArgs<K extends ActionKind>(kind: K, args: Hex): ActionArgs<K> {
  return decodeAbiParameters(
    actionRoutes[kind].inputs as readonly AbiParameter[],
    args,
  ) as unknown as ActionArgs<K>;
}

function formatParam(param: AbiParameter): string {
  if (param.type.startsWith("tuple") && "components" in param) {
    const inner = param.components.map(formatParam).join(", ");
    return `{${inner}}${param.type.slice(5)}${param.name ? ` ${param.name}` : ""}`;
  }
  return param.name ? `${param.type} ${param.name}` : param.type;
}

/** `openRound({uint128 sharePool, …} params)`: the routed function, for help texts and errors. */
export function actionSignature(kind: ActionKind): string {
  const route = actionRoutes[kind];
  const name = route.functionName;
  return `${name}(${(route.inputs as readonly AbiParameter[]).map(formatParam).join(", ")})`;
}
