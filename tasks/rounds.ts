// Trustee and keeper tasks of grant rounds: commit and reveal estimates (in batches), finalize (in
// batches), settle, and every trustee's public record in a round.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { type Address, type Hash, type Hex } from "viem";

import {
  commitEstimates as commitEstimatesSteps,
  finalizeApplications,
  revealEstimates as revealEstimatesSteps,
  settleRound,
  topUpStipends,
} from "@fef/sdk/actions/grants";
import { formatAmountExact as formatAmount } from "@fef/sdk/format";
import { grantRoundsAbi } from "@fef/sdk/generated/abis";
import { contractEventsSince } from "@fef/sdk/history";
import { readTrusteeRecords } from "@fef/sdk/lens";
import { defaultSaltFile, fileSaltStore } from "@fef/sdk/node/saltFile";
import { deriveSaltFromSecret, walletSaltSecret } from "@fef/sdk/saltSecret";
import { newSalt } from "@fef/sdk/seal";
import { EstimateStatus } from "@fef/sdk/status";
import type { Step } from "@fef/sdk/steps";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { optional, parseAmount, parseBps, parseBytes32, parseId, parseList, parseWhole } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, type Wallet, chainTime, connectFund } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import {
  type ApplicationView,
  type RoundView,
  fundView,
  readApplicationStates,
  readRound,
  roundIdOption,
} from "./lib/reads.js";
import { trusteeWho } from "./lib/roles.js";
import { send, sendEach, withSalts } from "./lib/send.js";

export interface CommitArgs extends CommonArgs {
  application?: string;
  probability?: string;
  effort?: string;
  stipend?: string;
  salt?: string;
  deriveSalt?: boolean;
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

export interface RecordArgs extends CommonArgs {
  round?: string;
}

export interface SettleArgs extends CommonArgs {
  round?: string;
}

export interface CommittedEstimate {
  applicationId: bigint;
  title: string;
  probabilityBps: number;
  effortMonths: number;
  stipend: bigint;
  salt: string;
  sealedEstimate: string;
}

export interface EstimateSummary {
  roundId: bigint;
  trustee: string;
  estimates: CommittedEstimate[];
  saltFile: string;
  transactions: string[];
}

/** `--application 3` or `--application 3,4,5`: existing applications, all of one round. */
async function applicationsOf(fund: Fund, given: string | undefined): Promise<ApplicationView[]> {
  const count = (await fundView(fund)).applicationCount;
  const ids = parseList("application", given);
  if (ids.length === 0) fail("--application: give one application id or a comma-separated list");
  for (const id of ids) parseId("application", id.toString(), count, "application");
  const applications = await readApplicationStates(fund, ids);
  const roundId = applications[0]?.roundId;
  const other = applications.find((a) => a.roundId !== roundId);
  if (other !== undefined)
    fail(`--application: #${other.id} is in round ${other.roundId}, not ${roundId}; a batch holds one round`);
  return applications;
}

/** The Fund and the applications `--application` names (see `applicationsOf`). */
async function chosenApplications(
  args: CommonArgs & { application?: string },
  hre: HardhatRuntimeEnvironment,
): Promise<{ fund: Fund; applications: ApplicationView[] }> {
  const fund = await connectFund(hre, args.deployment);
  return { fund, applications: await applicationsOf(fund, args.application) };
}

/** The title of application `id` among `applications` (as the estimate rows show it). */
function titleOf(applications: readonly ApplicationView[], id: bigint): string {
  return applications.find((a) => a.id === id)?.title ?? "";
}

/** One value per application: a single value applies to all, a list gives each its own. */
function perApplication(option: string, given: string | undefined, count: number): (string | undefined)[] {
  const values = optional(given)
    ?.split(",")
    .map((v) => v.trim());
  if (values === undefined) return Array.from({ length: count }, () => undefined);
  if (values.length === 1) return Array.from({ length: count }, () => values[0]);
  if (values.length !== count) fail(`--${option}: give one value, or one per application (${count})`);
  return values;
}

async function estimateOf(fund: Fund, id: bigint, trustee: Address) {
  return fund.client.readContract({
    address: fund.addresses.GrantRounds,
    abi: grantRoundsAbi,
    functionName: "estimateOf",
    args: [id, trustee],
  });
}

export async function commitEstimate(
  args: CommitArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<EstimateSummary> {
  const { fund, applications } = await chosenApplications(args, hre);
  const first = applications[0];
  if (first === undefined) fail("--application: nothing to commit");
  const round = await readRound(fund, first.roundId, await chainTime(fund));
  const probabilities = perApplication("probability", args.probability, applications.length);
  const efforts = perApplication("effort", args.effort, applications.length);
  const stipends = perApplication("stipend", args.stipend, applications.length);
  if (optional(args.salt) !== undefined && applications.length > 1)
    fail("--salt: only for a single application (or use --derive-salt)");
  if (optional(args.salt) !== undefined && args.deriveSalt)
    fail("Pass either --salt or --derive-salt, not both");
  const signer = await actingAccount(
    fund.wallets,
    args.from,
    trusteeWho(fund, `may still commit to every application given`, async (address) => {
      for (const application of applications) {
        if (application.researcher.toLowerCase() === address.toLowerCase())
          return `is the researcher of application ${application.id} (recused)`;
        const { status } = await estimateOf(fund, application.id, address);
        if (status !== EstimateStatus.None)
          return `has already committed an estimate for application ${application.id}`;
      }
      return true;
    }),
  );
  const trustee = signer.account.address;
  const chainId = Number(fund.chainId);
  // One signature of this wallet gives the secret every derived salt of this trustee comes from.
  const secret = args.deriveSalt
    ? await walletSaltSecret((typed) => signer.signTypedData({ ...typed, account: signer.account }), {
        chainId,
        grantRounds: fund.addresses.GrantRounds,
        trustee,
      })
    : undefined;
  const estimates = await Promise.all(
    applications.map(async (application, i) => {
      // Effort and stipend default to the declared values: the most they can count for.
      const effortMonths = Number(
        efforts[i] === undefined ? application.effortMonths : parseWhole("effort", efforts[i], 0n, 1200n),
      );
      const stipend =
        stipends[i] === undefined
          ? application.stipendRequested
          : parseAmount("stipend", stipends[i], round.stipendAsset.decimals, round.stipendAsset.symbol);
      const salt: Hex = secret
        ? deriveSaltFromSecret(secret, {
            chainId,
            grantRounds: fund.addresses.GrantRounds,
            trustee,
            applicationId: application.id,
          })
        : optional(args.salt) === undefined
          ? newSalt()
          : parseBytes32("salt", args.salt);
      return {
        applicationId: application.id,
        probabilityBps: Number(parseBps("probability", probabilities[i])),
        effortMonths,
        stipend,
        salt,
      };
    }),
  );
  const saltFile = optional(args.saltFile) ?? defaultSaltFile(hre.config.paths.root);
  // Sealed here, never by a call to the node: the estimates and salts stay on this machine until the
  // reveal. The builder stores the salt records before returning the steps, so a crash after sending
  // cannot lose them; nothing is committed on chain yet (checked above), so an older record for one of
  // these applications never landed and is replaced.
  const { steps, records } = await withSalts(() =>
    commitEstimatesSteps(fund.client, fund.addresses, fileSaltStore(saltFile), {
      chainId,
      trustee,
      estimates,
    }),
  );
  const transactions = await sendEach(fund, signer, steps);
  const summary: EstimateSummary = {
    roundId: first.roundId,
    trustee,
    estimates: records.map((r) => ({
      applicationId: r.applicationId,
      title: titleOf(applications, r.applicationId),
      probabilityBps: r.probabilityBps,
      effortMonths: r.effortMonths,
      stipend: r.stipend,
      salt: r.salt,
      sealedEstimate: r.sealedEstimate,
    })),
    saltFile,
    transactions,
  };
  const ids = records.map((r) => r.applicationId).join(",");
  return emit(args.json, summary, () => [
    `${trustee} committed ${records.length} hidden estimate(s) in round ${first.roundId}:`,
    ...records.map(
      (r) =>
        `  #${r.applicationId} "${titleOf(applications, r.applicationId)}": ${r.probabilityBps} bps, ${r.effortMonths} months, stipend ${formatAmount(r.stipend, round.stipendAsset)}`,
    ),
    `  salts kept in ${saltFile}${args.deriveSalt ? " (and derivable again from this wallet)" : ""}`,
    `  reveal in the reveal phase with: hardhat estimate:reveal --application ${ids}`,
  ]);
}

export interface RevealSummary {
  roundId: bigint;
  trustee: string;
  revealed: { applicationId: bigint; probabilityBps: number; effortMonths: number; stipend: bigint }[];
  transactions: string[];
}

export async function revealEstimate(
  args: RevealArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<RevealSummary> {
  const { fund, applications } = await chosenApplications(args, hre);
  const signer = await actingAccount(
    fund.wallets,
    args.from,
    trusteeWho(fund, `committed an unrevealed estimate for every application given`, async (address) => {
      for (const application of applications) {
        const { status } = await estimateOf(fund, application.id, address);
        if (status === EstimateStatus.Revealed)
          return `has already revealed the estimate for application ${application.id}`;
        if (status !== EstimateStatus.Committed)
          return `has no unrevealed estimate for application ${application.id}`;
      }
      return true;
    }),
  );
  const trustee = signer.account.address;
  const saltFile = optional(args.saltFile) ?? defaultSaltFile(hre.config.paths.root);
  const store = fileSaltStore(saltFile);
  const keys = applications.map((application) => ({
    chainId: Number(fund.chainId),
    grantRounds: fund.addresses.GrantRounds,
    trustee,
    applicationId: application.id,
  }));
  for (const key of keys) {
    const stored = await withSalts(() => store.get(key));
    if (stored === undefined) {
      fail(
        `No salt for application ${key.applicationId} by ${trustee} on chain ${fund.chainId} in ${saltFile}: ` +
          `an estimate can only be revealed with the salt it was committed with (estimate:commit stores it; ` +
          `the dashboard's export can be imported into this file with salts:import)`,
      );
    }
    const onChain = (await estimateOf(fund, key.applicationId, trustee)).sealedEstimate;
    if (onChain.toLowerCase() !== stored.sealedEstimate.toLowerCase()) {
      fail(
        `The salt stored in ${saltFile} for application ${key.applicationId} does not match ${trustee}'s sealed estimate on chain`,
      );
    }
  }
  const { steps, records } = await withSalts(() => revealEstimatesSteps(store, keys));
  const transactions = await sendEach(fund, signer, steps);
  const roundId = applications[0]?.roundId ?? 0n;
  const summary: RevealSummary = {
    roundId,
    trustee,
    revealed: records.map((r) => ({
      applicationId: r.applicationId,
      probabilityBps: r.probabilityBps,
      effortMonths: r.effortMonths,
      stipend: r.stipend,
    })),
    transactions,
  };
  return emit(args.json, summary, () => [
    `${trustee} revealed ${records.length} estimate(s) in round ${roundId}:`,
    ...records.map(
      (r) =>
        `  #${r.applicationId} "${titleOf(applications, r.applicationId)}": ${r.probabilityBps} bps, ${r.effortMonths} months, stipend ${r.stipend}`,
    ),
  ]);
}

export interface FinalizedApplication {
  applicationId: bigint;
  title: string;
  funded: boolean;
  medianProbabilityBps: bigint;
  medianEffortMonths: bigint;
  medianStipend: bigint;
  committedCount: bigint;
  revealedCount: bigint;
  weight: bigint;
}

export interface FinalizeSummary {
  roundId: bigint;
  finalized: FinalizedApplication[];
  transactions: string[];
  /** estimated applications of the round still pending after this run */
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

async function finalizeAll(
  fund: Fund,
  signer: Wallet,
  roundId: bigint,
  ids: readonly bigint[],
  json: boolean,
): Promise<FinalizeSummary> {
  const transactions =
    ids.length > 0 ? await sendEach(fund, signer, finalizeApplications(fund.addresses, ids)) : [];
  const finalized = (await readApplicationStates(fund, ids)).map((a) => ({
    applicationId: a.id,
    title: a.title,
    funded: a.statusName === "Funded",
    medianProbabilityBps: BigInt(a.medianProbabilityBps),
    medianEffortMonths: BigInt(a.medianEffortMonths),
    medianStipend: a.medianStipend,
    committedCount: BigInt(a.committedCount),
    revealedCount: BigInt(a.revealedCount),
    weight: a.weight,
  }));
  const after = await readRound(fund, roundId, await chainTime(fund));
  return report(json, { roundId, finalized, transactions, pending: after.estimated - after.finalized });
}

export async function finalize(args: FinalizeArgs, hre: HardhatRuntimeEnvironment): Promise<FinalizeSummary> {
  const fund = await connectFund(hre, args.deployment);
  const byApplication = optional(args.application) !== undefined;
  const byRound = optional(args.round) !== undefined;
  if (byApplication === byRound) fail("Pass either --application <id[,id…]> or --round <id> (not both)");
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const now = await chainTime(fund);
  if (byApplication) {
    const applications = await applicationsOf(fund, args.application);
    for (const application of applications) {
      if (!application.estimated)
        fail(`--application: no trustee estimated application ${application.id}; it needs no finalization`);
      if (application.statusName !== "Pending")
        fail(`--application: application ${application.id} is already finalized (${application.statusName})`);
    }
    const roundId = applications[0]?.roundId ?? 0n;
    requireRevealsOver(await readRound(fund, roundId, now), now, "application");
    return finalizeAll(
      fund,
      signer,
      roundId,
      applications.map((a) => a.id),
      args.json,
    );
  }
  const roundId = await roundIdOption(fund, args.round);
  const pageSize =
    optional(args.pageSize) === undefined ? 100 : Number(parseWhole("page-size", args.pageSize, 1n, 100n));
  const round = await readRound(fund, roundId, now);
  requireRevealsOver(round, now, "round");
  // The round's estimated applications, from the batched-commit events (the contracts keep no
  // per-round list); the ones nobody estimated need nothing.
  const commits = await contractEventsSince(
    fund.client,
    {
      address: fund.addresses.GrantRounds,
      abi: grantRoundsAbi,
      eventName: "EstimatesCommitted",
      args: { roundId },
    },
    fund.fromBlock,
  );
  const estimated = [...new Set(commits.flatMap((event) => event.args.applicationIds))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const pending: bigint[] = [];
  for (let start = 0; start < estimated.length; start += pageSize) {
    const page = await readApplicationStates(fund, estimated.slice(start, start + pageSize));
    for (const application of page) if (application.statusName === "Pending") pending.push(application.id);
  }
  return finalizeAll(fund, signer, roundId, pending, args.json);
}

function report(json: boolean, summary: FinalizeSummary): FinalizeSummary {
  return emit(json, summary, () => [
    summary.finalized.length === 0
      ? `Round ${summary.roundId}: no estimated application left to finalize`
      : `Round ${summary.roundId}: finalized ${summary.finalized.length} application(s) in ${summary.transactions.length} transaction(s)`,
    ...summary.finalized.map(
      (done) =>
        `  #${done.applicationId} "${done.title}": ${done.funded ? "funded" : "not funded"} — medians ${done.medianProbabilityBps} bps × ${done.medianEffortMonths} months, ` +
        `stipend ${done.medianStipend}, from ${done.revealedCount} of ${done.committedCount} sealed estimate(s); weight ${done.weight}`,
    ),
    summary.pending === 0n
      ? `  every estimated application is finalized: hardhat round:settle --round ${summary.roundId}`
      : `  ${summary.pending} estimated application(s) still pending`,
  ]);
}

export interface TrusteeRecordSummary {
  trustee: string;
  committed: bigint;
  revealed: bigint;
  missed: bigint;
  recused: bigint;
}

/** Every current trustee's public record in a round: committed, revealed, missed, recused. */
export async function record(
  args: RecordArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<{ roundId: bigint; records: TrusteeRecordSummary[] }> {
  const fund = await connectFund(hre, args.deployment);
  const roundId = await roundIdOption(fund, args.round);
  const rows = await readTrusteeRecords(fund.client, fund.addresses.FundLens, roundId);
  const records = rows.map((row) => ({ trustee: row.trustee, ...row.record }));
  return emit(args.json, { roundId, records }, () => [
    `Round ${roundId}: each trustee's record (missed counts once the reveal phase is over)`,
    ...records.map(
      (r) =>
        `  ${r.trustee}: committed ${r.committed}, revealed ${r.revealed}, missed ${r.missed}, recused ${r.recused}`,
    ),
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
  const { fund, roundId, round } = await chosenRound(args, hre);
  if (round.phase === "settled")
    fail(`--round: round ${roundId} was already settled at ${isoTime(round.settledAt)}`);
  if (round.phase === "closed")
    fail(`--round: round ${roundId} was closed by the council; it cannot be settled`);
  if (round.finalized < round.estimated) {
    fail(
      `--round: ${round.estimated - round.finalized} of the ${round.estimated} estimated applications of round ${roundId} ` +
        `are not finalized yet; run hardhat round:finalize --round ${roundId}`,
    );
  }
  const { after, transaction } = await sendForRound(fund, args, roundId, settleRound);
  const summary: SettleSummary = {
    roundId,
    fundedCount: after.funded,
    totalWeight: after.totalWeight,
    stipendReserved: after.stipendReserved,
    settledAt: after.settledAt,
    transaction,
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
  const { fund, roundId, round, now } = await chosenRound(args, hre);
  if (round.phase !== "settled")
    fail(`--round: round ${roundId} is not settled, so it has no stipends to top up`);
  if (round.vestingCliff === 0n || now >= round.settledAt + round.vestingCliff) {
    fail(
      `--round: round ${roundId}'s stipends are fixed: vesting began at ${isoTime(round.settledAt + round.vestingCliff)}`,
    );
  }
  const { after, transaction } = await sendForRound(fund, args, roundId, topUpStipends);
  const summary: TopUpSummary = {
    roundId,
    added: after.stipendReserved - round.stipendReserved,
    stipendReserved: after.stipendReserved,
    transaction,
  };
  return emit(args.json, summary, () => [
    `Round ${roundId}: ${formatAmount(summary.added, round.stipendAsset)} more reserved for stipends, ` +
      `${formatAmount(summary.stipendReserved, round.stipendAsset)} in all`,
  ]);
}

/** The Fund, the round `--round` names, the chain's clock, and that round as it is now. */
async function chosenRound(
  args: SettleArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<{ fund: Fund; roundId: bigint; round: RoundView; now: bigint }> {
  const fund = await connectFund(hre, args.deployment);
  const roundId = await roundIdOption(fund, args.round);
  const now = await chainTime(fund);
  return { fund, roundId, round: await readRound(fund, roundId, now), now };
}

/**
 * Anyone (or `--from`) sends the steps `action` builds for round `roundId`; the transaction and the round
 * as it is after them.
 */
async function sendForRound(
  fund: Fund,
  args: SettleArgs,
  roundId: bigint,
  action: (addresses: Fund["addresses"], roundId: bigint) => readonly Step[],
): Promise<{ after: RoundView; transaction: Hash }> {
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(fund, signer, action(fund.addresses, roundId));
  return { after: await readRound(fund, roundId, await chainTime(fund)), transaction: sent.transaction };
}
