import path from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, PublicClient } from "viem";

import { type AssetInfo, assetBalance, readAsset } from "@fef/sdk/assets";

import {
  type FundAddresses,
  deployedAddressesFile,
  loadFundAddresses,
} from "../../scripts/lib/deployment.js";
import { optional } from "./args.js";
import { fail } from "./fail.js";

/** Options every task takes. */
export interface CommonArgs {
  /** index into the network's accounts, or one of their addresses */
  from?: string;
  /** a deployed_addresses.json to read instead of Ignition's record for the chain */
  deployment?: string;
  /** print only JSON */
  json: boolean;
}

/**
 * Connects to the network of the run (the cached connection, shared with scripts and tests) and to
 * the Fund deployed there. The addresses come from `--deployment <file>` when given, else from
 * Hardhat Ignition's record `ignition/deployments/chain-<id>/deployed_addresses.json`.
 */
export async function connectFund(hre: HardhatRuntimeEnvironment, deployment: string | undefined) {
  const connection = await hre.network.getOrCreate();
  const { ethers } = connection;
  // viem's client of the same connection, for the SDK's reads (assets, FundLens).
  const client: PublicClient = await connection.viem.getPublicClient();
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const file = optional(deployment) ?? path.join(hre.config.paths.root, deployedAddressesFile(chainId));
  let addresses: FundAddresses;
  try {
    addresses = loadFundAddresses(chainId, file);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if ((await ethers.provider.getCode(addresses.TrusteeCouncil)) === "0x") {
    fail(
      `No contract at the recorded TrusteeCouncil address ${addresses.TrusteeCouncil} on chain ${chainId}: ` +
        `${file} is stale (was the chain restarted?). Deploy again.`,
    );
  }
  const [council, shares, pool, rounds, offerings, registry, signers] = await Promise.all([
    ethers.getContractAt("ITrusteeCouncil", addresses.TrusteeCouncil),
    ethers.getContractAt("IFundShares", addresses.FundShares),
    ethers.getContractAt("ICapitalPool", addresses.CapitalPool),
    ethers.getContractAt("IGrantRounds", addresses.GrantRounds),
    ethers.getContractAt("IOfferings", addresses.Offerings),
    ethers.getContractAt("IReturnsRegistry", addresses.ReturnsRegistry),
    ethers.getSigners(),
  ]);
  return {
    ethers,
    chainId,
    addresses,
    council,
    shares,
    pool,
    rounds,
    offerings,
    registry,
    client,
    signers,
  };
}

export type Fund = Awaited<ReturnType<typeof connectFund>>;

/** The latest block's timestamp (the chain's clock, which tests and the demo move). */
export async function chainTime(fund: Fund): Promise<bigint> {
  const block = await fund.ethers.provider.getBlock("latest");
  if (block === null) return fail("The network returned no latest block");
  return BigInt(block.timestamp);
}

/** Symbol and decimals of `address` (ETH for the zero address). */
export function assetInfo(fund: Fund, address: string): Promise<AssetInfo> {
  return readAsset(fund.client, address as Address);
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

/** Balance of `holder` in `asset` (ETH for the zero address). */
export function balanceOf(fund: Fund, asset: string, holder: string): Promise<bigint> {
  return assetBalance(fund.client, asset as Address, holder as Address);
}
