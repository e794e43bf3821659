import { zeroHash, type Hex } from "viem";

import { encodeActionArgs, type ActionArgs, type ActionKind } from "@fef/sdk/actionKinds";
import { proposeAction } from "@fef/sdk/actions/council";
import type { FundAddresses } from "@fef/sdk/deployments";
import type { Step } from "@fef/sdk/steps";
import { MAX_OUTCOME_HORIZON, MIN_OUTCOME_HORIZON } from "@fef/sdk/trackRecord";
import { findAsset, type AssetInfo } from "@fef/sdk/assets";
import { checkUri } from "@fef/sdk/uri";
import {
  checkAddress,
  checkAmount,
  checkBytes32,
  checkDateTime,
  checkDays,
  checkInteger,
  checkText,
  type Checked,
} from "@fef/sdk/validate";

/** The fields of an OpenRound proposal: the round's parameters. */
const openRoundFields = [
  "sharePool",
  "applicationDeadline",
  "commitDeadline",
  "revealDeadline",
  "vestingCliffDays",
  "vestingDurationDays",
  "stipendAsset",
  "stipendBudget",
  "applicationDeposit",
] as const;

export const proposalFieldNames = [
  "trustee",
  "threshold",
  ...openRoundFields,
  "roundId",
  "applicationId",
  "transfers",
  "token",
  "offeringAsset",
  "price",
  "shareCap",
  "minShares",
  "start",
  "end",
  "allowlistRoot",
  "offeringId",
  "title",
  "uri",
  "contentHash",
  "applicationIds",
  "techniqueId",
  "commitmentId",
  "period",
  "reasonHash",
  "strayAsset",
  "recipient",
  "amount",
  "module",
  "newModule",
  "retireOld",
  "paidOff",
  "horizonDays",
] as const;

export type ProposalField = (typeof proposalFieldNames)[number];
export type ProposalValues = Readonly<Record<ProposalField, string>>;

export type BuildContext = {
  readonly now: bigint;
  readonly assets: readonly AssetInfo[];
  readonly trusteeCount: number;
};

export type Built =
  | {
      readonly ok: true;
      /** the proposal's ABI-encoded arguments (for the preview) */
      readonly args: Hex;
      /** the SDK's `propose` step for them */
      readonly propose: (fund: Pick<FundAddresses, "TrusteeCouncil">) => Step[];
    }
  | { readonly ok: false; readonly errors: Partial<Record<ProposalField, string>> };

const U64 = 2n ** 64n - 1n;

/** Encoding runs only once every check passed, so each value exists. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("a checked value is missing");
  return value;
}
const U128 = 2n ** 128n - 1n;

/** `ITrusteeCouncil.Module`: 0 grant rounds, 1 offerings, 2 returns registry. */
function checkModule(text: string): Checked<number> {
  const value = Number(text);
  return [0, 1, 2].includes(value) && text.trim() !== ""
    ? { ok: true, value }
    : { ok: false, error: "Choose the module to replace." };
}

/** Validates the fields `kind` uses and ABI-encodes them as the proposal's `args`. */
export function buildProposal(kind: ActionKind, v: ProposalValues, ctx: BuildContext): Built {
  const checks: Partial<Record<ProposalField, Checked<unknown>>> = {};
  const take = <T>(name: ProposalField, c: Checked<T>): T | undefined => {
    checks[name] = c;
    return c.ok ? c.value : undefined;
  };
  const id = (name: ProposalField, label: string) => take(name, checkInteger(v[name], { label, min: 1n }));
  /** A date after `seconds` (`what`), or any date when that earlier one is itself invalid. */
  const deadline = (name: ProposalField, label: string, seconds: bigint | undefined, what: string) =>
    take(name, checkDateTime(v[name], label, seconds !== undefined ? { seconds, what } : undefined));
  const asset = (name: ProposalField): AssetInfo | undefined => {
    const found = ctx.assets.find((a) => a.asset === v[name]);
    checks[name] = found ? { ok: true, value: found } : { ok: false, error: "Choose a returns asset." };
    return found;
  };
  const finish = <K extends ActionKind>(k: K, make: () => ActionArgs<K>): Built => {
    const errors: Partial<Record<ProposalField, string>> = {};
    for (const [name, c] of Object.entries(checks) as [ProposalField, Checked<unknown>][])
      if (!c.ok) errors[name] = c.error;
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const args = make();
    return { ok: true, args: encodeActionArgs(k, args), propose: (fund) => proposeAction(fund, k, args) };
  };

  /** An action whose one argument is the id in field `name`. */
  const byId = (
    k: "CloseRound" | "CancelGrant" | "CloseOffering" | "RetireTechnique",
    name: ProposalField,
    label: string,
  ) => {
    const value = id(name, label);
    return finish(k, () => [must(value)]);
  };

  switch (kind) {
    case "AddTrustee":
    case "RemoveTrustee": {
      const trustee = take("trustee", checkAddress(v.trustee, "Trustee"));
      return finish(kind, () => [must(trustee)]);
    }
    case "ChangeThreshold": {
      const threshold = take(
        "threshold",
        checkInteger(v.threshold, { label: "Threshold", min: 1n, max: BigInt(ctx.trusteeCount) }),
      );
      return finish("ChangeThreshold", () => [must(threshold)]);
    }
    case "OpenRound": {
      const sharePool = take("sharePool", checkAmount(v.sharePool, 18, { label: "Share pool", max: U128 }));
      const apps = deadline("applicationDeadline", "Application deadline", ctx.now, "now (chain time)");
      const commits = deadline("commitDeadline", "Commit deadline", apps, "the application deadline");
      const reveals = deadline("revealDeadline", "Reveal deadline", commits, "the commit deadline");
      const cliff = take("vestingCliffDays", checkDays(v.vestingCliffDays, "Cliff", { allowZero: true }));
      const duration = take("vestingDurationDays", checkDays(v.vestingDurationDays, "Vesting duration"));
      if (cliff !== undefined && duration !== undefined && cliff > duration) {
        checks.vestingCliffDays = {
          ok: false,
          error: "The cliff cannot be longer than the vesting duration.",
        };
      }
      const stipendAsset = asset("stipendAsset");
      const budget = stipendAsset
        ? take(
            "stipendBudget",
            checkAmount(v.stipendBudget || "0", stipendAsset.decimals, {
              label: "Stipend budget",
              allowZero: true,
              max: U128,
            }),
          )
        : undefined;
      const deposit = take(
        "applicationDeposit",
        checkAmount(v.applicationDeposit || "0", 18, {
          label: "Application deposit",
          allowZero: true,
          max: 2n ** 96n - 1n,
        }),
      );
      return finish("OpenRound", () => [
        {
          sharePool: must(sharePool),
          applicationDeadline: must(apps),
          commitDeadline: must(commits),
          revealDeadline: must(reveals),
          vestingCliff: must(cliff),
          vestingDuration: must(duration),
          stipendAsset: must(stipendAsset).asset,
          stipendBudget: must(budget),
          applicationDeposit: must(deposit),
        },
      ]);
    }
    case "CloseRound":
      return byId(kind, "roundId", "Round");
    case "CancelGrant":
      return byId(kind, "applicationId", "Application");
    case "SetTransfersEnabled":
      return finish("SetTransfersEnabled", () => [v.transfers === "on"]);
    case "Pause":
    case "Unpause":
    case "RenewPause":
      return finish(kind, () => []);
    case "AddReturnsAsset": {
      const token = take("token", checkAddress(v.token, "Token"));
      if (token && findAsset(ctx.assets, token))
        checks.token = { ok: false, error: "This token is already a returns asset." };
      return finish("AddReturnsAsset", () => [must(token)]);
    }
    case "OpenOffering": {
      const a = asset("offeringAsset");
      const price = a
        ? take("price", checkAmount(v.price, a.decimals, { label: "Price per share", max: U128 }))
        : undefined;
      const cap = take("shareCap", checkAmount(v.shareCap, 18, { label: "Share cap", max: U128 }));
      const min = take(
        "minShares",
        checkAmount(v.minShares || "0", 18, { label: "Minimum", allowZero: true, max: U128 }),
      );
      if (cap !== undefined && min !== undefined && min > cap)
        checks.minShares = { ok: false, error: "The minimum cannot exceed the cap." };
      const start = take("start", checkDateTime(v.start, "Start"));
      const end =
        start !== undefined
          ? take(
              "end",
              checkDateTime(v.end, "End", {
                seconds: start > ctx.now ? start : ctx.now,
                what: "the start and now (chain time)",
              }),
            )
          : take("end", checkDateTime(v.end, "End"));
      const root = v.allowlistRoot.trim()
        ? take("allowlistRoot", checkBytes32(v.allowlistRoot, "Allowlist root"))
        : zeroHash;
      if (start !== undefined && start > U64)
        checks.start = { ok: false, error: "Start is too far in the future." };
      return finish("OpenOffering", () => [
        {
          asset: must(a).asset,
          pricePerShare: must(price),
          shareCap: must(cap),
          minShares: must(min),
          start: must(start),
          end: must(end),
          allowlistRoot: must(root),
        },
      ]);
    }
    case "CloseOffering":
      return byId(kind, "offeringId", "Offering");
    case "RegisterTechnique": {
      const title = take("title", checkText(v.title, "Title", 200));
      const typedUri = checkUri(v.uri, "URI");
      const uri = take(
        "uri",
        typedUri.ok && typedUri.value.length > 500
          ? { ok: false, error: "URI must be at most 500 characters." }
          : typedUri,
      );
      const hash = take("contentHash", checkBytes32(v.contentHash, "Content hash"));
      const parts = v.applicationIds
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const ids: bigint[] = [];
      let bad = false;
      for (const p of parts) {
        if (/^\d+$/.test(p) && BigInt(p) > 0n) ids.push(BigInt(p));
        else bad = true;
      }
      checks.applicationIds = bad
        ? { ok: false, error: "List application ids as whole numbers separated by commas, e.g. 1, 4." }
        : { ok: true, value: ids };
      return finish("RegisterTechnique", () => [must(title), must(uri), must(hash), ids]);
    }
    case "RetireTechnique":
      return byId(kind, "techniqueId", "Technique");
    case "DisputeReport":
    case "ResolveDispute": {
      const commitmentId = id("commitmentId", "Commitment");
      const period = take("period", checkInteger(v.period, { label: "Period", min: 0n }));
      const reason = take(
        "reasonHash",
        checkBytes32(v.reasonHash, kind === "DisputeReport" ? "Reason hash" : "Resolution hash"),
      );
      return finish(kind, () => [must(commitmentId), must(period), must(reason)]);
    }
    case "RecoverOfferingsStrays":
    case "RecoverPoolStrays": {
      const a = asset("strayAsset");
      const to = take("recipient", checkAddress(v.recipient, "Recipient"));
      const amount = a ? take("amount", checkAmount(v.amount, a.decimals, { label: "Amount" })) : undefined;
      return finish(kind, () => [must(a).asset, must(to), must(amount)]);
    }
    case "AnnounceMigration": {
      const module = take("module", checkModule(v.module));
      const newModule = take("newModule", checkAddress(v.newModule, "New module"));
      return finish("AnnounceMigration", () => [must(module), must(newModule), v.retireOld === "yes"]);
    }
    case "CancelMigration": {
      const module = take("module", checkModule(v.module));
      return finish("CancelMigration", () => [must(module)]);
    }
    case "ResolveOutcome": {
      const applicationId = id("applicationId", "Application");
      return finish("ResolveOutcome", () => [must(applicationId), v.paidOff === "yes"]);
    }
    case "SetOutcomeHorizon": {
      const seconds = take("horizonDays", checkDays(v.horizonDays, "Outcome horizon"));
      if (seconds !== undefined && (seconds < MIN_OUTCOME_HORIZON || seconds > MAX_OUTCOME_HORIZON))
        checks.horizonDays = { ok: false, error: "The outcome horizon must be between 1 day and 50 years." };
      return finish("SetOutcomeHorizon", () => [must(seconds)]);
    }
  }
}

/** The fields each kind shows, in order. */
export const fieldsOf: Readonly<Record<ActionKind, readonly ProposalField[]>> = {
  AddTrustee: ["trustee"],
  RemoveTrustee: ["trustee"],
  ChangeThreshold: ["threshold"],
  OpenRound: openRoundFields,
  CloseRound: ["roundId"],
  CancelGrant: ["applicationId"],
  SetTransfersEnabled: ["transfers"],
  Pause: [],
  Unpause: [],
  AddReturnsAsset: ["token"],
  OpenOffering: ["offeringAsset", "price", "shareCap", "minShares", "start", "end", "allowlistRoot"],
  CloseOffering: ["offeringId"],
  RegisterTechnique: ["title", "uri", "contentHash", "applicationIds"],
  RetireTechnique: ["techniqueId"],
  DisputeReport: ["commitmentId", "period", "reasonHash"],
  ResolveDispute: ["commitmentId", "period", "reasonHash"],
  RenewPause: [],
  RecoverOfferingsStrays: ["strayAsset", "recipient", "amount"],
  RecoverPoolStrays: ["strayAsset", "recipient", "amount"],
  AnnounceMigration: ["module", "newModule", "retireOld"],
  CancelMigration: ["module"],
  ResolveOutcome: ["applicationId", "paidOff"],
  SetOutcomeHorizon: ["horizonDays"],
};
