import { createConfig, http, injected } from "wagmi";
import { base, baseSepolia, mainnet, sepolia } from "wagmi/chains";
import { safe, walletConnect } from "wagmi/connectors";

import { devAccounts } from "@fef/sdk/devAccounts";

import { LOCAL_CHAIN_ID, dashboardChains, localRpcUrl } from "./lib/chains";
import { devAccountConnector } from "./lib/devConnector";

/** WalletConnect needs a project id (cloud.reown.com); without one its option is hidden. */
export const walletConnectProjectId = __WALLETCONNECT__
  ? import.meta.env.VITE_WALLETCONNECT_PROJECT_ID
  : undefined;

/**
 * Which parent pages may drive the dashboard as a Safe App: Safe{Wallet}, and the dashboard's own
 * origin (a page of the same origin is already fully trusted; the browser tests' Safe stand-in is one).
 */
const safeAppHosts = [
  /^https:\/\/app\.safe\.global$/,
  ...(globalThis.location
    ? [new RegExp(`^${globalThis.location.origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)]
    : []),
];

/**
 * Chains: the local Hardhat node, Base, Ethereum and their testnets; the one read before a wallet
 * connects (VITE_CHAIN_ID, default the local node) comes first.
 * Connectors: any injected wallet; the Safe (when the dashboard runs as a Safe App inside
 * Safe{Wallet}); WalletConnect (mobile wallets) when a project id is configured; and one connector per
 * Hardhat dev account, used on the local chain only. The Safe and WalletConnect connectors load their
 * SDKs on first use, so neither weighs on the first page load.
 * Transports batch JSON-RPC requests made in the same tick into one HTTP round trip.
 */
export const config = createConfig({
  chains: dashboardChains,
  connectors: [
    injected(),
    // The Safe Apps SDK asks the parent frame who it is; wagmi gives the answer 10 ms by default, which
    // a busy browser misses (the app then starts as if outside a Safe). Only framed pages wait for it.
    safe({ allowedDomains: safeAppHosts, unstable_getInfoTimeout: 1_000 }),
    ...(__WALLETCONNECT__ && walletConnectProjectId
      ? [
          walletConnect({
            projectId: walletConnectProjectId,
            metadata: {
              name: "Future Endowment Fund",
              description: "Shares, grants and pooled returns of the Future Endowment Fund",
              url: globalThis.location?.origin ?? "http://127.0.0.1",
              icons: [],
            },
          }),
        ]
      : []),
    ...devAccounts.map((address, index) => devAccountConnector(address, index)),
  ],
  transports: {
    [LOCAL_CHAIN_ID]: http(localRpcUrl, { batch: true }),
    [base.id]: http(import.meta.env.VITE_BASE_RPC_URL, { batch: true }),
    [mainnet.id]: http(import.meta.env.VITE_MAINNET_RPC_URL, { batch: true }),
    [baseSepolia.id]: http(import.meta.env.VITE_BASE_SEPOLIA_RPC_URL, { batch: true }),
    [sepolia.id]: http(import.meta.env.VITE_SEPOLIA_RPC_URL, { batch: true }),
  },
});

declare module "wagmi" {
  interface Register {
    config: typeof config;
  }
}
