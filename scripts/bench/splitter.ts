/**
 * Gas comparison with a widely used splitter: OpenZeppelin Contracts 4.9.6's `PaymentSplitter`
 * (installed from npm as `@openzeppelin/contracts-v4`, compiled through BenchPaymentSplitterMock),
 * deployed on the same simulated chain as a `FundShares` ledger, with the same payees holding the
 * same shares, the same ERC-20 and the same history of payments. A PaymentSplitter's payees are fixed
 * at construction (its constructor loops over them), so both sides have 10 payees / holders.
 *
 * Operations compared (full-transaction gas, receipt.gasUsed, one EOA transaction per block):
 * - distribution, ETH: `FundShares.distribute(ETH)` vs. sending ETH to the splitter (its `receive`);
 * - distribution, ERC-20: `FundShares.distribute(token)` (pulls with `transferFrom` from a finite
 *   allowance) vs. `token.transfer(splitter, amount)`;
 * - claim, ETH / ERC-20: `claimEth()` / `claimReturns(token)` vs. `release(account)` / `release(token, account)`, sent by a
 *   payee who has claimed before, after more payments (the steady state of both designs).
 */
import { type Address, type Hex, parseEther } from "viem";

import { claimReturns } from "@fef/sdk/actions/shares";
import { ETH_ADDRESS as ETH } from "@fef/sdk/assets";
import { fundSharesAbi, testTokenAbi } from "@fef/sdk/generated/abis";
import { type Step, sendSteps } from "@fef/sdk/steps";

import type { Wallet } from "../lib/council.js";
import { addressOf, benchChain, send, wallet, write } from "./chain.js";

/** One operation measured on both sides. */
export interface ComparisonRow {
  /** what is compared, e.g. "claim, ETH" */
  operation: string;
  /** the Fund's function measured */
  fund: string;
  /** the PaymentSplitter's function (or transaction) measured */
  splitter: string;
  fundGas: number;
  splitterGas: number;
  /** payees (splitter) = holders (ledger) */
  payees: number;
}

export const COMPARABLE = "OpenZeppelin Contracts 4.9.6 PaymentSplitter";

const ONE = 10n ** 18n;
const PAYEES = 10;
/** Payments of each asset into both contracts before measuring; the claimer claims after PAST_CLAIM_ROUND. */
const PAST_ROUNDS = 20;
const PAST_CLAIM_ROUND = 10;

export async function benchSplitterComparison(): Promise<ComparisonRow[]> {
  const chain = await benchChain();
  try {
    const { viem, client } = chain;
    const payer = wallet(chain, 0);
    const payees = Array.from({ length: PAYEES }, (_, index) => wallet(chain, 1 + index));
    const claimer = payees[0] as Wallet;
    // Uneven but fixed shares, identical on both sides.
    const sharesOf = payees.map((_, index) => BigInt(10 + index) * ONE);

    const token = (await viem.deployContract("TestToken", ["Test Dollar", "TUSD", 18])).address;
    // The ledger sends returns that arrive while no share exists to a capital pool; none do here.
    const pool = (await viem.deployContract("CapitalPool", [addressOf(payer)])).address;
    const ledger = (
      await viem.deployContract("FundShares", ["Fund Shares", "PFE", addressOf(payer), pool, 30n * 86_400n])
    ).address;
    const splitter = await viem.deployContract("BenchPaymentSplitterMock", [payees.map(addressOf), sharesOf]);
    const fund = { FundShares: ledger };
    const run = (steps: Step[], from: Wallet = payer) => send(chain, from, steps);
    const minterRole = await client.readContract({
      address: ledger,
      abi: fundSharesAbi,
      functionName: "MINTER_ROLE",
    });
    await run(write(ledger, fundSharesAbi, "addReturnsAsset", [token]));
    await run(write(ledger, fundSharesAbi, "grantRole", [minterRole, addressOf(payer)]));
    for (const [index, payee] of payees.entries()) {
      await run(write(ledger, fundSharesAbi, "mint", [addressOf(payee), sharesOf[index] ?? 0n]));
    }
    await run(write(token, testTokenAbi, "mint", [addressOf(payer), 10n ** 30n]));
    await run(write(token, testTokenAbi, "approve", [ledger, 10n ** 30n]));
    // The claimer already holds the token, as in the ledger benchmark.
    await run(write(token, testTokenAbi, "mint", [addressOf(claimer), ONE]));

    /** The Fund's side: its writes as the SDK's steps. */
    const distribute = (asset: Address, amount: bigint): Step[] =>
      write(ledger, fundSharesAbi, "distribute", [asset, amount], asset === ETH ? amount : undefined);
    const transferToSplitter = (amount: bigint): Step[] =>
      write(token, testTokenAbi, "transfer", [splitter.address, amount]);
    /** The splitter's side: plain transactions to OpenZeppelin's contract (no SDK route: not the Fund's). */
    const payEthToSplitter = (amount: bigint): Promise<Hex> =>
      payer.sendTransaction({ to: splitter.address, value: amount, chain: payer.chain ?? null });
    const releaseEth = (who: Wallet): Promise<Hex> =>
      splitter.write.release([addressOf(who)], { account: who.account });
    const releaseToken = (who: Wallet): Promise<Hex> =>
      splitter.write.release([token, addressOf(who)], { account: who.account });
    const mined = async (hash: Hex): Promise<void> => {
      const receipt = await client.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new Error(`splitter transaction ${hash} failed`);
    };

    const payEth = (round: number): bigint => parseEther("0.1") + BigInt(round) * 1_234_567_891_011n;
    const payToken = (round: number): bigint => 1_000n * ONE + BigInt(round) * 987_654_321_123_457n;
    for (let round = 0; round < PAST_ROUNDS; round++) {
      await run(distribute(ETH, payEth(round)));
      await run(distribute(token, payToken(round)));
      await mined(await payEthToSplitter(payEth(round)));
      await run(transferToSplitter(payToken(round)));
      if (round === PAST_CLAIM_ROUND) {
        await run(claimReturns(fund, ETH), claimer);
        await run(claimReturns(fund, token), claimer);
        await mined(await releaseEth(claimer));
        await mined(await releaseToken(claimer));
      }
    }

    /** Full gas of a transaction that must be mined alone in its block. */
    const gasOfHash = async (hash: Hex): Promise<number> => {
      const receipt = await client.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new Error("a compared transaction failed");
      const block = await client.getBlock({ blockNumber: receipt.blockNumber });
      if (block.transactions.length !== 1) throw new Error("not alone in its block");
      return Number(receipt.gasUsed);
    };
    const gasOfSteps = async (from: Wallet, steps: Step[]): Promise<number> => {
      const last = (await sendSteps(from, client, steps)).at(-1);
      if (last === undefined) throw new Error("nothing was sent");
      return gasOfHash(last.transactionHash);
    };
    const row = async (
      operation: string,
      fundName: string,
      fundSend: () => Promise<number>,
      splitterName: string,
      splitterSend: () => Promise<Hex>,
    ): Promise<ComparisonRow> => ({
      operation,
      fund: fundName,
      splitter: splitterName,
      fundGas: await fundSend(),
      splitterGas: await gasOfHash(await splitterSend()),
      payees: PAYEES,
    });
    /** The claimer's claim of its returns in `asset` (`kind`: ETH or ERC-20) against the splitter's release. */
    const claimRow = (kind: string, asset: Address, release: string, splitterSend: () => Promise<Hex>) =>
      row(
        `claim, ${kind}`,
        kind === "ETH" ? "claimEth()" : `claimReturns(${kind})`,
        () => gasOfSteps(claimer, claimReturns(fund, asset)),
        release,
        splitterSend,
      );

    return [
      await row(
        "distribution, ETH",
        "distribute(ETH)",
        () => gasOfSteps(payer, distribute(ETH, parseEther("1"))),
        "ETH sent to receive()",
        () => payEthToSplitter(parseEther("1")),
      ),
      await row(
        "distribution, ERC-20",
        "distribute(ERC-20)",
        () => gasOfSteps(payer, distribute(token, 1_000n * ONE)),
        "token.transfer(splitter)",
        async () => {
          // The transfer is the benchmark's TestToken write, sent as a step; its hash is measured.
          const last = (await sendSteps(payer, client, transferToSplitter(1_000n * ONE))).at(-1);
          if (last === undefined) throw new Error("nothing was sent");
          return last.transactionHash;
        },
      ),
      await claimRow("ETH", ETH, "release(account)", () => releaseEth(claimer)),
      await claimRow("ERC-20", token, "release(token, account)", () => releaseToken(claimer)),
    ];
  } finally {
    await chain.connection.close();
  }
}

/** Fund gas ÷ PaymentSplitter gas, two decimals. */
export function ratio(row: ComparisonRow): string {
  return (row.fundGas / row.splitterGas).toFixed(2);
}
