import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import { zeroHash, type Address, type Hex } from "viem";

import { claimSubscribedShares, settleOffering, subscribe } from "@fef/sdk/actions/offerings";
import { ETH_ADDRESS as ETH } from "@fef/sdk/assets";
import { capitalPoolAbi, fundSharesAbi, offeringsAbi, testTokenAbi } from "@fef/sdk/generated/abis";

import { type BenchChain, addressOf, benchChain, deployPoolAndLedger, gasOf, mined, send } from "./chain.js";
import { wallet, write } from "./chain.js";
import type { GasRow } from "./rows.js";

/** Investor populations measured. */
export const CAPITAL_POPULATIONS = [10, 1_000, 10_000] as const;
/** Target for every capital operation measured here (full transaction gas). */
export const CAPITAL_GAS_TARGET = 90_000;

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
  const chain = await benchChain();
  const { viem, client, time } = chain;
  const [deployer, council, stipendPayer, ethInvestor, tokenInvestor] = [0, 1, 2, 3, 4].map((index) =>
    wallet(chain, index),
  ) as [Wallet, Wallet, Wallet, Wallet, Wallet];
  const run = (steps: ReturnType<typeof write>, from: Wallet = deployer) => send(chain, from, steps);

  const { pool, shares } = await deployPoolAndLedger(chain, deployer);
  const offerings = (await viem.deployContract("Offerings", [addressOf(council), shares, pool])).address;
  const usdc = (await viem.deployContract("TestToken", ["Test USDC", "tUSDC", 6])).address;
  const population = await viem.deployContract("BenchPopulationMock");
  const fund = { Offerings: offerings };
  const minterRole = await client.readContract({
    address: shares,
    abi: fundSharesAbi,
    functionName: "MINTER_ROLE",
  });
  const poolRole = (functionName: "DEPOSITOR_ROLE" | "STIPEND_ROLE") =>
    client.readContract({ address: pool, abi: capitalPoolAbi, functionName });
  await run(write(shares, fundSharesAbi, "grantRole", [minterRole, offerings]));
  await run(write(pool, capitalPoolAbi, "grantRole", [await poolRole("DEPOSITOR_ROLE"), offerings]));
  await run(
    write(pool, capitalPoolAbi, "grantRole", [await poolRole("STIPEND_ROLE"), addressOf(stipendPayer)]),
  );
  await run(write(shares, fundSharesAbi, "addReturnsAsset", [usdc]));

  const openPair = async (days: number): Promise<[bigint, bigint]> => {
    const { timestamp } = await client.getBlock();
    const base = {
      shareCap: BigInt(size + 10) * SHARE,
      minShares: 1n,
      start: timestamp,
      end: timestamp + BigInt(days * DAY),
      allowlistRoot: zeroHash,
    };
    // The council account stands in for the council (Offerings' owner here).
    await run(
      write(offerings, offeringsAbi, "openOffering", [{ ...base, asset: ETH, pricePerShare: ETH_PRICE }]),
      council,
    );
    await run(
      write(offerings, offeringsAbi, "openOffering", [{ ...base, asset: usdc, pricePerShare: USDC_PRICE }]),
      council,
    );
    const count = await client.readContract({
      address: offerings,
      abi: offeringsAbi,
      functionName: "offeringCount",
    });
    return [count - 1n, count];
  };
  const offering = (id: bigint) =>
    client.readContract({ address: offerings, abi: offeringsAbi, functionName: "offering", args: [id] });
  const holderCount = async () =>
    Number(await client.readContract({ address: shares, abi: fundSharesAbi, functionName: "holderCount" }));

  // Population: `size` investors subscribe to the two offerings measured.
  const [ethOffering, usdcOffering] = await openPair(30);
  await inBatches(chain, size, BATCH.create, (from, to) =>
    population.write.create([BigInt(from), BigInt(to)], { gas: BATCH_GAS }),
  );
  await inBatches(chain, size, BATCH.subscribe, (from, to) =>
    population.write.subscribe(
      [offerings, ethOffering, usdcOffering, usdc, SHARE, BigInt(from), BigInt(to)],
      {
        value: BigInt(Math.ceil(to / 2) - Math.ceil(from / 2)) * ETH_PRICE,
        gas: BATCH_GAS,
      },
    ),
  );
  const sold = (await offering(ethOffering)).sharesSold + (await offering(usdcOffering)).sharesSold;
  if (sold !== BigInt(size) * SHARE) throw new Error(`expected ${size} subscriptions, found ${sold / SHARE}`);

  await run(write(usdc, testTokenAbi, "mint", [addressOf(tokenInvestor), 1_000n * 10n ** 6n]));
  await run(write(usdc, testTokenAbi, "approve", [offerings, 1_000n * 10n ** 6n]), tokenInvestor);
  const subscribeFive = (investor: Wallet, offeringId: bigint) =>
    gasOf(
      chain,
      investor,
      subscribe(client, fund, { investor: addressOf(investor), offeringId, shares: 5n * SHARE }),
    );
  const subscribeEth = await subscribeFive(ethInvestor, ethOffering);
  const subscribeToken = await subscribeFive(tokenInvestor, usdcOffering);
  const subscribeEthAgain = await subscribeFive(ethInvestor, ethOffering);
  const subscribeTokenAgain = await subscribeFive(tokenInvestor, usdcOffering);
  const subscribers = await holderCount(); // 0: nobody has claimed yet

  // The window closes and the population claims: the ledger then has `size` holders.
  await time.increase(31 * DAY);
  await inBatches(chain, size, BATCH.claim, (from, to) =>
    population.write.claim([offerings, ethOffering, usdcOffering, BigInt(from), BigInt(to)], {
      gas: BATCH_GAS,
    }),
  );
  const holders = await holderCount();
  if (holders !== size) throw new Error(`expected ${size} holders, found ${holders}`);
  const claim = await gasOf(chain, ethInvestor, claimSubscribedShares(fund, ethOffering));
  // Settlement moves each offering's whole raise into the pool: once per offering, whatever its size.
  const settleEth = await gasOf(chain, deployer, settleOffering(fund, ethOffering));
  const settleToken = await gasOf(chain, deployer, settleOffering(fund, usdcOffering));

  await run(write(pool, capitalPoolAbi, "reserveStipends", [ETH, ETH_PRICE]), stipendPayer);
  await run(write(pool, capitalPoolAbi, "reserveStipends", [usdc, USDC_PRICE]), stipendPayer);
  const payStipend = (asset: Address, amount: bigint) =>
    gasOf(chain, stipendPayer, write(pool, capitalPoolAbi, "payStipend", [asset, newAccount(), amount]));
  const stipendEth = await payStipend(ETH, ETH_PRICE);
  const stipendToken = await payStipend(usdc, USDC_PRICE);
  await chain.connection.close();

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

type Wallet = BenchChain["wallets"][number];

/** An account that never held anything (a researcher paid for the first time: the worst case). */
function newAccount(): Address {
  return privateKeyToAddress(generatePrivateKey());
}

/** Runs `send` over [0, size) in batches, sending every transaction before awaiting the receipts. */
async function inBatches(
  chain: BenchChain,
  size: number,
  batch: number,
  send: (from: number, to: number) => Promise<Hex>,
): Promise<void> {
  const sent: Hex[] = [];
  for (let from = 0; from < size; from += batch) {
    sent.push(await send(from, Math.min(size, from + batch)));
  }
  await mined(chain, sent);
}
