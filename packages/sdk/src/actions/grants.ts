// Grant rounds: researchers apply, claim and take back deposits; trustees commit (sealed locally)
// and reveal estimates in batches; anyone finalizes (in batches), settles and tops up.
import type { Address, Hex, PublicClient } from "viem";

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
import { newSalt, type EstimateValues } from "../seal.ts";
import { EstimateStatus } from "../status.ts";
import { singleStep, step, type Step } from "../steps.ts";

type Rounds = Pick<FundAddresses, "GrantRounds">;

const roundsStep = singleStep(grantRoundsAbi);

/** `GrantRounds.<functionName>(applicationId)`, labelled "<what> of application #<id>". */
const applicationStep = (
  fund: Rounds,
  what: string,
  functionName: "refundDeposit" | "claimShares" | "claimStipend",
  applicationId: bigint,
): Step[] =>
  roundsStep(fund.GrantRounds, `${what} of application #${applicationId}`, functionName, [applicationId]);

export type ApplicationInput = {
  readonly roundId: bigint;
  /** 1 … 31 bytes (`GrantRounds.MAX_TITLE_LENGTH`): stored, shown wherever the application appears */
  readonly title: string;
  /** 1 … 256 bytes: recorded in the application's event (read back through the history) */
  readonly uri: string;
  readonly contentHash: Hex;
  /** research-months, 1 … 1,200 */
  readonly effortMonths: number;
  /** base units of the round's stipend asset (0 for none) */
  readonly stipendRequested: bigint;
  /** the round's application deposit in wei (`round.params.applicationDeposit`; 0 for none) */
  readonly deposit: bigint;
};

/** Most applications one batched commit, reveal or finalize may hold (`GrantRounds.MAX_BATCH`). */
export const MAX_BATCH = 50;
/** Longest proposal URI, in bytes (`GrantRounds.MAX_URI_LENGTH`). */
export const MAX_URI_LENGTH = 256;
/** Longest application title, in bytes (`GrantRounds.MAX_TITLE_LENGTH`: one storage slot). */
export const MAX_TITLE_LENGTH = 31;

/**
 * `GrantRounds.submitApplication`, paying the round's deposit (refundable once a trustee estimates
 * the application). A researcher, while the round takes applications.
 */
export function submitApplication(fund: Rounds, a: ApplicationInput): Step[] {
  const titleBytes = new TextEncoder().encode(a.title).length;
  if (titleBytes === 0 || titleBytes > MAX_TITLE_LENGTH)
    throw new RangeError(`The title must be 1 to ${MAX_TITLE_LENGTH} bytes long, not ${titleBytes}`);
  const bytes = new TextEncoder().encode(a.uri).length;
  if (bytes === 0 || bytes > MAX_URI_LENGTH)
    throw new RangeError(`The proposal URI must be 1 to ${MAX_URI_LENGTH} bytes long, not ${bytes}`);
  return [
    step({
      label: `Apply to round #${a.roundId}`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "submitApplication",
      args: [a.roundId, a.title, a.uri, a.contentHash, a.effortMonths, a.stipendRequested],
      value: a.deposit,
    }),
  ];
}

/** `GrantRounds.refundDeposit`: once a trustee revealed an estimate for the application, or the round was closed. Anyone (paid to the researcher). */
export const refundDeposit = (fund: Rounds, applicationId: bigint): Step[] =>
  applicationStep(fund, "Refund the deposit", "refundDeposit", applicationId);

/** `GrantRounds.claimShares`: the vested part of an award. The application's researcher. */
export const claimAwardShares = (fund: Rounds, applicationId: bigint): Step[] =>
  applicationStep(fund, "Claim the vested shares", "claimShares", applicationId);

/** `GrantRounds.claimStipend`: the vested part of a stipend award. The application's researcher. */
export const claimStipend = (fund: Rounds, applicationId: bigint): Step[] =>
  applicationStep(fund, "Claim the vested stipend", "claimStipend", applicationId);

/** One estimate to commit: an application of the round and the trustee's values. */
export type EstimateInput = EstimateValues & {
  readonly applicationId: bigint;
  /** defaults to a fresh `newSalt()`; pass `deriveSalt(…)` for a salt the wallet can recompute */
  readonly salt?: Hex;
};

export type CommitInput = {
  readonly chainId: number;
  readonly trustee: Address;
  /** estimates for applications of one round (a batch holds one round's applications) */
  readonly estimates: readonly EstimateInput[];
};

function chunks<T>(list: readonly T[], size = MAX_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * `GrantRounds.commitEstimates` with every estimate sealed locally: nothing sent or read carries an
 * estimate or a salt. The salt records are stored in `store` before the steps are returned, so they
 * exist before anything is sent. A different record already stored for an application is replaced
 * only when the chain shows no sealed estimate of this trustee (a commit that never landed). One step
 * per `MAX_BATCH` estimates. A trustee, during the commit phase, never for their own application.
 */
export async function commitEstimates(
  client: PublicClient,
  fund: Rounds,
  store: SaltStore,
  input: CommitInput,
): Promise<{ steps: Step[]; records: SaltRecord[] }> {
  if (input.estimates.length === 0) throw new RangeError("No estimates to commit");
  const records: SaltRecord[] = [];
  for (const estimate of input.estimates) {
    const record = saltRecord({
      chainId: input.chainId,
      grantRounds: fund.GrantRounds,
      trustee: input.trustee,
      applicationId: estimate.applicationId,
      probabilityBps: estimate.probabilityBps,
      effortMonths: estimate.effortMonths,
      stipend: estimate.stipend,
      salt: estimate.salt ?? newSalt(),
    });
    const held = store.get(record);
    let replace = false;
    if (held !== undefined && held.sealedEstimate.toLowerCase() !== record.sealedEstimate.toLowerCase()) {
      // Only the application and the trustee go to the node; the answer says whether a commit landed.
      const onChain = await client.readContract({
        address: fund.GrantRounds,
        abi: grantRoundsAbi,
        functionName: "estimateOf",
        args: [estimate.applicationId, input.trustee],
      });
      if (onChain.status !== EstimateStatus.None)
        throw new SaltRecordError(
          `${saltKey(record)}: a sealed estimate is already committed (${
            onChain.sealedEstimate.toLowerCase() === held.sealedEstimate.toLowerCase()
              ? "the stored record's"
              : "not the stored record's"
          }); it can only be revealed`,
        );
      replace = true;
    }
    store.put(record, { replace });
    records.push(record);
  }
  const steps = chunks(records).map((batch) =>
    step({
      label:
        batch.length === 1
          ? `Commit the sealed estimate for application #${batch[0]?.applicationId}`
          : `Commit ${batch.length} sealed estimates (applications #${batch.map((r) => r.applicationId).join(", #")})`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "commitEstimates",
      args: [batch.map((r) => r.applicationId), batch.map((r) => r.sealedEstimate)],
    }),
  );
  return { records, steps };
}

function fundOf(keys: readonly SaltKey[]): Address {
  const first = keys[0];
  if (first === undefined) throw new RangeError("No estimates to reveal");
  return first.grantRounds;
}

/**
 * `GrantRounds.revealEstimates` from the stored salt records (committed with any tool that shares the
 * record format), one step per `MAX_BATCH`. `keys` are applications of one round. A trustee who
 * committed, during the reveal phase.
 */
export function revealEstimates(
  store: SaltStore,
  keys: readonly SaltKey[],
): { steps: Step[]; records: SaltRecord[] } {
  if (keys.length === 0) throw new RangeError("No estimates to reveal");
  const records = keys.map((key) => {
    const record = store.get(key);
    if (record === undefined)
      throw new SaltRecordError(
        `No salt record for ${saltKey(key)}: import the export of the tool that committed it, or derive the salt again with the wallet that committed it`,
      );
    return record;
  });
  const steps = chunks(records).map((batch) =>
    step({
      label:
        batch.length === 1
          ? `Reveal the estimate for application #${batch[0]?.applicationId}`
          : `Reveal ${batch.length} estimates (applications #${batch.map((r) => r.applicationId).join(", #")})`,
      address: records[0]?.grantRounds ?? fundOf(keys),
      abi: grantRoundsAbi,
      functionName: "revealEstimates",
      args: [
        batch.map((r) => ({
          applicationId: r.applicationId,
          probabilityBps: r.probabilityBps,
          effortMonths: r.effortMonths,
          stipend: r.stipend,
          salt: r.salt,
        })),
      ],
    }),
  );
  return { records, steps };
}

/**
 * `GrantRounds.finalizeApplications` after the reveal deadline, one step per `MAX_BATCH`. Pass the
 * round's estimated, pending applications only (the others need no finalization). Anyone.
 */
export function finalizeApplications(fund: Rounds, applicationIds: readonly bigint[]): Step[] {
  if (applicationIds.length === 0) throw new RangeError("No applications to finalize");
  return chunks(applicationIds).map((batch) =>
    step({
      label:
        batch.length === 1
          ? `Finalize application #${batch[0]}`
          : `Finalize ${batch.length} applications (#${batch.join(", #")})`,
      address: fund.GrantRounds,
      abi: grantRoundsAbi,
      functionName: "finalizeApplications",
      args: [batch],
    }),
  );
}

/** `GrantRounds.settleRound` once every estimated application is finalized. Anyone. */
export function settleRound(fund: Rounds, roundId: bigint): Step[] {
  return roundsStep(fund.GrantRounds, `Settle round #${roundId}`, "settleRound", [roundId]);
}

/** `GrantRounds.topUpStipends`: reserve stipends from capital that arrived after settlement. Anyone. */
export function topUpStipends(fund: Rounds, roundId: bigint): Step[] {
  return roundsStep(fund.GrantRounds, `Top up the stipends of round #${roundId}`, "topUpStipends", [roundId]);
}
