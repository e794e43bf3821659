import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Contracts of a Fund deployment, by contract name. */
export const FUND_CONTRACTS = [
  "TrusteeCouncil",
  "FundShares",
  "CapitalPool",
  "GrantRounds",
  "Offerings",
  "ReturnsRegistry",
  "Multicall3",
  "FundLens",
] as const;

export type FundContractName = (typeof FUND_CONTRACTS)[number];

export type FundAddresses = Record<FundContractName, string> & { TestToken?: string };

/** Where Hardhat Ignition records the addresses of a chain's deployment. */
export function deployedAddressesFile(chainId: bigint | number): string {
  return path.join("ignition", "deployments", `chain-${chainId}`, "deployed_addresses.json");
}

/**
 * Reads the Fund's addresses for `chainId` from the Ignition deployment (keys are
 * `<ModuleId>#<ContractName>`, e.g. `LocalFund#FundShares`). Throws a clear error when the chain
 * has no deployment or a contract is missing. `file` overrides where the record is read from
 * (any file in Ignition's deployed_addresses.json format), e.g. for an in-process test chain.
 */
export function loadFundAddresses(
  chainId: bigint | number,
  file: string = deployedAddressesFile(chainId),
): FundAddresses {
  if (!existsSync(file)) {
    throw new Error(
      `No Fund deployment for chain ${chainId}: ${file} does not exist. Deploy first (npm start, or hardhat ignition deploy).`,
    );
  }
  const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const byName = new Map<string, string>();
  for (const [key, address] of Object.entries(recorded)) {
    byName.set(key.slice(key.indexOf("#") + 1), address);
  }
  const addresses: Partial<FundAddresses> = {};
  for (const name of FUND_CONTRACTS) {
    const address = byName.get(name);
    if (address === undefined) throw new Error(`The deployment in ${file} has no ${name}.`);
    addresses[name] = address;
  }
  const testToken = byName.get("TestToken");
  if (testToken !== undefined) addresses.TestToken = testToken;
  return addresses as FundAddresses;
}
