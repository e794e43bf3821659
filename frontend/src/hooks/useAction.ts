import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Abi, Address, PublicClient, TransactionReceipt } from "viem";
import { useConfig } from "wagmi";
import {
  getConnection,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
  type SimulateContractParameters,
  type WriteContractParameters,
} from "wagmi/actions";

import type { AssetInfo } from "@fef/sdk/assets";
import type { FundAddresses } from "@fef/sdk/deployments";
import { describeReceipt } from "@fef/sdk/outcomes";
import type { Step } from "@fef/sdk/steps";

import { affectedReads, fundKeys } from "../lib/fundReads";
import { describeSafeProgress, waitForSafeExecution } from "../lib/safeTx";
import type { config as wagmiConfig } from "../wagmi";
import { useFund } from "./useFund";
import { useTx } from "./useTx";

type Config = typeof wagmiConfig;

/** What an SDK action builder may need: a client to quote or read an allowance, the Fund, the sender. */
export type ActionContext = {
  readonly client: PublicClient;
  readonly fund: FundAddresses;
  readonly account: Address;
  readonly chainId: number;
};

/** Returns the steps of one action, from an SDK builder (`@fef/sdk/actions/*`). */
export type BuildSteps = (context: ActionContext) => readonly Step[] | Promise<readonly Step[]>;

export type ActionOptions = {
  /** The asset amounts in errors refer to when the error does not name it (e.g. an offering's asset). */
  readonly asset?: AssetInfo;
  /** Runs after confirmation (e.g. to clear a form). */
  readonly onConfirmed?: () => void;
};

const REVERTED =
  "The transaction was mined but reverted: the chain changed between the check and the inclusion. Nothing was changed; try again.";

/**
 * The dashboard's one way to write: builds the steps of an SDK action, then for each step simulates
 * it (so a revert is decoded into plain words before the wallet opens), asks the wallet, and waits for
 * the receipt, through the transaction panel (checking → approving → wallet → pending → confirmed /
 * failed); once confirmed, the panel says what happened, decoded from the receipt's events by the SDK. From a Safe, "safe" (owners' signatures, then execution) comes before "pending". Once confirmed it refreshes only the reads the steps change (`lib/fundReads`).
 */
export function useAction() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { client, fund, account, chainId, assets } = useFund();
  const { begin, update, fail, end, busy } = useTx();

  const send = useCallback(
    async (label: string, build: BuildSteps, options?: ActionOptions): Promise<boolean> => {
      const id = begin(label);
      try {
        if (!client || !fund || !account)
          throw new Error("Connect an account on a chain where the Fund is deployed first.");
        const steps = await build({ client, fund, account, chainId });
        let receipt: TransactionReceipt | undefined;
        for (const [index, step] of steps.entries()) {
          const final = index === steps.length - 1;
          const note = steps.length > 1 ? `${step.label} (step ${index + 1} of ${steps.length})` : undefined;
          update(id, { phase: final ? "checking" : "approving", note, hash: undefined });
          // Steps are plain objects checked against their ABI by the SDK's `step`; wagmi cannot re-prove
          // its generic request type for a runtime ABI, so the parameters are widened once here.
          const { request } = await simulateContract(config, {
            ...step,
            account,
            chainId,
          } as SimulateContractParameters<Abi, string, readonly unknown[], Config>);
          update(id, { phase: "wallet", note });
          const hash = await writeContract(
            config,
            request as WriteContractParameters<Abi, string, readonly unknown[], Config>,
          );
          // Through a Safe the wallet answers with a Safe transaction hash: follow the owners'
          // signatures and the execution in the Safe, then wait for the executed transaction.
          let txHash = hash;
          if (getConnection(config).connector?.type === "safe") {
            update(id, { phase: "safe", safeTxHash: hash, note: "Proposed to the Safe's owners." });
            txHash = await waitForSafeExecution(hash, (progress) =>
              update(id, { note: describeSafeProgress(progress) }),
            );
          }
          update(id, { phase: final ? "pending" : "approving", hash: txHash, note });
          receipt = await waitForTransactionReceipt(config, { hash: txHash, chainId });
          if (receipt.status !== "success") {
            update(id, { phase: "failed", blockNumber: receipt.blockNumber, message: REVERTED });
            return false;
          }
        }
        update(id, {
          phase: "confirmed",
          note: undefined,
          ...(receipt
            ? {
                blockNumber: receipt.blockNumber,
                gasUsed: receipt.gasUsed,
                outcome: describeReceipt(receipt.logs, { account, assets }),
              }
            : {}),
        });
        await Promise.all(
          affectedReads(fund, steps).map((read) =>
            queryClient.invalidateQueries({ queryKey: fundKeys.read(chainId, read) }),
          ),
        );
        options?.onConfirmed?.();
        return true;
      } catch (error) {
        fail(id, error, options?.asset);
        return false;
      } finally {
        end(label);
      }
    },
    [config, queryClient, client, fund, account, chainId, assets, begin, update, fail, end],
  );

  return { send, busy };
}
