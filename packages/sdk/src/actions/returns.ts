// Companies register, manage signers, submit signed Promises and report (and pay) returns; anyone donates.
import type { Address, Hex, PublicClient } from "viem";

import { isEth, readAsset, type AssetInfo } from "../assets.ts";
import type { FundAddresses } from "../deployments.ts";
import { formatAmount } from "../format.ts";
import { returnsRegistryAbi } from "../generated/abis.ts";
import type { SignedPromise } from "../promise.ts";
import { singleStep, step, type Step } from "../steps.ts";
import { approvalSteps } from "./approve.ts";

type Registry = Pick<FundAddresses, "ReturnsRegistry">;
const registryStep = singleStep(returnsRegistryAbi);

/** `ReturnsRegistry.registerCompany(name, uri, admin)`. Anyone (the admin manages the company). */
export function registerCompany(
  fund: Registry,
  c: { readonly name: string; readonly uri: string; readonly admin: Address },
): Step[] {
  return registryStep(fund.ReturnsRegistry, `Register company “${c.name}”`, "registerCompany", [
    c.name,
    c.uri,
    c.admin,
  ]);
}

/** `ReturnsRegistry.setCompanyAdmin`: hand the company to a new admin. The company's admin. */
export function setCompanyAdmin(fund: Registry, companyId: bigint, admin: Address): Step[] {
  return registryStep(
    fund.ReturnsRegistry,
    `Make ${admin} the admin of company #${companyId}`,
    "setCompanyAdmin",
    [companyId, admin],
  );
}

/**
 * `ReturnsRegistry.invalidateNonce(companyId, nonce)`: a signed Promise with this nonce can no longer
 * be submitted (re-sign under a new nonce). A company signer, before submission.
 */
export function invalidateNonce(fund: Registry, companyId: bigint, nonce: bigint): Step[] {
  return registryStep(
    fund.ReturnsRegistry,
    `Invalidate nonce ${nonce} of company #${companyId}`,
    "invalidateNonce",
    [companyId, nonce],
  );
}

/** `ReturnsRegistry.invalidateNoncesBelow(companyId, floor)`: every nonce below `floor` is invalidated. A company signer. */
export function invalidateNoncesBelow(fund: Registry, companyId: bigint, floor: bigint): Step[] {
  return registryStep(
    fund.ReturnsRegistry,
    `Invalidate every nonce of company #${companyId} below ${floor}`,
    "invalidateNoncesBelow",
    [companyId, floor],
  );
}

/** `ReturnsRegistry.setCompanySigner`: authorise (or remove) a signer of the company's Promises. The company's admin. */
export function setCompanySigner(
  fund: Registry,
  companyId: bigint,
  signer: Address,
  authorised: boolean,
): Step[] {
  return registryStep(
    fund.ReturnsRegistry,
    `${authorised ? "Add" : "Remove"} signer ${signer} ${authorised ? "to" : "from"} company #${companyId}`,
    "setCompanySigner",
    [companyId, signer, authorised],
  );
}

/** `ReturnsRegistry.submitCommitment`: a signed Promise becomes a commitment. Anyone holding the signature. */
export function submitCommitment(fund: Registry, signed: SignedPromise): Step[] {
  return registryStep(
    fund.ReturnsRegistry,
    `Submit the Promise of Future Returns of company #${signed.terms.companyId}`,
    "submitCommitment",
    [signed.terms, signed.signer, signed.signature],
  );
}

/** What a report of `grossReturns` pays: ⌈gross × bps / 10,000⌉, as `ReturnsMath.due`. */
export function returnsDue(grossReturns: bigint, returnsShareBps: bigint | number): bigint {
  const bps = BigInt(returnsShareBps);
  return (grossReturns * bps + 9_999n) / 10_000n;
}

export type ReportInput = {
  /** the account that sends the report and pays */
  readonly payer: Address;
  readonly commitmentId: bigint;
  readonly period: bigint;
  readonly asset: Address;
  readonly grossReturns: bigint;
  readonly evidenceHash: Hex;
};

/** The approval a payment of `amount` to the registry needs first (none for ETH or a covering allowance). */
function registryApproval(
  client: PublicClient,
  fund: Registry,
  owner: Address,
  asset: AssetInfo,
  amount: bigint,
): Promise<Step[]> {
  return approvalSteps(client, {
    asset,
    owner,
    spender: fund.ReturnsRegistry,
    spenderName: "the returns registry",
    amount,
  });
}

/**
 * Read the commitment's returns share → approve exactly what is due for an ERC-20 → `reportReturns`,
 * sending exactly what is due when it is paid in ETH. A signer of the company.
 */
export async function reportReturns(client: PublicClient, fund: Registry, r: ReportInput): Promise<Step[]> {
  const [commitment, asset] = await Promise.all([
    client.readContract({
      address: fund.ReturnsRegistry,
      abi: returnsRegistryAbi,
      functionName: "commitment",
      args: [r.commitmentId],
    }),
    readAsset(client, r.asset),
  ]);
  const due = returnsDue(r.grossReturns, commitment.returnsShareBps);
  return [
    ...(await registryApproval(client, fund, r.payer, asset, due)),
    step({
      label: `Report period ${r.period} of commitment #${r.commitmentId} and pay ${formatAmount(due, asset)}`,
      address: fund.ReturnsRegistry,
      abi: returnsRegistryAbi,
      functionName: "reportReturns",
      args: [r.commitmentId, r.period, r.asset, r.grossReturns, r.evidenceHash],
      value: isEth(asset) ? due : 0n,
    }),
  ];
}

export type DonationInput = {
  readonly donor: Address;
  readonly asset: Address;
  readonly amount: bigint;
  /** any 32 bytes the donor wants recorded (zero for none) */
  readonly memo: Hex;
};

/** Approve (ERC-20) → `ReturnsRegistry.donate`, pooled for every holder. Anyone. */
export async function donate(client: PublicClient, fund: Registry, d: DonationInput): Promise<Step[]> {
  const asset = await readAsset(client, d.asset);
  return [
    ...(await registryApproval(client, fund, d.donor, asset, d.amount)),
    step({
      label: `Donate ${formatAmount(d.amount, asset)} to the Fund`,
      address: fund.ReturnsRegistry,
      abi: returnsRegistryAbi,
      functionName: "donate",
      args: [d.asset, d.amount, d.memo],
      value: isEth(asset) ? d.amount : 0n,
    }),
  ];
}
