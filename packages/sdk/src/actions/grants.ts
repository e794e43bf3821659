// Grant rounds: researchers apply and claim; trustees commit (sealed locally) and reveal estimates;
// anyone finalizes, settles and tops up.
import { zeroHash, type Address, type Hex, type PublicClient } from "viem";

import type { FundAddresses } from "../deployments.ts";
import { grantRoundsAbi } from "../generated/abis.ts";
import {
  saltKey,
  saltRecord,
  SaltRecordError,
  type SaltKey,
  type SaltRecord,
  type SaltStore,
} from "../salts.ts";
import { newSalt } from "../seal.ts";
import { step, type Step } from "../steps.ts";

type Rounds = Pick<FundAddresses, "GrantRounds">;

export type ApplicationInput = {
  readonly roundId: bigint;
  readonly uri: string;
  readonly contentHash: Hex;
  /** research-months, 1 … 1,200 */
  readonly effortMonths: number;
  /** base units of the round's stipend asset (0 for none) */
  readonly stipendRequested: bigint;
};

/** `GrantRounds.submitApplication`. A researcher, while the round takes applications. */
export function submitApplication(fund: Rounds, a: ApplicationInput): Step[] {
  return [
    step({
      label: `Apply to round #${a.roundId}`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "submitApplication",
      args: [a.roundId, a.uri, a.contentHash, a.effortMonths, a.stipendRequested],
    }),
  ];
}

/** `GrantRounds.claimShares`: the vested part of an award. The application's researcher. */
export function claimAwardShares(fund: Rounds, applicationId: bigint): Step[] {
  return [
    step({
      label: `Claim the vested shares of application #${applicationId}`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "claimShares",
      args: [applicationId],
    }),
  ];
}

/** `GrantRounds.claimStipend`: the vested part of a stipend award. The application's researcher. */
export function claimStipend(fund: Rounds, applicationId: bigint): Step[] {
  return [
    step({
      label: `Claim the vested stipend of application #${applicationId}`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "claimStipend",
      args: [applicationId],
    }),
  ];
}

export type CommitInput = {
  readonly chainId: number;
  readonly trustee: Address;
  readonly applicationId: bigint;
  readonly estimateBps: number;
  /** defaults to a fresh `newSalt()` */
  readonly salt?: Hex;
};

/**
 * `GrantRounds.commitEstimate` with the estimate sealed locally: nothing sent or read carries the
 * estimate or the salt. The salt record is stored in `store` before the step is returned, so it
 * exists before anything is sent. A different record already stored for the application is replaced
 * only when the chain shows no sealed estimate of this trustee (a commit that never landed). A trustee,
 * during the commit phase.
 */
export async function commitEstimate(
  client: PublicClient,
  fund: Rounds,
  store: SaltStore,
  input: CommitInput,
): Promise<{ steps: Step[]; record: SaltRecord }> {
  const record = saltRecord({
    chainId: input.chainId,
    grantRounds: fund.GrantRounds,
    trustee: input.trustee,
    applicationId: input.applicationId,
    estimateBps: input.estimateBps,
    salt: input.salt ?? newSalt(),
  });
  const held = store.get(record);
  let replace = false;
  if (held !== undefined && held.sealedEstimate.toLowerCase() !== record.sealedEstimate.toLowerCase()) {
    // Only the application and the trustee go to the node; the answer says whether a commit landed.
    const [onChain] = await client.readContract({
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "sealedEstimateOf",
      args: [input.applicationId, input.trustee],
    });
    if (onChain !== zeroHash)
      throw new SaltRecordError(
        `${saltKey(record)}: a sealed estimate is already committed (${
          onChain.toLowerCase() === held.sealedEstimate.toLowerCase()
            ? "the stored record's"
            : "not the stored record's"
        }); it can only be revealed`,
      );
    replace = true;
  }
  store.put(record, { replace });
  return {
    record,
    steps: [
      step({
        label: `Commit the sealed estimate for application #${input.applicationId}`,
        address: fund.GrantRounds,
        abi: grantRoundsAbi,
        functionName: "commitEstimate",
        args: [input.applicationId, record.sealedEstimate],
      }),
    ],
  };
}

/**
 * `GrantRounds.revealEstimate` from the stored salt record (committed with any tool that shares the
 * record format). A trustee who committed, during the reveal phase.
 */
export function revealEstimate(store: SaltStore, key: SaltKey): { steps: Step[]; record: SaltRecord } {
  const record = store.get(key);
  if (record === undefined)
    throw new SaltRecordError(
      `No salt record for ${saltKey(key)}: import the export of the tool that committed it`,
    );
  return {
    record,
    steps: [
      step({
        label: `Reveal the estimate for application #${key.applicationId}`,
        address: key.grantRounds,
        abi: grantRoundsAbi,
        functionName: "revealEstimate",
        args: [record.applicationId, record.estimateBps, record.salt],
      }),
    ],
  };
}

/** `GrantRounds.finalizeApplication` after the reveal deadline. Anyone. */
export function finalizeApplication(fund: Rounds, applicationId: bigint): Step[] {
  return [
    step({
      label: `Finalize application #${applicationId}`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "finalizeApplication",
      args: [applicationId],
    }),
  ];
}

/** `GrantRounds.settleRound` once every application is finalized. Anyone. */
export function settleRound(fund: Rounds, roundId: bigint): Step[] {
  return [
    step({
      label: `Settle round #${roundId}`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "settleRound",
      args: [roundId],
    }),
  ];
}

/** `GrantRounds.topUpStipends`: reserve stipends from capital that arrived after settlement. Anyone. */
export function topUpStipends(fund: Rounds, roundId: bigint): Step[] {
  return [
    step({
      label: `Top up the stipends of round #${roundId}`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "topUpStipends",
      args: [roundId],
    }),
  ];
}
