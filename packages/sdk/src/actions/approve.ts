import { erc20Abi, type Address, type PublicClient } from "viem";

import { isEth, type AssetInfo } from "../assets.ts";
import { formatAmount } from "../format.ts";
import { step, type Step } from "../steps.ts";

/**
 * The approval step an ERC-20 payment of `amount` needs first: none for ETH or when the allowance
 * already covers it; else an approval of exactly `amount` (never unlimited).
 */
export async function approvalSteps(
  client: PublicClient,
  p: {
    readonly asset: AssetInfo;
    readonly owner: Address;
    readonly spender: Address;
    readonly spenderName: string;
    readonly amount: bigint;
  },
): Promise<Step[]> {
  if (isEth(p.asset) || p.amount === 0n) return [];
  const allowance = await client.readContract({
    address: p.asset.asset,
    abi: erc20Abi,
    functionName: "allowance",
    args: [p.owner, p.spender],
  });
  if (allowance >= p.amount) return [];
  return [
    step({
      label: `Approve ${formatAmount(p.amount, p.asset)} for ${p.spenderName}`,
      address: p.asset.asset,
      abi: erc20Abi,
      functionName: "approve",
      args: [p.spender, p.amount],
    }),
  ];
}
