import type { TypedDataDomain, TypedDataField } from "ethers";

import { PFR_DOMAIN_NAME, PFR_DOMAIN_VERSION, pfrTypes } from "../../frontend/src/lib/pfr.js";

// One definition of the signed type, shared with the dashboard: what the CLI, the seed and the tests
// sign is exactly what a wallet is asked to sign.
export { PFR_DOMAIN_NAME, PFR_DOMAIN_VERSION };

/** The `PromiseOfFutureReturns` type, field for field as in IReturnsRegistry (ethers' mutable shape). */
export const PFR_TYPES: Record<string, TypedDataField[]> = {
  PromiseOfFutureReturns: pfrTypes.PromiseOfFutureReturns.map((field) => ({ ...field })),
};

export interface PromiseOfFutureReturns {
  companyId: bigint;
  techniqueIds: bigint[];
  modelName: string;
  modelHash: string;
  returnsShareBps: number;
  start: bigint;
  end: bigint;
  periodLength: bigint;
  gracePeriod: bigint;
  nonce: bigint;
  deadline: bigint;
}

/** Everything a wallet's `signTypedData` needs to sign a Promise of Future Returns. */
export function pfrTypedData(chainId: bigint, registry: string, message: PromiseOfFutureReturns) {
  const domain: TypedDataDomain = {
    name: PFR_DOMAIN_NAME,
    version: PFR_DOMAIN_VERSION,
    chainId,
    verifyingContract: registry,
  };
  return { domain, types: PFR_TYPES, message };
}
