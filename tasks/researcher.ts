// Researcher tasks: apply to a round, claim vested shares and stipends, claim returns.
import type { Address } from "viem";

import {
  claimAwardShares,
  claimStipend as claimStipendSteps,
  MAX_TITLE_LENGTH,
  submitApplication,
} from "@fef/sdk/actions/grants";
import { claimAll, claimReturns as claimReturnsSteps } from "@fef/sdk/actions/shares";
import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmountExact as formatAmount, formatSharesExact as formatShares } from "@fef/sdk/format";
import { fundSharesAbi } from "@fef/sdk/generated/abis";
import { readAccount } from "@fef/sdk/lens";
import { checkUri } from "@fef/sdk/uri";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { type GrantClaim, claimTarget, earlierModuleNote, sendClaim } from "./lib/claimModule.js";
import {
  hashOrText,
  optional,
  parseAmount,
  parseAsset,
  parseBytes32,
  parseId,
  parseWhole,
  required,
} from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, assetInfo, chainTime, fundAction, returnsAsset } from "./lib/fund.js";
import { emit } from "./lib/output.js";
import { assetsOf, fundView, knownAsset, readRound } from "./lib/reads.js";
import { eventsOf, fundEvent, send } from "./lib/send.js";

export interface ApplyArgs extends CommonArgs {
  round?: string;
  title?: string;
  uri?: string;
  contentHash?: string;
  contentText?: string;
  effort?: string;
  stipend?: string;
}

export interface ApplicationArgs extends CommonArgs {
  application?: string;
  /** a grant-rounds module the council migrated away from (default: the current one) */
  module?: string;
}

export interface ClaimReturnsArgs extends CommonArgs {
  asset?: string;
}

export interface ApplySummary {
  applicationId: bigint;
  roundId: bigint;
  researcher: string;
  title: string;
  uri: string;
  contentHash: string;
  effortMonths: bigint;
  stipendRequested: bigint;
  stipendAsset: AssetInfo;
  transaction: string;
}

export const apply = fundAction(async (fund, args: ApplyArgs): Promise<ApplySummary> => {
  const view = await fundView(fund);
  const roundId = parseId("round", args.round, view.roundCount, "round");
  const title = required("title", args.title).trim();
  const titleBytes = new TextEncoder().encode(title).length;
  if (titleBytes === 0 || titleBytes > MAX_TITLE_LENGTH) {
    fail(`--title: 1 to ${MAX_TITLE_LENGTH} bytes, not ${titleBytes} ("${title}")`);
  }
  const checkedUri = checkUri(required("uri", args.uri));
  if (!checkedUri.ok) fail(`--uri: ${checkedUri.error}`);
  const uri = checkedUri.value;
  const hashGiven = optional(args.contentHash) !== undefined;
  const textGiven = optional(args.contentText) !== undefined;
  if (hashGiven && textGiven) fail("Pass either --content-hash or --content-text, not both");
  if (!hashGiven && !textGiven)
    fail("--content-hash <0x…32 bytes> or --content-text <text to hash> is required");
  const contentHash = hashGiven
    ? parseBytes32("content-hash", args.contentHash)
    : hashOrText("content-text", args.contentText);
  const effortMonths = parseWhole("effort", args.effort, 1n, 1200n);
  const round = await readRound(fund, roundId, await chainTime(fund));
  // Settled or closed; an open round past its deadline is left to the contract, which says when it ended.
  if (round.phase === "settled" || round.phase === "closed")
    fail(`--round: round ${roundId} is ${round.phase}, not open for applications`);
  const { stipendAsset } = round;
  const stipendRequested = parseAmount(
    "stipend",
    optional(args.stipend) ?? "0",
    stipendAsset.decimals,
    stipendAsset.symbol,
  );
  if (stipendRequested > 0n && round.stipendBudget === 0n) {
    fail(`--stipend: round ${roundId} pays no stipends (its stipend budget is 0)`);
  }
  if (stipendRequested > round.stipendBudget) {
    fail(
      `--stipend: ${formatAmount(stipendRequested, stipendAsset)} is more than round ${roundId}'s whole stipend budget (${formatAmount(round.stipendBudget, stipendAsset)})`,
    );
  }
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(
    fund,
    signer,
    submitApplication(fund.addresses, {
      roundId,
      title,
      uri,
      contentHash,
      effortMonths: Number(effortMonths),
      stipendRequested,
      deposit: round.applicationDeposit,
    }),
  );
  const submitted = fundEvent(fund, sent, "GrantRounds", "ApplicationSubmitted");
  const applicationId = submitted.args.applicationId;
  const summary: ApplySummary = {
    applicationId,
    roundId,
    researcher: signer.account.address,
    title,
    uri,
    contentHash,
    effortMonths,
    stipendRequested,
    stipendAsset,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Application #${applicationId} "${title}" submitted to round ${roundId} by ${signer.account.address}`,
    `  ${uri} (content hash ${contentHash}), ${effortMonths} research-months, stipend ${formatAmount(stipendRequested, stipendAsset)}`,
  ]);
});

export interface ClaimSharesSummary extends GrantClaim {
  award: bigint;
  vested: bigint;
  claimedInAll: bigint;
  balance: bigint;
}

export const claimShares = fundAction(async (fund, args: ApplicationArgs): Promise<ClaimSharesSummary> => {
  const target = await claimTarget(fund, args);
  const { id, module, application, signer } = target;
  const { claimableShares: claimable, award, vestedShares: vested } = application;
  if (claimable === 0n) {
    fail(
      `--application: nothing to claim now — ${formatShares(vested)} of ${formatShares(award)} vested, ` +
        `${formatShares(application.sharesClaimed)} already claimed`,
    );
  }
  const { claim, after } = await sendClaim(
    fund,
    target,
    claimAwardShares({ GrantRounds: module }, id),
    "SharesClaimed",
  );
  const position = await readAccount(fund.client, fund.addresses.FundLens, signer.account.address);
  const balance = position.shares;
  const claimedInAll = after?.sharesClaimed ?? claim.claimed;
  const summary: ClaimSharesSummary = { ...claim, award, vested, claimedInAll, balance };
  return emit(args.json, summary, () => [
    `${claim.researcher} claimed ${formatShares(claim.claimed)} of application #${id}` +
      earlierModuleNote(fund, module),
    `  ${formatShares(claimedInAll)} of ${formatShares(award)} claimed so far; balance ${formatShares(balance)}`,
  ]);
});

export interface ClaimStipendSummary extends GrantClaim {
  asset: AssetInfo;
  award: bigint;
  claimedInAll: bigint;
}

export const claimStipend = fundAction(async (fund, args: ApplicationArgs): Promise<ClaimStipendSummary> => {
  const target = await claimTarget(fund, args);
  const { id, module, application } = target;
  const asset = await assetInfo(fund, application.stipendAsset);
  const { claimableStipend: claimable, stipendAward: award } = application;
  if (claimable === 0n) {
    fail(
      award === 0n
        ? `--application: application ${id} has no stipend`
        : `--application: no stipend to claim now — ${formatAmount(application.stipendClaimed, asset)} of ` +
            `${formatAmount(award, asset)} already claimed; the rest vests over time`,
    );
  }
  const { claim, after } = await sendClaim(
    fund,
    target,
    claimStipendSteps({ GrantRounds: module }, id),
    "StipendClaimed",
  );
  const claimedInAll = after?.stipendClaimed ?? claim.claimed;
  const summary: ClaimStipendSummary = { ...claim, asset, award, claimedInAll };
  return emit(args.json, summary, () => [
    `${claim.researcher} claimed a stipend of ${formatAmount(claim.claimed, asset)} for application #${id}` +
      earlierModuleNote(fund, module),
    `  ${formatAmount(claimedInAll, asset)} of ${formatAmount(award, asset)} claimed so far`,
  ]);
});

export interface ClaimedReturns {
  asset: AssetInfo;
  amount: bigint;
}

export interface ClaimReturnsSummary {
  holder: string;
  claimed: ClaimedReturns[];
  transaction: string;
}

export const claimReturns = fundAction(async (fund, args: ClaimReturnsArgs): Promise<ClaimReturnsSummary> => {
  const view = await fundView(fund);
  const listed = assetsOf(view);
  const given = optional(args.asset);
  const chosen: AssetInfo | undefined =
    given === undefined ? undefined : await returnsAsset(fund, "asset", parseAsset("asset", given));
  // Indexes into the fund's returns assets, in the order of the lens' per-asset `claimable`.
  const indexes = listed.flatMap((asset, index) =>
    chosen === undefined || asset.asset.toLowerCase() === chosen.asset.toLowerCase() ? [index] : [],
  );
  const what = chosen === undefined ? "any asset" : chosen.symbol;
  const signer = await actingAccount(fund.wallets, args.from, {
    name: `a holder with returns to claim in ${what}`,
    check: async (address) => {
      const { claimable } = await readAccount(fund.client, fund.addresses.FundLens, address);
      return indexes.some((index) => (claimable[index] ?? 0n) > 0n)
        ? true
        : `has no returns to claim in ${what}`;
    },
  });
  const sent = await send(
    fund,
    signer,
    chosen === undefined ? claimAll(fund.addresses) : claimReturnsSteps(fund.addresses, chosen.asset),
  );
  const claimed: ClaimedReturns[] = await Promise.all(
    eventsOf(sent.receipt, fundSharesAbi, fund.addresses.FundShares, "ReturnsClaimed").map(async (event) => ({
      asset: await knownAsset(fund, view, event.args.asset as Address),
      amount: event.args.amount,
    })),
  );
  const summary: ClaimReturnsSummary = {
    holder: signer.account.address,
    claimed,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `${signer.account.address} claimed returns:`,
    ...claimed.map((entry) => `  ${formatAmount(entry.amount, entry.asset)}`),
  ]);
});
