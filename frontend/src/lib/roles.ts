import type { Address } from "viem";

import { eventsOf, type HistoryLog } from "../hooks/useHistory";

export type Role = "trustee" | "researcher" | "company admin" | "company signer" | "investor" | "holder";

export type RoleIndex = {
  /** Roles of `account`; `balance` decides "holder". */
  rolesOf(account: Address, balance?: bigint): Role[];
  /** Companies `account` administers or signs for, from history. */
  companiesOf(account: Address): bigint[];
  /** Application ids submitted by `account`, newest first. */
  applicationsOf(account: Address): bigint[];
};

const key = (a: string) => a.toLowerCase();

/** Roles derived from the council's trustee list and the history of applications, companies and subscriptions. */
export function roleIndex(logs: readonly HistoryLog[], trustees: readonly Address[]): RoleIndex {
  const trusteeSet = new Set(trustees.map(key));
  const researchers = new Map<string, bigint[]>();
  for (const log of eventsOf(logs, "ApplicationSubmitted")) {
    const list = researchers.get(key(log.args.researcher)) ?? [];
    list.push(log.args.applicationId);
    researchers.set(key(log.args.researcher), list);
  }
  const investors = new Set(eventsOf(logs, "Subscribed").map((l) => key(l.args.investor)));

  // Replay company admin and signer changes in chain order (logs arrive newest range first).
  const ordered = [...logs].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  const admins = new Map<bigint, string>();
  const signers = new Map<string, boolean>();
  for (const log of ordered) {
    if (log.eventName === "CompanyRegistered") admins.set(log.args.companyId, key(log.args.admin));
    else if (log.eventName === "CompanyAdminChanged") admins.set(log.args.companyId, key(log.args.admin));
    else if (log.eventName === "CompanySignerSet")
      signers.set(`${log.args.companyId}:${key(log.args.signer)}`, log.args.authorised);
  }

  const adminOf = (account: string) => [...admins].filter(([, admin]) => admin === account).map(([id]) => id);
  const signerOf = (account: string) =>
    [...signers]
      .filter(([k, on]) => on && k.endsWith(`:${account}`))
      .map(([k]) => BigInt(k.split(":")[0] ?? "0"));

  return {
    rolesOf(account, balance) {
      const a = key(account);
      const roles: Role[] = [];
      if (trusteeSet.has(a)) roles.push("trustee");
      if (researchers.has(a)) roles.push("researcher");
      if (adminOf(a).length > 0) roles.push("company admin");
      if (signerOf(a).length > 0) roles.push("company signer");
      if (investors.has(a)) roles.push("investor");
      if (balance !== undefined && balance > 0n) roles.push("holder");
      return roles;
    },
    companiesOf(account) {
      const a = key(account);
      return [...new Set([...adminOf(a), ...signerOf(a)])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    },
    applicationsOf(account) {
      return [...(researchers.get(key(account)) ?? [])].sort((x, y) => (x < y ? 1 : x > y ? -1 : 0));
    },
  };
}
