// Sealing an estimate happens here, on the trustee's machine: the estimate and its salt never leave
// it before the reveal. `sealEstimate` equals `GrantRounds.sealEstimate` (a test proves it).
import { encodeAbiParameters, keccak256, toHex, type Address, type Hex } from "viem";

export type SealInput = {
  readonly chainId: number | bigint;
  /** the GrantRounds contract */
  readonly grantRounds: Address;
  readonly trustee: Address;
  readonly applicationId: bigint;
  /** probability of success in basis points, 0 … 10,000 */
  readonly estimateBps: number;
  /** 32 random bytes, from `newSalt()` */
  readonly salt: Hex;
};

const SEAL_PARAMS = [
  { type: "uint256" },
  { type: "address" },
  { type: "address" },
  { type: "uint256" },
  { type: "uint16" },
  { type: "bytes32" },
] as const;

/** keccak256(abi.encode(chainid, grantRounds, trustee, applicationId, uint16 estimateBps, salt)). */
export function sealEstimate(input: SealInput): Hex {
  const { chainId, grantRounds, trustee, applicationId, estimateBps, salt } = input;
  if (!Number.isInteger(estimateBps) || estimateBps < 0 || estimateBps > 10_000)
    throw new RangeError(`An estimate must be 0 … 10,000 basis points, not ${estimateBps}`);
  if (!/^0x[0-9a-fA-F]{64}$/.test(salt))
    throw new TypeError("A salt must be 32 bytes (0x and 64 hex digits)");
  return keccak256(
    encodeAbiParameters(SEAL_PARAMS, [
      BigInt(chainId),
      grantRounds,
      trustee,
      applicationId,
      estimateBps,
      salt,
    ]),
  );
}

/** 32 bytes from the platform's cryptographic random source (browser or Node ≥ 19). */
export function newSalt(): Hex {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return toHex(bytes);
}
