/** `ITrusteeCouncil.ActionKind`, in declaration order (the enum's numeric values). */
export const actionKinds = [
  "AddTrustee",
  "RemoveTrustee",
  "ChangeThreshold",
  "OpenRound",
  "CloseRound",
  "CancelGrant",
  "SetTransfersEnabled",
  "Pause",
  "Unpause",
  "AddReturnsAsset",
  "OpenOffering",
  "CloseOffering",
  "RegisterTechnique",
  "RetireTechnique",
  "DisputeReport",
  "ResolveDispute",
  "CallSystem",
] as const;

export type ActionKind = (typeof actionKinds)[number];

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
  CallSystem: "Call a system contract",
};

export function actionKindOf(index: number): ActionKind | undefined {
  return actionKinds[index];
}

export function actionKindIndex(kind: ActionKind): number {
  return actionKinds.indexOf(kind);
}

export function actionKindLabel(index: number): string {
  const kind = actionKinds[index];
  return kind ? labels[kind] : `action ${index}`;
}
