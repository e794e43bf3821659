import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";

// The dev server may serve files of the root node_modules, even when it is a symlink to a shared install.
const nodeModules = realpathSync(fileURLToPath(new URL("../node_modules", import.meta.url)));

// The Safe Apps provider ships CommonJS only: its `require`s would pull the CommonJS builds of the
// Safe Apps SDK and of viem — a second viem (≈ 225 kB gzip) beside the app's. Both resolve to their ES
// module builds instead, so the provider shares the app's viem.
const esmBuild = (pkg: string, file: string) =>
  fileURLToPath(new URL(`${pkg}/${file}`, `file://${nodeModules}/`));
const alias = [
  { find: /^viem$/, replacement: esmBuild("viem", "_esm/index.js") },
  {
    find: /^@safe-global\/safe-apps-sdk$/,
    replacement: esmBuild("@safe-global/safe-apps-sdk", "dist/esm/index.js"),
  },
];

// Safe{Wallet} reads a custom Safe App's manifest.json from another origin: it needs CORS.
const safeAppHeaders = { "Access-Control-Allow-Origin": "*" };

/**
 * FEF_DASHBOARD_DEPLOYMENT=<chainId>:<deployed_addresses.json>: a deployment this build knows besides
 * the SDK's (e.g. `npm run rehearse:deploy`'s), by chain id; contract names are the part of each
 * Ignition future id after `#`.
 */
function buildDeployments(setting: string | undefined) {
  if (!setting) return {};
  const match = /^(\d+):(.+)$/.exec(setting);
  if (!match) throw new Error(`FEF_DASHBOARD_DEPLOYMENT: expected <chainId>:<file>, got "${setting}"`);
  const [, chainId, file] = match as unknown as [string, string, string];
  const futures = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const addresses: Record<string, string> = {};
  for (const [future, address] of Object.entries(futures))
    addresses[future.split("#").at(-1) ?? future] ??= address;
  return { [chainId]: { addresses, futures, fromBlock: "0" } };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), "VITE_");
  return {
    plugins: [react()],
    resolve: { alias },
    // Whether the WalletConnect connector is built in at all: a constant, so that without a project id
    // its code (and the ≈ 230 kB gzip WalletConnect provider it loads lazily) is left out of the build.
    define: {
      __WALLETCONNECT__: JSON.stringify(Boolean(env.VITE_WALLETCONNECT_PROJECT_ID)),
      __BUILD_DEPLOYMENTS__: JSON.stringify(buildDeployments(process.env.FEF_DASHBOARD_DEPLOYMENT)),
    },
    server: { fs: { allow: ["..", nodeModules] }, headers: safeAppHeaders },
    preview: { headers: safeAppHeaders },
    // The budget is 350 kB of gzipped JS for the whole app; the 500 kB minified warning does not apply.
    build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1_000 },
  };
});
