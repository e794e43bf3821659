// Reading a Hardhat Ignition deployment record at run time, for Node clients (the tasks, the seed, the
// browser tests): a chain deployed after the SDK last generated its bindings (`npm start` deploys a
// fresh local chain every time) is read from the record itself. Same reading as the generator's:
// a future id `<ModuleId>#<ContractName>` gives the contract name; the first module to deploy a name wins.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { getAddress, isAddress, type Address } from "viem";

import { fundAddressesOf, type ChainDeployment, type FundAddresses } from "../deployments.ts";
import { contractNames, type ContractName } from "../generated/abis.ts";

/** Where Ignition records a chain's addresses, relative to the project root (or under `root`). */
export function deployedAddressesFile(chainId: bigint | number, root = ""): string {
  return path.join(root, "ignition", "deployments", `chain-${chainId}`, "deployed_addresses.json");
}

/** The first block of the deployment, from Ignition's journal beside the record (0 when there is none). */
function deploymentBlock(file: string): bigint {
  const journal = path.join(path.dirname(file), "journal.jsonl");
  if (!existsSync(journal)) return 0n;
  let first: bigint | undefined;
  for (const match of readFileSync(journal, "utf8").matchAll(/"blockNumber":\s*"?(\d+)"?/g)) {
    const block = BigInt(match[1] ?? "0");
    if (first === undefined || block < first) first = block;
  }
  return first ?? 0n;
}

/**
 * The deployment recorded in `file` (Ignition's deployed_addresses.json format). Throws, naming the
 * chain and the file, when the file does not exist or holds something other than addresses.
 */
export function readDeploymentFile(file: string, chainId: bigint | number): ChainDeployment {
  if (!existsSync(file)) {
    throw new Error(
      `No Fund deployment for chain ${chainId}: ${file} does not exist. Deploy first (npm start, or hardhat ignition deploy).`,
    );
  }
  const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const addresses: Partial<Record<ContractName, Address>> = {};
  const futures: Record<string, Address> = {};
  for (const [futureId, value] of Object.entries(recorded)) {
    if (typeof value !== "string" || !isAddress(value, { strict: false }))
      throw new Error(`${file}: ${futureId} is not an address`);
    const address = getAddress(value);
    futures[futureId] = address;
    const name = futureId.slice(futureId.indexOf("#") + 1);
    if ((contractNames as readonly string[]).includes(name) && !(name in addresses))
      addresses[name as ContractName] = address;
  }
  return { addresses, futures, fromBlock: deploymentBlock(file) };
}

/** The Fund recorded in `file` for `chainId`: its addresses (every one required) and the whole record. */
export function readFundDeployment(
  chainId: bigint | number,
  file: string = deployedAddressesFile(chainId),
): { fund: FundAddresses; deployment: ChainDeployment } {
  const deployment = readDeploymentFile(file, chainId);
  return { fund: fundAddressesOf(deployment, `The deployment in ${file}`), deployment };
}
