/**
 * Gas benchmark of the share ledger (FundShares): claims, distributions, mints and transfers at
 * 10, 1,000 and 10,000 holders, each population on a fresh simulated chain with 120 past
 * distributions (60 ETH and 60 ERC-20, interleaved with the minting). Every figure is the full
 * transaction gas (receipt.gasUsed) of an ordinary transaction sent by an EOA and mined alone in
 * its block. Amounts and addresses are fixed, so the figures repeat exactly from run to run.
 */
import { parseEther, type Address } from "viem";

import { claimReturns, transferShares } from "@fef/sdk/actions/shares";
import { ETH_ADDRESS as ETH } from "@fef/sdk/assets";
import { fundSharesAbi, testTokenAbi } from "@fef/sdk/generated/abis";
import type { Step } from "@fef/sdk/steps";

import type { Wallet } from "../lib/council.js";
import { addressOf, benchChain, gasOf, mintHolders, seconds, send, wallet, write } from "./chain.js";
import { LEDGER_GOALS, LEDGER_OPS, LEDGER_POPULATIONS, LEDGER_TARGETS } from "./ledger-ops.js";
import type { GasRow } from "./rows.js";

const ONE_SHARE = 10n ** 18n;
const ONE_TOKEN = 10n ** 18n; // TestToken with 18 decimals

/** Rounds of (mint a slice of the population, distribute ETH, distribute the ERC-20) before measuring. */
const ROUNDS = 60;
/** The steady-state claimer claims both assets after this round; later rounds keep distributing. */
const STEADY_CLAIM_ROUND = 40;
const HOLDER_SHARES = 10n * ONE_SHARE;
/** Indexes of BenchMinterMock.holderAt used for the measured "new holder" mint and transfer. */
const NEW_HOLDER_INDEX = 10_000_000n;

/** The dev signers that hold shares; the population's other holders are BenchMinterMock addresses. */
interface Cast {
  /** admin, minter EOA and payer of every distribution; holds no shares */
  operator: Wallet;
  /** minted before the very first distribution of either asset; claims only when measured */
  early: Wallet;
  /** minted after the first distributions; claims once mid-way, then is measured */
  steady: Wallet;
  /** existing holder that receives a measured mint, then sends the measured transfers */
  sender: Wallet;
  /** existing holder that receives a measured transfer */
  receiver: Wallet;
}
const DEV_HOLDERS = 4;

/** Deterministic, slightly irregular amounts so each distribution leaves a different remainder. */
function ethForRound(round: number): bigint {
  return parseEther("0.1") + BigInt(round) * 1_234_567_891_011n;
}
function tokensForRound(round: number): bigint {
  return 1_000n * ONE_TOKEN + BigInt(round) * 987_654_321_123_457n;
}

/** Measures every ledger operation at each population size. */
export async function benchShares(): Promise<GasRow[]> {
  const rows: GasRow[] = [];
  for (const population of LEDGER_POPULATIONS) {
    const started = Date.now();
    rows.push(...(await benchPopulation(population)));
    console.log(`  shares: ${population.toLocaleString("en-US")} holders in ${seconds(started)} s`);
  }
  return rows;
}

async function benchPopulation(population: number): Promise<GasRow[]> {
  const chain = await benchChain();
  try {
    const [operator, early, steady, sender, receiver] = [0, 1, 2, 3, 4].map((index) =>
      wallet(chain, index),
    ) as [Wallet, Wallet, Wallet, Wallet, Wallet];
    const cast: Cast = { operator, early, steady, sender, receiver };
    const run = (steps: Step[], from: Wallet = operator) => send(chain, from, steps);

    // ---- deployment: ledger, ERC-20 returns asset, batch minter
    const { viem } = chain;
    // Held returns are never moved here: any contract stands in for the capital pool.
    const pool = (await viem.deployContract("CapitalPool", [addressOf(operator)])).address;
    const shares = (
      await viem.deployContract("FundShares", [
        "Fund Shares",
        "PFE",
        addressOf(operator),
        pool,
        30n * 86_400n,
      ])
    ).address;
    const token = (await viem.deployContract("TestToken", ["Test Dollar", "TUSD", 18])).address;
    const minter = await viem.deployContract("BenchMinterMock", [shares]);
    const fund = { FundShares: shares };
    const ledger = (functionName: "MINTER_ROLE") =>
      chain.client.readContract({ address: shares, abi: fundSharesAbi, functionName });
    const minterRole = await ledger("MINTER_ROLE");
    const mint = (to: Address, amount: bigint) => write(shares, fundSharesAbi, "mint", [to, amount]);
    const distribute = (asset: Address, amount: bigint) =>
      write(shares, fundSharesAbi, "distribute", [asset, amount], asset === ETH ? amount : undefined);
    await run(write(shares, fundSharesAbi, "addReturnsAsset", [token]));
    await run(write(shares, fundSharesAbi, "grantRole", [minterRole, minter.address]));
    await run(write(shares, fundSharesAbi, "grantRole", [minterRole, addressOf(operator)]));
    // The payer approves a large finite allowance, so each distribution also updates it (the dearer case).
    await run(write(token, testTokenAbi, "mint", [addressOf(operator), 10n ** 30n]));
    await run(write(token, testTokenAbi, "approve", [shares, 10n ** 30n]));
    // The claimers already hold the token, as holders of a stablecoin usually do: the first-claim rows
    // then show the ledger's own extra cost, not the token's cost of a first balance.
    await run(write(token, testTokenAbi, "mint", [addressOf(cast.early), ONE_TOKEN]));
    await run(write(token, testTokenAbi, "mint", [addressOf(cast.steady), ONE_TOKEN]));

    // ---- population and past distributions
    let distributions = 0;
    const batchHolders = population - DEV_HOLDERS;
    await run(mint(addressOf(cast.early), 100n * ONE_SHARE));
    for (let round = 0; round < ROUNDS; round++) {
      const from = Math.floor((round * batchHolders) / ROUNDS);
      const to = Math.floor(((round + 1) * batchHolders) / ROUNDS);
      await mintHolders(chain, minter.address, { from, to, shares: HOLDER_SHARES });
      await run(distribute(ETH, ethForRound(round)));
      await run(distribute(token, tokensForRound(round)));
      distributions += 2;
      if (round === 0) {
        await run(mint(addressOf(cast.steady), 50n * ONE_SHARE));
        await run(mint(addressOf(cast.sender), 40n * ONE_SHARE));
        await run(mint(addressOf(cast.receiver), 30n * ONE_SHARE));
      }
      if (round === STEADY_CLAIM_ROUND) {
        await run(claimReturns(fund, ETH), cast.steady);
        await run(claimReturns(fund, token), cast.steady);
      }
    }
    const holderCount = () =>
      chain.client.readContract({ address: shares, abi: fundSharesAbi, functionName: "holderCount" });
    if (Number(await holderCount()) !== population)
      throw new Error(`built ${await holderCount()} holders, wanted ${population}`);

    // ---- measurements: one ordinary EOA transaction per block
    const rows: GasRow[] = [];
    const measure = async (key: keyof typeof LEDGER_OPS, from: Wallet, steps: Step[]): Promise<void> => {
      const holders = Number(await holderCount());
      const gas = await gasOf(chain, from, steps);
      const block = await chain.client.getBlock({ includeTransactions: false });
      if (block.transactions.length !== 1) throw new Error(`${LEDGER_OPS[key]} was not alone in its block`);
      const target = LEDGER_TARGETS[key];
      const goal = LEDGER_GOALS[key];
      rows.push({
        op: LEDGER_OPS[key],
        holders,
        gas,
        dimension: "past distributions",
        size: distributions,
        ...(target === undefined ? {} : { target }),
        ...(goal === undefined ? {} : { goal }),
      });
    };
    const expectClaimable = async (holder: Wallet, asset: Address): Promise<void> => {
      const claimable = await chain.client.readContract({
        address: shares,
        abi: fundSharesAbi,
        functionName: "claimable",
        args: [addressOf(holder), asset],
      });
      if (claimable === 0n) throw new Error(`${addressOf(holder)} has nothing to claim in ${asset}`);
    };

    // Steady state: minted after each asset's first distribution (non-zero correction slot from the
    // start), claimed before, and 19 rounds of distributions since.
    await expectClaimable(cast.steady, ETH);
    await measure("claimEth", cast.steady, claimReturns(fund, ETH));
    await expectClaimable(cast.steady, token);
    await measure("claimToken", cast.steady, claimReturns(fund, token));
    // First claim of a holder minted before the asset's very first distribution: its correction
    // slot is still zero and becomes non-zero (a fresh storage write).
    await expectClaimable(cast.early, ETH);
    await measure("firstClaimEth", cast.early, claimReturns(fund, ETH));
    await expectClaimable(cast.early, token);
    await measure("firstClaimToken", cast.early, claimReturns(fund, token));

    await measure("distributeEth", operator, distribute(ETH, parseEther("1")));
    distributions += 1;
    await measure("distributeToken", operator, distribute(token, 1_000n * ONE_TOKEN));
    distributions += 1;

    const newHolder = await minter.read.holderAt([NEW_HOLDER_INDEX]);
    const newRecipient = await minter.read.holderAt([NEW_HOLDER_INDEX + 1n]);
    await measure("mintExisting", operator, mint(addressOf(cast.sender), 5n * ONE_SHARE));
    await measure("mintNew", operator, mint(newHolder, 5n * ONE_SHARE));

    await run(write(shares, fundSharesAbi, "setTransfersEnabled", [true]));
    await measure("transferExisting", cast.sender, transferShares(fund, addressOf(cast.receiver), ONE_SHARE));
    await measure("transferNew", cast.sender, transferShares(fund, newRecipient, ONE_SHARE));
    return rows;
  } finally {
    await chain.connection.close();
  }
}
