import { ZeroAddress, formatUnits } from "ethers";

import { fail } from "./fail.js";
import type { Fund } from "./fund.js";

/** A returns or payment asset: ETH is `address(0)`. */
export interface AssetInfo {
  address: string;
  symbol: string;
  decimals: number;
}

export const ETHER: AssetInfo = { address: ZeroAddress, symbol: "ETH", decimals: 18 };

/** Symbol and decimals of `address` (ETH for the zero address). */
export async function assetInfo(fund: Fund, address: string): Promise<AssetInfo> {
  if (address === ZeroAddress) return ETHER;
  // Any ERC-20 answers the TestToken ABI's metadata, balance and allowance functions.
  const token = await fund.ethers.getContractAt("TestToken", address);
  const [symbol, decimals] = await Promise.all([
    token.symbol().catch(() => "?"),
    token.decimals().catch(() => 18n),
  ]);
  return { address, symbol, decimals: Number(decimals) };
}

/** `1.5 tUSD` */
export function formatAmount(amount: bigint, asset: AssetInfo): string {
  return `${formatUnits(amount, asset.decimals)} ${asset.symbol}`;
}

/** 18-decimal share units as a decimal number of shares. */
export function formatShares(amount: bigint): string {
  return `${formatUnits(amount, 18)} shares`;
}

/** The asset, which must be a returns asset of the Fund (`option` is named in the error). */
export async function returnsAsset(fund: Fund, option: string, address: string): Promise<AssetInfo> {
  if (!(await fund.shares.isReturnsAsset(address))) {
    const listed = await fund.shares.returnsAssets();
    const names = await Promise.all(listed.map(async (asset) => (await assetInfo(fund, asset)).symbol));
    fail(
      `--${option}: ${address} is not a returns asset of the Fund (the returns assets are ${names.join(", ")})`,
    );
  }
  return assetInfo(fund, address);
}

/** Balance of `holder` in `asset`. */
export async function balanceOf(fund: Fund, asset: string, holder: string): Promise<bigint> {
  if (asset === ZeroAddress) return fund.ethers.provider.getBalance(holder);
  return (await fund.ethers.getContractAt("TestToken", asset)).balanceOf(holder);
}
