import type { Address, Hex } from "viem";

/** EIP-712 domain name and version of the returns registry, as set in its constructor. */
export const PFR_DOMAIN_NAME = "Future Endowment Fund Returns Registry";
export const PFR_DOMAIN_VERSION = "1";

/** EIP-712 domain of the returns registry's Promise of Future Returns. */
export function pfrDomain(chainId: number, registry: Address) {
  return {
    name: PFR_DOMAIN_NAME,
    version: PFR_DOMAIN_VERSION,
    chainId,
    verifyingContract: registry,
  } as const;
}

/** The `PromiseOfFutureReturns` type, field for field as `IReturnsRegistry.PromiseOfFutureReturns`. */
export const pfrTypes = {
  PromiseOfFutureReturns: [
    { name: "companyId", type: "uint256" },
    { name: "techniqueIds", type: "uint256[]" },
    { name: "modelName", type: "string" },
    { name: "modelHash", type: "bytes32" },
    { name: "returnsShareBps", type: "uint16" },
    { name: "start", type: "uint64" },
    { name: "end", type: "uint64" },
    { name: "periodLength", type: "uint64" },
    { name: "gracePeriod", type: "uint64" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export type PromiseTerms = {
  readonly companyId: bigint;
  readonly techniqueIds: readonly bigint[];
  readonly modelName: string;
  readonly modelHash: Hex;
  readonly returnsShareBps: number;
  readonly start: bigint;
  readonly end: bigint;
  readonly periodLength: bigint;
  readonly gracePeriod: bigint;
  readonly nonce: bigint;
  readonly deadline: bigint;
};

export type SignedPromise = {
  readonly terms: PromiseTerms;
  readonly signer: Address;
  readonly signature: Hex;
};
