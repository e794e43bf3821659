import {
  decodeAbiParameters,
  decodeFunctionData,
  getAbiItem,
  zeroHash,
  type Abi,
  type Address,
  type Hex,
} from "viem";

import {
  capitalPoolAbi,
  fundSharesAbi,
  grantRoundsAbi,
  offeringsAbi,
  returnsRegistryAbi,
  trusteeCouncilAbi,
} from "../generated/contracts";
import { actionKindOf } from "./actionKinds";
import {
  findAsset,
  formatAmount,
  formatDate,
  formatDuration,
  formatShares,
  shortAddress,
  shortHash,
  type AssetInfo,
} from "./format";

/** ABI parameter lists of each action's `args`, taken from the routed functions so they cannot drift. */
export const actionParams = {
  AddTrustee: [{ name: "trustee", type: "address" }],
  RemoveTrustee: [{ name: "trustee", type: "address" }],
  ChangeThreshold: [{ name: "threshold", type: "uint256" }],
  OpenRound: getAbiItem({ abi: grantRoundsAbi, name: "openRound" }).inputs,
  CloseRound: getAbiItem({ abi: grantRoundsAbi, name: "closeRound" }).inputs,
  CancelGrant: getAbiItem({ abi: grantRoundsAbi, name: "cancelGrant" }).inputs,
  SetTransfersEnabled: getAbiItem({ abi: fundSharesAbi, name: "setTransfersEnabled" }).inputs,
  AddReturnsAsset: getAbiItem({ abi: fundSharesAbi, name: "addReturnsAsset" }).inputs,
  OpenOffering: getAbiItem({ abi: offeringsAbi, name: "openOffering" }).inputs,
  CloseOffering: getAbiItem({ abi: offeringsAbi, name: "closeOffering" }).inputs,
  RegisterTechnique: getAbiItem({ abi: returnsRegistryAbi, name: "registerTechnique" }).inputs,
  RetireTechnique: getAbiItem({ abi: returnsRegistryAbi, name: "retireTechnique" }).inputs,
  DisputeReport: getAbiItem({ abi: returnsRegistryAbi, name: "disputeReport" }).inputs,
  ResolveDispute: getAbiItem({ abi: returnsRegistryAbi, name: "resolveDispute" }).inputs,
  CallSystem: [
    { name: "target", type: "address" },
    { name: "data", type: "bytes" },
  ],
} as const;

export type SystemNames = Readonly<Record<string, string>>;

export type DescribeContext = {
  readonly assets: readonly AssetInfo[];
  /** Lower-case address → contract name, for CallSystem targets. */
  readonly names: SystemNames;
};

function asset(ctx: DescribeContext, address: Address): AssetInfo | undefined {
  return findAsset(ctx.assets, address);
}

function list(ids: readonly bigint[]): string {
  return ids.length === 0 ? "no application" : ids.map((id) => `#${id}`).join(", ");
}

const systemAbis: readonly (readonly [string, Abi])[] = [
  ["FundShares", fundSharesAbi],
  ["GrantRounds", grantRoundsAbi],
  ["Offerings", offeringsAbi],
  ["CapitalPool", capitalPoolAbi],
  ["ReturnsRegistry", returnsRegistryAbi],
  ["TrusteeCouncil", trusteeCouncilAbi],
];

function describeCall(target: Address, data: Hex, ctx: DescribeContext): string {
  const name = ctx.names[target.toLowerCase()];
  const abi = systemAbis.find(([n]) => n === name)?.[1];
  if (name && abi) {
    try {
      const call = decodeFunctionData({ abi, data });
      const args = (call.args ?? []).map((a) =>
        typeof a === "bigint"
          ? a.toString()
          : JSON.stringify(a, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
      );
      return `Call ${name}.${call.functionName}(${args.join(", ")})`;
    } catch {
      return `Call ${name} with data ${shortHash(data)} (not a known function)`;
    }
  }
  return `Call ${shortAddress(target)} with data ${shortHash(data)}`;
}

/** A proposal in plain words, e.g. "Open round: 1,000,000 shares, applications until 3 Dec 2026 14:00, …". */
export function describeProposal(kindIndex: number, args: Hex, ctx: DescribeContext): string {
  const kind = actionKindOf(kindIndex);
  try {
    switch (kind) {
      case "AddTrustee": {
        const [trustee] = decodeAbiParameters(actionParams.AddTrustee, args);
        return `Add trustee ${trustee}`;
      }
      case "RemoveTrustee": {
        const [trustee] = decodeAbiParameters(actionParams.RemoveTrustee, args);
        return `Remove trustee ${trustee}`;
      }
      case "ChangeThreshold": {
        const [threshold] = decodeAbiParameters(actionParams.ChangeThreshold, args);
        return `Change the threshold to ${threshold} approvals`;
      }
      case "OpenRound": {
        const [p] = decodeAbiParameters(actionParams.OpenRound, args);
        const stipends =
          p.stipendBudget > 0n
            ? `stipends up to ${formatAmount(p.stipendBudget, asset(ctx, p.stipendAsset))}`
            : "no stipends";
        return (
          `Open round: ${formatShares(p.sharePool)}, applications until ${formatDate(p.applicationDeadline)}, ` +
          `estimates committed until ${formatDate(p.commitDeadline)} and revealed until ${formatDate(p.revealDeadline)}, ` +
          `vesting over ${formatDuration(p.vestingDuration)} (${p.vestingCliff > 0n ? `cliff ${formatDuration(p.vestingCliff)}` : "no cliff"}), ${stipends}`
        );
      }
      case "CloseRound": {
        const [roundId] = decodeAbiParameters(actionParams.CloseRound, args);
        return `Close round #${roundId} before settlement (nothing is awarded)`;
      }
      case "CancelGrant": {
        const [applicationId] = decodeAbiParameters(actionParams.CancelGrant, args);
        return `Cancel the unvested remainder of the grant to application #${applicationId} (what vested stays claimable)`;
      }
      case "SetTransfersEnabled": {
        const [enabled] = decodeAbiParameters(actionParams.SetTransfersEnabled, args);
        return enabled
          ? "Turn share transfers between holders on"
          : "Turn share transfers between holders off";
      }
      case "Pause":
        return "Pause the Fund: stop inflows and minting (claims keep working)";
      case "Unpause":
        return "Unpause the Fund: resume inflows and minting";
      case "AddReturnsAsset": {
        const [token] = decodeAbiParameters(actionParams.AddReturnsAsset, args);
        return `Allow the ERC-20 ${token} as a returns asset`;
      }
      case "OpenOffering": {
        const [p] = decodeAbiParameters(actionParams.OpenOffering, args);
        const a = asset(ctx, p.asset);
        const allowlist =
          p.allowlistRoot === zeroHash ? "open to anyone" : `allowlist root ${shortHash(p.allowlistRoot)}`;
        return (
          `Open offering: up to ${formatShares(p.shareCap)} at ${formatAmount(p.pricePerShare, a)} per share, ` +
          `at least ${formatShares(p.minShares)} per subscription, from ${formatDate(p.start)} until ${formatDate(p.end)}, ${allowlist}`
        );
      }
      case "CloseOffering": {
        const [offeringId] = decodeAbiParameters(actionParams.CloseOffering, args);
        return `Close offering #${offeringId} early (subscribed shares stay claimable)`;
      }
      case "RegisterTechnique": {
        const [title, uri, contentHash, applicationIds] = decodeAbiParameters(
          actionParams.RegisterTechnique,
          args,
        );
        return `Register technique “${title}” (${uri}, content ${shortHash(contentHash)}), produced by ${list(applicationIds)}`;
      }
      case "RetireTechnique": {
        const [techniqueId] = decodeAbiParameters(actionParams.RetireTechnique, args);
        return `Retire technique #${techniqueId} (no new commitments)`;
      }
      case "DisputeReport": {
        const [commitmentId, period, reason] = decodeAbiParameters(actionParams.DisputeReport, args);
        return `Dispute the report of period ${period} of commitment #${commitmentId} (reason ${shortHash(reason)})`;
      }
      case "ResolveDispute": {
        const [commitmentId, period, resolution] = decodeAbiParameters(actionParams.ResolveDispute, args);
        return `Resolve the dispute of period ${period} of commitment #${commitmentId} (resolution ${shortHash(resolution)})`;
      }
      case "CallSystem": {
        const [target, data] = decodeAbiParameters(actionParams.CallSystem, args);
        return describeCall(target, data, ctx);
      }
      case undefined:
        return `Unknown action ${kindIndex}`;
    }
  } catch {
    return `${kind ?? `Action ${kindIndex}`} with arguments that cannot be read (${shortHash(args)})`;
  }
}
