import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { optional, parseAddress } from "./args.js";
import { fail } from "./fail.js";

/** Whether an account may act: `true`, or why not (e.g. "is not a trustee"). */
export type RoleCheck = (address: string) => Promise<true | string>;

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
  signers: readonly HardhatEthersSigner[],
  from: string | undefined,
  role: Role,
): Promise<HardhatEthersSigner> {
  if (signers.length === 0) fail("This network has no accounts to sign with (configure `accounts` for it).");
  const given = optional(from);
  if (given !== undefined) {
    const signer = accountByIndexOrAddress(signers, given);
    const verdict = role.check === undefined ? true : await role.check(signer.address);
    if (verdict !== true) fail(`--from ${signer.address}: ${verdict} (this action needs ${role.name})`);
    return signer;
  }
  if (role.check === undefined) return signers[0] as HardhatEthersSigner;
  for (const signer of signers) {
    if ((await role.check(signer.address)) === true) return signer;
  }
  return fail(
    `None of this network's ${signers.length} accounts is ${role.name}; pass --from <index|address>`,
  );
}

function accountByIndexOrAddress(
  signers: readonly HardhatEthersSigner[],
  given: string,
): HardhatEthersSigner {
  if (/^\d+$/.test(given)) {
    const signer = signers[Number(given)];
    if (signer === undefined) {
      fail(`--from: account #${given} does not exist (this network has accounts 0 to ${signers.length - 1})`);
    }
    return signer;
  }
  if (given.startsWith("-"))
    fail(`--from: must be an account index (0 or more) or an address (got ${given})`);
  const address = parseAddress("from", given);
  const signer = signers.find((candidate) => candidate.address.toLowerCase() === address.toLowerCase());
  if (signer === undefined) fail(`--from: ${address} is not an account this network can sign with`);
  return signer;
}
