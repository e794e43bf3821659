// Returns paid while fewer than one whole share existed are owed to nobody: anyone moves them into
// the capital pool, where they fund stipends (see the README, "Launch").
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { moveHeldToCapital } from "@fef/sdk/actions/shares";
import { formatAmountExact as formatAmount } from "@fef/sdk/format";
import { fundSharesAbi } from "@fef/sdk/generated/abis";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { parseAsset } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, connectFund, returnsAsset } from "./lib/fund.js";
import { emit } from "./lib/output.js";
import { send } from "./lib/send.js";

export interface MoveHeldArgs extends CommonArgs {
  asset?: string;
}

export interface MoveHeldSummary {
  asset: string;
  moved: bigint;
  transaction: string;
}

export async function moveHeld(args: MoveHeldArgs, hre: HardhatRuntimeEnvironment): Promise<MoveHeldSummary> {
  const fund = await connectFund(hre, args.deployment);
  const asset = await returnsAsset(fund, "asset", parseAsset("asset", args.asset ?? "ETH"));
  const [, , , held] = await fund.client.readContract({
    address: fund.addresses.FundShares,
    abi: fundSharesAbi,
    functionName: "assetTotals",
    args: [asset.asset],
  });
  if (held === 0n) fail(`--asset: no returns in ${asset.symbol} are held`);
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(fund, signer, moveHeldToCapital(fund.addresses, asset.asset));
  const summary: MoveHeldSummary = { asset: asset.asset, moved: held, transaction: sent.transaction };
  return emit(args.json, summary, () => [
    `Moved ${formatAmount(held, asset)} of returns held while no share existed into the capital pool.`,
  ]);
}
