import { useCallback } from "react";
import type { Abi, ContractFunctionArgs, ContractFunctionName } from "viem";
import { useConfig } from "wagmi";
import {
  simulateContract,
  writeContract,
  type SimulateContractParameters,
  type WriteContractParameters,
} from "wagmi/actions";

import type { config as wagmiConfig } from "../wagmi";
import { useTx, type TxOptions } from "./useTx";

type Config = typeof wagmiConfig;

/** simulate → wallet → pending → confirmed / failed for one contract call, through the status area. */
export function useSend() {
  const config = useConfig();
  const { run, busy } = useTx();
  const send = useCallback(
    <
      const abi extends Abi,
      functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
      const args extends ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>,
    >(
      label: string,
      params: SimulateContractParameters<abi, functionName, args, Config>,
      options?: TxOptions,
    ) =>
      run(
        label,
        async (step) => {
          // The generic signature types every call site; wagmi cannot re-prove its generic request
          // type inside a generic function, so the checked parameters are widened once here.
          const { request } = await simulateContract(
            config,
            params as SimulateContractParameters<Abi, string, readonly unknown[], Config>,
          );
          step("wallet");
          return writeContract(
            config,
            request as WriteContractParameters<Abi, string, readonly unknown[], Config>,
          );
        },
        options,
      ),
    [config, run],
  );
  return { send, busy };
}
