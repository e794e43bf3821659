// Sealing an estimate happens here, on the trustee's machine: the estimate and its salt never leave
// it before the reveal. `sealEstimate` equals `GrantRounds.sealEstimate` (a test proves it).
import { encodeAbiParameters, keccak256, toHex, type Address, type Hex } from "viem";

/** What a trustee judges an application to deserve. */
export type EstimateValues = {
  /** probability of success in basis points, 0 … 10,000 */
  readonly probabilityBps: number;
  /** research-months the work needs, 0 … 1,200 (counts at most as the application's declared effort) */
  readonly effortMonths: number;
  /** stipend the work needs, base units of the round's stipend asset (counts at most as the request) */
  readonly stipend: bigint;
};

export type SealInput = EstimateValues & {
  readonly chainId: number | bigint;
  /** the GrantRounds contract */
  readonly grantRounds: Address;
  readonly trustee: Address;
  readonly applicationId: bigint;
  /** 32 bytes: from `newSalt()`, or `deriveSalt()` (`./saltSecret`) for salts a wallet can recompute */
  readonly salt: Hex;
};

/** Most research-months an estimate may state (the declared effort's bound). */
export const MAX_ESTIMATE_EFFORT_MONTHS = 1_200;
const MAX_UINT128 = 2n ** 128n - 1n;

const SEAL_PARAMS = [
  { type: "uint256" },
  { type: "address" },
  { type: "address" },
  { type: "uint256" },
  { type: "uint16" },
  { type: "uint32" },
  { type: "uint128" },
  { type: "bytes32" },
] as const;

/** Throws a RangeError naming the first value out of range. */
export function checkEstimateValues(values: EstimateValues): void {
  const { probabilityBps, effortMonths, stipend } = values;
  if (!Number.isInteger(probabilityBps) || probabilityBps < 0 || probabilityBps > 10_000)
    throw new RangeError(`A probability must be 0 … 10,000 basis points, not ${probabilityBps}`);
  if (!Number.isInteger(effortMonths) || effortMonths < 0 || effortMonths > MAX_ESTIMATE_EFFORT_MONTHS)
    throw new RangeError(
      `An effort must be 0 … ${MAX_ESTIMATE_EFFORT_MONTHS.toLocaleString("en-US")} research-months, not ${effortMonths}`,
    );
  if (stipend < 0n || stipend > MAX_UINT128)
    throw new RangeError(`A stipend must be 0 … 2^128 − 1 base units, not ${stipend}`);
}

/**
 * keccak256(abi.encode(chainid, grantRounds, trustee, applicationId, uint16 probabilityBps,
 * uint32 effortMonths, uint128 stipend, salt)).
 */
export function sealEstimate(input: SealInput): Hex {
  const { chainId, grantRounds, trustee, applicationId, probabilityBps, effortMonths, stipend, salt } = input;
  checkEstimateValues(input);
  if (!/^0x[0-9a-fA-F]{64}$/.test(salt))
    throw new TypeError("A salt must be 32 bytes (0x and 64 hex digits)");
  return keccak256(
    encodeAbiParameters(SEAL_PARAMS, [
      BigInt(chainId),
      grantRounds,
      trustee,
      applicationId,
      probabilityBps,
      effortMonths,
      stipend,
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
