import { defineChain, type Chain } from "viem";
import { base, baseSepolia, hardhat, mainnet, sepolia } from "viem/chains";

import { deployments } from "./deployments";

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

/** The chain with the Multicall3 of the Fund's deployment on it, when it has one, so reads batch into one eth_call. */
function withFundMulticall<const C extends Chain>(chain: C): C {
  const multicall3 = deployments[chain.id]?.addresses.Multicall3;
  return multicall3
    ? { ...chain, contracts: { ...chain.contracts, multicall3: { address: multicall3 } } }
    : chain;
}

/** The local Hardhat node. */
export const localChain = withFundMulticall(
  defineChain({
    ...hardhat,
    name: "Local Hardhat",
    rpcUrls: { default: { http: [localRpcUrl] } },
  }),
);

export const supportedChains = [
  localChain,
  withFundMulticall(base),
  withFundMulticall(mainnet),
  withFundMulticall(baseSepolia),
  withFundMulticall(sepolia),
] as const;
export type ChainId = (typeof supportedChains)[number]["id"];

/** The chain the dashboard reads before a wallet connects: VITE_CHAIN_ID, else the local chain. */
const defaultChain =
  supportedChains.find((c) => c.id === Number(import.meta.env.VITE_CHAIN_ID ?? LOCAL_CHAIN_ID)) ?? localChain;

/** The supported chains with the default one first (wagmi reads the first while no wallet is connected). */
export const dashboardChains = [
  defaultChain,
  ...supportedChains.filter((c) => c !== defaultChain),
] as unknown as typeof supportedChains;

export function chainName(chainId: number | undefined): string {
  return supportedChains.find((c) => c.id === chainId)?.name ?? `chain ${chainId ?? "?"}`;
}
