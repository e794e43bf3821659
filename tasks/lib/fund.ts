import path from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  type FundAddresses,
  deployedAddressesFile,
  loadFundAddresses,
} from "../../scripts/lib/deployment.js";
import { FUND_ERROR_SOURCES, RevertDecoder } from "../../scripts/lib/errors.js";
import type { ProposalInterfaces } from "../../scripts/lib/proposals.js";
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

const decoders = new WeakMap<HardhatRuntimeEnvironment, RevertDecoder>();

/** One decoder per Hardhat runtime, built from every Fund ABI in the build artifacts. */
async function revertDecoder(hre: HardhatRuntimeEnvironment): Promise<RevertDecoder> {
  const cached = decoders.get(hre);
  if (cached !== undefined) return cached;
  const abis = [];
  for (const name of FUND_ERROR_SOURCES) {
    if (await hre.artifacts.artifactExists(name)) abis.push((await hre.artifacts.readArtifact(name)).abi);
  }
  const decoder = new RevertDecoder(abis);
  decoders.set(hre, decoder);
  return decoder;
}

/**
 * Connects to the network of the run (the cached connection, shared with scripts and tests) and to
 * the Fund deployed there. The addresses come from `--deployment <file>` when given, else from
 * Hardhat Ignition's record `ignition/deployments/chain-<id>/deployed_addresses.json`.
 */
export async function connectFund(hre: HardhatRuntimeEnvironment, deployment: string | undefined) {
  const connection = await hre.network.getOrCreate();
  const { ethers } = connection;
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
  const [council, shares, pool, rounds, offerings, registry, decoder, signers] = await Promise.all([
    ethers.getContractAt("ITrusteeCouncil", addresses.TrusteeCouncil),
    ethers.getContractAt("IFundShares", addresses.FundShares),
    ethers.getContractAt("ICapitalPool", addresses.CapitalPool),
    ethers.getContractAt("IGrantRounds", addresses.GrantRounds),
    ethers.getContractAt("IOfferings", addresses.Offerings),
    ethers.getContractAt("IReturnsRegistry", addresses.ReturnsRegistry),
    revertDecoder(hre),
    ethers.getSigners(),
  ]);
  const interfaces: ProposalInterfaces = {
    council: council.interface,
    shares: shares.interface,
    grantRounds: rounds.interface,
    offerings: offerings.interface,
    returnsRegistry: registry.interface,
  };
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
    interfaces,
    decoder,
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
