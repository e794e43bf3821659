// Salts a trustee can recompute on any device, from a salt secret. An EOA trustee's secret is
// keccak256 of its wallet's EIP-712 signature of a fixed message (deterministic: RFC 6979), signed once
// per chain, GrantRounds contract and trustee, so one signature serves a whole batch of estimates.
// Salts a Safe trustee's owners can all recompute. A Safe (or any shared wallet) is one trustee with
// several owners: the owner who prepares a commit is not necessarily the one who executes the reveal.
// The owners share one 32-byte salt secret (out of band, like the Safe's own owner list); the salt of
// each sealed estimate is derived from it and the salt key, so every owner holding the secret derives
// the same salt and can build the reveal. The secret never goes on chain, and other trustees, who do
// not hold it, still cannot guess the estimate behind a sealed estimate.
import { encodeAbiParameters, keccak256, toHex, type Address, type Hex } from "viem";

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

/** Whose salts a wallet-signed salt secret derives: one trustee on one GrantRounds contract and chain. */
export type SaltScope = {
  readonly chainId: number;
  readonly grantRounds: Address;
  readonly trustee: Address;
};

/** The fixed EIP-712 message a trustee's wallet signs to obtain its salt secret. */
export function estimateSaltTypedData(scope: SaltScope) {
  return {
    domain: {
      name: "Future Endowment Fund estimate salt",
      version: "1",
      chainId: scope.chainId,
      verifyingContract: scope.grantRounds,
    },
    types: {
      EstimateSaltSecret: [
        { name: "trustee", type: "address" },
        { name: "purpose", type: "string" },
      ],
    },
    primaryType: "EstimateSaltSecret",
    message: {
      trustee: scope.trustee,
      purpose: "Derive the salts of my sealed estimates. Signing this sends nothing.",
    },
  } as const;
}

/** Signs typed data, as viem's `walletClient.signTypedData` or wagmi's `signTypedDataAsync` do. */
export type SignTypedData = (typedData: ReturnType<typeof estimateSaltTypedData>) => Promise<Hex>;

/**
 * An EOA trustee's salt secret: keccak256 of its wallet's EIP-712 signature of
 * `estimateSaltTypedData(scope)`. The same wallet recomputes it on any device; a contract wallet (a
 * Safe) has no such signature, so its owners share a `newSaltSecret()` or export and import salts.
 * The signature is as secret as the salts: it never leaves the machine.
 */
export async function walletSaltSecret(signTypedData: SignTypedData, scope: SaltScope): Promise<Hex> {
  return keccak256(await signTypedData(estimateSaltTypedData(scope)));
}

/** The salt of one estimate from the wallet's signature (one signature; see `walletSaltSecret`). */
export async function deriveSalt(signTypedData: SignTypedData, key: SaltKey): Promise<Hex> {
  return deriveSaltFromSecret(await walletSaltSecret(signTypedData, key), key);
}
