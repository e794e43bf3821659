/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** JSON-RPC URL of the local chain (default http://127.0.0.1:8545). */
  readonly VITE_RPC_URL?: string;
  /** JSON-RPC URL for Sepolia (default: viem's public endpoint). */
  readonly VITE_SEPOLIA_RPC_URL?: string;
  /** JSON-RPC URL for Base Sepolia (default: viem's public endpoint). */
  readonly VITE_BASE_SEPOLIA_RPC_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
