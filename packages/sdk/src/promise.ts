// The Promise of Future Returns: the EIP-712 document a company signer signs. Once submitted, the
// registry stores it as a commitment (with an id). What the CLI, the seed, the tests and a wallet sign
// is built here, once.
import type { Address, Hex, PublicClient } from "viem";

import { formatBps, formatDate, formatDuration } from "./format.ts";
import { returnsRegistryAbi } from "./generated/abis.ts";

/** EIP-712 domain name and version of the returns registry, as set in its constructor. */
export const PROMISE_DOMAIN_NAME = "Future Endowment Fund Returns Registry";
export const PROMISE_DOMAIN_VERSION = "1";
export const PROMISE_PRIMARY_TYPE = "PromiseOfFutureReturns";

/** The EIP-712 domain of the returns registry at `registry` on `chainId`. */
export function promiseDomain(chainId: number | bigint, registry: Address) {
  return {
    name: PROMISE_DOMAIN_NAME,
    version: PROMISE_DOMAIN_VERSION,
    chainId: BigInt(chainId),
    verifyingContract: registry,
  } as const;
}

/** The `PromiseOfFutureReturns` type, field for field as `IReturnsRegistry.PromiseOfFutureReturns`. */
export const promiseTypes = {
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

/** The terms of a Promise of Future Returns (the message that is signed). */
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

/** A signed Promise, ready for `submitCommitment` (anyone may submit it). */
export type SignedPromise = {
  readonly terms: PromiseTerms;
  readonly signer: Address;
  readonly signature: Hex;
};

/** Everything viem's `signTypedData` (wallet client, wagmi, hardhat-viem) needs to sign `terms`. */
export function promiseTypedData(chainId: number | bigint, registry: Address, terms: PromiseTerms) {
  return {
    domain: promiseDomain(chainId, registry),
    types: promiseTypes,
    primaryType: PROMISE_PRIMARY_TYPE,
    message: terms,
  } as const;
}

/** Whole periods of `periodLength` between `start` and `end` (a trailing part is dropped), as the registry counts them. */
export function promisePeriodCount(terms: Pick<PromiseTerms, "start" | "end" | "periodLength">): bigint {
  if (terms.end <= terms.start || terms.periodLength === 0n) return 0n;
  return (terms.end - terms.start) / terms.periodLength;
}

/** The terms in plain words, for a wallet prompt, a confirmation or a log. */
export function summarizePromise(terms: PromiseTerms): string {
  const techniques = terms.techniqueIds.map((id) => `#${id}`).join(", ");
  const periods = promisePeriodCount(terms);
  return (
    `Company #${terms.companyId} promises ${formatBps(terms.returnsShareBps)} of the returns of “${terms.modelName}” ` +
    `(which uses technique${terms.techniqueIds.length === 1 ? "" : "s"} ${techniques}) to the Fund, ` +
    `for ${periods} period${periods === 1n ? "" : "s"} of ${formatDuration(terms.periodLength)} from ${formatDate(terms.start)} ` +
    `until ${formatDate(terms.end)}, each reported and paid within ${formatDuration(terms.gracePeriod)} after it ends. ` +
    `Nonce ${terms.nonce}; the signature can be submitted until ${formatDate(terms.deadline)}.`
  );
}

/** `promiseTypes` with mutable arrays, for signers whose types want them (ethers' `signTypedData`, `TypedDataEncoder`). */
export function mutablePromiseTypes(): Record<string, { name: string; type: string }[]> {
  return { [PROMISE_PRIMARY_TYPE]: promiseTypes.PromiseOfFutureReturns.map((field) => ({ ...field })) };
}

/** How many nonces after the floor `nextPromiseNonce` checks before falling back to a random one. */
export const NONCE_SEARCH = 16;

/**
 * The nonce a company's next Promise should be signed with: the lowest nonce from the company's
 * floor on that is neither used nor invalidated (checked `NONCE_SEARCH` at a time in one multicall),
 * so a signer never has to pick one.
 */
export async function nextPromiseNonce(
  client: PublicClient,
  registry: Address,
  companyId: bigint,
): Promise<bigint> {
  const contract = { address: registry, abi: returnsRegistryAbi } as const;
  let from = await client.readContract({ ...contract, functionName: "nonceFloor", args: [companyId] });
  for (let round = 0; round < 4; round++) {
    const used = await Promise.all(
      Array.from({ length: NONCE_SEARCH }, (_, i) =>
        client.readContract({ ...contract, functionName: "nonceUsed", args: [companyId, from + BigInt(i)] }),
      ),
    );
    const free = used.findIndex((u) => !u);
    if (free >= 0) return from + BigInt(free);
    from += BigInt(NONCE_SEARCH);
  }
  return from;
}
