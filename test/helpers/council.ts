import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { AddressLike, BaseContract, ContractTransactionResponse, Interface } from "ethers";

import { ActionKindValue as ActionKind } from "@fef/sdk/actionKinds";

import type {
  CapitalPool,
  FundShares,
  GrantRounds,
  SystemCallRecorderMock,
  TrusteeCouncil,
} from "../../types/ethers-contracts/index.js";
import { deployLedger, MAX_PAUSE } from "./ledger.js";

export { MAX_PAUSE };

/** Mirrors `ITrusteeCouncil.ActionKind`: the same table the scripts and tasks use. */
export { ActionKind };

export type ActionKindValue = (typeof ActionKind)[keyof typeof ActionKind];

export const ETH = "0x0000000000000000000000000000000000000000";
export const PROPOSAL_LIFETIME = 7n * 24n * 3600n;
/** Seconds between a migration's announcement and its earliest execution. */
export const MIGRATION_DELAY = 14n * 24n * 3600n;
/** Seconds a pause lasts unless renewed. */

/** `list[index]`, which must exist (keeps tests free of non-null assertions). */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

/** The ABI encoding of a function's parameters: the `args` of the proposal routed to it. */
export function argsFor(iface: Interface, fn: string, values: readonly unknown[]): string {
  return "0x" + iface.encodeFunctionData(fn, values).slice(10);
}

/** The `reason` a `ProposalExecutionFailed` event carries when `target` reverted with `name(args)`. */
export function failure(target: BaseContract, name: string, args: readonly unknown[] = []): string {
  return target.interface.encodeErrorResult(name, args);
}

export interface FundSystem {
  deployer: HardhatEthersSigner;
  trustees: HardhatEthersSigner[];
  researchers: HardhatEthersSigner[];
  depositor: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
  council: TrusteeCouncil;
  shares: FundShares;
  pool: CapitalPool;
  grants: GrantRounds;
  offerings: SystemCallRecorderMock;
  registry: SystemCallRecorderMock;
  threshold: number;
}

export interface SystemOptions {
  trustees: number;
  threshold: number;
  /** Leave `bindSystem` to the test (default: bound). */
  bind?: boolean;
}

/** A contract with OpenZeppelin's AccessControl (the ledger, the capital pool). */
interface AccessControlled {
  DEFAULT_ADMIN_ROLE(): Promise<string>;
  grantRole(role: string, account: AddressLike): Promise<unknown>;
  renounceRole(role: string, account: AddressLike): Promise<unknown>;
}

/** The system contracts as the council binds them once, by their handles in the fixtures. */
export interface SystemParts {
  shares: BaseContract;
  grants: BaseContract;
  offerings: BaseContract;
  pool: BaseContract;
  registry: BaseContract;
}

/** Binds the council to the system contracts (deployment only; the deployer calls it once). */
export async function bindSystem(council: TrusteeCouncil, parts: SystemParts): Promise<void> {
  await council.bindSystem({
    shares: await parts.shares.getAddress(),
    grantRounds: await parts.grants.getAddress(),
    offerings: await parts.offerings.getAddress(),
    capitalPool: await parts.pool.getAddress(),
    returnsRegistry: await parts.registry.getAddress(),
  });
}

/** Hands each contract's admin role to the council; the deployer then renounces it. */
export async function handAdminToCouncil(
  contracts: readonly AccessControlled[],
  council: AddressLike,
  deployer: HardhatEthersSigner,
): Promise<void> {
  for (const contract of contracts) {
    const admin = await contract.DEFAULT_ADMIN_ROLE();
    await contract.grantRole(admin, council);
    await contract.renounceRole(admin, deployer);
  }
}

/**
 * Deploys the Fund as the deployment description says: council, ledger, capital pool, grant
 * rounds; offerings and the returns registry (other branches) are call recorders. Roles: grant
 * rounds mint shares and pay stipends, `depositor` deposits stipend capital; both admin roles are
 * handed to the council and renounced by the deployer; finally the council is bound.
 */
export async function deploySystem(ethers: HardhatEthers, options: SystemOptions): Promise<FundSystem> {
  const signers = await ethers.getSigners();
  const deployer = at(signers, 0);
  const trustees = signers.slice(1, 1 + options.trustees);
  const researchers = signers.slice(10, 15);
  const depositor = at(signers, 15);
  const outsider = at(signers, 19);

  const council = await ethers.deployContract(
    "TrusteeCouncil",
    [trustees.map((t) => t.address), options.threshold, PROPOSAL_LIFETIME, MIGRATION_DELAY],
    deployer,
  );
  const { pool, shares } = await deployLedger(ethers, deployer);
  const grants = await ethers.deployContract("GrantRounds", [council, shares, pool], deployer);
  const offerings = await ethers.deployContract("SystemCallRecorderMock", [], deployer);
  const registry = await ethers.deployContract("SystemCallRecorderMock", [], deployer);

  await shares.grantRole(await shares.MINTER_ROLE(), grants);
  await pool.grantRole(await pool.STIPEND_ROLE(), grants);
  // Forfeited application deposits go into the pool as capital.
  await pool.grantRole(await pool.DEPOSITOR_ROLE(), grants);
  await pool.grantRole(await pool.DEPOSITOR_ROLE(), depositor);
  await handAdminToCouncil([shares, pool], council, deployer);

  if (options.bind ?? true) {
    await bindSystem(council, { shares, grants, offerings, pool, registry });
  }
  return {
    deployer,
    trustees,
    researchers,
    depositor,
    outsider,
    ...{ council, shares, pool, grants, offerings, registry },
    threshold: options.threshold,
  };
}

/** Creates a proposal from `proposer` and returns its id. */
export async function propose(
  council: TrusteeCouncil,
  proposer: HardhatEthersSigner,
  kind: ActionKindValue,
  args: string,
): Promise<bigint> {
  await council.connect(proposer).propose(kind, args);
  return council.proposalCount();
}

/**
 * Proposes with the first of `approvers`, approves with the others and returns the (unsent)
 * execution by `executor`, so the caller can assert its outcome.
 */
export async function proposeAndApprove(
  council: TrusteeCouncil,
  approvers: readonly HardhatEthersSigner[],
  kind: ActionKindValue,
  args: string,
): Promise<bigint> {
  const [first, ...rest] = approvers;
  if (first === undefined) throw new Error("no approvers");
  const id = await propose(council, first, kind, args);
  for (const trustee of rest) await council.connect(trustee).approve(id);
  return id;
}

/** Proposes, gathers the threshold's approvals from the first trustees and executes. */
export async function pass(
  system: Pick<FundSystem, "council" | "trustees" | "threshold" | "outsider">,
  kind: ActionKindValue,
  args: string,
): Promise<ContractTransactionResponse> {
  const id = await proposeAndApprove(system.council, system.trustees.slice(0, system.threshold), kind, args);
  return system.council.connect(system.outsider).execute(id);
}
