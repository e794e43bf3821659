/**
 * Gas benchmark of the share ledger (FundShares): claims, distributions, mints and transfers at
 * 10, 1,000 and 10,000 holders, each population on a fresh simulated chain with 120 past
 * distributions (60 ETH and 60 ERC-20, interleaved with the minting). Every figure is the full
 * transaction gas (receipt.gasUsed) of an ordinary transaction sent by an EOA and mined alone in
 * its block. Amounts and addresses are fixed, so the figures repeat exactly from run to run.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { ZeroAddress, parseEther } from "ethers";
import { network } from "hardhat";

import { LEDGER_OPS, LEDGER_POPULATIONS, LEDGER_TARGETS } from "./ledger-ops.js";
import type { GasRow } from "./rows.js";

const ETH = ZeroAddress;
const ONE_SHARE = 10n ** 18n;
const ONE_TOKEN = 10n ** 18n; // TestToken with 18 decimals

/** Rounds of (mint a slice of the population, distribute ETH, distribute the ERC-20) before measuring. */
const ROUNDS = 60;
/** The steady-state claimer claims both assets after this round; later rounds keep distributing. */
const STEADY_CLAIM_ROUND = 40;
/** Holders minted per BenchMinterMock transaction: ~117k gas each, under the 2^24 transaction gas cap (Osaka). */
const MINT_BATCH = 120;
const MINT_BATCH_GAS_LIMIT = 16_000_000n;
const HOLDER_SHARES = 10n * ONE_SHARE;
/** Indexes of BenchMinterMock.holderAt used for the measured "new holder" mint and transfer. */
const NEW_HOLDER_INDEX = 10_000_000n;

/** The dev signers that hold shares; the population's other holders are BenchMinterMock addresses. */
interface Cast {
  /** admin, minter EOA and payer of every distribution; holds no shares */
  operator: HardhatEthersSigner;
  /** minted before the very first distribution of either asset; claims only when measured */
  early: HardhatEthersSigner;
  /** minted after the first distributions; claims once mid-way, then is measured */
  steady: HardhatEthersSigner;
  /** existing holder that receives a measured mint, then sends the measured transfers */
  sender: HardhatEthersSigner;
  /** existing holder that receives a measured transfer */
  receiver: HardhatEthersSigner;
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
  const connection = await network.create();
  try {
    const { ethers } = connection;
    const [operator, early, steady, sender, receiver] = await ethers.getSigners();
    if (!operator || !early || !steady || !sender || !receiver) throw new Error("need 5 dev signers");
    const cast: Cast = { operator, early, steady, sender, receiver };

    // ---- deployment: ledger, ERC-20 returns asset, batch minter
    const shares = await ethers.deployContract("FundShares", ["Fund Shares", "PFE", operator.address]);
    const token = await ethers.deployContract("TestToken", ["Test Dollar", "TUSD", 18]);
    const minter = await ethers.deployContract("BenchMinterMock", [await shares.getAddress()]);
    const tokenAddress = await token.getAddress();
    const minterRole = await shares.MINTER_ROLE();
    await shares.addReturnsAsset(tokenAddress);
    await shares.grantRole(minterRole, await minter.getAddress());
    await shares.grantRole(minterRole, operator.address);
    // The payer approves a large finite allowance, so each distribution also updates it (the dearer case).
    await token.mint(operator.address, 10n ** 30n);
    await token.approve(await shares.getAddress(), 10n ** 30n);
    // The claimers already hold the token, as holders of a stablecoin usually do: the first-claim rows
    // then show the ledger's own extra cost, not the token's cost of a first balance.
    await token.mint(cast.early.address, ONE_TOKEN);
    await token.mint(cast.steady.address, ONE_TOKEN);

    // ---- population and past distributions
    let distributions = 0;
    const batchHolders = population - DEV_HOLDERS;
    await shares.mint(cast.early.address, 100n * ONE_SHARE);
    for (let round = 0; round < ROUNDS; round++) {
      const from = Math.floor((round * batchHolders) / ROUNDS);
      const to = Math.floor(((round + 1) * batchHolders) / ROUNDS);
      for (let first = from; first < to; first += MINT_BATCH) {
        const count = Math.min(MINT_BATCH, to - first);
        // Awaiting the send is enough: the simulated chain mines it at once and throws if it reverts.
        await minter.mintRange(first, count, HOLDER_SHARES, { gasLimit: MINT_BATCH_GAS_LIMIT });
      }
      await shares.distribute(ETH, ethForRound(round), { value: ethForRound(round) });
      await shares.distribute(tokenAddress, tokensForRound(round));
      distributions += 2;
      if (round === 0) {
        await shares.mint(cast.steady.address, 50n * ONE_SHARE);
        await shares.mint(cast.sender.address, 40n * ONE_SHARE);
        await shares.mint(cast.receiver.address, 30n * ONE_SHARE);
      }
      if (round === STEADY_CLAIM_ROUND) {
        await shares.connect(cast.steady).claimReturns(ETH);
        await shares.connect(cast.steady).claimReturns(tokenAddress);
      }
    }
    const holderCount = Number(await shares.holderCount());
    if (holderCount !== population) throw new Error(`built ${holderCount} holders, wanted ${population}`);

    // ---- measurements: one ordinary EOA transaction per block
    const rows: GasRow[] = [];
    const measure = async (
      key: keyof typeof LEDGER_OPS,
      send: () => Promise<ContractTransactionResponse>,
    ): Promise<void> => {
      const holders = Number(await shares.holderCount());
      const response = await send();
      const receipt = await response.wait();
      if (receipt === null || receipt.status !== 1) throw new Error(`${LEDGER_OPS[key]} failed`);
      const block = await ethers.provider.getBlock(receipt.blockNumber);
      if (block === null || block.transactions.length !== 1) {
        throw new Error(`${LEDGER_OPS[key]} was not alone in its block`);
      }
      const target = LEDGER_TARGETS[key];
      rows.push({
        op: LEDGER_OPS[key],
        holders,
        gas: Number(receipt.gasUsed),
        dimension: "past distributions",
        size: distributions,
        ...(target === undefined ? {} : { target }),
      });
    };
    const expectClaimable = async (holder: HardhatEthersSigner, asset: string): Promise<void> => {
      if ((await shares.claimable(holder.address, asset)) === 0n) {
        throw new Error(`${holder.address} has nothing to claim in ${asset}`);
      }
    };

    // Steady state: minted after each asset's first distribution (non-zero correction slot from the
    // start), claimed before, and 19 rounds of distributions since.
    await expectClaimable(cast.steady, ETH);
    await measure("claimEth", () => shares.connect(cast.steady).claimReturns(ETH));
    await expectClaimable(cast.steady, tokenAddress);
    await measure("claimToken", () => shares.connect(cast.steady).claimReturns(tokenAddress));
    // First claim of a holder minted before the asset's very first distribution: its correction
    // slot is still zero and becomes non-zero (a fresh storage write).
    await expectClaimable(cast.early, ETH);
    await measure("firstClaimEth", () => shares.connect(cast.early).claimReturns(ETH));
    await expectClaimable(cast.early, tokenAddress);
    await measure("firstClaimToken", () => shares.connect(cast.early).claimReturns(tokenAddress));

    await measure("distributeEth", () => shares.distribute(ETH, parseEther("1"), { value: parseEther("1") }));
    distributions += 1;
    await measure("distributeToken", () => shares.distribute(tokenAddress, 1_000n * ONE_TOKEN));
    distributions += 1;

    const newHolder = await minter.holderAt(NEW_HOLDER_INDEX);
    const newRecipient = await minter.holderAt(NEW_HOLDER_INDEX + 1n);
    await measure("mintExisting", () => shares.mint(cast.sender.address, 5n * ONE_SHARE));
    await measure("mintNew", () => shares.mint(newHolder, 5n * ONE_SHARE));

    await shares.setTransfersEnabled(true);
    await measure("transferExisting", () =>
      shares.connect(cast.sender).transfer(cast.receiver.address, ONE_SHARE),
    );
    await measure("transferNew", () => shares.connect(cast.sender).transfer(newRecipient, ONE_SHARE));
    return rows;
  } finally {
    await connection.close();
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
