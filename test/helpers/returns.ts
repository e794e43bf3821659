import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { TypedDataDomain } from "ethers";

import {
  PROMISE_DOMAIN_NAME,
  PROMISE_DOMAIN_VERSION,
  mutablePromiseTypes,
  type PromiseTerms as SdkPromiseTerms,
} from "@fef/sdk/promise";

import type {
  ContractWalletMock,
  FundShares,
  ReturnsRegistry,
  TestToken,
} from "../../types/ethers-contracts/index.js";
import { deployLedger } from "./ledger.js";
import { connect } from "./network.js";

/** Asset id of native ETH in the ledger and the registry. */
export const ETH = "0x0000000000000000000000000000000000000000";
export const DAY = 86_400n;
export const WHOLE_SHARE = 10n ** 18n;

// The EIP-712 domain name, version, types and message shape are the ones scripts, tasks and the seed
// sign with: one definition, so a test cannot drift from what a wallet is asked to sign.
export const REGISTRY_NAME = PROMISE_DOMAIN_NAME;
export const REGISTRY_VERSION = PROMISE_DOMAIN_VERSION;
export const PROMISE_TYPES = mutablePromiseTypes();
/** The SDK's Promise terms in ethers' shapes (mutable arrays, plain strings), so tests can derive variants. */
export type PromiseTerms = Omit<SdkPromiseTerms, "techniqueIds" | "modelHash"> & {
  techniqueIds: bigint[];
  modelHash: string;
};

export interface CommitmentView {
  companyId: bigint;
  signer: string;
  returnsShareBps: bigint;
  periodCount: bigint;
  reportedCount: bigint;
  disputedCount: bigint;
}

export async function registryDomain(
  registry: ReturnsRegistry,
  overrides: Partial<TypedDataDomain> = {},
): Promise<TypedDataDomain> {
  const provider = registry.runner?.provider;
  if (!provider) throw new Error("the registry handle has no provider");
  const { chainId } = await provider.getNetwork();
  return {
    name: REGISTRY_NAME,
    version: REGISTRY_VERSION,
    chainId,
    verifyingContract: await registry.getAddress(),
    ...overrides,
  };
}

/** Signs `terms` exactly as a wallet would (eth_signTypedData_v4). */
export async function signPromise(
  signer: HardhatEthersSigner,
  registry: ReturnsRegistry,
  terms: PromiseTerms,
  domainOverrides: Partial<TypedDataDomain> = {},
): Promise<string> {
  return signer.signTypedData(await registryDomain(registry, domainOverrides), PROMISE_TYPES, terms);
}

/** Expects `registry` to refuse `terms` submitted for `signer` because `signature` does not verify for it. */
export async function expectSignatureRefused(
  registry: ReturnsRegistry,
  terms: Parameters<ReturnsRegistry["submitCommitment"]>[0],
  signer: string,
  signature: string,
): Promise<void> {
  await expect(registry.submitCommitment(terms, signer, signature))
    .to.be.revertedWithCustomError(registry, "ReturnsRegistryInvalidSignature")
    .withArgs(signer);
}

/** ceil(gross × bps / 10,000), the amount a period owes. */
export function dueFor(gross: bigint, bps: bigint | number): bigint {
  const product = gross * BigInt(bps);
  return (product + 9_999n) / 10_000n;
}

/** Terms starting at `start` with `periods` periods of `periodLength`; every other field has a plain default. */
export function promiseTerms(
  companyId: bigint,
  start: bigint,
  overrides: Partial<PromiseTerms> & { periods?: bigint } = {},
): PromiseTerms {
  const { periods = 4n, ...rest } = overrides;
  const periodLength = rest.periodLength ?? 30n * DAY;
  return {
    companyId,
    techniqueIds: [1n],
    modelName: "Aligned-7B",
    modelHash: "0x" + "ab".repeat(32),
    returnsShareBps: 500,
    start,
    end: start + periods * periodLength,
    periodLength,
    gracePeriod: 7n * DAY,
    nonce: 1n,
    deadline: start + 365n * DAY,
    ...rest,
  };
}

export interface ReturnsSystem {
  registry: ReturnsRegistry;
  shares: FundShares;
  token: TestToken;
  deployer: HardhatEthersSigner;
  council: HardhatEthersSigner;
  minter: HardhatEthersSigner;
  companyAdmin: HardhatEthersSigner;
  companySigner: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
  holders: [HardhatEthersSigner, HardhatEthersSigner, HardhatEthersSigner, HardhatEthersSigner];
  companyId: bigint;
  start: bigint;
}

/**
 * The ledger with ETH and a 6-decimal test token as returns assets, a registry whose council is a plain
 * account, two registered techniques and one company (admin `companyAdmin`) with one extra signer.
 */
export async function deployReturnsSystem(ethers: HardhatEthers): Promise<ReturnsSystem> {
  const [deployer, council, minter, companyAdmin, companySigner, outsider, h0, h1, h2, h3] =
    await ethers.getSigners();
  if (
    !deployer ||
    !council ||
    !minter ||
    !companyAdmin ||
    !companySigner ||
    !outsider ||
    !h0 ||
    !h1 ||
    !h2 ||
    !h3
  ) {
    throw new Error("the test network needs at least ten accounts");
  }
  const holders: ReturnsSystem["holders"] = [h0, h1, h2, h3];

  const { shares } = await deployLedger(ethers, deployer);
  const token = await ethers.deployContract("TestToken", ["Test USD", "TUSD", 6]);
  await shares.addReturnsAsset(await token.getAddress());
  await shares.grantRole(await shares.MINTER_ROLE(), minter.address);

  const registry = await ethers.deployContract("ReturnsRegistry", [
    council.address,
    await shares.getAddress(),
  ]);
  await registry.connect(council).registerTechnique("Debate", "ipfs://debate", ethers.id("debate"), [1n, 2n]);
  await registry
    .connect(council)
    .registerTechnique("Interpretability probes", "ipfs://probes", ethers.id("probes"), []);
  await registry
    .connect(companyAdmin)
    .registerCompany("Acme AI", "https://acme.example", companyAdmin.address);
  await registry.connect(companyAdmin).setCompanySigner(1n, companySigner.address, true);

  const latest = await ethers.provider.getBlock("latest");
  if (!latest) throw new Error("no latest block");
  const start = BigInt(latest.timestamp) + DAY;
  return {
    registry,
    shares,
    token,
    deployer,
    council,
    minter,
    companyAdmin,
    companySigner,
    outsider,
    holders,
    companyId: 1n,
    start,
  };
}

/** Signs `terms` with `signer` and submits them from `submitter`; returns the new commitment id. */
export async function commit(
  registry: ReturnsRegistry,
  signer: HardhatEthersSigner,
  terms: PromiseTerms,
  submitter: HardhatEthersSigner = signer,
): Promise<bigint> {
  const signature = await signPromise(signer, registry, terms);
  await registry.connect(submitter).submitCommitment(terms, signer.address, signature);
  return registry.commitmentCount();
}

/** Deploys an ERC-1271 wallet owned by `owner`. */
export async function deployWallet(
  ethers: HardhatEthers,
  owner: HardhatEthersSigner,
): Promise<ContractWalletMock> {
  return ethers.deployContract("ContractWalletMock", [owner.address]);
}

/** The compliance view's period counts in order: elapsed, reported, due, overdue. */
export function periodCounts(status: {
  periodsElapsed: bigint;
  periodsReported: bigint;
  periodsDue: bigint;
  periodsOverdue: bigint;
}): bigint[] {
  return [status.periodsElapsed, status.periodsReported, status.periodsDue, status.periodsOverdue];
}

/** The end of period `period` (0-based) of `terms`. */
export function periodEnd(terms: PromiseTerms, period: bigint): bigint {
  return terms.start + (period + 1n) * terms.periodLength;
}

/**
 * The ledger rounds each holder's claimable amount down by at most 1 wei (in the Fund's favour):
 * `actual` must be `exact` or `exact − 1`.
 */
export function isWithinLedgerRounding(actual: bigint, exact: bigint): boolean {
  return actual <= exact && actual + 1n >= exact;
}

/** `map.get(key)`, failing loudly when the key is missing. */
export function entry<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`missing entry ${String(key)}`);
  return value;
}

/** A Returns system with a commitment: `promiseTerms` from `start` (four 30-day periods, 7-day grace). */
export interface CommittedSystem extends ReturnsSystem {
  terms: PromiseTerms;
  commitmentId: bigint;
}

/** `deployReturnsSystem`, then the first holder gets 10 shares and the company commits to `promiseTerms`. */
export async function deployCommittedSystem(ethers: HardhatEthers): Promise<CommittedSystem> {
  const base = await deployReturnsSystem(ethers);
  await base.shares.connect(base.minter).mint(base.holders[0].address, 10n * WHOLE_SHARE);
  const terms = promiseTerms(base.companyId, base.start);
  const commitmentId = await commit(base.registry, base.companyAdmin, terms);
  return { ...base, terms, commitmentId };
}

/**
 * A network connection of its own for one test file, and its fixtures: `system` (holders, no
 * commitment yet) and `committed` (see `deployCommittedSystem`).
 */
export async function returnsNetwork() {
  const connection = await connect();
  const system = (): Promise<ReturnsSystem> => deployReturnsSystem(connection.ethers);
  const committed = (): Promise<CommittedSystem> => deployCommittedSystem(connection.ethers);
  return { ...connection, system, committed };
}
