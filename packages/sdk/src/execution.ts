// What an executed proposal did: the council records a failed action instead of reverting, so a
// successful `execute` transaction may carry a failure. Clients read it from the receipt's logs.
import { parseEventLogs, type Address, type Hex, type Log, type PublicClient } from "viem";

import { decodeRevert, plainErrorFormat } from "./errors.ts";
import type { ErrorFormat } from "./errorMessages.ts";
import { trusteeCouncilAbi } from "./generated/abis.ts";
import { contractEventsSince } from "./history/contractEvents.ts";

export type ExecutionOutcome =
  | { readonly proposalId: bigint; readonly executed: true; readonly result: Hex }
  | { readonly proposalId: bigint; readonly executed: false; readonly reason: Hex; readonly message: string };

/**
 * The outcome of each `execute` in `logs` (a receipt's logs): executed with its result, or failed
 * with its revert data and the failure in plain words.
 */
export function executionOutcomes(
  logs: readonly Log[],
  format: ErrorFormat = plainErrorFormat,
): ExecutionOutcome[] {
  const events = parseEventLogs({
    abi: trusteeCouncilAbi,
    logs: [...logs],
    eventName: ["ProposalExecuted", "ProposalExecutionFailed"],
  });
  return events.map((event) => {
    if (event.eventName === "ProposalExecuted") {
      return { proposalId: event.args.proposalId, executed: true, result: event.args.result };
    }
    const reason = event.args.reason;
    const decoded = decodeRevert(reason, { format });
    return {
      proposalId: event.args.proposalId,
      executed: false,
      reason,
      message: decoded?.message ?? `the action failed (${reason})`,
    };
  });
}

/**
 * Why the last failed execution of proposal `proposalId` failed: its `ProposalExecutionFailed` event
 * (found by the indexed proposal id, read in bounded pages from `fromBlock`, e.g. the deployment's first block),
 * decoded in plain words; undefined when no execution of it has failed.
 */
export async function executionFailure(
  client: PublicClient,
  council: Address,
  proposalId: bigint,
  fromBlock: bigint,
  format: ErrorFormat = plainErrorFormat,
): Promise<Extract<ExecutionOutcome, { executed: false }> | undefined> {
  const logs = await contractEventsSince(
    client,
    { address: council, abi: trusteeCouncilAbi, eventName: "ProposalExecutionFailed", args: { proposalId } },
    fromBlock,
  );
  const failures = executionOutcomes(logs, format).filter(
    (o): o is Extract<ExecutionOutcome, { executed: false }> => !o.executed,
  );
  return failures.at(-1);
}
