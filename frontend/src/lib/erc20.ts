import { erc20Abi, type Address } from "viem";
import { readContract, simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";

import type { AssetInfo } from "@fef/sdk/assets";
import { formatAmount } from "@fef/sdk/format";

import type { config as wagmiConfig } from "../wagmi";
import type { TxStep } from "../hooks/useTx";
import type { ChainId } from "./chains";

type Config = typeof wagmiConfig;

/** Approves `spender` for exactly `amount` of `asset` first when the allowance is short (never unlimited). */
export async function approveIfNeeded(
  config: Config,
  params: { chainId: ChainId; owner: Address; spender: Address; asset: AssetInfo; amount: bigint },
  step: TxStep,
): Promise<void> {
  const { chainId, owner, spender, asset, amount } = params;
  const allowance = await readContract(config, {
    address: asset.asset,
    abi: erc20Abi,
    functionName: "allowance",
    args: [owner, spender],
    chainId,
  });
  if (allowance >= amount) return;
  step("approving", `Approving ${formatAmount(amount, asset)} first`);
  const { request } = await simulateContract(config, {
    address: asset.asset,
    abi: erc20Abi,
    functionName: "approve",
    args: [spender, amount],
    chainId,
    account: owner,
  });
  step("wallet", "Confirm the approval in your wallet");
  const hash = await writeContract(config, request);
  step("approving", "Waiting for the approval to be mined");
  const receipt = await waitForTransactionReceipt(config, { hash, chainId });
  if (receipt.status !== "success")
    throw new Error("The approval transaction reverted; nothing else was sent.");
  step("checking");
}
