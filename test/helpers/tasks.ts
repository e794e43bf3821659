// Running the Fund's Hardhat tasks in-process against a LocalFund deployment.
//
// The tasks connect with `hre.network.getOrCreate()`, so they share this file's connection (and
// its snapshots and clock). They read the Fund's addresses from `--deployment`: the fixture
// writes an Ignition-style deployed_addresses.json for the in-memory deployment into a temp dir,
// which keeps the repository's own ignition/deployments/ untouched.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { keccak256, parseEther, toUtf8Bytes } from "ethers";
import hre, { network } from "hardhat";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { ActionKindValue, type ActionKind } from "@fef/sdk/actionKinds";
import { encodeActionParams } from "@fef/sdk/proposals";

import LocalFundModule from "../../ignition/modules/LocalFund.js";

export const connection = await network.getOrCreate();
export const { ethers, networkHelpers } = connection;
export const { time } = networkHelpers;

export const DAY = 24 * 60 * 60;
export const SHARE = 10n ** 18n;

const scratch = mkdtempSync(path.join(tmpdir(), "fef-tasks-"));
process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));
let files = 0;

/** A new path in the test run's scratch directory (nothing is written there yet). */
export function scratchFile(name: string): string {
  files += 1;
  return path.join(scratch, `${files}-${name}`);
}

/** LocalFund (trustees = accounts 1–5, M = 3, tUSD with 6 decimals) and its addresses file. */
export async function deployFund() {
  const deployed = await connection.ignition.deploy(LocalFundModule, {
    parameters: { LocalFund: { threshold: 3 } },
  });
  const recorded: Record<string, string> = {};
  for (const [key, contractName] of [
    ["council", "TrusteeCouncil"],
    ["shares", "FundShares"],
    ["capitalPool", "CapitalPool"],
    ["grantRounds", "GrantRounds"],
    ["offerings", "Offerings"],
    ["returnsRegistry", "ReturnsRegistry"],
    ["multicall3", "Multicall3"],
    ["fundLens", "FundLens"],
    ["testUsd", "TestToken"],
  ] as const) {
    recorded[`LocalFund#${contractName}`] = await deployed[key].getAddress();
  }
  const deployment = scratchFile("deployed_addresses.json");
  writeFileSync(deployment, JSON.stringify(recorded, null, 2));
  const address = (name: string) => recorded[`LocalFund#${name}`] as string;
  const signers = await ethers.getSigners();
  return {
    deployment,
    signers,
    trustees: signers.slice(1, 6),
    council: await ethers.getContractAt("ITrusteeCouncil", address("TrusteeCouncil")),
    shares: await ethers.getContractAt("IFundShares", address("FundShares")),
    pool: await ethers.getContractAt("ICapitalPool", address("CapitalPool")),
    rounds: await ethers.getContractAt("IGrantRounds", address("GrantRounds")),
    offerings: await ethers.getContractAt("IOfferings", address("Offerings")),
    registry: await ethers.getContractAt("IReturnsRegistry", address("ReturnsRegistry")),
    testUsd: await ethers.getContractAt("TestToken", address("TestToken")),
  };
}

export type TestFund = Awaited<ReturnType<typeof deployFund>>;

/** The deployed Fund, restored from a snapshot after the first use. */
export function loadFund(): Promise<TestFund> {
  return networkHelpers.loadFixture(deployFund);
}

/** The options a task run gets besides `args`: `--json`, and the fixture's `--deployment` (none for `null`: a task that never reads the chain). */
function baseArgs(fund: TestFund | null, json: boolean): Record<string, unknown> {
  return fund === null ? { json } : { json, deployment: fund.deployment };
}

/**
 * Runs a task with `--json` and the fixture's `--deployment`, checks that it printed exactly one
 * JSON document, and returns the summary object the action returned.
 */
export async function runTask<T>(
  fund: TestFund | null,
  name: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const printed: string[] = [];
  const original = console.log;
  console.log = (...parts: unknown[]) => {
    printed.push(parts.map(String).join(" "));
  };
  let result: T;
  try {
    result = (await hre.tasks.getTask(name).run({ ...baseArgs(fund, true), ...args })) as T;
  } finally {
    console.log = original;
  }
  expect(printed, `${name} --json prints one JSON document`).to.have.length(1);
  expect(() => JSON.parse(printed[0] ?? "") as unknown, `${name} --json output parses`).not.to.throw();
  return result;
}

/** Runs a task without `--json` and returns the human summary it printed, one string per line. */
export async function runTaskText(
  fund: TestFund | null,
  name: string,
  args: Record<string, unknown> = {},
): Promise<string[]> {
  const printed: string[] = [];
  const original = console.log;
  console.log = (...parts: unknown[]) => {
    printed.push(parts.map(String).join(" "));
  };
  try {
    await hre.tasks.getTask(name).run({ ...baseArgs(fund, false), ...args });
  } finally {
    console.log = original;
  }
  return printed.flatMap((text) => text.split("\n"));
}

/**
 * Runs a task that must fail: asserts the error message contains `message` and that no block
 * was mined, i.e. no transaction was sent.
 */
export async function expectTaskError(
  fund: TestFund | null,
  name: string,
  args: Record<string, unknown>,
  message: string,
): Promise<void> {
  const blockBefore = await ethers.provider.getBlockNumber();
  let failure: unknown;
  try {
    await runTask(fund, name, args);
  } catch (error) {
    failure = error;
  }
  expect(failure, `${name} should fail`).to.be.instanceOf(Error);
  expect((failure as Error).message).to.include(message);
  expect(await ethers.provider.getBlockNumber(), "no transaction was sent").to.equal(blockBefore);
}

/** `signers[index]`, which must exist. */
export function account<T>(signers: readonly T[], index: number): T {
  const signer = signers[index];
  if (signer === undefined) throw new Error(`No account #${index}`);
  return signer;
}

/** A deployed Fund with the task runners and account lookups bound to it. */
export interface TaskFund extends TestFund {
  /** `runTask` against this Fund. */
  run<T>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** `runTaskText` against this Fund. */
  runText(name: string, args?: Record<string, unknown>): Promise<string[]>;
  /** `expectTaskError` against this Fund. */
  expectError(name: string, args: Record<string, unknown>, message: string): Promise<void>;
  /** `expectError` for each case in turn: its options and the message the task must fail with. */
  expectErrors(name: string, cases: readonly (readonly [Record<string, unknown>, string])[]): Promise<void>;
  /** The network's account `index`. */
  account(index: number): HardhatEthersSigner;
  /** Trustee `index` (0 is account 1). */
  trustee(index: number): HardhatEthersSigner;
}

/** `fund` with the task runners and account lookups bound to it. */
export function withTasks(fund: TestFund): TaskFund {
  return {
    ...fund,
    run: <T>(name: string, args: Record<string, unknown> = {}) => runTask<T>(fund, name, args),
    runText: (name, args = {}) => runTaskText(fund, name, args),
    expectError: (name, args, message) => expectTaskError(fund, name, args, message),
    expectErrors: async (name, cases) => {
      for (const [args, message] of cases) await expectTaskError(fund, name, args, message);
    },
    account: (index) => account(fund.signers, index),
    trustee: (index) => account(fund.trustees, index),
  };
}

/** `loadFund` with the task runners bound (see `withTasks`). */
export async function loadTaskFund(): Promise<TaskFund> {
  return withTasks(await loadFund());
}

/** Passes a council action with trustees 1, 2, 3 (propose, approve, approve, execute). */
export async function pass(fund: TestFund, kind: ActionKind, args: string): Promise<void> {
  const [t1, t2, t3] = [0, 1, 2].map((index) => account(fund.trustees, index));
  const id = (await fund.council.proposalCount()) + 1n;
  await (await fund.council.connect(t1).propose(ActionKindValue[kind], args)).wait();
  await (await fund.council.connect(t2).approve(id)).wait();
  await (await fund.council.connect(t3).approve(id)).wait();
  await (await fund.council.connect(t1).execute(id)).wait();
}

export interface RoundTimes {
  applicationDeadline: number;
  commitDeadline: number;
  revealDeadline: number;
}

/** Opens a round (10,000 shares, 10 ETH of stipends, 100-day vesting without cliff) starting now. */
export async function openRound(
  fund: TestFund,
  stipendBudget = parseEther("10"),
  vestingCliff = 0,
): Promise<{ roundId: bigint } & RoundTimes> {
  const now = await networkHelpers.time.latest();
  const times = {
    applicationDeadline: now + 2 * DAY,
    commitDeadline: now + 4 * DAY,
    revealDeadline: now + 6 * DAY,
  };
  await pass(
    fund,
    "OpenRound",
    encodeActionParams("OpenRound", [
      {
        sharePool: 10_000n * SHARE,
        ...times,
        vestingCliff,
        vestingDuration: 100 * DAY,
        stipendAsset: ethers.ZeroAddress,
        stipendBudget,
        applicationDeposit: 0n,
      },
    ]),
  );
  return { roundId: await fund.rounds.roundCount(), ...times };
}

/** Opens an offering of `asset` at `price` per share, from now for 5 days. */
export async function openOffering(
  fund: TestFund,
  asset: string,
  price: bigint,
  allowlistRoot = ethers.ZeroHash,
): Promise<{ offeringId: bigint; end: number }> {
  const now = await networkHelpers.time.latest();
  const end = now + 5 * DAY;
  await pass(
    fund,
    "OpenOffering",
    encodeActionParams("OpenOffering", [
      {
        asset,
        pricePerShare: price,
        shareCap: 100_000n * SHARE,
        minShares: SHARE,
        start: now,
        end,
        allowlistRoot,
      },
    ]),
  );
  return { offeringId: await fund.offerings.offeringCount(), end };
}

/** Registers a technique through the council; returns its id. */
export async function registerTechnique(fund: TestFund, title: string): Promise<bigint> {
  await pass(
    fund,
    "RegisterTechnique",
    encodeActionParams("RegisterTechnique", [
      title,
      `ipfs://technique/${title}`,
      keccak256(toUtf8Bytes(title)),
      [],
    ]),
  );
  return fund.registry.techniqueCount();
}

/** Submits an application straight to the contract; returns its id. */
export async function submitApplication(
  fund: TestFund,
  researcherIndex: number,
  roundId: bigint,
  title: string,
  effortMonths = 12,
  stipend = 0n,
): Promise<bigint> {
  const researcher = account(fund.signers, researcherIndex);
  const { params } = await fund.rounds.round(roundId);
  await (
    await fund.rounds
      .connect(researcher)
      .submitApplication(
        roundId,
        title.slice(0, 31),
        `ipfs://${title}`,
        keccak256(toUtf8Bytes(title)),
        effortMonths,
        stipend,
        {
          value: params.applicationDeposit,
        },
      )
  ).wait();
  return fund.rounds.applicationCount();
}

/** `trustee` commits a sealed estimate for `applicationId` straight to the contract (a batch of one). */
export async function commitDirectly(
  fund: TestFund,
  trusteeIndex: number,
  applicationId: bigint,
  probabilityBps: number,
  salt: string,
): Promise<string> {
  const trustee = account(fund.trustees, trusteeIndex);
  const { effortMonths, stipendRequested } = await fund.rounds.application(applicationId);
  const sealed = await fund.rounds.sealEstimate(
    trustee.address,
    applicationId,
    probabilityBps,
    effortMonths,
    stipendRequested,
    salt,
  );
  await (await fund.rounds.connect(trustee).commitEstimates([applicationId], [sealed])).wait();
  return sealed;
}

/**
 * A round with two applications, `probes` (account 6, 24 research-months) and `debate` (account 7,
 * 12 research-months), now in its commit phase; `saltFile` is a fresh path for a salt store.
 */
export async function roundInCommitPhase(fund: TestFund) {
  const round = await openRound(fund, 0n);
  const probes = await submitApplication(fund, 6, round.roundId, "probes", 24);
  const debate = await submitApplication(fund, 7, round.roundId, "debate", 12);
  await time.increaseTo(round.applicationDeadline + 1);
  return { ...round, probes, debate, saltFile: scratchFile("salts.json") };
}
