// What a trustee reviews before proposing or approving a council action: the decoded action, its
// effects in plain words and warnings (a threshold of 1, a council that could no longer pass
// anything, a large amount, a dilution). The dashboard shows it; the command line prints it.
import { zeroHash, type Address, type Hex } from "viem";

import { actionKindLabel, actionKindOf, decodeActionArgs, type ActionKind } from "./actionKinds.ts";
import { findAsset, type AssetInfo } from "./assets.ts";
import { formatAmount, formatBps, formatDate, formatShares } from "./format.ts";
import { decodeActionParams, describeProposal, moduleName, type DescribeContext } from "./proposals.ts";

export type ReviewContext = DescribeContext & {
  /** The council as it is now. */
  readonly trustees: readonly Address[];
  readonly threshold: bigint;
  /** Shares in existence now, to say how much a new pool or offering dilutes holders. */
  readonly totalSupply?: bigint;
  /** Chain time now, to warn about dates already past. */
  readonly now?: bigint;
};

export type ProposalReview = {
  readonly kind: ActionKind | undefined;
  /** e.g. "Change the threshold" */
  readonly label: string;
  /** the proposal in one sentence (`describeProposal`) */
  readonly summary: string;
  /** the decoded arguments, by name, as text */
  readonly fields: readonly { readonly name: string; readonly value: string }[];
  /** what changes once it is executed */
  readonly effects: readonly string[];
  /** what a careful trustee should double-check */
  readonly warnings: readonly string[];
};

/** An amount at or above this many whole units of its asset is called large. */
export const LARGE_AMOUNT_UNITS = 100_000n;
/** New shares at or above this share of the supply (basis points) are called a large dilution. */
export const LARGE_DILUTION_BPS = 1_000n;

function fieldText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

function flatten(prefix: string, value: unknown, out: { name: string; value: string }[]): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(prefix ? `${prefix}.${key}` : key, inner, out);
    return;
  }
  out.push({ name: prefix, value: fieldText(value) });
}

function isLarge(amount: bigint, asset: AssetInfo | undefined): boolean {
  const decimals = asset?.decimals ?? 18;
  return amount >= LARGE_AMOUNT_UNITS * 10n ** BigInt(decimals);
}

function dilution(newShares: bigint, ctx: ReviewContext): { bps: bigint; text: string } | undefined {
  if (!ctx.totalSupply || ctx.totalSupply === 0n) return undefined;
  const bps = (newShares * 10_000n) / (ctx.totalSupply + newShares);
  return { bps, text: formatBps(bps) };
}

const isTrustee = (ctx: ReviewContext, who: Address) =>
  ctx.trustees.some((t) => t.toLowerCase() === who.toLowerCase());

/**
 * The review of a proposal of `kindValue` with ABI-encoded `args`: decoded fields, effects and
 * warnings. Never throws: arguments that cannot be decoded give a warning saying so.
 */
export function reviewProposal(kindValue: number | bigint, args: Hex, ctx: ReviewContext): ProposalReview {
  const kind = actionKindOf(kindValue);
  const label = actionKindLabel(kindValue);
  const summary = describeProposal(kindValue, args, ctx);
  const fields: { name: string; value: string }[] = [];
  const effects: string[] = [];
  const warnings: string[] = [];
  if (!kind) {
    warnings.push(`This dashboard does not know action ${kindValue}; do not approve what you cannot read.`);
    return { kind, label, summary, fields, effects, warnings };
  }
  try {
    flatten("", decodeActionParams(kind, args), fields);
    explain(kind, args, ctx, effects, warnings);
  } catch {
    warnings.push("Its arguments cannot be decoded for this action: executing it would fail.");
  }
  return { kind, label, summary, fields, effects, warnings };
}

function explain(kind: ActionKind, args: Hex, ctx: ReviewContext, effects: string[], warnings: string[]) {
  const n = BigInt(ctx.trustees.length);
  const asset = (address: Address) => findAsset(ctx.assets, address);
  const past = (seconds: bigint, what: string) => {
    if (ctx.now !== undefined && seconds <= ctx.now)
      warnings.push(`${what} (${formatDate(seconds)}) is already past.`);
  };
  switch (kind) {
    case "AddTrustee": {
      const [who] = decodeActionArgs(kind, args);
      effects.push(`The council grows to ${n + 1n} trustees; ${ctx.threshold} approvals are still needed.`);
      if (isTrustee(ctx, who)) warnings.push(`${who} is already a trustee: executing it would fail.`);
      return;
    }
    case "RemoveTrustee": {
      const [who] = decodeActionArgs(kind, args);
      effects.push(`The council shrinks to ${n - 1n} trustees; ${ctx.threshold} approvals are still needed.`);
      if (!isTrustee(ctx, who)) warnings.push(`${who} is not a trustee: executing it would fail.`);
      else if (n - 1n < ctx.threshold)
        warnings.push(
          `Removing a trustee leaves ${n - 1n} trustees, below the threshold of ${ctx.threshold}: the council could never pass a proposal again (lower the threshold first).`,
        );
      else if (n - 1n === ctx.threshold)
        warnings.push(
          `Afterwards every one of the ${n - 1n} remaining trustees must approve every proposal.`,
        );
      return;
    }
    case "ChangeThreshold": {
      const [threshold] = decodeActionArgs(kind, args);
      effects.push(
        `Every later proposal needs ${threshold} of ${n} trustees' approvals (now ${ctx.threshold}).`,
      );
      if (threshold === 1n)
        warnings.push(
          "A threshold of 1 lets any single trustee pass any proposal alone, with nobody to check it.",
        );
      if (threshold === 0n) warnings.push("A threshold of 0 is not allowed: executing it would fail.");
      if (threshold > n)
        warnings.push(`A threshold of ${threshold} is above the ${n} trustees: no proposal could ever pass.`);
      return;
    }
    case "OpenRound": {
      const [p] = decodeActionArgs(kind, args);
      effects.push(`Up to ${formatShares(p.sharePool)} are awarded to the round's funded researchers.`);
      if (p.stipendBudget > 0n)
        effects.push(
          `Up to ${formatAmount(p.stipendBudget, asset(p.stipendAsset))} of capital is reserved for stipends at settlement.`,
        );
      past(p.applicationDeadline, "The application deadline");
      const d = dilution(p.sharePool, ctx);
      if (d && d.bps >= LARGE_DILUTION_BPS)
        warnings.push(`The pool would be ${d.text} of all shares: a large dilution of today's holders.`);
      if (isLarge(p.stipendBudget, asset(p.stipendAsset)))
        warnings.push(
          `A large stipend budget: ${formatAmount(p.stipendBudget, asset(p.stipendAsset))}. Check the digits.`,
        );
      return;
    }
    case "OpenOffering": {
      const [p] = decodeActionArgs(kind, args);
      effects.push(
        `Investors may buy up to ${formatShares(p.shareCap)}; what they pay waits in escrow until the offering settles.`,
      );
      if (p.allowlistRoot === zeroHash) warnings.push("The offering is open to anyone (no allowlist).");
      if (p.pricePerShare === 0n) warnings.push("The price is zero: the shares would be given away.");
      past(p.end, "The closing time");
      const d = dilution(p.shareCap, ctx);
      if (d && d.bps >= LARGE_DILUTION_BPS)
        warnings.push(`Sold out, it would be ${d.text} of all shares: a large dilution of today's holders.`);
      return;
    }
    case "CloseRound":
      effects.push("The round ends now: nothing is awarded, deposits become refundable.");
      return;
    case "CancelGrant":
      warnings.push("Cancelling a grant cannot be undone: the unvested shares are never minted.");
      return;
    case "SetTransfersEnabled":
      effects.push(
        decodeActionArgs(kind, args)[0]
          ? "Holders may send shares to each other."
          : "Holders can no longer send shares to each other (claims keep working).",
      );
      return;
    case "Pause":
      effects.push(
        "Inflows and minting stop until the council unpauses or the pause lapses; claims keep working.",
      );
      warnings.push("A pause stops researchers' awards, subscriptions and returns payments while it lasts.");
      return;
    case "RecoverOfferingsStrays":
    case "RecoverPoolStrays": {
      const [token, to, amount] = decodeActionArgs(kind, args);
      effects.push(`${formatAmount(amount, asset(token))} leaves the contract for ${to}.`);
      if (isLarge(amount, asset(token)))
        warnings.push(
          `A large amount: ${formatAmount(amount, asset(token))}. Check the digits and the recipient.`,
        );
      return;
    }
    case "AnnounceMigration": {
      const [module, , retireOld] = decodeActionArgs(kind, args);
      effects.push(
        `${moduleName(module) ?? "The module"} can be replaced once the migration delay has passed.`,
      );
      if (retireOld)
        warnings.push("The old module loses its roles at migration: its unclaimed awards stay unclaimable.");
      return;
    }
    case "DisputeReport":
    case "ResolveDispute":
    case "RegisterTechnique":
    case "RetireTechnique":
    case "CloseOffering":
    case "AddReturnsAsset":
    case "Unpause":
    case "RenewPause":
    case "CancelMigration":
      return;
  }
}

/** The review as lines of text, for the command line (one "Warning:" line per warning). */
export function reviewLines(review: ProposalReview): string[] {
  return [
    `${review.label}: ${review.summary}`,
    ...review.fields.map((f) => `  ${f.name} = ${f.value}`),
    ...review.effects.map((e) => `Effect: ${e}`),
    ...review.warnings.map((w) => `Warning: ${w}`),
  ];
}
