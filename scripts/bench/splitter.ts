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
 * - claim, ETH / ERC-20: `claimReturns` vs. `release(account)` / `release(token, account)`, sent by a
 *   payee who has claimed before, after more payments (the steady state of both designs).
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse, TransactionResponse } from "ethers";
import { ZeroAddress, parseEther } from "ethers";
import { network } from "hardhat";

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

const ETH = ZeroAddress;
const ONE = 10n ** 18n;
const PAYEES = 10;
/** Payments of each asset into both contracts before measuring; the claimer claims after PAST_CLAIM_ROUND. */
const PAST_ROUNDS = 20;
const PAST_CLAIM_ROUND = 10;

export async function benchSplitterComparison(): Promise<ComparisonRow[]> {
  const connection = await network.create();
  try {
    const { ethers } = connection;
    const signers = await ethers.getSigners();
    const payer = signers[0];
    const payees = signers.slice(1, 1 + PAYEES);
    const claimer = payees[0];
    if (payer === undefined || claimer === undefined || payees.length !== PAYEES) {
      throw new Error(`need ${PAYEES + 1} dev signers`);
    }
    // Uneven but fixed shares, identical on both sides.
    const sharesOf = payees.map((_, index) => BigInt(10 + index) * ONE);

    const token = await ethers.deployContract("TestToken", ["Test Dollar", "TUSD", 18]);
    const ledger = await ethers.deployContract("FundShares", ["Fund Shares", "PFE", payer.address]);
    const splitter = await ethers.deployContract("BenchPaymentSplitterMock", [
      payees.map((payee) => payee.address),
      sharesOf,
    ]);
    await ledger.addReturnsAsset(token);
    await ledger.grantRole(await ledger.MINTER_ROLE(), payer.address);
    for (const [index, payee] of payees.entries()) await ledger.mint(payee.address, sharesOf[index] ?? 0n);
    await token.mint(payer.address, 10n ** 30n);
    await token.approve(ledger, 10n ** 30n);
    // The claimer already holds the token, as in the ledger benchmark.
    await token.mint(claimer.address, ONE);

    const payEth = (round: number): bigint => parseEther("0.1") + BigInt(round) * 1_234_567_891_011n;
    const payToken = (round: number): bigint => 1_000n * ONE + BigInt(round) * 987_654_321_123_457n;
    for (let round = 0; round < PAST_ROUNDS; round++) {
      await ledger.distribute(ETH, payEth(round), { value: payEth(round) });
      await ledger.distribute(token, payToken(round));
      await payer.sendTransaction({ to: splitter, value: payEth(round) });
      await token.transfer(splitter, payToken(round));
      if (round === PAST_CLAIM_ROUND) {
        await ledger.connect(claimer).claimReturns(ETH);
        await ledger.connect(claimer).claimReturns(token);
        await splitter.connect(claimer).getFunction("release(address)")(claimer.address);
        await splitter.connect(claimer).getFunction("release(address,address)")(token, claimer.address);
      }
    }

    const gasOf = async (send: () => Promise<ContractTransactionResponse | TransactionResponse>) => {
      const receipt = await (await send()).wait();
      if (receipt === null || receipt.status !== 1) throw new Error("a compared transaction failed");
      const block = await ethers.provider.getBlock(receipt.blockNumber);
      if (block === null || block.transactions.length !== 1) throw new Error("not alone in its block");
      return Number(receipt.gasUsed);
    };
    const row = async (
      operation: string,
      fund: string,
      fundSend: () => Promise<ContractTransactionResponse>,
      splitterName: string,
      splitterSend: () => Promise<ContractTransactionResponse | TransactionResponse>,
    ): Promise<ComparisonRow> => ({
      operation,
      fund,
      splitter: splitterName,
      fundGas: await gasOf(fundSend),
      splitterGas: await gasOf(splitterSend),
      payees: PAYEES,
    });
    const releaseEth = (who: HardhatEthersSigner) =>
      splitter.connect(who).getFunction("release(address)")(who.address);
    const releaseToken = (who: HardhatEthersSigner) =>
      splitter.connect(who).getFunction("release(address,address)")(token, who.address);

    return [
      await row(
        "distribution, ETH",
        "distribute(ETH)",
        () => ledger.distribute(ETH, parseEther("1"), { value: parseEther("1") }),
        "ETH sent to receive()",
        () => payer.sendTransaction({ to: splitter, value: parseEther("1") }),
      ),
      await row(
        "distribution, ERC-20",
        "distribute(ERC-20)",
        () => ledger.distribute(token, 1_000n * ONE),
        "token.transfer(splitter)",
        () => token.transfer(splitter, 1_000n * ONE),
      ),
      await row(
        "claim, ETH",
        "claimReturns(ETH)",
        () => ledger.connect(claimer).claimReturns(ETH),
        "release(account)",
        () => releaseEth(claimer),
      ),
      await row(
        "claim, ERC-20",
        "claimReturns(ERC-20)",
        () => ledger.connect(claimer).claimReturns(token),
        "release(token, account)",
        () => releaseToken(claimer),
      ),
    ];
  } finally {
    await connection.close();
  }
}

/** Fund gas ÷ PaymentSplitter gas, two decimals. */
export function ratio(row: ComparisonRow): string {
  return (row.fundGas / row.splitterGas).toFixed(2);
}
