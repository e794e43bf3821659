import type { Address } from "viem";

import { optional, parseAddress } from "./args.js";
import { fail } from "./fail.js";
import type { Wallet } from "./fund.js";

/** Whether an account may act: `true`, or why not (e.g. "is not a trustee"). */
export type RoleCheck = (address: Address) => Promise<true | string>;

export interface Role {
  /** what the acting account must be, e.g. "a trustee" */
  name: string;
  check?: RoleCheck;
}

/** Anyone may act; the default is the network's first account. */
export const ANYONE: Role = { name: "any account" };

/**
 * The account that signs: `--from` as an index into the network's accounts or one of their
 * addresses, checked against `role`; without `--from`, the first account that passes the check.
 */
export async function actingAccount(
  wallets: readonly Wallet[],
  from: string | undefined,
  role: Role,
): Promise<Wallet> {
  if (wallets.length === 0) fail("This network has no accounts to sign with (configure `accounts` for it).");
  const given = optional(from);
  if (given !== undefined) {
    const wallet = accountByIndexOrAddress(wallets, given);
    const verdict = role.check === undefined ? true : await role.check(wallet.account.address);
    if (verdict !== true)
      fail(`--from ${wallet.account.address}: ${verdict} (this action needs ${role.name})`);
    return wallet;
  }
  if (role.check === undefined) return wallets[0] as Wallet;
  for (const wallet of wallets) {
    if ((await role.check(wallet.account.address)) === true) return wallet;
  }
  return fail(
    `None of this network's ${wallets.length} accounts is ${role.name}; pass --from <index|address>`,
  );
}

function accountByIndexOrAddress(wallets: readonly Wallet[], given: string): Wallet {
  if (/^\d+$/.test(given)) {
    const wallet = wallets[Number(given)];
    if (wallet === undefined) {
      fail(`--from: account #${given} does not exist (this network has accounts 0 to ${wallets.length - 1})`);
    }
    return wallet;
  }
  if (given.startsWith("-"))
    fail(`--from: must be an account index (0 or more) or an address (got ${given})`);
  const address = parseAddress("from", given);
  const wallet = wallets.find(
    (candidate) => candidate.account.address.toLowerCase() === address.toLowerCase(),
  );
  if (wallet === undefined) fail(`--from: ${address} is not an account this network can sign with`);
  return wallet;
}
