import { deployments as sdkDeployments, type ChainDeployment } from "@fef/sdk/deployments";

/** `__BUILD_DEPLOYMENTS__` as ChainDeployments (its first block travels as a decimal string). */
function buildDeployments(): Record<number, ChainDeployment> {
  return Object.fromEntries(
    Object.entries(__BUILD_DEPLOYMENTS__).map(([chainId, d]) => [
      Number(chainId),
      { addresses: d.addresses, futures: d.futures, fromBlock: BigInt(d.fromBlock) },
    ]),
  );
}

/**
 * Where the Fund is deployed, as this dashboard build knows it: the SDK's deployments, plus one given
 * at build time through FEF_DASHBOARD_DEPLOYMENT (vite.config.ts), e.g. a deployment rehearsal's.
 */
export const deployments: Readonly<Record<number, ChainDeployment>> = {
  ...sdkDeployments,
  ...buildDeployments(),
};
