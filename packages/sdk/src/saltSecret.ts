// Salts a Safe trustee's owners can all recompute. A Safe (or any shared wallet) is one trustee with
// several owners: the owner who prepares a commit is not necessarily the one who executes the reveal.
// The owners share one 32-byte salt secret (out of band, like the Safe's own owner list); the salt of
// each sealed estimate is derived from it and the salt key, so every owner holding the secret derives
// the same salt and can build the reveal. The secret never goes on chain, and other trustees, who do
// not hold it, still cannot guess the estimate behind a sealed estimate.
import { encodeAbiParameters, keccak256, toHex, type Hex } from "viem";

import type { SaltKey } from "./salts.ts";
import { newSalt } from "./seal.ts";

/** Separates these salts from any other use of the same secret. */
const SALT_SECRET_DOMAIN = keccak256(toHex("fef.estimate-salt-secret.v1"));

const DERIVE_PARAMS = [
  { type: "bytes32" },
  { type: "bytes32" },
  { type: "uint256" },
  { type: "address" },
  { type: "address" },
  { type: "uint256" },
] as const;

/** A new salt secret for a shared trustee wallet: 32 random bytes, shared once among its owners. */
export function newSaltSecret(): Hex {
  return newSalt();
}

/**
 * keccak256(abi.encode(domain, secret, chainId, grantRounds, trustee, applicationId)): the salt of
 * `key`'s sealed estimate, the same for every owner who holds `secret`.
 */
export function deriveSaltFromSecret(secret: Hex, key: SaltKey): Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(secret))
    throw new TypeError("A salt secret must be 32 bytes (0x and 64 hex digits)");
  return keccak256(
    encodeAbiParameters(DERIVE_PARAMS, [
      SALT_SECRET_DOMAIN,
      secret,
      BigInt(key.chainId),
      key.grantRounds,
      key.trustee,
      key.applicationId,
    ]),
  );
}
