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
import { type BenchChain, addressOf, benchChain, gasOf, mined, send, wallet, write } from "./chain.js";
import type { GasRow } from "./rows.js";

/**
 * Gas of the council and grant-round operations in rounds of 10, 100 and 1,000 applications, each
 * size on a fresh simulated network. Council: 5 trustees, M = 3. Every figure is the full
 * transaction's `gasUsed` of one typical call made after the round holds all its applications:
 * the last trustee's approval and the execution of a SetTransfersEnabled proposal, the last of five
 * commitments and reveals on the last application, the finalization of that application after all
 * others, and its researcher's share claims: the first one (which makes the researcher a ledger
 * holder) and a later one (the recurring "claim vested" operation).
 */

const SIZES = [10, 100, 1000] as const;
const TARGET = 80_000;
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
  const pool = (await viem.deployContract("CapitalPool", [addressOf(deployer)])).address;
  const shares = (
    await viem.deployContract("FundShares", [
      "Future Endowment Fund",
      "FEF",
      addressOf(deployer),
      pool,
      30n * DAY,
    ])
  ).address;
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
async function sendAll(chain: BenchChain, sender: Wallet, to: Address, calls: readonly Hex[]): Promise<void> {
  let nonce = await chain.client.getTransactionCount({ address: addressOf(sender) });
  const hashes: Hex[] = [];
  for (const data of calls) {
    hashes.push(
      await sender.sendTransaction({ to, data, nonce, gas: FILLER_GAS_LIMIT, chain: sender.chain }),
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
  const researcher = wallet(chain, 11);
  const fallbackResearcher = wallet(chain, 12);
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
  };
  await passProposal(client, fund, passing, "OpenRound", [params]);
  const roundId = 1n;
  const id = (text: string): Hex => keccak256(toBytes(text));

  // size − 1 filler applications, then the measured one.
  const applyCalls = Array.from({ length: size - 1 }, (_, i) =>
    encodeFunctionData({
      abi: grantRoundsAbi,
      functionName: "submitApplication",
      args: [
        roundId,
        `ipfs://filler-${i}`,
        id(`filler-${i}`),
        6 + (i % 12),
        i === 0 ? STIPEND_REQUEST : 0n, // the funded filler asks for a stipend too (see below)
      ],
    }),
  );
  await sendAll(chain, filler, fund.GrantRounds, applyCalls);
  const apply = (from: Wallet, name: string) =>
    send(
      chain,
      from,
      grants.submitApplication(fund, {
        roundId,
        uri: `ipfs://${name}`,
        contentHash: id(name),
        effortMonths: 24,
        stipendRequested: STIPEND_REQUEST,
      }),
    );
  await apply(researcher, "measured");
  const measured = BigInt(size);
  // The first filler is funded too and asks for a stipend, and it is finalized before the measured
  // application: the round's totals are not empty, and the measured finalize updates a non-zero
  // stipend total (its stipendRequestedBefore is not zero), the costlier case.
  const funded = 1n;
  // A second measured application, finalized after a trustee is removed (the fallback path).
  await apply(fallbackResearcher, "fallback");
  const fallback = BigInt(size + 1);

  // Council operations on a round of this size.
  const proposalId = await nextProposalId(client, fund);
  await send(chain, trustee(0), proposeAction(fund, "SetTransfersEnabled", [true]));
  await send(chain, trustee(1), approveProposal(fund, proposalId));
  const approveGas = await gasOf(chain, trustee(2), approveProposal(fund, proposalId));
  const executeGas = await gasOf(chain, executor, executeProposal(fund, proposalId));

  // Estimates: five trustees on the measured application, three on the funded filler.
  const estimates = [6000, 6500, 7000, 5500, 9000];
  const chainId = await client.getChainId();
  const salts = memorySaltStore();
  const saltKey = (from: Wallet, applicationId: bigint) => ({
    chainId,
    grantRounds: fund.GrantRounds,
    trustee: getAddress(addressOf(from)),
    applicationId,
  });
  // One second past each deadline: every step is simulated at the latest block's time before it is sent.
  await time.increaseTo(params.applicationDeadline + 1n);
  // Trustees 1–3 estimate every application; trustees 4 and 5 skip the funded filler.
  const estimatedBy = (i: number) => (i < 3 ? [funded, measured, fallback] : [measured, fallback]);
  // Commits, reveals: the most any one of them used (the first reveal also reads the council).
  let commitGas = 0;
  for (const [i, from] of trustees.entries()) {
    for (const applicationId of estimatedBy(i)) {
      const key = saltKey(from, applicationId);
      const { steps } = await grants.commitEstimate(client, fund, salts, {
        ...key,
        estimateBps: estimates[i] ?? 0,
        salt: id(`${key.trustee}:${applicationId}`),
      });
      commitGas = Math.max(commitGas, await gasOf(chain, from, steps));
    }
  }
  await time.increaseTo(params.commitDeadline + 1n);
  let revealGas = 0;
  for (const [i, from] of trustees.entries()) {
    for (const applicationId of estimatedBy(i)) {
      const { steps } = grants.revealEstimate(salts, saltKey(from, applicationId));
      revealGas = Math.max(revealGas, await gasOf(chain, from, steps));
    }
  }

  // Finalize everything else, then the measured application; settle.
  await time.increaseTo(params.revealDeadline + 1n);
  const finalizeCalls = Array.from({ length: size - 1 }, (_, i) =>
    encodeFunctionData({ abi: grantRoundsAbi, functionName: "finalizeApplication", args: [BigInt(i + 1)] }),
  );
  await sendAll(chain, filler, fund.GrantRounds, finalizeCalls);
  const finalizeGas = await gasOf(chain, executor, grants.finalizeApplication(fund, measured));
  // The council removes a trustee; the fallback application's reveal book is no longer trusted, so
  // finalizing it reads the current trustees' own records.
  await passProposal(client, fund, passing, "RemoveTrustee", [addressOf(trustee(4))]);
  const fallbackFinalizeGas = await gasOf(chain, executor, grants.finalizeApplication(fund, fallback));
  await send(chain, executor, grants.settleRound(fund, roundId));
  const { settledAt } = await client.readContract({
    address: fund.GrantRounds,
    abi: grantRoundsAbi,
    functionName: "round",
    args: [roundId],
  });

  // Share claims: the funded filler's researcher claims first, so the ledger already has supply;
  // then the measured researcher's first claim (a new ledger holder) and a later one.
  await time.increaseTo(settledAt + 60n * DAY);
  await send(chain, filler, grants.claimAwardShares(fund, funded));
  const firstClaimGas = await gasOf(chain, researcher, grants.claimAwardShares(fund, measured));
  await time.increaseTo(settledAt + 120n * DAY);
  const holders = Number(
    await client.readContract({ address: fund.FundShares, abi: fundSharesAbi, functionName: "holderCount" }),
  );
  const laterClaimGas = await gasOf(chain, researcher, grants.claimAwardShares(fund, measured));
  // Stipend claims from the capital pool, as the researcher makes them (claimStipend → pool.payStipend).
  const firstStipendGas = await gasOf(chain, researcher, grants.claimStipend(fund, measured));
  await time.increaseTo(settledAt + 180n * DAY);
  const laterStipendGas = await gasOf(chain, researcher, grants.claimStipend(fund, measured));
  await chain.connection.close();

  const row = (op: string, gas: number, target?: number): GasRow => ({
    op,
    holders,
    gas,
    dimension: "applications",
    size,
    ...(target === undefined ? {} : { target }),
  });
  return [
    row("council.approve", approveGas, TARGET),
    row("council.execute(SetTransfersEnabled)", executeGas),
    row("commitEstimate", commitGas, TARGET),
    row("revealEstimate", revealGas, TARGET),
    row("finalizeApplication (5 trustees)", finalizeGas, TARGET),
    // Only after a trustee removal during the round: reads every current trustee's record. No target.
    row("finalizeApplication (after a trustee removal, 4 trustees)", fallbackFinalizeGas),
    // The first claim pays the ledger's new-holder bookkeeping (balance and holder set); no target.
    row("claimShares (first claim, new holder)", firstClaimGas),
    row("claimShares (later claim)", laterClaimGas, TARGET),
    row("claimStipend (ETH, first claim)", firstStipendGas, STIPEND_TARGET),
    row("claimStipend (ETH, later claim)", laterStipendGas, STIPEND_TARGET),
  ];
}
