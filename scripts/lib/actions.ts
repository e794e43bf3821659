import type { Interface } from "ethers";

/** Mirrors `ITrusteeCouncil.ActionKind` (same order, same values). */
export const ActionKind = {
  AddTrustee: 0,
  RemoveTrustee: 1,
  ChangeThreshold: 2,
  OpenRound: 3,
  CloseRound: 4,
  CancelGrant: 5,
  SetShareTransfers: 6,
  Pause: 7,
  Unpause: 8,
  AllowReturnsAsset: 9,
  OpenOffering: 10,
  CloseOffering: 11,
  RegisterTechnique: 12,
  RetireTechnique: 13,
  DisputeReport: 14,
  ResolveDispute: 15,
  CallSystem: 16,
} as const;

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
