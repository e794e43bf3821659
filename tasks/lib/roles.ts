import type { Address } from "viem";

import { returnsRegistryAbi, trusteeCouncilAbi } from "@fef/sdk/generated/abis";

import type { Role } from "./accounts.js";
import type { Fund } from "./fund.js";

function isTrustee(fund: Fund, address: Address): Promise<boolean> {
  return fund.client.readContract({
    address: fund.addresses.TrusteeCouncil,
    abi: trusteeCouncilAbi,
    functionName: "isTrustee",
    args: [address],
  });
}

/** A current trustee of the council. */
export function trustee(fund: Fund): Role {
  return {
    name: "a trustee",
    check: async (address) => ((await isTrustee(fund, address)) ? true : "is not a trustee"),
  };
}

/** A current trustee that also passes `extra` (e.g. has not approved yet). */
export function trusteeWho(
  fund: Fund,
  name: string,
  extra: (address: Address) => Promise<true | string>,
): Role {
  return {
    name: `a trustee who ${name}`,
    check: async (address) => ((await isTrustee(fund, address)) ? extra(address) : "is not a trustee"),
  };
}

/** The admin or an authorised signer of a company. */
export function companySigner(fund: Fund, companyId: bigint): Role {
  return {
    name: `a signer of company ${companyId}`,
    check: async (address) =>
      (await fund.client.readContract({
        address: fund.addresses.ReturnsRegistry,
        abi: returnsRegistryAbi,
        functionName: "isCompanySigner",
        args: [companyId, address],
      }))
        ? true
        : `may not sign or report for company ${companyId}`,
  };
}
