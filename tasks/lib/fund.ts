import path from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import {
  type Account,
  type Address,
  type Chain,
  type PublicClient,
  type Transport,
  type WalletClient,
  getAddress,
  zeroAddress,
} from "viem";

import { type AssetInfo, assetBalance, readAsset } from "@fef/sdk/assets";
import { type FundAddresses, fundContracts } from "@fef/sdk/deployments";
import { fundSharesAbi, trusteeCouncilAbi } from "@fef/sdk/generated/abis";

import { deployedAddressesFile, loadFundAddresses } from "../../scripts/lib/deployment.js";
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

/** A wallet client of one of the network's accounts (hardhat-viem's). */
export type Wallet = WalletClient<Transport, Chain | undefined, Account>;

export interface Fund {
  chainId: bigint;
  /** the Fund's contracts (and the deployment's test token, if any) */
  addresses: FundAddresses & { TestToken?: Address };
  client: PublicClient;
  /** the deployment's first block: reads of the Fund's logs start there (in bounded pages) */
  fromBlock: bigint;
  /** one per account the network can sign with, in the network's order */
  wallets: Wallet[];
}

/**
 * Connects to the network of the run (the cached connection, shared with scripts and tests) through
 * hardhat-viem and to the Fund deployed there. The addresses come from `--deployment <file>` when
 * given, else from Hardhat Ignition's record `ignition/deployments/chain-<id>/deployed_addresses.json`;
 * the grant-rounds, offerings and registry modules then come from the council, which routes to the
 * current ones after a migration.
 */
export async function connectFund(
  hre: HardhatRuntimeEnvironment,
  deployment: string | undefined,
): Promise<Fund> {
  const { viem } = await hre.network.getOrCreate();
  const client: PublicClient = await viem.getPublicClient();
  const chainId = BigInt(await client.getChainId());
  const file = optional(deployment) ?? path.join(hre.config.paths.root, deployedAddressesFile(chainId));
  let recorded: ReturnType<typeof loadFundAddresses>["addresses"];
  let fromBlock: bigint;
  try {
    ({ addresses: recorded, fromBlock } = loadFundAddresses(chainId, file));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const addresses = {
    ...(Object.fromEntries(fundContracts.map((name) => [name, getAddress(recorded[name])])) as FundAddresses),
    ...(recorded.TestToken === undefined ? {} : { TestToken: getAddress(recorded.TestToken) }),
  };
  const code = await client.getCode({ address: addresses.TrusteeCouncil });
  if (code === undefined || code === "0x") {
    fail(
      `No contract at the recorded TrusteeCouncil address ${addresses.TrusteeCouncil} on chain ${chainId}: ` +
        `${file} is stale (was the chain restarted?). Deploy again.`,
    );
  }
  // The council is the record of its modules: after a migration it routes to the new ones.
  const system = await client.readContract({
    address: addresses.TrusteeCouncil,
    abi: trusteeCouncilAbi,
    functionName: "systemContracts",
  });
  if (system.shares !== zeroAddress) {
    addresses.GrantRounds = system.grantRounds;
    addresses.Offerings = system.offerings;
    addresses.ReturnsRegistry = system.returnsRegistry;
  }
  // The node lists its accounts in lower case; their wallets here carry checksummed addresses, as printed.
  const accounts = (await viem.getWalletClients()).map((wallet) => getAddress(wallet.account.address));
  const wallets: Wallet[] = await Promise.all(accounts.map((account) => viem.getWalletClient(account)));
  return { chainId, addresses, client, fromBlock, wallets };
}

/**
 * A task action that acts on the Fund: it connects (see `connectFund`, with the task's `--deployment`)
 * and hands the Fund to `act` with the task's arguments.
 */
export function fundAction<ArgsT extends CommonArgs, ResultT>(
  act: (fund: Fund, args: ArgsT) => Promise<ResultT>,
): (args: ArgsT, hre: HardhatRuntimeEnvironment) => Promise<ResultT> {
  return async (args, hre) => act(await connectFund(hre, args.deployment), args);
}

/** The latest block's timestamp (the chain's clock, which tests and the demo move). */
export async function chainTime(fund: Fund): Promise<bigint> {
  const block = await fund.client.getBlock({ blockTag: "latest" });
  return block.timestamp;
}

/** Symbol and decimals of `address` (ETH for the zero address). */
export function assetInfo(fund: Fund, address: Address): Promise<AssetInfo> {
  return readAsset(fund.client, address);
}

/** The asset, which must be a returns asset of the Fund (`option` is named in the error). */
export async function returnsAsset(fund: Fund, option: string, address: Address): Promise<AssetInfo> {
  const shares = { address: fund.addresses.FundShares, abi: fundSharesAbi } as const;
  if (!(await fund.client.readContract({ ...shares, functionName: "isReturnsAsset", args: [address] }))) {
    const listed = await fund.client.readContract({ ...shares, functionName: "returnsAssets" });
    const names = await Promise.all(listed.map(async (asset) => (await assetInfo(fund, asset)).symbol));
    fail(
      `--${option}: ${address} is not a returns asset of the Fund (the returns assets are ${names.join(", ")})`,
    );
  }
  return assetInfo(fund, address);
}

/** Balance of `holder` in `asset` (ETH for the zero address). */
export function balanceOf(fund: Fund, asset: Address, holder: Address): Promise<bigint> {
  return assetBalance(fund.client, asset, holder);
}
