import type { TypedDataDomain, TypedDataField } from "ethers";

/** EIP-712 domain of the returns registry: name and version as set in its constructor. */
export const PFR_DOMAIN_NAME = "Future Endowment Fund Returns Registry";
export const PFR_DOMAIN_VERSION = "1";

/** The `PromiseOfFutureReturns` type, field for field as in IReturnsRegistry. */
export const PFR_TYPES: Record<string, TypedDataField[]> = {
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
