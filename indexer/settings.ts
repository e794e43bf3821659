// What the indexer indexes, from configuration: the chain (FEF_CHAIN_ID, default the local 31337), its
// RPC URL (FEF_INDEXER_RPC_URL or PONDER_RPC_URL_<chainId>; the local chain's from FEF_RPC_PORT) and
// the Fund's deployment on it (FEF_DEPLOYMENT_FILE, else the chain's Ignition record, else the SDK's
// committed deployments). Addresses and start blocks come from the deployment, ABIs from the SDK.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { deployments, LOCAL_CHAIN_ID, type ChainDeployment } from "@fef/sdk/deployments";
import { deployedAddressesFile, readDeploymentFile } from "@fef/sdk/node/deploymentFile";

/** The project root (the indexer lives in indexer/). */
const ROOT = fileURLToPath(new URL("..", import.meta.url));

export const chainId = Number(process.env.FEF_CHAIN_ID ?? LOCAL_CHAIN_ID);
if (!Number.isSafeInteger(chainId) || chainId <= 0) {
  throw new Error(`FEF_CHAIN_ID must be a positive chain id, not "${process.env.FEF_CHAIN_ID}"`);
}

function rpcUrlFor(id: number): string {
  const configured = process.env.FEF_INDEXER_RPC_URL ?? process.env[`PONDER_RPC_URL_${id}`];
  if (configured) return configured;
  if (id === LOCAL_CHAIN_ID) return `http://127.0.0.1:${process.env.FEF_RPC_PORT ?? 8545}`;
  throw new Error(`No RPC URL for chain ${id}: set FEF_INDEXER_RPC_URL (or PONDER_RPC_URL_${id}).`);
}

export const rpcUrl = rpcUrlFor(chainId);

function deploymentFor(id: number): ChainDeployment {
  const file = process.env.FEF_DEPLOYMENT_FILE ?? deployedAddressesFile(id, ROOT);
  if (process.env.FEF_DEPLOYMENT_FILE || existsSync(file)) return readDeploymentFile(file, id);
  const committed = deployments[id];
  if (!committed)
    throw new Error(`The Fund has no deployment on chain ${id} (looked in ${file} and the SDK).`);
  return committed;
}

export const deployment = deploymentFor(chainId);

/** The address and first block of one Fund contract; throws naming the missing contract. */
export function contract(name: keyof ChainDeployment["addresses"]): {
  address: `0x${string}`;
  startBlock: number;
} {
  const address = deployment.addresses[name];
  if (!address) throw new Error(`The deployment on chain ${chainId} has no ${name}`);
  return { address, startBlock: Number(deployment.fromBlock) };
}
