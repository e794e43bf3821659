// What every gas benchmark shares: a fresh simulated chain with viem clients, the Fund's writes sent as
// the SDK's steps (its action builders, or `write` for the calls only roles make), and the gas of a
// transaction read from its receipt.
import { network } from "hardhat";
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hex } from "viem";

import { sendSteps, step, type Step } from "@fef/sdk/steps";

import type { Wallet } from "../lib/council.js";

/** A fresh simulated chain: its public client, the dev accounts' wallets, time helpers. */
export async function benchChain() {
  const connection = await network.create();
  const { viem, networkHelpers } = connection;
  const client = await viem.getPublicClient();
  const wallets: readonly Wallet[] = await viem.getWalletClients();
  return { connection, viem, client, wallets, time: networkHelpers.time };
}

export type BenchChain = Awaited<ReturnType<typeof benchChain>>;

/** Dev account `index`'s wallet. */
export function wallet(chain: BenchChain, index: number): Wallet {
  const found = chain.wallets[index];
  if (found === undefined) throw new Error(`the bench needs dev account #${index}`);
  return found;
}

export function addressOf(sender: Wallet): Address {
  return sender.account.address;
}

/** A capital pool and the Fund's share ledger over it (30-day pause), both administered by `admin`. */
export async function deployPoolAndLedger(
  chain: BenchChain,
  admin: Wallet,
): Promise<{ pool: Address; shares: Address }> {
  const pool = (await chain.viem.deployContract("CapitalPool", [addressOf(admin)])).address;
  const ledgerArgs = ["Future Endowment Fund", "FEF", addressOf(admin), pool, 30n * 86_400n] as const;
  const shares = (await chain.viem.deployContract("FundShares", ledgerArgs)).address;
  return { pool, shares };
}

type Writes<abi extends Abi> = ContractFunctionName<abi, "nonpayable" | "payable">;

/** One write of a Fund contract through its SDK ABI: the calls only a role or the council makes. */
export function write<const abi extends Abi, fn extends Writes<abi>>(
  address: Address,
  abi: abi,
  functionName: fn,
  args: ContractFunctionArgs<abi, "nonpayable" | "payable", fn>,
  value?: bigint,
): Step[] {
  return [
    step({
      label: functionName,
      address,
      abi,
      functionName,
      args,
      ...(value === undefined ? {} : { value }),
    }),
  ];
}

/** Sends `steps` from `sender` (each simulated, sent and mined); returns the last one's full gas. */
export async function gasOf(
  chain: BenchChain,
  sender: Wallet,
  steps: Step[] | Promise<Step[]>,
): Promise<number> {
  const receipts = await sendSteps(sender, chain.client, await steps);
  const last = receipts.at(-1);
  if (last === undefined) throw new Error("nothing was sent");
  return Number(last.gasUsed);
}

/** Sends `steps` from `sender`, ignoring the gas. */
export async function send(
  chain: BenchChain,
  sender: Wallet,
  steps: Step[] | Promise<Step[]>,
): Promise<void> {
  await sendSteps(sender, chain.client, await steps);
}

/** Waits for the receipts of transactions already sent (population set-up) and fails on a revert. */
export async function mined(chain: BenchChain, hashes: readonly Hex[]): Promise<void> {
  for (const hash of hashes) {
    const receipt = await chain.client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`population transaction ${hash} failed`);
  }
}

/** Holders minted per BenchMinterMock transaction: ~117k gas each, under the 2^24 transaction gas cap (Osaka). */
export const MINT_BATCH = 120;
const MINT_BATCH_GAS_LIMIT = 16_000_000n;

/**
 * Mints `shares` to each BenchMinterMock holder in [from, to), MINT_BATCH per transaction; the mock
 * must hold the ledger's MINTER_ROLE.
 */
export async function mintHolders(
  chain: BenchChain,
  minter: Address,
  range: { readonly from: number; readonly to: number; readonly shares: bigint },
): Promise<void> {
  const mock = await chain.viem.getContractAt("BenchMinterMock", minter);
  const hashes: Hex[] = [];
  for (let first = range.from; first < range.to; first += MINT_BATCH) {
    const count = Math.min(MINT_BATCH, range.to - first);
    hashes.push(
      await mock.write.mintRange([BigInt(first), BigInt(count), range.shares], { gas: MINT_BATCH_GAS_LIMIT }),
    );
  }
  await mined(chain, hashes);
}

export function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
