// Trustee and keeper tasks of grant rounds: commit and reveal estimates, finalize, settle.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { type Hex, zeroHash } from "viem";

import {
  commitEstimate as commitEstimateSteps,
  finalizeApplication,
  revealEstimate as revealEstimateSteps,
  settleRound,
  topUpStipends,
} from "@fef/sdk/actions/grants";
import { formatAmountExact as formatAmount } from "@fef/sdk/format";
import { grantRoundsAbi } from "@fef/sdk/generated/abis";
import { defaultSaltFile, fileSaltStore } from "@fef/sdk/node/saltFile";
import { newSalt } from "@fef/sdk/seal";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { optional, parseBps, parseBytes32, parseId, parseWhole } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, type Wallet, chainTime, connectFund } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import { type RoundView, fundView, readApplication, readApplications, readRound } from "./lib/reads.js";
import { trusteeWho } from "./lib/roles.js";
import { send, withSalts } from "./lib/send.js";

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
  return parseId("application", given, (await fundView(fund)).applicationCount, "application");
}

/** `trustee`'s sealed estimate for application `id` (zero when none) and whether it was revealed. */
async function sealedEstimateOf(fund: Fund, id: bigint, trustee: Hex) {
  const [sealedEstimate, revealed] = await fund.client.readContract({
    address: fund.addresses.GrantRounds,
    abi: grantRoundsAbi,
    functionName: "sealedEstimateOf",
    args: [id, trustee],
  });
  return { sealedEstimate, revealed };
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
    fund.wallets,
    args.from,
    trusteeWho(fund, `has not committed an estimate for application ${id}`, async (address) =>
      (await sealedEstimateOf(fund, id, address)).sealedEstimate === zeroHash
        ? true
        : `has already committed an estimate for application ${id}`,
    ),
  );
  const saltFile = optional(args.saltFile) ?? defaultSaltFile(hre.config.paths.root);
  // Sealed here, never by a call to the node: the estimate and the salt stay on this machine until the
  // reveal. The builder stores the salt record before returning the step, so a crash after sending
  // cannot lose it; nothing is committed on chain yet (checked above), so an older record for this
  // application never landed and is replaced.
  const { steps, record } = await withSalts(() =>
    commitEstimateSteps(fund.client, fund.addresses, fileSaltStore(saltFile), {
      chainId: Number(fund.chainId),
      trustee: signer.account.address,
      applicationId: id,
      estimateBps,
      salt,
    }),
  );
  const sent = await send(fund, signer, steps);
  const { roundId } = await readApplication(fund, id);
  const summary: EstimateSummary = {
    applicationId: id,
    roundId,
    trustee: signer.account.address,
    estimateBps,
    salt,
    sealedEstimate: record.sealedEstimate,
    saltFile,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `${signer.account.address} committed a hidden estimate of ${estimateBps} bps for application #${id} (round ${roundId})`,
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
    fund.wallets,
    args.from,
    trusteeWho(
      fund,
      `committed an estimate for application ${id} and has not revealed it`,
      async (address) => {
        const { sealedEstimate, revealed } = await sealedEstimateOf(fund, id, address);
        if (sealedEstimate === zeroHash) return `has not committed an estimate for application ${id}`;
        return revealed ? `has already revealed the estimate for application ${id}` : true;
      },
    ),
  );
  const trusteeAddress = signer.account.address;
  const saltFile = optional(args.saltFile) ?? defaultSaltFile(hre.config.paths.root);
  const store = fileSaltStore(saltFile);
  const key = {
    chainId: Number(fund.chainId),
    grantRounds: fund.addresses.GrantRounds,
    trustee: trusteeAddress,
    applicationId: id,
  };
  const stored = await withSalts(() => store.get(key));
  if (stored === undefined) {
    fail(
      `No salt for application ${id} by ${trusteeAddress} on chain ${fund.chainId} in ${saltFile}: ` +
        `an estimate can only be revealed with the salt it was committed with (estimate:commit prints and stores it; ` +
        `the dashboard's export can be imported into this file with salts:import)`,
    );
  }
  const onChain = (await sealedEstimateOf(fund, id, trusteeAddress)).sealedEstimate;
  if (onChain.toLowerCase() !== stored.sealedEstimate.toLowerCase()) {
    fail(
      `The salt stored in ${saltFile} for application ${id} does not match ${trusteeAddress}'s sealed estimate on chain`,
    );
  }
  const { steps } = await withSalts(() => revealEstimateSteps(store, key));
  const sent = await send(fund, signer, steps);
  const application = await readApplication(fund, id);
  const revealCount = BigInt(application.revealCount);
  const summary: RevealSummary = {
    applicationId: id,
    trustee: trusteeAddress,
    estimateBps: stored.estimateBps,
    revealCount,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `${trusteeAddress} revealed an estimate of ${stored.estimateBps} bps for application #${id}`,
    `  ${revealCount} estimate(s) revealed so far`,
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

async function finalizeOne(fund: Fund, signer: Wallet, id: bigint): Promise<FinalizedApplication> {
  const sent = await send(fund, signer, finalizeApplication(fund.addresses, id));
  const application = await readApplication(fund, id);
  return {
    applicationId: id,
    funded: application.statusName === "Funded",
    medianEstimateBps: BigInt(application.medianEstimateBps),
    revealCount: BigInt(application.revealCount),
    weight: application.weight,
    transaction: sent.transaction,
  };
}

export async function finalize(args: FinalizeArgs, hre: HardhatRuntimeEnvironment): Promise<FinalizeSummary> {
  const fund = await connectFund(hre, args.deployment);
  const byApplication = optional(args.application) !== undefined;
  const byRound = optional(args.round) !== undefined;
  if (byApplication === byRound) fail("Pass either --application <id> or --round <id> (not both)");
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const now = await chainTime(fund);
  if (byApplication) {
    const id = await applicationId(fund, args.application);
    const application = await readApplication(fund, id);
    const status = application.statusName;
    if (status !== "Pending") fail(`--application: application ${id} is already finalized (${status})`);
    requireRevealsOver(await readRound(fund, application.roundId, now), now, "application");
    const done = await finalizeOne(fund, signer, id);
    const round = await readRound(fund, application.roundId, now);
    return report(args.json, {
      roundId: application.roundId,
      finalized: [done],
      pending: round.applications - round.finalized,
    });
  }
  const roundId = parseId("round", args.round, (await fundView(fund)).roundCount, "round");
  const pageSize =
    optional(args.pageSize) === undefined ? 25 : Number(parseWhole("page-size", args.pageSize, 1n, 500n));
  const round = await readRound(fund, roundId, now);
  requireRevealsOver(round, now, "round");
  // The round's applications, from their submission events (the contracts keep no per-round list).
  const submitted = await fund.client.getContractEvents({
    address: fund.addresses.GrantRounds,
    abi: grantRoundsAbi,
    eventName: "ApplicationSubmitted",
    args: { roundId },
    fromBlock: 0n,
    strict: true,
  });
  const ids = submitted.map((event) => event.args.applicationId);
  const finalized: FinalizedApplication[] = [];
  for (let start = 0; start < ids.length; start += pageSize) {
    const page = await readApplications(fund, ids.slice(start, start + pageSize));
    for (const application of page) {
      if (application.statusName === "Pending")
        finalized.push(await finalizeOne(fund, signer, application.id));
    }
  }
  const after = await readRound(fund, roundId, await chainTime(fund));
  return report(args.json, { roundId, finalized, pending: after.applications - after.finalized });
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
  const roundId = parseId("round", args.round, (await fundView(fund)).roundCount, "round");
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
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(fund, signer, settleRound(fund.addresses, roundId));
  const after = await readRound(fund, roundId, await chainTime(fund));
  const summary: SettleSummary = {
    roundId,
    fundedCount: after.funded,
    totalWeight: after.totalWeight,
    stipendReserved: after.stipendReserved,
    settledAt: after.settledAt,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Round ${roundId} settled: ${after.funded} funded application(s), total weight ${after.totalWeight}`,
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
  const roundId = parseId("round", args.round, (await fundView(fund)).roundCount, "round");
  const now = await chainTime(fund);
  const round = await readRound(fund, roundId, now);
  if (round.phase !== "settled")
    fail(`--round: round ${roundId} is not settled, so it has no stipends to top up`);
  if (round.vestingCliff === 0n || now >= round.settledAt + round.vestingCliff) {
    fail(
      `--round: round ${roundId}'s stipends are fixed: vesting began at ${isoTime(round.settledAt + round.vestingCliff)}`,
    );
  }
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(fund, signer, topUpStipends(fund.addresses, roundId));
  const after = await readRound(fund, roundId, await chainTime(fund));
  const summary: TopUpSummary = {
    roundId,
    added: after.stipendReserved - round.stipendReserved,
    stipendReserved: after.stipendReserved,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Round ${roundId}: ${formatAmount(summary.added, round.stipendAsset)} more reserved for stipends, ` +
      `${formatAmount(summary.stipendReserved, round.stipendAsset)} in all`,
  ]);
}
