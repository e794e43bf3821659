import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import { expect } from "chai";
import { AbiCoder, id, keccak256 } from "ethers";
import type { TransactionResponse } from "ethers";

import type { GrantRounds, ContractWalletMock } from "../../types/ethers-contracts/index.js";
import { ActionKind, ETH, argsFor, pass, proposeAndApprove } from "./council.js";
import type { FundSystem } from "./council.js";

export const DAY = 86_400n;
export const VESTING_CLIFF = 30n * DAY;
export const VESTING_DURATION = 360n * DAY;
export const SHARE_POOL = 1_000_000n * 10n ** 18n;

/** Mirrors `IGrantRounds.RoundStatus` and `ApplicationStatus`. */
export const RoundStatus = { None: 0n, Open: 1n, Settled: 2n, Closed: 3n } as const;
export const ApplicationStatus = { None: 0n, Pending: 1n, Funded: 2n, Unfunded: 3n, Cancelled: 4n } as const;
/** Mirrors `IGrantRounds.EstimateStatus`. */
export const EstimateStatus = { None: 0n, Recused: 1n, Committed: 2n, Revealed: 3n, Missed: 4n } as const;

export interface RoundParams {
  sharePool: bigint;
  applicationDeadline: bigint;
  commitDeadline: bigint;
  revealDeadline: bigint;
  vestingCliff: bigint;
  vestingDuration: bigint;
  stipendAsset: string;
  stipendBudget: bigint;
  applicationDeposit: bigint;
}

/** A round whose phases are one day each from `now`, vesting 30-day cliff / 360 days, no stipends. */
export function roundParams(now: bigint, overrides: Partial<RoundParams> = {}): RoundParams {
  return {
    sharePool: SHARE_POOL,
    applicationDeadline: now + DAY,
    commitDeadline: now + 2n * DAY,
    revealDeadline: now + 3n * DAY,
    vestingCliff: VESTING_CLIFF,
    vestingDuration: VESTING_DURATION,
    stipendAsset: ETH,
    stipendBudget: 0n,
    applicationDeposit: 0n,
    ...overrides,
  };
}

export function openRoundArgs(grants: GrantRounds, params: RoundParams): string {
  return argsFor(grants.interface, "openRound", [params]);
}

/** Opens a round through the council (propose, approvals, execute) and returns its id. */
export async function openRound(system: FundSystem, params: RoundParams): Promise<bigint> {
  await pass(system, ActionKind.OpenRound, openRoundArgs(system.grants, params));
  return system.grants.roundCount();
}

/** Submits an application (uri and hash derived from `label`) and returns its id. */
export async function apply(
  grants: GrantRounds,
  researcher: HardhatEthersSigner,
  roundId: bigint,
  label: string,
  effortMonths: number,
  stipendRequested = 0n,
  deposit = 0n,
): Promise<bigint> {
  await grants
    .connect(researcher)
    .submitApplication(
      roundId,
      label.slice(0, 31),
      `ipfs://${label}`,
      id(label),
      effortMonths,
      stipendRequested,
      {
        value: deposit,
      },
    );
  return grants.applicationCount();
}

/** A trustee as the grant rounds contract sees it: an EOA, or a contract wallet driven by its owner. */
export interface TrusteeActor {
  address: string;
  send(target: string, data: string): Promise<TransactionResponse>;
}

export function eoaTrustee(signer: HardhatEthersSigner): TrusteeActor {
  return { address: signer.address, send: (to, data) => signer.sendTransaction({ to, data }) };
}

export async function walletTrustee(
  wallet: ContractWalletMock,
  owner: HardhatEthersSigner,
): Promise<TrusteeActor> {
  return {
    address: await wallet.getAddress(),
    send: (to, data) => wallet.connect(owner).execute(to, 0n, data),
  };
}

export function saltFor(trustee: string, applicationId: bigint): string {
  return id(`salt:${trustee}:${applicationId}`);
}

/** Values above every declared effort and request: they count as the declared ones (capped). */
export const UNCAPPED_EFFORT = 1_200;
export const UNCAPPED_STIPEND = 2n ** 128n - 1n;

/** The sealed estimate computed off-chain, exactly as `sealEstimate` documents it. */
export function sealLocally(
  chainId: bigint,
  grants: string,
  trustee: string,
  applicationId: bigint,
  values: EstimateValues,
  salt: string,
): string {
  return keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ["uint256", "address", "address", "uint256", "uint16", "uint32", "uint128", "bytes32"],
      [
        chainId,
        grants,
        trustee,
        applicationId,
        values.probabilityBps,
        values.effortMonths ?? UNCAPPED_EFFORT,
        values.stipend ?? UNCAPPED_STIPEND,
        salt,
      ],
    ),
  );
}

/** A trustee's estimate: effort and stipend default to "as declared" (values that are capped to it). */
export interface EstimateValues {
  probabilityBps: number;
  effortMonths?: number;
  stipend?: bigint;
}

export interface Estimate extends EstimateValues {
  trustee: TrusteeActor;
}

/** The `Reveal` tuple of one estimate. */
export function revealOf(applicationId: bigint, values: EstimateValues, salt: string) {
  return {
    applicationId,
    probabilityBps: values.probabilityBps,
    effortMonths: values.effortMonths ?? UNCAPPED_EFFORT,
    stipend: values.stipend ?? UNCAPPED_STIPEND,
    salt,
  };
}

/** Each trustee commits its estimate for `applicationId` (a batch of one, sealed off-chain). */
export async function commitEstimates(
  grants: GrantRounds,
  applicationId: bigint,
  estimates: readonly Estimate[],
) {
  const address = await grants.getAddress();
  const provider = grants.runner?.provider;
  if (!provider) throw new Error("the grants contract has no provider");
  const { chainId } = await provider.getNetwork();
  for (const estimate of estimates) {
    const { trustee } = estimate;
    const sealed = sealLocally(
      chainId,
      address,
      trustee.address,
      applicationId,
      estimate,
      saltFor(trustee.address, applicationId),
    );
    await trustee.send(
      address,
      grants.interface.encodeFunctionData("commitEstimates", [[applicationId], [sealed]]),
    );
  }
}

/** Each trustee reveals its estimate for `applicationId` (a batch of one). */
export async function revealEstimates(
  grants: GrantRounds,
  applicationId: bigint,
  estimates: readonly Estimate[],
) {
  const address = await grants.getAddress();
  for (const estimate of estimates) {
    const salt = saltFor(estimate.trustee.address, applicationId);
    await estimate.trustee.send(
      address,
      grants.interface.encodeFunctionData("revealEstimates", [[revealOf(applicationId, estimate, salt)]]),
    );
  }
}

/** Finalizes the given applications of one round in one batch. */
export async function finalize(grants: GrantRounds, ids: readonly bigint[]) {
  return grants.finalizeApplications([...ids]);
}

/** Pins the next block's timestamp to one second after the latest block and returns it. */
export async function pinNextTimestamp(networkHelpers: NetworkHelpers): Promise<bigint> {
  const next = BigInt(await networkHelpers.time.latest()) + 1n;
  await networkHelpers.time.setNextBlockTimestamp(next);
  return next;
}

/** Moves time so that the next transaction is the first second after `deadline`. */
export async function passDeadline(networkHelpers: NetworkHelpers, deadline: bigint): Promise<void> {
  const now = BigInt(await networkHelpers.time.latest());
  if (now < deadline) await networkHelpers.time.increaseTo(deadline);
}

/**
 * Runs the estimate phases of a round: commits every estimate, reveals them, and leaves time just
 * after the reveal deadline (applications can then be finalized).
 */
export async function estimateRound(
  networkHelpers: NetworkHelpers,
  grants: GrantRounds,
  params: RoundParams,
  estimates: ReadonlyMap<bigint, readonly Estimate[]>,
): Promise<void> {
  await passDeadline(networkHelpers, params.applicationDeadline);
  for (const [applicationId, list] of estimates) await commitEstimates(grants, applicationId, list);
  await passDeadline(networkHelpers, params.commitDeadline);
  for (const [applicationId, list] of estimates) await revealEstimates(grants, applicationId, list);
  await passDeadline(networkHelpers, params.revealDeadline);
}

/** A round as the tests estimate it: its contract, its deadlines and its trustees, in order. */
export interface EstimatedRound {
  grants: GrantRounds;
  params: RoundParams;
  trustees: readonly HardhatEthersSigner[];
}

/** Per application, the probabilities (bps) its estimating trustees give, in the round's trustee order. */
export type Probabilities = ReadonlyArray<
  readonly [applicationId: bigint, probabilitiesBps: readonly number[]]
>;

/**
 * `estimateRound` with each application's probabilities given by the round's first trustees, in order
 * (the first value by trustee 0, the next by trustee 1, …).
 */
export async function estimateProbabilities(
  networkHelpers: NetworkHelpers,
  round: EstimatedRound,
  probabilities: Probabilities,
): Promise<void> {
  const estimates = new Map(
    probabilities.map(([id, values]) => [id, estimatesOf(round.trustees, values)] as const),
  );
  await estimateRound(networkHelpers, round.grants, round.params, estimates);
}

/** The arguments of `ApplicationFinalized`, in the event's order. */
export type FinalizedArgs = readonly [
  applicationId: bigint,
  funded: boolean,
  medianProbabilityBps: bigint,
  medianEffortMonths: bigint,
  medianStipend: bigint,
  committedCount: bigint,
  revealedCount: bigint,
  weight: bigint,
];

/** Expects a finalize transaction to emit `ApplicationFinalized` with exactly these arguments. */
export async function expectFinalized(
  finalized: Promise<TransactionResponse>,
  grants: GrantRounds,
  args: FinalizedArgs,
): Promise<void> {
  await expect(finalized)
    .to.emit(grants, "ApplicationFinalized")
    .withArgs(...args);
}

/**
 * The first two trustees propose and approve cancelling `applicationId`, and the next block is pinned to
 * `cancelAt`: the execution that follows cancels the grant at that second. Returns the proposal id.
 */
export async function cancellationAt(
  networkHelpers: NetworkHelpers,
  system: Pick<FundSystem, "council" | "trustees">,
  applicationId: bigint,
  cancelAt: bigint,
): Promise<bigint> {
  const args = AbiCoder.defaultAbiCoder().encode(["uint256"], [applicationId]);
  const id = await proposeAndApprove(
    system.council,
    system.trustees.slice(0, 2),
    ActionKind.CancelGrant,
    args,
  );
  await networkHelpers.time.setNextBlockTimestamp(cancelAt);
  return id;
}

/** Estimates of the given trustees, in order. */
export function estimatesOf(trustees: readonly HardhatEthersSigner[], values: readonly number[]): Estimate[] {
  return values.map((probabilityBps, i) => {
    const trustee = trustees[i];
    if (trustee === undefined) throw new Error(`no trustee ${i}`);
    return { trustee: eoaTrustee(trustee), probabilityBps };
  });
}

/** ⌊a × b / c⌋, as the contracts compute it. */
export function mulDiv(a: bigint, b: bigint, c: bigint): bigint {
  return (a * b) / c;
}

/** Cliff-and-linear vesting, as `Vesting.vested` computes it. */
export function vestedAt(total: bigint, start: bigint, cliff: bigint, duration: bigint, at: bigint): bigint {
  if (at < start) return 0n;
  const elapsed = at - start;
  if (elapsed < cliff) return 0n;
  if (elapsed >= duration) return total;
  return (total * elapsed) / duration;
}
