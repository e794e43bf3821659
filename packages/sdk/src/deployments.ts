// Where the Fund is deployed: the committed deployments (generated/deployments.ts) and the local
// chain's (generated/localDeployment.ts, git-ignored, regenerated after `npm start` deploys).
import type { Address } from "viem";

import type { ChainDeployment } from "./deploymentTypes.ts";
import { committedDeployments } from "./generated/deployments.ts";
import { localDeployment } from "./generated/localDeployment.ts";

export type { ChainDeployment };

export const LOCAL_CHAIN_ID = 31337;

function merged(): Readonly<Record<number, ChainDeployment>> {
  const all: Record<number, ChainDeployment> = { ...committedDeployments };
  if (localDeployment) all[LOCAL_CHAIN_ID] = localDeployment;
  return all;
}

export const deployments = merged();

/** The contracts an action builder or a read needs. */
export const fundContracts = [
  "TrusteeCouncil",
  "FundShares",
  "GrantRounds",
  "Offerings",
  "CapitalPool",
  "ReturnsRegistry",
  "FundLens",
] as const;

export type FundAddresses = { readonly [K in (typeof fundContracts)[number]]: Address };

/** The Fund's addresses in `deployment`; throws naming what is missing. */
export function fundAddressesOf(deployment: ChainDeployment, where = "the deployment"): FundAddresses {
  const missing = fundContracts.filter((name) => deployment.addresses[name] === undefined);
  if (missing.length > 0) throw new Error(`${where} has no ${missing.join(", ")}`);
  return Object.fromEntries(fundContracts.map((name) => [name, deployment.addresses[name]])) as FundAddresses;
}

/** The Fund's addresses on `chainId` from the generated deployments; throws when it is not deployed there. */
export function fundAddresses(chainId: number): FundAddresses {
  const deployment = deployments[chainId];
  if (!deployment) throw new Error(`The Fund has no known deployment on chain ${chainId}`);
  return fundAddressesOf(deployment, `The deployment on chain ${chainId}`);
}
