// Company tasks: register, sign and submit a Promise of Future Returns, report and pay a period,
// show a company's compliance record.
import { TypedDataEncoder, ZeroAddress, ZeroHash, keccak256, toUtf8Bytes } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { mutablePromiseTypes, promiseTypedData, type PromiseTerms } from "@fef/sdk/promise";
import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmountExact as formatAmount } from "@fef/sdk/format";
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
import { type CommonArgs, type Fund, chainTime, connectFund, balanceOf, returnsAsset } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import {
  type CompanyView,
  type ComplianceView,
  complianceOf,
  readCommitment,
  readCompany,
} from "./lib/reads.js";
import { companySigner } from "./lib/roles.js";
import { findEvent, send } from "./lib/send.js";

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

export async function register(args: RegisterArgs, hre: HardhatRuntimeEnvironment): Promise<RegisterSummary> {
  const fund = await connectFund(hre, args.deployment);
  const name = required("name", args.name);
  const uri = required("uri", args.uri);
  const adminGiven = optional(args.admin);
  const admin = adminGiven === undefined ? undefined : parseAddress("admin", adminGiven);
  const signer = await actingAccount(fund.signers, args.from, ANYONE);
  const companyAdmin = admin ?? signer.address;
  const receipt = await send(fund, `Registering company "${name}"`, () =>
    fund.registry.connect(signer).registerCompany(name, uri, companyAdmin),
  );
  const event = findEvent(
    receipt,
    fund.registry.interface,
    fund.addresses.ReturnsRegistry,
    "CompanyRegistered",
  );
  const companyId = BigInt(event.args.getValue("companyId"));
  const summary: RegisterSummary = {
    companyId,
    name,
    uri,
    admin: companyAdmin,
    registeredBy: signer.address,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `Company #${companyId} "${name}" registered; admin ${companyAdmin}`,
  ]);
}

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

async function companyId(fund: Fund, given: string | undefined): Promise<bigint> {
  return parseId("company", given, await fund.registry.companyCount(), "company");
}

export async function submitPromise(
  args: SubmitArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<SubmitSummary> {
  const fund = await connectFund(hre, args.deployment);
  const company = await companyId(fund, args.company);
  const techniqueIds = parseList("techniques", args.techniques);
  const techniqueCount = await fund.registry.techniqueCount();
  for (const [index, id] of techniqueIds.entries()) {
    if (id === 0n || id > techniqueCount) {
      fail(
        `--techniques: technique ${id} does not exist (${techniqueCount === 0n ? "none are registered yet" : `ids run from 1 to ${techniqueCount}`})`,
      );
    }
    if (techniqueIds.indexOf(id) !== index) fail(`--techniques: technique ${id} is listed twice`);
    if ((await fund.registry.technique(id)).retired) fail(`--techniques: technique ${id} is retired`);
  }
  const modelName = required("model", args.model);
  const modelHash =
    optional(args.modelHash) === undefined
      ? keccak256(toUtf8Bytes(modelName))
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
  const signer = await actingAccount(fund.signers, args.from, companySigner(fund, company));
  const nonce = await chooseNonce(fund, company, args.nonce);

  const terms = {
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
  const typed = promiseTypedData(
    fund.chainId,
    fund.addresses.ReturnsRegistry as Address,
    terms as PromiseTerms,
  );
  const digest = TypedDataEncoder.hash(typed.domain, mutablePromiseTypes(), typed.message);
  if (digest !== (await fund.registry.commitmentDigest(terms))) {
    fail(
      "The registry's EIP-712 digest differs from the typed data built here (domain or type out of date in packages/sdk/src/promise.ts)",
    );
  }
  // Signed exactly as a wallet would (eth_signTypedData_v4 on a node account).
  const signature = await signer.signTypedData(typed.domain, mutablePromiseTypes(), typed.message);
  const receipt = await send(fund, `Submitting the Promise of Future Returns of company ${company}`, () =>
    fund.registry.connect(signer).submitCommitment(terms, signer.address, signature),
  );
  const event = findEvent(
    receipt,
    fund.registry.interface,
    fund.addresses.ReturnsRegistry,
    "CommitmentRegistered",
  );
  const commitmentId = BigInt(event.args.getValue("commitmentId"));
  const stored = await fund.registry.commitment(commitmentId);
  const summary: SubmitSummary = {
    commitmentId,
    companyId: company,
    signer: signer.address,
    terms: terms as PromiseTerms & { techniqueIds: bigint[] },
    digest,
    signature,
    periodCount: stored.periodCount,
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `Promise of Future Returns #${commitmentId} registered for company ${company}, signed by ${signer.address}`,
    `  ${returnsShareBps / 100}% of the returns of ${modelName} (techniques ${techniqueIds.join(", ")})`,
    `  ${stored.periodCount} period(s) of ${Number(periodLength) / 86_400} day(s) from ${isoTime(start)} to ${isoTime(end)}, grace ${Number(gracePeriod) / 86_400} day(s)`,
  ]);
}

async function chooseNonce(fund: Fund, company: bigint, given: string | undefined): Promise<bigint> {
  if (optional(given) !== undefined) {
    const nonce = parseWhole("nonce", given);
    if (await fund.registry.nonceUsed(company, nonce))
      fail(`--nonce: nonce ${nonce} of company ${company} is already used`);
    return nonce;
  }
  for (let nonce = 1n; nonce <= NONCE_SEARCH; nonce++) {
    if (!(await fund.registry.nonceUsed(company, nonce))) return nonce;
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

export async function reportReturns(
  args: ReportArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<ReportSummary> {
  const fund = await connectFund(hre, args.deployment);
  const id = parseId("commitment", args.commitment, await fund.registry.commitmentCount(), "commitment");
  const commitment = await fund.registry.commitment(id);
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
  const evidenceHash =
    optional(args.evidence) === undefined ? ZeroHash : hashOrText("evidence", args.evidence);
  const signer = await actingAccount(fund.signers, args.from, companySigner(fund, commitment.companyId));
  const due = await fund.registry.dueAmount(id, grossReturns);
  const balance = await balanceOf(fund, asset.asset, signer.address);
  if (balance < due) {
    fail(
      `--from ${signer.address}: holds ${formatAmount(balance, asset)}, but the Fund's share of ${formatAmount(grossReturns, asset)} is ${formatAmount(due, asset)}`,
    );
  }
  let approval: string | undefined;
  if (asset.asset !== ZeroAddress && due > 0n) {
    const token = await fund.ethers.getContractAt("TestToken", asset.asset);
    if ((await token.allowance(signer.address, fund.addresses.ReturnsRegistry)) < due) {
      const approved = await send(
        fund,
        `Approving ${formatAmount(due, asset)} for the returns registry`,
        () => token.connect(signer).approve(fund.addresses.ReturnsRegistry, due),
      );
      approval = approved.hash;
    }
  }
  const receipt = await send(fund, `Reporting period ${period} of commitment ${id}`, () =>
    fund.registry.connect(signer).reportReturns(id, period, asset.asset, grossReturns, evidenceHash, {
      value: asset.asset === ZeroAddress ? due : 0n,
    }),
  );
  const event = findEvent(
    receipt,
    fund.registry.interface,
    fund.addresses.ReturnsRegistry,
    "ReturnsReported",
  );
  const view = await readCommitment(fund, id);
  const summary: ReportSummary = {
    commitmentId: id,
    period,
    asset,
    grossReturns,
    paid: BigInt(event.args.getValue("paid")),
    evidenceHash,
    reporter: signer.address,
    ...(approval === undefined ? {} : { approval }),
    compliance: complianceOf(view),
    transaction: receipt.hash,
  };
  return emit(args.json, summary, () => [
    `Period ${period} of commitment #${id} reported by ${signer.address}: gross ${formatAmount(grossReturns, asset)}, paid ${formatAmount(summary.paid, asset)} to the Fund`,
    `  compliance: ${complianceLine(view)}`,
  ]);
}

export type CompanyStatusSummary = CompanyView;

export async function companyStatus(
  args: CompanyArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<CompanyStatusSummary> {
  const fund = await connectFund(hre, args.deployment);
  const summary = await readCompany(fund, await companyId(fund, args.company));
  return emit(args.json, summary, () => companyLines(summary));
}

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
