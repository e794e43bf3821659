// Researcher tasks: apply to a round, claim vested shares and stipends, claim returns.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmountExact as formatAmount, formatSharesExact as formatShares } from "@fef/sdk/format";

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
import { type CommonArgs, type Fund, connectFund, assetInfo, returnsAsset } from "./lib/fund.js";
import { emit } from "./lib/output.js";
import { APPLICATION_STATUS, ROUND_STATUS } from "./lib/reads.js";
import { findEvent, send } from "./lib/send.js";

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

export async function apply(args: ApplyArgs, hre: HardhatRuntimeEnvironment): Promise<ApplySummary> {
  const fund = await connectFund(hre, args.deployment);
  const roundId = parseId("round", args.round, await fund.rounds.roundCount(), "round");
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
  const round = await fund.rounds.round(roundId);
  const status = ROUND_STATUS[Number(round.status)];
  if (status !== "Open")
    fail(`--round: round ${roundId} is ${status?.toLowerCase()}, not open for applications`);
  const stipendAsset = await assetInfo(fund, round.params.stipendAsset);
  const stipendRequested = parseAmount(
    "stipend",
    optional(args.stipend) ?? "0",
    stipendAsset.decimals,
    stipendAsset.symbol,
  );
  if (stipendRequested > 0n && round.params.stipendBudget === 0n) {
    fail(`--stipend: round ${roundId} pays no stipends (its stipend budget is 0)`);
  }
  const signer = await actingAccount(fund.signers, args.from, ANYONE);
  const receipt = await send(fund, `Applying to round ${roundId}`, () =>
    fund.rounds.connect(signer).submitApplication(roundId, uri, contentHash, effortMonths, stipendRequested),
  );
  const submitted = findEvent(
    receipt,
    fund.rounds.interface,
    fund.addresses.GrantRounds,
    "ApplicationSubmitted",
  );
  const applicationId = BigInt(submitted.args.getValue("applicationId"));
  const summary: ApplySummary = {
    applicationId,
    roundId,
    researcher: signer.address,
    uri,
    contentHash,
    effortMonths,
    stipendRequested,
    stipendAsset,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `Application #${applicationId} submitted to round ${roundId} by ${signer.address}`,
    `  ${uri} (content hash ${contentHash}), ${effortMonths} research-months, stipend ${formatAmount(stipendRequested, stipendAsset)}`,
  ]);
}

/** A funded (or cancelled) application and its researcher among this network's accounts. */
async function researcherOf(fund: Fund, args: ApplicationArgs) {
  const id = parseId("application", args.application, await fund.rounds.applicationCount(), "application");
  const application = await fund.rounds.application(id);
  const signer = await actingAccount(fund.signers, args.from, {
    name: `the researcher of application ${id} (${application.researcher})`,
    check: async (address) =>
      address.toLowerCase() === application.researcher.toLowerCase()
        ? true
        : `is not the researcher of application ${id}`,
  });
  const status = APPLICATION_STATUS[Number(application.status)];
  if (status !== "Funded" && status !== "Cancelled") {
    fail(`--application: application ${id} is ${status?.toLowerCase()}, not funded: it has nothing to claim`);
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

export async function claimShares(
  args: ApplicationArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<ClaimSharesSummary> {
  const fund = await connectFund(hre, args.deployment);
  const { id, application, signer } = await researcherOf(fund, args);
  const [claimable, award, vested] = await Promise.all([
    fund.rounds.claimableShares(id),
    fund.rounds.award(id),
    fund.rounds.vestedShares(id),
  ]);
  if (claimable === 0n) {
    fail(
      `--application: nothing to claim now — ${formatShares(vested)} of ${formatShares(award)} vested, ` +
        `${formatShares(application.sharesClaimed)} already claimed`,
    );
  }
  const receipt = await send(fund, `Claiming the shares of application ${id}`, () =>
    fund.rounds.connect(signer).claimShares(id),
  );
  const event = findEvent(receipt, fund.rounds.interface, fund.addresses.GrantRounds, "SharesClaimed");
  const claimed = BigInt(event.args.getValue("amount"));
  const [after, balance] = await Promise.all([
    fund.rounds.application(id),
    fund.shares.balanceOf(signer.address),
  ]);
  const summary: ClaimSharesSummary = {
    applicationId: id,
    researcher: signer.address,
    claimed,
    award,
    vested,
    claimedInAll: after.sharesClaimed,
    balance,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `${signer.address} claimed ${formatShares(claimed)} of application #${id}`,
    `  ${formatShares(after.sharesClaimed)} of ${formatShares(award)} claimed so far; balance ${formatShares(balance)}`,
  ]);
}

export interface ClaimStipendSummary {
  applicationId: bigint;
  researcher: string;
  asset: AssetInfo;
  claimed: bigint;
  award: bigint;
  claimedInAll: bigint;
  transaction: string;
}

export async function claimStipend(
  args: ApplicationArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<ClaimStipendSummary> {
  const fund = await connectFund(hre, args.deployment);
  const { id, application, signer } = await researcherOf(fund, args);
  const round = await fund.rounds.round(application.roundId);
  const asset = await assetInfo(fund, round.params.stipendAsset);
  const [claimable, award] = await Promise.all([
    fund.rounds.claimableStipend(id),
    fund.rounds.stipendAward(id),
  ]);
  if (claimable === 0n) {
    fail(
      award === 0n
        ? `--application: application ${id} has no stipend`
        : `--application: no stipend to claim now — ${formatAmount(application.stipendClaimed, asset)} of ` +
            `${formatAmount(award, asset)} already claimed; the rest vests over time`,
    );
  }
  const receipt = await send(fund, `Claiming the stipend of application ${id}`, () =>
    fund.rounds.connect(signer).claimStipend(id),
  );
  const event = findEvent(receipt, fund.rounds.interface, fund.addresses.GrantRounds, "StipendClaimed");
  const claimed = BigInt(event.args.getValue("amount"));
  const after = await fund.rounds.application(id);
  const summary: ClaimStipendSummary = {
    applicationId: id,
    researcher: signer.address,
    asset,
    claimed,
    award,
    claimedInAll: after.stipendClaimed,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `${signer.address} claimed a stipend of ${formatAmount(claimed, asset)} for application #${id}`,
    `  ${formatAmount(after.stipendClaimed, asset)} of ${formatAmount(award, asset)} claimed so far`,
  ]);
}

export interface ClaimedReturns {
  asset: AssetInfo;
  amount: bigint;
}

export interface ClaimReturnsSummary {
  holder: string;
  claimed: ClaimedReturns[];
  transaction: string;
}

export async function claimReturns(
  args: ClaimReturnsArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<ClaimReturnsSummary> {
  const fund = await connectFund(hre, args.deployment);
  const given = optional(args.asset);
  const assets =
    given === undefined
      ? [...(await fund.shares.returnsAssets())]
      : [(await returnsAsset(fund, "asset", parseAsset("asset", given))).asset];
  const infos = await Promise.all(assets.map((asset) => assetInfo(fund, asset)));
  const what = given === undefined ? "any asset" : (infos[0]?.symbol ?? given);
  const signer = await actingAccount(fund.signers, args.from, {
    name: `a holder with returns to claim in ${what}`,
    check: async (address) => {
      const amounts = await Promise.all(assets.map((asset) => fund.shares.claimable(address, asset)));
      return amounts.some((amount) => amount > 0n) ? true : `has no returns to claim in ${what}`;
    },
  });
  const receipt = await send(fund, `Claiming returns in ${what}`, () =>
    given === undefined
      ? fund.shares.connect(signer).claimAll()
      : fund.shares.connect(signer).claimReturns(assets[0] as string),
  );
  const claimed: ClaimedReturns[] = [];
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== fund.addresses.FundShares.toLowerCase()) continue;
    const parsed = fund.shares.interface.parseLog(log);
    if (parsed?.name !== "ReturnsClaimed") continue;
    const asset = String(parsed.args.getValue("asset"));
    claimed.push({ asset: await assetInfo(fund, asset), amount: BigInt(parsed.args.getValue("amount")) });
  }
  const summary: ClaimReturnsSummary = { holder: signer.address, claimed, transaction: receipt.hash };
  return emit(args.json, summary, () => [
    `${signer.address} claimed returns:`,
    ...claimed.map((entry) => `  ${formatAmount(entry.amount, entry.asset)}`),
  ]);
}
