// Company tasks: register, sign and submit a Promise of Future Returns, report and pay a period,
// show a company's compliance record.
import { type Hex, hashTypedData, keccak256, stringToHex, zeroHash } from "viem";

import {
  registerCompany,
  reportReturns as reportReturnsSteps,
  submitCommitment,
} from "@fef/sdk/actions/returns";
import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmountExact as formatAmount } from "@fef/sdk/format";
import { returnsRegistryAbi } from "@fef/sdk/generated/abis";
import { type PromiseTerms, promiseTypedData } from "@fef/sdk/promise";
import { complianceLine } from "@fef/sdk/status";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import {
  hashOrText,
  optional,
  parseAddress,
  parseAmount,
  parseAsset,
  parseBytes32,
  parseDays,
  parseId,
  parseList,
  parseTime,
  parseWhole,
  required,
} from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, chainTime, fundAction, balanceOf, returnsAsset } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import {
  type CompanyView,
  type ComplianceView,
  complianceOf,
  fundView,
  readCommitment,
  readCompany,
} from "./lib/reads.js";
import { companySigner } from "./lib/roles.js";
import { fundEvent, send } from "./lib/send.js";

const DAY = 86_400n;
/** How far ahead `pfr:submit` looks for an unused nonce when none is given. */
const NONCE_SEARCH = 1_000n;

export interface RegisterArgs extends CommonArgs {
  name?: string;
  uri?: string;
  admin?: string;
}

export interface SubmitArgs extends CommonArgs {
  company?: string;
  techniques?: string;
  model?: string;
  modelHash?: string;
  bps?: string;
  start?: string;
  end?: string;
  periodDays?: string;
  graceDays?: string;
  nonce?: string;
  deadline?: string;
}

export interface ReportArgs extends CommonArgs {
  commitment?: string;
  period?: string;
  asset?: string;
  gross?: string;
  evidence?: string;
}

export interface CompanyArgs extends CommonArgs {
  company?: string;
}

export interface RegisterSummary {
  companyId: bigint;
  name: string;
  uri: string;
  admin: string;
  registeredBy: string;
  transaction: string;
}

export const register = fundAction(async (fund, args: RegisterArgs): Promise<RegisterSummary> => {
  const name = required("name", args.name);
  const uri = required("uri", args.uri);
  const adminGiven = optional(args.admin);
  const admin = adminGiven === undefined ? undefined : parseAddress("admin", adminGiven);
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const companyAdmin = admin ?? signer.account.address;
  const sent = await send(fund, signer, registerCompany(fund.addresses, { name, uri, admin: companyAdmin }));
  const event = fundEvent(fund, sent, "ReturnsRegistry", "CompanyRegistered");
  const companyId = event.args.companyId;
  const summary: RegisterSummary = {
    companyId,
    name,
    uri,
    admin: companyAdmin,
    registeredBy: signer.account.address,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Company #${companyId} "${name}" registered; admin ${companyAdmin}`,
  ]);
});

export interface SubmitSummary {
  commitmentId: bigint;
  companyId: bigint;
  signer: string;
  terms: PromiseTerms & { techniqueIds: bigint[] };
  digest: string;
  signature: string;
  periodCount: bigint;
  transaction: string;
}

const registry = (fund: Fund) =>
  ({ address: fund.addresses.ReturnsRegistry, abi: returnsRegistryAbi }) as const;

async function companyId(fund: Fund, given: string | undefined): Promise<bigint> {
  return parseId("company", given, (await fundView(fund)).companyCount, "company");
}

export const submitPromise = fundAction(async (fund, args: SubmitArgs): Promise<SubmitSummary> => {
  const company = await companyId(fund, args.company);
  const techniqueIds = parseList("techniques", args.techniques);
  const { techniqueCount } = await fundView(fund);
  for (const [index, id] of techniqueIds.entries()) {
    if (id === 0n || id > techniqueCount) {
      fail(
        `--techniques: technique ${id} does not exist (${techniqueCount === 0n ? "none are registered yet" : `ids run from 1 to ${techniqueCount}`})`,
      );
    }
    if (techniqueIds.indexOf(id) !== index) fail(`--techniques: technique ${id} is listed twice`);
    const technique = await fund.client.readContract({
      ...registry(fund),
      functionName: "technique",
      args: [id],
    });
    if (technique.retired) fail(`--techniques: technique ${id} is retired`);
  }
  const modelName = required("model", args.model);
  const modelHash =
    optional(args.modelHash) === undefined
      ? keccak256(stringToHex(modelName))
      : parseBytes32("model-hash", args.modelHash);
  const returnsShareBps = Number(parseWhole("bps", args.bps, 1n, 10_000n));
  const start = parseTime("start", args.start);
  const end = parseTime("end", args.end);
  if (end <= start) fail(`--end: ${isoTime(end)} is not after --start ${isoTime(start)}`);
  const periodLength = parseDays("period-days", args.periodDays);
  if (periodLength === 0n) fail("--period-days: must be greater than zero");
  if (end - start < periodLength)
    fail(`--period-days: the term from --start to --end is shorter than one period`);
  const gracePeriod = parseDays("grace-days", optional(args.graceDays) ?? "0");
  const now = await chainTime(fund);
  const deadline = optional(args.deadline) === undefined ? now + DAY : parseTime("deadline", args.deadline);
  if (deadline < now)
    fail(`--deadline: ${isoTime(deadline)} has already passed (chain time ${isoTime(now)})`);
  const signer = await actingAccount(fund.wallets, args.from, companySigner(fund, company));
  const signerAddress = signer.account.address;
  const nonce = await chooseNonce(fund, company, args.nonce);

  const terms: PromiseTerms & { techniqueIds: bigint[] } = {
    companyId: company,
    techniqueIds,
    modelName,
    modelHash,
    returnsShareBps,
    start,
    end,
    periodLength,
    gracePeriod,
    nonce,
    deadline,
  };
  const typed = promiseTypedData(fund.chainId, fund.addresses.ReturnsRegistry, terms);
  const digest = hashTypedData(typed);
  const onChainDigest = await fund.client.readContract({
    ...registry(fund),
    functionName: "commitmentDigest",
    args: [terms],
  });
  if (digest !== onChainDigest) {
    fail(
      "The registry's EIP-712 digest differs from the typed data built here (domain or type out of date in packages/sdk/src/promise.ts)",
    );
  }
  // Signed exactly as a wallet would (eth_signTypedData_v4 on a node account).
  const signature = await signer.signTypedData(typed);
  const sent = await send(
    fund,
    signer,
    submitCommitment(fund.addresses, { terms, signer: signerAddress, signature }),
  );
  const event = fundEvent(fund, sent, "ReturnsRegistry", "CommitmentRegistered");
  const commitmentId = event.args.commitmentId;
  const stored = await readCommitment(fund, commitmentId);
  const summary: SubmitSummary = {
    commitmentId,
    companyId: company,
    signer: signerAddress,
    terms,
    digest,
    signature,
    periodCount: stored.periodCount,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Promise of Future Returns #${commitmentId} registered for company ${company}, signed by ${signerAddress}`,
    `  ${returnsShareBps / 100}% of the returns of ${modelName} (techniques ${techniqueIds.join(", ")})`,
    `  ${stored.periodCount} period(s) of ${Number(periodLength) / 86_400} day(s) from ${isoTime(start)} to ${isoTime(end)}, grace ${Number(gracePeriod) / 86_400} day(s)`,
  ]);
});

function nonceUsed(fund: Fund, company: bigint, nonce: bigint): Promise<boolean> {
  return fund.client.readContract({ ...registry(fund), functionName: "nonceUsed", args: [company, nonce] });
}

async function chooseNonce(fund: Fund, company: bigint, given: string | undefined): Promise<bigint> {
  if (optional(given) !== undefined) {
    const nonce = parseWhole("nonce", given);
    if (await nonceUsed(fund, company, nonce))
      fail(`--nonce: nonce ${nonce} of company ${company} is already used`);
    return nonce;
  }
  for (let nonce = 1n; nonce <= NONCE_SEARCH; nonce++) {
    if (!(await nonceUsed(fund, company, nonce))) return nonce;
  }
  return fail(`Nonces 1 to ${NONCE_SEARCH} of company ${company} are used; pass --nonce`);
}

export interface ReportSummary {
  commitmentId: bigint;
  period: bigint;
  asset: AssetInfo;
  grossReturns: bigint;
  paid: bigint;
  evidenceHash: string;
  reporter: string;
  approval?: string;
  compliance: ComplianceView;
  transaction: string;
}

export const reportReturns = fundAction(async (fund, args: ReportArgs): Promise<ReportSummary> => {
  const id = parseId("commitment", args.commitment, (await fundView(fund)).commitmentCount, "commitment");
  const commitment = await readCommitment(fund, id);
  const period =
    optional(args.period) === undefined ? commitment.reportedCount : parseWhole("period", args.period);
  if (period >= commitment.periodCount) {
    fail(
      `--period: commitment ${id} has periods 0 to ${commitment.periodCount - 1n}; ${period} is not one of them`,
    );
  }
  if (period !== commitment.reportedCount) {
    fail(
      period < commitment.reportedCount
        ? `--period: period ${period} of commitment ${id} is already reported; the next one is ${commitment.reportedCount}`
        : `--period: periods are reported in order; the next one of commitment ${id} is ${commitment.reportedCount}`,
    );
  }
  const asset = await returnsAsset(fund, "asset", parseAsset("asset", args.asset));
  const grossReturns = parseAmount("gross", args.gross, asset.decimals, asset.symbol);
  const evidenceHash: Hex =
    optional(args.evidence) === undefined ? zeroHash : hashOrText("evidence", args.evidence);
  const signer = await actingAccount(fund.wallets, args.from, companySigner(fund, commitment.companyId));
  const reporter = signer.account.address;
  const due = await fund.client.readContract({
    ...registry(fund),
    functionName: "dueAmount",
    args: [id, grossReturns],
  });
  const balance = await balanceOf(fund, asset.asset, reporter);
  if (balance < due) {
    fail(
      `--from ${reporter}: holds ${formatAmount(balance, asset)}, but the Fund's share of ${formatAmount(grossReturns, asset)} is ${formatAmount(due, asset)}`,
    );
  }
  // Approves exactly what is due first when it is paid in an ERC-20 and the allowance is short.
  const steps = await reportReturnsSteps(fund.client, fund.addresses, {
    payer: reporter,
    commitmentId: id,
    period,
    asset: asset.asset,
    grossReturns,
    evidenceHash,
  });
  const sent = await send(fund, signer, steps);
  const event = fundEvent(fund, sent, "ReturnsRegistry", "ReturnsReported");
  const view = await readCommitment(fund, id);
  const summary: ReportSummary = {
    commitmentId: id,
    period,
    asset,
    grossReturns,
    paid: event.args.paid,
    evidenceHash,
    reporter,
    ...(sent.approval === undefined ? {} : { approval: sent.approval }),
    compliance: complianceOf(view),
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Period ${period} of commitment #${id} reported by ${reporter}: gross ${formatAmount(grossReturns, asset)}, paid ${formatAmount(summary.paid, asset)} to the Fund`,
    `  compliance: ${complianceLine(view)}`,
  ]);
});

export type CompanyStatusSummary = CompanyView;

export const companyStatus = fundAction(async (fund, args: CompanyArgs): Promise<CompanyStatusSummary> => {
  const summary = await readCompany(fund, await companyId(fund, args.company));
  return emit(args.json, summary, () => companyLines(summary));
});

/** A company and its commitments' compliance, for human output. */
export function companyLines(company: CompanyView): string[] {
  return [
    `Company #${company.id} "${company.name}" (${company.uri}), admin ${company.admin}, registered ${isoTime(company.registeredAt)}`,
    company.commitments.length === 0
      ? "  no Promises of Future Returns yet"
      : `  ${company.commitments.length} Promise(s) of Future Returns:`,
    ...company.commitments.map(
      (commitment) =>
        `  #${commitment.id} ${commitment.modelName}: ${Number(commitment.returnsShareBps) / 100}%, ` +
        `${commitment.reportedCount}/${commitment.periodCount} periods reported — ${complianceLine(commitment)}`,
    ),
  ];
}
