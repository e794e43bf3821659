import type {
  ContractTransactionReceipt,
  ContractTransactionResponse,
  Interface,
  LogDescription,
} from "ethers";

import { explainError } from "@fef/sdk/errors";

import { fail } from "./fail.js";
import type { Fund } from "./fund.js";

/**
 * Sends a transaction and waits for it. A revert — usually caught when the node estimates gas,
 * before anything is sent — becomes an error naming the custom error and its arguments in words.
 */
export async function send(
  fund: Fund,
  label: string,
  transaction: () => Promise<ContractTransactionResponse>,
): Promise<ContractTransactionReceipt> {
  let response: ContractTransactionResponse;
  try {
    response = await transaction();
  } catch (error) {
    return fail(`${label} failed: ${explainError(error)}`);
  }
  let receipt: ContractTransactionReceipt | null;
  try {
    receipt = await response.wait();
  } catch (error) {
    return fail(`${label} failed in transaction ${response.hash}: ${explainError(error)}`);
  }
  if (receipt === null || receipt.status !== 1) fail(`${label} failed in transaction ${response.hash}`);
  return receipt;
}

/** The first `name` event emitted by the contract with `address` in the receipt. */
export function findEvent(
  receipt: ContractTransactionReceipt,
  iface: Interface,
  address: string,
  name: string,
): LogDescription {
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== address.toLowerCase()) continue;
    const parsed = iface.parseLog(log);
    if (parsed?.name === name) return parsed;
  }
  return fail(`Transaction ${receipt.hash} emitted no ${name} event`);
}
