// Researcher tasks: apply to a round, claim vested shares and stipends, claim returns.
import type { Address } from "viem";

import {
  claimAwardShares,
  claimStipend as claimStipendSteps,
  submitApplication,
} from "@fef/sdk/actions/grants";
import { claimAll, claimReturns as claimReturnsSteps } from "@fef/sdk/actions/shares";
import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmountExact as formatAmount, formatSharesExact as formatShares } from "@fef/sdk/format";
import { fundSharesAbi } from "@fef/sdk/generated/abis";
import { readAccount } from "@fef/sdk/lens";

import { ANYONE, actingAccount } from "./lib/accounts.js";
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
import { type CommonArgs, type Fund, chainTime, fundAction, returnsAsset } from "./lib/fund.js";
import { emit } from "./lib/output.js";
import { assetsOf, fundView, knownAsset, readApplication, readRound } from "./lib/reads.js";
import { eventsOf, fundEvent, send } from "./lib/send.js";

export interface ApplyArgs extends CommonArgs {
  round?: string;
  uri?: string;
  contentHash?: string;
  contentText?: string;
  effort?: string;
  stipend?: string;
}

export interface ApplicationArgs extends CommonArgs {
  application?: string;
}

export interface ClaimReturnsArgs extends CommonArgs {
  asset?: string;
}

export interface ApplySummary {
  applicationId: bigint;
  roundId: bigint;
  researcher: string;
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
  const uri = required("uri", args.uri);
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
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(
    fund,
    signer,
    submitApplication(fund.addresses, {
      roundId,
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
    uri,
    contentHash,
    effortMonths,
    stipendRequested,
    stipendAsset,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Application #${applicationId} submitted to round ${roundId} by ${signer.account.address}`,
    `  ${uri} (content hash ${contentHash}), ${effortMonths} research-months, stipend ${formatAmount(stipendRequested, stipendAsset)}`,
  ]);
});

/** A funded (or cancelled) application and its researcher among this network's accounts. */
async function researcherOf(fund: Fund, args: ApplicationArgs) {
  const id = parseId("application", args.application, (await fundView(fund)).applicationCount, "application");
  const application = await readApplication(fund, id);
  const signer = await actingAccount(fund.wallets, args.from, {
    name: `the researcher of application ${id} (${application.researcher})`,
    check: async (address) =>
      address.toLowerCase() === application.researcher.toLowerCase()
        ? true
        : `is not the researcher of application ${id}`,
  });
  const status = application.statusName;
  if (status !== "Funded" && status !== "Cancelled") {
    fail(`--application: application ${id} is ${status.toLowerCase()}, not funded: it has nothing to claim`);
  }
  return { id, application, signer };
}

export interface ClaimSharesSummary {
  applicationId: bigint;
  researcher: string;
  claimed: bigint;
  award: bigint;
  vested: bigint;
  claimedInAll: bigint;
  balance: bigint;
  transaction: string;
}

export const claimShares = fundAction(async (fund, args: ApplicationArgs): Promise<ClaimSharesSummary> => {
  const { id, application, signer } = await researcherOf(fund, args);
  const { claimableShares: claimable, award, vestedShares: vested } = application;
  if (claimable === 0n) {
    fail(
      `--application: nothing to claim now — ${formatShares(vested)} of ${formatShares(award)} vested, ` +
        `${formatShares(application.sharesClaimed)} already claimed`,
    );
  }
  const sent = await send(fund, signer, claimAwardShares(fund.addresses, id));
  const event = fundEvent(fund, sent, "GrantRounds", "SharesClaimed");
  const claimed = event.args.amount;
  const [after, position] = await Promise.all([
    readApplication(fund, id),
    readAccount(fund.client, fund.addresses.FundLens, signer.account.address),
  ]);
  const balance = position.shares;
  const summary: ClaimSharesSummary = {
    applicationId: id,
    researcher: signer.account.address,
    claimed,
    award,
    vested,
    claimedInAll: after.sharesClaimed,
    balance,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `${signer.account.address} claimed ${formatShares(claimed)} of application #${id}`,
    `  ${formatShares(after.sharesClaimed)} of ${formatShares(award)} claimed so far; balance ${formatShares(balance)}`,
  ]);
});

export interface ClaimStipendSummary {
  applicationId: bigint;
  researcher: string;
  asset: AssetInfo;
  claimed: bigint;
  award: bigint;
  claimedInAll: bigint;
  transaction: string;
}

export const claimStipend = fundAction(async (fund, args: ApplicationArgs): Promise<ClaimStipendSummary> => {
  const { id, application, signer } = await researcherOf(fund, args);
  const { stipendAsset: asset } = await readRound(fund, application.roundId, await chainTime(fund));
  const { claimableStipend: claimable, stipendAward: award } = application;
  if (claimable === 0n) {
    fail(
      award === 0n
        ? `--application: application ${id} has no stipend`
        : `--application: no stipend to claim now — ${formatAmount(application.stipendClaimed, asset)} of ` +
            `${formatAmount(award, asset)} already claimed; the rest vests over time`,
    );
  }
  const sent = await send(fund, signer, claimStipendSteps(fund.addresses, id));
  const event = fundEvent(fund, sent, "GrantRounds", "StipendClaimed");
  const claimed = event.args.amount;
  const after = await readApplication(fund, id);
  const summary: ClaimStipendSummary = {
    applicationId: id,
    researcher: signer.account.address,
    asset,
    claimed,
    award,
    claimedInAll: after.stipendClaimed,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `${signer.account.address} claimed a stipend of ${formatAmount(claimed, asset)} for application #${id}`,
    `  ${formatAmount(after.stipendClaimed, asset)} of ${formatAmount(award, asset)} claimed so far`,
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
