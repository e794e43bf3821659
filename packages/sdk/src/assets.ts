// Asset records: ETH is the zero address; every other asset is an ERC-20 with its own decimals.
import { erc20Abi, zeroAddress, type Address, type PublicClient } from "viem";

/** A returns or payment asset, as FundLens describes it. */
export type AssetInfo = { readonly asset: Address; readonly symbol: string; readonly decimals: number };

/** The sentinel of native ETH in every contract of the Fund. */
export const ETH_ADDRESS: Address = zeroAddress;

export const ETH: AssetInfo = { asset: ETH_ADDRESS, symbol: "ETH", decimals: 18 };

export function isEth(asset: Address | AssetInfo): boolean {
  return (typeof asset === "string" ? asset : asset.asset).toLowerCase() === ETH_ADDRESS;
}

/** The record of `asset` among `assets` (ETH is always known), compared case-insensitively. */
export function findAsset(assets: readonly AssetInfo[], asset: Address): AssetInfo | undefined {
  const lower = asset.toLowerCase();
  return assets.find((a) => a.asset.toLowerCase() === lower) ?? (isEth(asset) ? ETH : undefined);
}

/** Symbol and decimals of `asset` read from the chain (ETH for the zero address; `?`/18 when a token does not say). */
export async function readAsset(client: PublicClient, asset: Address): Promise<AssetInfo> {
  if (isEth(asset)) return ETH;
  const [symbol, decimals] = await Promise.all([
    client.readContract({ address: asset, abi: erc20Abi, functionName: "symbol" }).catch(() => "?"),
    client.readContract({ address: asset, abi: erc20Abi, functionName: "decimals" }).catch(() => 18),
  ]);
  return { asset, symbol, decimals };
}

/** What `holder` holds of `asset` (ETH balance for the zero address). */
export async function assetBalance(client: PublicClient, asset: Address, holder: Address): Promise<bigint> {
  if (isEth(asset)) return client.getBalance({ address: holder });
  return client.readContract({ address: asset, abi: erc20Abi, functionName: "balanceOf", args: [holder] });
}
