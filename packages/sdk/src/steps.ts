// What an action builder returns: the transactions to send, in order, as plain objects that viem's
// `simulateContract`/`writeContract` (wallet clients, hardhat-viem) and wagmi's actions accept as they are.
import type {
  Abi,
  Account,
  Address,
  Chain,
  ContractFunctionArgs,
  ContractFunctionName,
  PublicClient,
  TransactionReceipt,
  Transport,
  WalletClient,
} from "viem";

import { explainError } from "./errors.ts";

/** One transaction: a contract write with its arguments and the exact ETH it sends. */
export type Step = {
  /** What the step does, in words ("Approve 25 tUSD for Offerings", "Commit the sealed estimate for #3"). */
  readonly label: string;
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args: readonly unknown[];
  /** wei sent with the call (ETH payments); absent when nothing is sent */
  readonly value?: bigint;
};

type Writes<abi extends Abi> = ContractFunctionName<abi, "nonpayable" | "payable">;

/** A step whose function name and arguments are type-checked against `abi`. */
export function step<const abi extends Abi, fn extends Writes<abi>>(s: {
  readonly label: string;
  readonly address: Address;
  readonly abi: abi;
  readonly functionName: fn;
  readonly args: ContractFunctionArgs<abi, "nonpayable" | "payable", fn>;
  readonly value?: bigint;
}): Step {
  return {
    label: s.label,
    address: s.address,
    abi: s.abi,
    functionName: s.functionName,
    args: s.args as readonly unknown[],
    ...(s.value !== undefined && s.value > 0n ? { value: s.value } : {}),
  };
}

/**
 * The single-step builder of one contract: `call(address, label, functionName, args)` is
 * `[step({ label, address, abi, functionName, args })]`, type-checked against `abi` like `step`.
 */
export function singleStep<const abi extends Abi>(abi: abi) {
  return <fn extends Writes<abi>>(
    address: Address,
    label: string,
    functionName: fn,
    args: ContractFunctionArgs<abi, "nonpayable" | "payable", fn>,
  ): Step[] => [step({ label, address, abi, functionName, args })];
}

/** A step that failed: its label and the reason in plain words; `cause` is the original error. */
export class StepError extends Error {
  override name = "StepError";
  readonly step: Step;

  constructor(step: Step, reason: string, cause: unknown) {
    super(`${step.label} failed: ${reason}`, { cause });
    this.step = step;
  }
}

export type SendOptions = {
  /** Called before each step is simulated. */
  readonly onStep?: (step: Step, index: number) => void;
};

/**
 * Sends `steps` in order from the wallet's account (Node clients: the CLI, the seed, tests): each is
 * simulated, sent, and waited for; the first failure stops the run with a StepError in plain words.
 */
export async function sendSteps(
  wallet: WalletClient<Transport, Chain | undefined, Account>,
  client: PublicClient,
  steps: readonly Step[],
  options: SendOptions = {},
): Promise<TransactionReceipt[]> {
  const receipts: TransactionReceipt[] = [];
  for (const [index, s] of steps.entries()) {
    options.onStep?.(s, index);
    let hash: `0x${string}`;
    try {
      const { request } = await client.simulateContract({ ...s, account: wallet.account });
      hash = await wallet.writeContract({ ...request, chain: wallet.chain ?? null } as Parameters<
        typeof wallet.writeContract
      >[0]);
    } catch (error) {
      throw new StepError(s, explainError(error), error);
    }
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new StepError(s, `transaction ${hash} reverted`, undefined);
    receipts.push(receipt);
  }
  return receipts;
}
