import { defineChain } from "viem";
import { base, baseSepolia, hardhat, mainnet, sepolia } from "viem/chains";

import { deployments } from "@fef/sdk/deployments";

export const LOCAL_CHAIN_ID = hardhat.id;
export const localRpcUrl = import.meta.env.VITE_RPC_URL ?? "http://127.0.0.1:8545";

/**
 * The history indexer of a chain, from the build's configuration: VITE_INDEXER_URL for the local
 * chain, VITE_INDEXER_URL_<chainId> for any other. Without one the dashboard reads the chain's logs.
 */
export function indexerUrlFor(chainId: number): string | undefined {
  const env = import.meta.env as Record<string, string | undefined>;
  const url = chainId === hardhat.id ? env.VITE_INDEXER_URL : env[`VITE_INDEXER_URL_${chainId}`];
  return url ? url : undefined;
}

const localMulticall = deployments[LOCAL_CHAIN_ID]?.addresses.Multicall3;

/** The local Hardhat node, with the Multicall3 of its deployment so reads batch into one eth_call. */
export const localChain = defineChain({
  ...hardhat,
  name: "Local Hardhat",
  rpcUrls: { default: { http: [localRpcUrl] } },
  contracts: localMulticall ? { multicall3: { address: localMulticall } } : {},
});

export const supportedChains = [localChain, base, mainnet, baseSepolia, sepolia] as const;
export type ChainId = (typeof supportedChains)[number]["id"];

export function chainName(chainId: number | undefined): string {
  return supportedChains.find((c) => c.id === chainId)?.name ?? `chain ${chainId ?? "?"}`;
}
