import type { Address } from "viem";

import type { ContractName } from "./generated/abis.ts";

/** Where the Fund lives on one chain (from an Ignition deployment record). */
export type ChainDeployment = {
  /** Addresses by contract name (the part of the Ignition future id after `#`). */
  readonly addresses: Readonly<Partial<Record<ContractName, Address>>>;
  /** Every deployed future, by its full Ignition id (`<ModuleId>#<ContractName>`). */
  readonly futures: Readonly<Record<string, Address>>;
  /** The first block of the deployment: event scans start here. */
  readonly fromBlock: bigint;
};
