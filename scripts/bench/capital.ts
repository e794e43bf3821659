import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { ZeroAddress, ZeroHash, Wallet } from "ethers";
import { network } from "hardhat";

import type { GasRow } from "./rows.js";

/** Investor populations measured. */
export const CAPITAL_POPULATIONS = [10, 1_000, 10_000] as const;
/** Target for every capital operation measured here (full transaction gas). */
export const CAPITAL_GAS_TARGET = 90_000;

const ETH = ZeroAddress;
const SHARE = 10n ** 18n;
const DAY = 86_400;
const ETH_PRICE = 10n ** 15n; // 0.001 ETH per share
const USDC_PRICE = 1_000_000n; // 1 USDC (6 decimals) per share
/** Investors per population transaction, by step; each stays under the 2^24 transaction gas cap. */
const BATCH = { create: 300, subscribe: 60, claim: 80 } as const;
const BATCH_GAS = 15_000_000n;

/**
 * Full-transaction gas (receipt.gasUsed) of the capital operations at each population size, on a
 * fresh simulated network per size:
 * - `subscribe(ETH)` and `subscribe(ERC-20)`: a new investor's first subscription (their pending
 *   slot goes from zero to non-zero, the worst case) into an offering that already has the whole
 *   population's subscriptions, and the same investor's second subscription ("returning investor");
 *   the ERC-20 investor approved a finite allowance (so the allowance is written, as in the dapp);
 * - `payStipend(ETH)` and `payStipend(ERC-20)`: a stipend paid from the reserve by the STIPEND_ROLE
 *   holder (grant rounds at integration) to a researcher who never held the asset (the worst case:
 *   a new account or a zero token balance).
 * - `claimShares` (no target set): a new holder's claim after the window, once the whole population
 *   has claimed.
 * - `settleOffering(ETH)` and `settleOffering(ERC-20)` (no target set): moving each offering's whole
 *   raise from escrow into the pool, once per offering; the stipends below are paid from it.
 * The population: `size` distinct investor contracts (minimal clones) that subscribed to the two
 * offerings measured, half in ETH and half in a 6-decimal token, so each offering and the pool carry
 * their subscriptions; the subscriptions are measured next. After the window the population claims,
 * so the ledger has `size` holders when the claim and the stipends are measured.
 */
export async function benchCapital(): Promise<GasRow[]> {
  const rows: GasRow[] = [];
  for (const size of CAPITAL_POPULATIONS) {
    rows.push(...(await benchCapitalAtSize(size)));
  }
  return rows;
}

/** The rows of one population size (see `benchCapital`). */
export async function benchCapitalAtSize(size: number): Promise<GasRow[]> {
  const connection = await network.create();
  const { ethers, networkHelpers } = connection;
  const [deployer, council, stipendPayer, ethInvestor, tokenInvestor] = await signers(ethers);

  const shares = await ethers.deployContract("FundShares", [
    "Future Endowment Fund",
    "FEF",
    deployer.address,
  ]);
  const pool = await ethers.deployContract("CapitalPool", [deployer.address]);
  const offerings = await ethers.deployContract("Offerings", [council.address, shares, pool]);
  const usdc = await ethers.deployContract("TestToken", ["Test USDC", "tUSDC", 6]);
  const population = await ethers.deployContract("BenchPopulationMock");
  await (await shares.grantRole(await shares.MINTER_ROLE(), offerings)).wait();
  await (await pool.grantRole(await pool.DEPOSITOR_ROLE(), offerings)).wait();
  await (await pool.grantRole(await pool.STIPEND_ROLE(), stipendPayer)).wait();
  await (await shares.addReturnsAsset(usdc)).wait();

  const openPair = async (days: number): Promise<[bigint, bigint]> => {
    const block = await ethers.provider.getBlock("latest");
    if (block === null) throw new Error("no latest block");
    const base = {
      shareCap: BigInt(size + 10) * SHARE,
      minShares: 1n,
      start: block.timestamp,
      end: block.timestamp + days * DAY,
      allowlistRoot: ZeroHash,
    };
    await (
      await offerings.connect(council).openOffering({ ...base, asset: ETH, pricePerShare: ETH_PRICE })
    ).wait();
    await (
      await offerings.connect(council).openOffering({ ...base, asset: usdc, pricePerShare: USDC_PRICE })
    ).wait();
    const count = await offerings.offeringCount();
    return [count - 1n, count];
  };

  // Population: `size` investors subscribe to the two offerings measured.
  const [ethOffering, usdcOffering] = await openPair(30);
  await inBatches(size, BATCH.create, (from, to) => population.create(from, to, { gasLimit: BATCH_GAS }));
  await inBatches(size, BATCH.subscribe, (from, to) =>
    population.subscribe(offerings, ethOffering, usdcOffering, usdc, SHARE, from, to, {
      value: BigInt(Math.ceil(to / 2) - Math.ceil(from / 2)) * ETH_PRICE,
      gasLimit: BATCH_GAS,
    }),
  );
  const sold =
    (await offerings.offering(ethOffering)).sharesSold + (await offerings.offering(usdcOffering)).sharesSold;
  if (sold !== BigInt(size) * SHARE) throw new Error(`expected ${size} subscriptions, found ${sold / SHARE}`);

  await (await usdc.mint(tokenInvestor, 1_000n * 10n ** 6n)).wait();
  await (await usdc.connect(tokenInvestor).approve(offerings, 1_000n * 10n ** 6n)).wait();
  const subscribeEth = await gasOf(
    offerings.connect(ethInvestor).subscribe(ethOffering, 5n * SHARE, [], { value: 5n * ETH_PRICE }),
  );
  const subscribeToken = await gasOf(
    offerings.connect(tokenInvestor).subscribe(usdcOffering, 5n * SHARE, []),
  );
  const subscribeEthAgain = await gasOf(
    offerings.connect(ethInvestor).subscribe(ethOffering, 5n * SHARE, [], { value: 5n * ETH_PRICE }),
  );
  const subscribeTokenAgain = await gasOf(
    offerings.connect(tokenInvestor).subscribe(usdcOffering, 5n * SHARE, []),
  );
  const subscribers = Number(await shares.holderCount()); // 0: nobody has claimed yet

  // The window closes and the population claims: the ledger then has `size` holders.
  await networkHelpers.time.increase(31 * DAY);
  await inBatches(size, BATCH.claim, (from, to) =>
    population.claim(offerings, ethOffering, usdcOffering, from, to, { gasLimit: BATCH_GAS }),
  );
  const holders = Number(await shares.holderCount());
  if (holders !== size) throw new Error(`expected ${size} holders, found ${holders}`);
  const claim = await gasOf(offerings.connect(ethInvestor).claimShares(ethOffering));
  // Settlement moves each offering's whole raise into the pool: once per offering, whatever its size.
  const settleEth = await gasOf(offerings.settleOffering(ethOffering));
  const settleToken = await gasOf(offerings.settleOffering(usdcOffering));

  await (await pool.connect(stipendPayer).reserveStipends(ETH, ETH_PRICE)).wait();
  await (await pool.connect(stipendPayer).reserveStipends(usdc, USDC_PRICE)).wait();
  const stipendEth = await gasOf(
    pool.connect(stipendPayer).payStipend(ETH, Wallet.createRandom().address, ETH_PRICE),
  );
  const stipendToken = await gasOf(
    pool.connect(stipendPayer).payStipend(usdc, Wallet.createRandom().address, USDC_PRICE),
  );

  const row = (op: string, gas: number, holderCount: number, target?: number): GasRow => ({
    op,
    holders: holderCount,
    gas,
    dimension: "investors",
    size,
    ...(target === undefined ? {} : { target }),
  });
  return [
    row("subscribe(ETH)", subscribeEth, subscribers, CAPITAL_GAS_TARGET),
    row("subscribe(ERC-20)", subscribeToken, subscribers, CAPITAL_GAS_TARGET),
    row("subscribe(ETH), returning investor", subscribeEthAgain, subscribers, CAPITAL_GAS_TARGET),
    row("subscribe(ERC-20), returning investor", subscribeTokenAgain, subscribers, CAPITAL_GAS_TARGET),
    row("claimShares", claim, holders),
    row("settleOffering(ETH)", settleEth, holders),
    row("settleOffering(ERC-20)", settleToken, holders),
    row("payStipend(ETH)", stipendEth, holders + 1, CAPITAL_GAS_TARGET),
    row("payStipend(ERC-20)", stipendToken, holders + 1, CAPITAL_GAS_TARGET),
  ];
}

type Signer = HardhatEthersSigner;

async function signers(ethers: HardhatEthers): Promise<[Signer, Signer, Signer, Signer, Signer]> {
  const all = await ethers.getSigners();
  const [a, b, c, d, e] = all;
  if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined) {
    throw new Error("the bench needs five accounts");
  }
  return [a, b, c, d, e];
}

/** Runs `send` over [0, size) in batches, sending every transaction before awaiting the receipts. */
async function inBatches(
  size: number,
  batch: number,
  send: (from: number, to: number) => Promise<ContractTransactionResponse>,
): Promise<void> {
  const sent: ContractTransactionResponse[] = [];
  for (let from = 0; from < size; from += batch) {
    sent.push(await send(from, Math.min(size, from + batch)));
  }
  for (const tx of sent) {
    const receipt = await tx.wait();
    if (receipt === null || receipt.status !== 1) throw new Error(`population transaction ${tx.hash} failed`);
  }
}

async function gasOf(pending: Promise<ContractTransactionResponse>): Promise<number> {
  const receipt = await (await pending).wait();
  if (receipt === null) throw new Error("transaction not mined");
  return Number(receipt.gasUsed);
}
