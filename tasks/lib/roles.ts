import type { Role } from "./accounts.js";
import type { Fund } from "./fund.js";

/** A current trustee of the council. */
export function trustee(fund: Fund): Role {
  return {
    name: "a trustee",
    check: async (address) => ((await fund.council.isTrustee(address)) ? true : "is not a trustee"),
  };
}

/** A current trustee that also passes `extra` (e.g. has not approved yet). */
export function trusteeWho(
  fund: Fund,
  name: string,
  extra: (address: string) => Promise<true | string>,
): Role {
  return {
    name: `a trustee who ${name}`,
    check: async (address) => ((await fund.council.isTrustee(address)) ? extra(address) : "is not a trustee"),
  };
}

/** The admin or an authorised signer of a company. */
export function companySigner(fund: Fund, companyId: bigint): Role {
  return {
    name: `a signer of company ${companyId}`,
    check: async (address) =>
      (await fund.registry.isCompanySigner(companyId, address))
        ? true
        : `may not sign or report for company ${companyId}`,
  };
}
