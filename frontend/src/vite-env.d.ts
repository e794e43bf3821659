/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** JSON-RPC URL of the local chain (default http://127.0.0.1:8545). */
  readonly VITE_RPC_URL?: string;
  /** The local chain's history indexer (npm start sets it); VITE_INDEXER_URL_<chainId> for others. */
  readonly VITE_INDEXER_URL?: string;
  /** JSON-RPC URL for Sepolia (default: viem's public endpoint). */
  readonly VITE_SEPOLIA_RPC_URL?: string;
  /** JSON-RPC URL for Base Sepolia (default: viem's public endpoint). */
  readonly VITE_BASE_SEPOLIA_RPC_URL?: string;
  /** JSON-RPC URL for Base (default: viem's public endpoint). */
  readonly VITE_BASE_RPC_URL?: string;
  /** JSON-RPC URL for Ethereum mainnet (default: viem's public endpoint). */
  readonly VITE_MAINNET_RPC_URL?: string;
  /** The chain the dashboard reads before a wallet connects (default: the local chain, 31337). */
  readonly VITE_CHAIN_ID?: string;
  /** WalletConnect project id (cloud.reown.com); without it the WalletConnect option is hidden. */
  readonly VITE_WALLETCONNECT_PROJECT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** Whether VITE_WALLETCONNECT_PROJECT_ID was set at build time (vite.config.ts `define`). */
declare const __WALLETCONNECT__: boolean;

/**
 * A deployment added at build time (vite.config.ts: FEF_DASHBOARD_DEPLOYMENT=<chainId>:<deployed_addresses.json>),
 * by chain id; empty unless set.
 */
declare const __BUILD_DEPLOYMENTS__: Readonly<
  Record<
    string,
    Omit<import("@fef/sdk/deployments").ChainDeployment, "fromBlock"> & { readonly fromBlock: string }
  >
>;
