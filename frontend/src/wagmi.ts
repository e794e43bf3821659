import { createConfig, http, injected } from "wagmi";
import { baseSepolia, sepolia } from "wagmi/chains";

import { devAccounts } from "@fef/sdk/devAccounts";

import { LOCAL_CHAIN_ID, localChain, localRpcUrl } from "./lib/chains";
import { devAccountConnector } from "./lib/devConnector";

/**
 * Chains: the local Hardhat node first (the demo's default), then Sepolia and Base Sepolia.
 * Connectors: any injected wallet, plus one connector per Hardhat dev account for the local demo.
 * Transports batch JSON-RPC requests made in the same tick into one HTTP round trip.
 */
export const config = createConfig({
  chains: [localChain, sepolia, baseSepolia],
  connectors: [injected(), ...devAccounts.map((address, index) => devAccountConnector(address, index))],
  transports: {
    [LOCAL_CHAIN_ID]: http(localRpcUrl, { batch: true }),
    [sepolia.id]: http(import.meta.env.VITE_SEPOLIA_RPC_URL, { batch: true }),
    [baseSepolia.id]: http(import.meta.env.VITE_BASE_SEPOLIA_RPC_URL, { batch: true }),
  },
});

declare module "wagmi" {
  interface Register {
    config: typeof config;
  }
}
