// The Fund's addresses as the Hardhat tasks read them (tasks/lib/fund.ts). The reading itself is the
// SDK's (`@fef/sdk/node/deploymentFile`); new code imports it from there.
import type { Address } from "viem";

import type { FundAddresses as SdkFundAddresses } from "@fef/sdk/deployments";
import { deployedAddressesFile, readFundDeployment } from "@fef/sdk/node/deploymentFile";

export { deployedAddressesFile };

/** The Fund's contracts, plus the deployment's Multicall3 and TestToken when it has them. */
export type FundAddresses = SdkFundAddresses & {
  readonly Multicall3?: Address;
  readonly TestToken?: Address;
};

/**
 * Reads the Fund's addresses for `chainId` from the Ignition deployment record `file` (by default
 * Ignition's record for the chain), and the deployment's first block (where reads of its logs start;
 * 0 when the record has no journal). Throws a clear error when the record or a contract is missing.
 */
export function loadFundAddresses(
  chainId: bigint | number,
  file: string = deployedAddressesFile(chainId),
): { addresses: FundAddresses; fromBlock: bigint } {
  const { fund, deployment } = readFundDeployment(chainId, file);
  const { Multicall3, TestToken } = deployment.addresses;
  return {
    addresses: { ...fund, ...(Multicall3 && { Multicall3 }), ...(TestToken && { TestToken }) },
    fromBlock: deployment.fromBlock,
  };
}
