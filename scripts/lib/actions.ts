import type { Interface } from "ethers";

import { actionKinds } from "../../frontend/src/lib/actionKinds.js";

/** `ITrusteeCouncil.ActionKind` by name → value, from the dashboard's table of the enum's order. */
export const ActionKind = Object.fromEntries(actionKinds.map((name, value) => [name, value])) as Readonly<
  Record<(typeof actionKinds)[number], number>
>;

export type ActionKindName = keyof typeof ActionKind;

export function actionKindName(value: number): ActionKindName {
  const entry = Object.entries(ActionKind).find(([, kind]) => kind === value);
  if (entry === undefined) throw new Error(`Unknown action kind ${value}`);
  return entry[0] as ActionKindName;
}

/**
 * The `args` of a proposal: the ABI encoding of the routed function's parameters, i.e. its
 * calldata without the 4-byte selector.
 */
export function encodeActionArgs(
  target: Interface,
  functionName: string,
  values: readonly unknown[],
): string {
  return `0x${target.encodeFunctionData(functionName, values).slice(10)}`;
}
