// One contract's events of one kind since a block, read in bounded pages (`readAllLogs`): what the
// command line and the dashboard's one-off lists ask the chain for when no indexer answers. A single
// eth_getLogs from the first block to the head, as these reads once were, fails on a public RPC
// provider as soon as the range passes its cap.
import type {
  Abi,
  Address,
  ContractEventArgs,
  ContractEventName,
  GetContractEventsReturnType,
  PublicClient,
} from "viem";

import { readAllLogs } from "./logScanner.ts";

/** The events asked for: a contract, its ABI, one event and the values of its indexed arguments. */
export type EventFilter<abi extends Abi, eventName extends ContractEventName<abi>> = {
  readonly address: Address;
  readonly abi: abi;
  readonly eventName: eventName;
  readonly args?: ContractEventArgs<abi, eventName>;
};

/**
 * Every `filter.eventName` log of `filter.address` whose indexed arguments match `filter.args`, from
 * `fromBlock` (the deployment's first block when known) to the current head, oldest first.
 */
export async function contractEventsSince<const abi extends Abi, eventName extends ContractEventName<abi>>(
  client: PublicClient,
  filter: EventFilter<abi, eventName>,
  fromBlock: bigint,
): Promise<GetContractEventsReturnType<abi, eventName, true, bigint, bigint>> {
  const head = await client.getBlockNumber();
  return readAllLogs(
    (from, to) =>
      client.getContractEvents({
        address: filter.address,
        abi: filter.abi,
        eventName: filter.eventName,
        args: filter.args,
        fromBlock: from,
        toBlock: to,
        strict: true,
      }),
    fromBlock,
    head,
  );
}
