// Trustee and keeper tasks of grant rounds: commit and reveal estimates, finalize, settle.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { defaultSaltFile, fileSaltStore } from "@fef/sdk/node/saltFile";
import { saltRecord } from "@fef/sdk/salts";
import { newSalt } from "@fef/sdk/seal";
import { formatAmountExact as formatAmount } from "@fef/sdk/format";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { optional, parseBps, parseBytes32, parseId, parseWhole } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, chainTime, connectFund } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import { APPLICATION_STATUS, type RoundView, readRound } from "./lib/reads.js";
import { trusteeWho } from "./lib/roles.js";
import { send } from "./lib/send.js";

export interface CommitArgs extends CommonArgs {
  application?: string;
  estimate?: string;
  salt?: string;
  saltFile?: string;
}

export interface RevealArgs extends CommonArgs {
  application?: string;
  saltFile?: string;
}

export interface FinalizeArgs extends CommonArgs {
  application?: string;
  round?: string;
  pageSize?: string;
}

export interface SettleArgs extends CommonArgs {
  round?: string;
}

export interface EstimateSummary {
  applicationId: bigint;
  roundId: bigint;
  trustee: string;
  estimateBps: number;
  salt: string;
  sealedEstimate: string;
  saltFile: string;
  transaction: string;
}

async function applicationId(fund: Fund, given: string | undefined): Promise<bigint> {
  return parseId("application", given, await fund.rounds.applicationCount(), "application");
}

export async function commitEstimate(
  args: CommitArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<EstimateSummary> {
  const fund = await connectFund(hre, args.deployment);
  const id = await applicationId(fund, args.application);
  const estimateBps = Number(parseBps("estimate", args.estimate));
  const salt = optional(args.salt) === undefined ? newSalt() : (parseBytes32("salt", args.salt) as Hex);
  const signer = await actingAccount(
    fund.signers,
    args.from,
    trusteeWho(fund, `has not committed an estimate for application ${id}`, async (address) =>
      BigInt((await fund.rounds.sealedEstimateOf(id, address)).sealedEstimate) === 0n
        ? true
        : `has already committed an estimate for application ${id}`,
    ),
  );
  const saltFile = optional(args.saltFile) ?? defaultSaltFile(hre.config.paths.root);
  // Sealed here, never by a call to the node: the estimate and the salt stay on this machine until the reveal.
  const record = saltRecord({
    chainId: Number(fund.chainId),
    grantRounds: fund.addresses.GrantRounds as Address,
    trustee: signer.address as Address,
    applicationId: id,
    estimateBps,
    salt,
  });
  // Stored before sending, so a crash after sending cannot lose the salt. Nothing is committed on
  // chain yet (checked above), so an older record for this application never landed.
  try {
    fileSaltStore(saltFile).put(record, { replace: true });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const sealedEstimate = record.sealedEstimate;
  const receipt = await send(fund, `Committing an estimate for application ${id}`, () =>
    fund.rounds.connect(signer).commitEstimate(id, sealedEstimate),
  );
  const roundId = (await fund.rounds.application(id)).roundId;
  const summary: EstimateSummary = {
    applicationId: id,
    roundId,
    trustee: signer.address,
    estimateBps,
    salt,
    sealedEstimate,
    saltFile,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `${signer.address} committed a hidden estimate of ${estimateBps} bps for application #${id} (round ${roundId})`,
    `  salt ${salt}`,
    `  kept in ${saltFile}; reveal in the reveal phase with: hardhat estimate:reveal --application ${id}`,
  ]);
}

export interface RevealSummary {
  applicationId: bigint;
  trustee: string;
  estimateBps: number;
  revealCount: bigint;
  transaction: string;
}

export async function revealEstimate(
  args: RevealArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<RevealSummary> {
  const fund = await connectFund(hre, args.deployment);
  const id = await applicationId(fund, args.application);
  const signer = await actingAccount(
    fund.signers,
    args.from,
    trusteeWho(
      fund,
      `committed an estimate for application ${id} and has not revealed it`,
      async (address) => {
        const { sealedEstimate, revealed } = await fund.rounds.sealedEstimateOf(id, address);
        if (BigInt(sealedEstimate) === 0n) return `has not committed an estimate for application ${id}`;
        return revealed ? `has already revealed the estimate for application ${id}` : true;
      },
    ),
  );
  const saltFile = optional(args.saltFile) ?? defaultSaltFile(hre.config.paths.root);
  let stored;
  try {
    stored = fileSaltStore(saltFile).get({
      chainId: Number(fund.chainId),
      grantRounds: fund.addresses.GrantRounds as Address,
      trustee: signer.address as Address,
      applicationId: id,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (stored === undefined) {
    fail(
      `No salt for application ${id} by ${signer.address} on chain ${fund.chainId} in ${saltFile}: ` +
        `an estimate can only be revealed with the salt it was committed with (estimate:commit prints and stores it; ` +
        `the dashboard's export can be imported into this file)`,
    );
  }
  const onChain = (await fund.rounds.sealedEstimateOf(id, signer.address)).sealedEstimate;
  if (onChain.toLowerCase() !== stored.sealedEstimate.toLowerCase()) {
    fail(
      `The salt stored in ${saltFile} for application ${id} does not match ${signer.address}'s commitment on chain`,
    );
  }
  const receipt = await send(fund, `Revealing the estimate for application ${id}`, () =>
    fund.rounds.connect(signer).revealEstimate(id, stored.estimateBps, stored.salt),
  );
  const application = await fund.rounds.application(id);
  const summary: RevealSummary = {
    applicationId: id,
    trustee: signer.address,
    estimateBps: stored.estimateBps,
    revealCount: application.revealCount,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `${signer.address} revealed an estimate of ${stored.estimateBps} bps for application #${id}`,
    `  ${application.revealCount} estimate(s) revealed so far`,
  ]);
}

export interface FinalizedApplication {
  applicationId: bigint;
  funded: boolean;
  medianEstimateBps: bigint;
  revealCount: bigint;
  weight: bigint;
  transaction: string;
}

export interface FinalizeSummary {
  roundId: bigint;
  finalized: FinalizedApplication[];
  /** applications of the round still pending after this run */
  pending: bigint;
}

/** Fails unless `round`'s reveal phase is over (finalizing before that reverts anyway). */
function requireRevealsOver(round: RoundView, now: bigint, option: string): void {
  if (round.phase === "closed") fail(`--${option}: round ${round.id} was closed; nothing is finalized`);
  if (round.phase !== "finalizing" && round.phase !== "settled") {
    fail(
      `--${option}: round ${round.id} accepts reveals until ${isoTime(round.revealDeadline)} ` +
        `(now ${isoTime(now)}); finalize after that`,
    );
  }
}

async function finalizeOne(
  fund: Fund,
  signerIndex: string | undefined,
  id: bigint,
): Promise<FinalizedApplication> {
  const signer = await actingAccount(fund.signers, signerIndex, ANYONE);
  const receipt = await send(fund, `Finalizing application ${id}`, () =>
    fund.rounds.connect(signer).finalizeApplication(id),
  );
  const application = await fund.rounds.application(id);
  return {
    applicationId: id,
    funded: APPLICATION_STATUS[Number(application.status)] === "Funded",
    medianEstimateBps: application.medianEstimateBps,
    revealCount: application.revealCount,
    weight: application.weight,
    transaction: receipt.hash,
  };
}

export async function finalize(args: FinalizeArgs, hre: HardhatRuntimeEnvironment): Promise<FinalizeSummary> {
  const fund = await connectFund(hre, args.deployment);
  const byApplication = optional(args.application) !== undefined;
  const byRound = optional(args.round) !== undefined;
  if (byApplication === byRound) fail("Pass either --application <id> or --round <id> (not both)");
  await actingAccount(fund.signers, args.from, ANYONE);
  const now = await chainTime(fund);
  if (byApplication) {
    const id = await applicationId(fund, args.application);
    const application = await fund.rounds.application(id);
    const status = APPLICATION_STATUS[Number(application.status)];
    if (status !== "Pending") fail(`--application: application ${id} is already finalized (${status})`);
    requireRevealsOver(await readRound(fund, application.roundId, now), now, "application");
    const done = await finalizeOne(fund, args.from, id);
    const round = await fund.rounds.round(application.roundId);
    return report(args.json, {
      roundId: application.roundId,
      finalized: [done],
      pending: round.applicationCount - round.finalizedCount,
    });
  }
  const roundId = parseId("round", args.round, await fund.rounds.roundCount(), "round");
  const pageSize =
    optional(args.pageSize) === undefined ? 25 : Number(parseWhole("page-size", args.pageSize, 1n, 500n));
  const round = await readRound(fund, roundId, now);
  requireRevealsOver(round, now, "round");
  // The round's applications, from their submission events (the contracts keep no per-round list).
  const submitted = await fund.rounds.queryFilter(
    fund.rounds.filters.ApplicationSubmitted(undefined, roundId),
    0,
  );
  const ids = submitted.map((event) => event.args.applicationId);
  const finalized: FinalizedApplication[] = [];
  for (let start = 0; start < ids.length; start += pageSize) {
    const page = ids.slice(start, start + pageSize);
    const statuses = await Promise.all(page.map(async (id) => (await fund.rounds.application(id)).status));
    for (const [index, id] of page.entries()) {
      if (APPLICATION_STATUS[Number(statuses[index])] === "Pending")
        finalized.push(await finalizeOne(fund, args.from, id));
    }
  }
  const after = await fund.rounds.round(roundId);
  return report(args.json, { roundId, finalized, pending: after.applicationCount - after.finalizedCount });
}

function report(json: boolean, summary: FinalizeSummary): FinalizeSummary {
  return emit(json, summary, () => [
    summary.finalized.length === 0
      ? `Round ${summary.roundId}: no pending applications to finalize`
      : `Round ${summary.roundId}: finalized ${summary.finalized.length} application(s)`,
    ...summary.finalized.map(
      (done) =>
        `  #${done.applicationId}: ${done.funded ? "funded" : "not funded"} — median ${done.medianEstimateBps} bps from ${done.revealCount} estimate(s), weight ${done.weight}`,
    ),
    summary.pending === 0n
      ? `  every application is finalized: hardhat round:settle --round ${summary.roundId}`
      : `  ${summary.pending} application(s) still pending`,
  ]);
}

export interface SettleSummary {
  roundId: bigint;
  fundedCount: bigint;
  totalWeight: bigint;
  stipendReserved: bigint;
  settledAt: bigint;
  transaction: string;
}

export async function settle(args: SettleArgs, hre: HardhatRuntimeEnvironment): Promise<SettleSummary> {
  const fund = await connectFund(hre, args.deployment);
  const roundId = parseId("round", args.round, await fund.rounds.roundCount(), "round");
  const round = await readRound(fund, roundId, await chainTime(fund));
  if (round.phase === "settled")
    fail(`--round: round ${roundId} was already settled at ${isoTime(round.settledAt)}`);
  if (round.phase === "closed")
    fail(`--round: round ${roundId} was closed by the council; it cannot be settled`);
  if (round.finalized < round.applications) {
    fail(
      `--round: ${round.applications - round.finalized} of the ${round.applications} applications of round ${roundId} ` +
        `are not finalized yet; run hardhat round:finalize --round ${roundId}`,
    );
  }
  const signer = await actingAccount(fund.signers, args.from, ANYONE);
  const receipt = await send(fund, `Settling round ${roundId}`, () =>
    fund.rounds.connect(signer).settleRound(roundId),
  );
  const after = await fund.rounds.round(roundId);
  const summary: SettleSummary = {
    roundId,
    fundedCount: after.fundedCount,
    totalWeight: after.totalWeight,
    stipendReserved: after.stipendReserved,
    settledAt: after.settledAt,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `Round ${roundId} settled: ${after.fundedCount} funded application(s), total weight ${after.totalWeight}`,
    `  vesting runs from ${isoTime(after.settledAt)}; stipends reserved: ${formatAmount(after.stipendReserved, round.stipendAsset)}`,
  ]);
}

export interface TopUpSummary {
  roundId: bigint;
  added: bigint;
  stipendReserved: bigint;
  transaction: string;
}

/**
 * Tops up a settled round's stipend reserve from capital that became available later (anyone), e.g.
 * after an offering in the stipend asset settled. Possible only before the round's vesting cliff.
 */
export async function topUp(args: SettleArgs, hre: HardhatRuntimeEnvironment): Promise<TopUpSummary> {
  const fund = await connectFund(hre, args.deployment);
  const roundId = parseId("round", args.round, await fund.rounds.roundCount(), "round");
  const now = await chainTime(fund);
  const round = await readRound(fund, roundId, now);
  if (round.phase !== "settled")
    fail(`--round: round ${roundId} is not settled, so it has no stipends to top up`);
  if (round.vestingCliff === 0n || now >= round.settledAt + round.vestingCliff) {
    fail(
      `--round: round ${roundId}'s stipends are fixed: vesting began at ${isoTime(round.settledAt + round.vestingCliff)}`,
    );
  }
  const signer = await actingAccount(fund.signers, args.from, ANYONE);
  const receipt = await send(fund, `Topping up the stipends of round ${roundId}`, () =>
    fund.rounds.connect(signer).topUpStipends(roundId),
  );
  const after = await fund.rounds.round(roundId);
  const summary: TopUpSummary = {
    roundId,
    added: after.stipendReserved - round.stipendReserved,
    stipendReserved: after.stipendReserved,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `Round ${roundId}: ${formatAmount(summary.added, round.stipendAsset)} more reserved for stipends, ` +
      `${formatAmount(summary.stipendReserved, round.stipendAsset)} in all`,
  ]);
}
