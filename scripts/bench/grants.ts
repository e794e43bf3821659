import {
  encodeFunctionData,
  getAddress,
  keccak256,
  toBytes,
  zeroAddress,
  type Address,
  type Hex,
} from "viem";

import { approveProposal, executeProposal, proposeAction } from "@fef/sdk/actions/council";
import * as grants from "@fef/sdk/actions/grants";
import { capitalPoolAbi, fundSharesAbi, grantRoundsAbi, trusteeCouncilAbi } from "@fef/sdk/generated/abis";
import { memorySaltStore } from "@fef/sdk/salts";

import { type Passing, type Wallet, nextProposalId, passProposal } from "../lib/council.js";
import {
  type BenchChain,
  addressOf,
  benchChain,
  deployPoolAndLedger,
  gasOf,
  mined,
  send,
  wallet,
  write,
} from "./chain.js";
import type { GasRow } from "./rows.js";

/**
 * Gas of the council and grant-round operations in rounds of 40, 100 and 1,000 applications, each
 * size on a fresh simulated network. Council: 5 trustees, M = 3. Every figure is a full
 * transaction's `gasUsed`, made after the round holds all its applications (all but 20 are never
 * estimated: junk, as far as the round is concerned): the last trustee's approval and the execution
 * of a SetTransfersEnabled proposal; applying (with and without a stipend request, paying the
 * deposit, with a title of the full 31 bytes and a 70-byte ipfs:// URI); batched commits and reveals of 20 estimates (per estimate: the transaction's gas / 20),
 * by the first trustee (whose reveal marks each application estimated) and by the last; a batched
 * finalization of those 20 applications (per application), each asking for a stipend; settling
 * (which moves the junk's deposits to the capital pool); a deposit refund; the council's outcome
 * writes (a ResolveOutcome, a SetOutcomeHorizon, and a second OpenRound, which fixes the horizon);
 * and the researchers' share and stipend claims.
 */

/** Round sizes measured; GAS_GRANT_SIZES=40 (comma-separated) measures fewer, for a quick look. */
const SIZES = (process.env.GAS_GRANT_SIZES ?? "40,100,1000").split(",").map(Number);
const BATCH = 20;
const TARGET = 80_000;
const APPLY_TARGET = 120_000;
const ESTIMATE_TARGET = 30_000;
const FINALIZE_TARGET = 60_000;
const DEPOSIT = 10n ** 15n;
/** The stipend claim is held to the capital target of the offerings issue (≤ 90,000). */
const STIPEND_TARGET = 90_000;
const STIPEND_CAPITAL = 10n * 10n ** 18n;
const STIPEND_REQUEST = 2n * 10n ** 18n;
const DAY = 86_400n;
/** Enough for any filler transaction; fixing it skips a gas estimate per transaction. */
const FILLER_GAS_LIMIT = 400_000n;

export async function benchGrants(): Promise<GasRow[]> {
  const rows: GasRow[] = [];
  for (const size of SIZES) rows.push(...(await benchRound(size)));
  return rows;
}

type Fund = { TrusteeCouncil: Address; FundShares: Address; GrantRounds: Address; CapitalPool: Address };

async function deployFund(chain: BenchChain, deployer: Wallet, trustees: readonly Address[]): Promise<Fund> {
  const { viem, client } = chain;
  // The deployer is dev account 0, hardhat-viem's default sender.
  const council = (await viem.deployContract("TrusteeCouncil", [trustees, 3n, 7n * DAY, 14n * DAY])).address;
  const { pool, shares } = await deployPoolAndLedger(chain, deployer);
  const grantRounds = (await viem.deployContract("GrantRounds", [council, shares, pool])).address;
  // Offerings and the returns registry play no part here; any contract address binds.
  const placeholder = (await viem.deployContract("SystemCallRecorderMock", [])).address;
  const sharesRole = (functionName: "DEFAULT_ADMIN_ROLE" | "MINTER_ROLE") =>
    client.readContract({ address: shares, abi: fundSharesAbi, functionName });
  const poolRole = (functionName: "STIPEND_ROLE" | "DEPOSITOR_ROLE") =>
    client.readContract({ address: pool, abi: capitalPoolAbi, functionName });
  const admin = await sharesRole("DEFAULT_ADMIN_ROLE");
  const run = (steps: ReturnType<typeof write>) => send(chain, deployer, steps);
  await run(write(shares, fundSharesAbi, "grantRole", [await sharesRole("MINTER_ROLE"), grantRounds]));
  await run(write(pool, capitalPoolAbi, "grantRole", [await poolRole("STIPEND_ROLE"), grantRounds]));
  // Forfeited application deposits go into the pool as capital.
  await run(write(pool, capitalPoolAbi, "grantRole", [await poolRole("DEPOSITOR_ROLE"), grantRounds]));
  // Investor capital for the stipends (the deployer stands in for the offerings contract).
  await run(
    write(pool, capitalPoolAbi, "grantRole", [await poolRole("DEPOSITOR_ROLE"), addressOf(deployer)]),
  );
  await run(
    write(pool, capitalPoolAbi, "depositCapital", [zeroAddress, STIPEND_CAPITAL, 0n], STIPEND_CAPITAL),
  );
  await run(write(shares, fundSharesAbi, "grantRole", [admin, council]));
  await run(write(shares, fundSharesAbi, "renounceRole", [admin, addressOf(deployer)]));
  await run(write(pool, capitalPoolAbi, "grantRole", [admin, council]));
  await run(write(pool, capitalPoolAbi, "renounceRole", [admin, addressOf(deployer)]));
  await run(
    write(council, trusteeCouncilAbi, "bindSystem", [
      {
        shares,
        grantRounds,
        offerings: placeholder,
        capitalPool: pool,
        returnsRegistry: placeholder,
      },
    ]),
  );
  return { TrusteeCouncil: council, FundShares: shares, GrantRounds: grantRounds, CapitalPool: pool };
}

/** Sends `data` to `to` once per entry from `sender` without waiting for receipts (automine mines each). */
async function sendAll(
  chain: BenchChain,
  sender: Wallet,
  to: Address,
  calls: readonly Hex[],
  value = 0n,
): Promise<void> {
  let nonce = await chain.client.getTransactionCount({ address: addressOf(sender) });
  const hashes: Hex[] = [];
  for (const data of calls) {
    hashes.push(
      await sender.sendTransaction({ to, data, nonce, value, gas: FILLER_GAS_LIMIT, chain: sender.chain }),
    );
    nonce += 1;
  }
  await mined(chain, hashes);
}

async function benchRound(size: number): Promise<GasRow[]> {
  const chain = await benchChain();
  const { client, time } = chain;
  const deployer = wallet(chain, 0);
  const trustees = [1, 2, 3, 4, 5].map((index) => wallet(chain, index));
  const trustee = (index: number): Wallet => wallet(chain, index + 1);
  const filler = wallet(chain, 10);
  const researcher = (index: number): Wallet => wallet(chain, 11 + (index % 8));
  const executor = wallet(chain, 19);
  const fund = await deployFund(chain, deployer, trustees.map(addressOf));
  const passing: Passing = { proposer: trustee(0), approvers: [trustee(1), trustee(2)], executor };

  // Open the round through the council.
  const now = BigInt(await time.latest());
  const params = {
    sharePool: 1_000_000n * 10n ** 18n,
    applicationDeadline: now + DAY,
    commitDeadline: now + 2n * DAY,
    revealDeadline: now + 3n * DAY,
    vestingCliff: 30n * DAY,
    vestingDuration: 360n * DAY,
    stipendAsset: zeroAddress,
    stipendBudget: STIPEND_CAPITAL,
    applicationDeposit: DEPOSIT,
  };
  await passProposal(client, fund, passing, "OpenRound", [params]);
  const roundId = 1n;
  const id = (text: string): Hex => keccak256(toBytes(text));

  // size − 20 filler applications (nobody estimates them), then the 20 measured ones.
  const applyCalls = Array.from({ length: size - BATCH }, (_, i) =>
    encodeFunctionData({
      abi: grantRoundsAbi,
      functionName: "submitApplication",
      args: [roundId, `Filler ${i}`, `ipfs://filler-${i}`, id(`filler-${i}`), 6 + (i % 12), 0n],
    }),
  );
  await sendAll(chain, filler, fund.GrantRounds, applyCalls, DEPOSIT);
  const measured: bigint[] = [];
  let applyGas = 0;
  let applyNoStipendGas = 0;
  for (let i = 0; i < BATCH; i++) {
    // The last one asks for no stipend (fewer slots); the others do (the costlier case).
    const stipendRequested = i === BATCH - 1 ? 0n : STIPEND_REQUEST;
    const gas = await gasOf(
      chain,
      researcher(i),
      grants.submitApplication(fund, {
        roundId,
        // A title of the full 31 bytes and a real-sized proposal URI (a CIDv1, 66 bytes).
        title: `Interpretability probes ${String(i).padStart(2, "0")}`.padEnd(31, "."),
        uri: `ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fb${String(i).padStart(4, "0")}`,
        contentHash: id(`measured-${i}`),
        effortMonths: 24,
        stipendRequested,
        deposit: DEPOSIT,
      }),
    );
    if (stipendRequested === 0n) applyNoStipendGas = gas;
    else applyGas = Math.max(applyGas, gas);
    measured.push(BigInt(size - BATCH + i + 1));
  }

  // Council operations on a round of this size.
  const proposalId = await nextProposalId(client, fund);
  await send(chain, trustee(0), proposeAction(fund, "SetTransfersEnabled", [true]));
  await send(chain, trustee(1), approveProposal(fund, proposalId));
  const approveGas = await gasOf(chain, trustee(2), approveProposal(fund, proposalId));
  const executeGas = await gasOf(chain, executor, executeProposal(fund, proposalId));

  // Estimates: every trustee commits its 20 sealed estimates in one batch, then reveals them in one.
  const chainId = await client.getChainId();
  const salts = memorySaltStore();
  // One second past each deadline: every step is simulated at the latest block's time before it is sent.
  await time.increaseTo(params.applicationDeadline + 1n);
  const commitGas: number[] = [];
  for (const [i, from] of trustees.entries()) {
    const trusteeAddress = getAddress(addressOf(from));
    const { steps } = await grants.commitEstimates(client, fund, salts, {
      chainId,
      trustee: trusteeAddress,
      estimates: measured.map((applicationId) => ({
        applicationId,
        probabilityBps: 5000 + 500 * i,
        effortMonths: 12 + i,
        stipend: STIPEND_REQUEST / 2n,
        salt: id(`${trusteeAddress}:${applicationId}`),
      })),
    });
    commitGas.push(await gasOf(chain, from, steps));
  }
  await time.increaseTo(params.commitDeadline + 1n);
  const revealGas: number[] = [];
  for (const from of trustees) {
    const trusteeAddress = getAddress(addressOf(from));
    const keys = measured.map((applicationId) => ({
      chainId,
      grantRounds: fund.GrantRounds,
      trustee: trusteeAddress,
      applicationId,
    }));
    revealGas.push(await gasOf(chain, from, grants.revealEstimates(salts, keys).steps));
  }

  // Finalize the 20 estimated applications in one batch; the others need nothing. Settle.
  await time.increaseTo(params.revealDeadline + 1n);
  const finalizeGas = await gasOf(chain, executor, grants.finalizeApplications(fund, measured));
  const settleGas = await gasOf(chain, executor, grants.settleRound(fund, roundId));
  const { settledAt } = await client.readContract({
    address: fund.GrantRounds,
    abi: grantRoundsAbi,
    functionName: "round",
    args: [roundId],
  });
  const first = measured[0] ?? 0n;
  const second = measured[1] ?? 0n;
  const refundGas = await gasOf(chain, researcher(0), grants.refundDeposit(fund, first));

  // Outcomes: the council's writes for track records, on a round (and a module) of this size.
  const executeKind = async <K extends "ResolveOutcome" | "SetOutcomeHorizon" | "OpenRound">(
    kind: K,
    args: Parameters<typeof proposeAction<K>>[2],
  ): Promise<number> => {
    const outcomeProposal = await nextProposalId(client, fund);
    await send(chain, trustee(0), proposeAction(fund, kind, args));
    await send(chain, trustee(1), approveProposal(fund, outcomeProposal));
    await send(chain, trustee(2), approveProposal(fund, outcomeProposal));
    return gasOf(chain, executor, executeProposal(fund, outcomeProposal));
  };
  const resolveGas = await executeKind("ResolveOutcome", [first, true]);
  const horizonGas = await executeKind("SetOutcomeHorizon", [365n * DAY]);
  const later = BigInt(await time.latest());
  const openGas = await executeKind("OpenRound", [
    {
      ...params,
      applicationDeadline: later + DAY,
      commitDeadline: later + 2n * DAY,
      revealDeadline: later + 3n * DAY,
    },
  ]);

  // Share claims: another researcher claims first, so the ledger already has supply; then the
  // measured researcher's first claim (a new ledger holder) and a later one.
  await time.increaseTo(settledAt + 60n * DAY);
  await send(chain, researcher(1), grants.claimAwardShares(fund, second));
  const firstClaimGas = await gasOf(chain, researcher(0), grants.claimAwardShares(fund, first));
  await time.increaseTo(settledAt + 120n * DAY);
  const holders = Number(
    await client.readContract({ address: fund.FundShares, abi: fundSharesAbi, functionName: "holderCount" }),
  );
  const laterClaimGas = await gasOf(chain, researcher(0), grants.claimAwardShares(fund, first));
  // Stipend claims from the capital pool, as the researcher makes them (claimStipend → pool.payStipend).
  const firstStipendGas = await gasOf(chain, researcher(0), grants.claimStipend(fund, first));
  await time.increaseTo(settledAt + 180n * DAY);
  const laterStipendGas = await gasOf(chain, researcher(0), grants.claimStipend(fund, first));
  await chain.connection.close();

  const row = (op: string, gas: number, target?: number, goal?: number): GasRow => ({
    op,
    holders,
    gas,
    dimension: "applications",
    size,
    ...(target === undefined ? {} : { target }),
    ...(goal === undefined ? {} : { goal }),
  });
  const perItem = (gas: number | undefined) => Math.ceil((gas ?? 0) / BATCH);
  return [
    row("council.approve", approveGas, TARGET),
    row("council.execute(SetTransfersEnabled)", executeGas),
    row("submitApplication (stipend requested, deposit)", applyGas, APPLY_TARGET),
    row("submitApplication (no stipend, deposit)", applyNoStipendGas, APPLY_TARGET),
    // Per estimate, for the first and the last of the five trustees to commit (then reveal) a batch.
    ...(
      [
        ["commitEstimates", commitGas],
        ["revealEstimates", revealGas],
      ] as const
    ).flatMap(([operation, gas]) =>
      (
        [
          ["first trustee", 0],
          ["last trustee", 4],
        ] as const
      ).map(([who, index]) =>
        row(`${operation} per estimate, batch of ${BATCH} (${who})`, perItem(gas[index]), ESTIMATE_TARGET),
      ),
    ),
    row(
      `finalizeApplications per application, batch of ${BATCH} (5 trustees)`,
      perItem(finalizeGas),
      FINALIZE_TARGET,
    ),
    row("settleRound (junk deposits to the capital pool)", settleGas),
    row("council.execute(ResolveOutcome)", resolveGas),
    row("council.execute(SetOutcomeHorizon)", horizonGas),
    row("council.execute(OpenRound, fixes the outcome horizon)", openGas),
    row("refundDeposit", refundGas),
    // The first claim pays the ledger's new-holder bookkeeping (balance and holder set); no target.
    row("claimShares (first claim, new holder)", firstClaimGas),
    row("claimShares (later claim)", laterClaimGas, TARGET),
    row("claimStipend (ETH, first claim)", firstStipendGas, STIPEND_TARGET),
    row("claimStipend (ETH, later claim)", laterStipendGas, STIPEND_TARGET),
  ];
}
