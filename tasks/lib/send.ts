import {
  type Abi,
  type Address,
  type ContractEventName,
  type Hash,
  type ParseEventLogsReturnType,
  type TransactionReceipt,
  parseEventLogs,
} from "viem";

import { grantRoundsAbi, offeringsAbi, returnsRegistryAbi, trusteeCouncilAbi } from "@fef/sdk/generated/abis";
import { SaltRecordError } from "@fef/sdk/salts";
import { type Step, StepError, sendSteps } from "@fef/sdk/steps";

import { fail } from "./fail.js";
import type { Fund, Wallet } from "./fund.js";

export interface Sent {
  /** one per step, in order */
  receipts: TransactionReceipt[];
  /** the last step's receipt: the action itself (earlier steps are approvals) */
  receipt: TransactionReceipt;
  /** the last step's transaction */
  transaction: Hash;
  /** the approval sent first, when the builder needed one */
  approval?: Hash;
}

/**
 * Sends the steps of an SDK action builder from `wallet`: each is simulated, sent and waited for. A
 * revert — caught by the simulation, before anything is sent — stops the task with the step's label
 * and its custom error and arguments in words.
 */
export async function send(fund: Fund, wallet: Wallet, steps: readonly Step[]): Promise<Sent> {
  let receipts: TransactionReceipt[];
  try {
    receipts = await sendSteps(wallet, fund.client, steps);
  } catch (error) {
    if (error instanceof StepError) return fail(error.message);
    throw error;
  }
  const receipt = receipts.at(-1);
  if (receipt === undefined) return fail("Nothing to send");
  const approval = receipts.length > 1 ? receipts[0]?.transactionHash : undefined;
  return {
    receipts,
    receipt,
    transaction: receipt.transactionHash,
    ...(approval === undefined ? {} : { approval }),
  };
}

/** Sends each of `batches` (one step each) as its own transaction, in order; their transactions. */
export async function sendEach(fund: Fund, wallet: Wallet, batches: readonly Step[]): Promise<Hash[]> {
  const transactions: Hash[] = [];
  for (const batch of batches) transactions.push((await send(fund, wallet, [batch])).transaction);
  return transactions;
}

/** Runs an SDK call that reads or writes salt records, turning a SaltRecordError into a plain error. */
export async function withSalts<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof SaltRecordError) return fail(error.message);
    throw error;
  }
}

/** Every `eventName` event emitted by the contract at `address` in the receipt, decoded with `abi`. */
export function eventsOf<const abi extends Abi, name extends ContractEventName<abi>>(
  receipt: TransactionReceipt,
  abi: abi,
  address: Address,
  eventName: name,
): ParseEventLogsReturnType<abi, name, true> {
  const logs = receipt.logs.filter((log) => log.address.toLowerCase() === address.toLowerCase());
  return parseEventLogs({ abi, logs, eventName });
}

/** The first `eventName` event emitted by the contract at `address` in the receipt. */
export function findEvent<const abi extends Abi, name extends ContractEventName<abi>>(
  receipt: TransactionReceipt,
  abi: abi,
  address: Address,
  eventName: name,
): ParseEventLogsReturnType<abi, name, true>[number] {
  const [event] = eventsOf(receipt, abi, address, eventName);
  if (event === undefined)
    return fail(`Transaction ${receipt.transactionHash} emitted no ${eventName} event`);
  return event;
}

/** The ABIs of the Fund's contracts whose events the tasks report, by deployment name. */
const eventAbis = {
  GrantRounds: grantRoundsAbi,
  Offerings: offeringsAbi,
  ReturnsRegistry: returnsRegistryAbi,
  TrusteeCouncil: trusteeCouncilAbi,
} as const;

type EventAbis = typeof eventAbis;

/** The first `eventName` event that the Fund's contract `contract` emitted in the transaction `sent`. */
export function fundEvent<C extends keyof EventAbis, name extends ContractEventName<EventAbis[C]>>(
  fund: Fund,
  sent: Sent,
  contract: C,
  eventName: name,
): ParseEventLogsReturnType<EventAbis[C], name, true>[number] {
  return findEvent<EventAbis[C], name>(
    sent.receipt,
    eventAbis[contract],
    fund.addresses[contract],
    eventName,
  );
}
