// Where `npm start` serves the chain, the dashboard and the indexer: FEF_RPC_PORT / FEF_UI_PORT /
// FEF_INDEXER_PORT move them (for
// every script, the smoke test, the benchmarks and the browser tests alike).
import { createServer } from "node:net";

export const RPC_PORT = Number(process.env.FEF_RPC_PORT ?? 8545);
export const UI_PORT = Number(process.env.FEF_UI_PORT ?? 4173);
export const RPC_URL = `http://127.0.0.1:${RPC_PORT}`;

/** The `hardhat` arguments that serve the demo chain (network `demo`) on 127.0.0.1 at RPC_PORT. */
export const DEMO_CHAIN_ARGS = [
  "node",
  "--network",
  "demo",
  "--hostname",
  "127.0.0.1",
  "--port",
  String(RPC_PORT),
];
export const DASHBOARD_URL = `http://127.0.0.1:${UI_PORT}/`;
/** The history indexer's HTTP port (FEF_INDEXER_PORT; Ponder's default 42069). */
export const INDEXER_PORT = Number(process.env.FEF_INDEXER_PORT ?? 42069);
export const INDEXER_URL = `http://127.0.0.1:${INDEXER_PORT}`;

/** Whether nothing listens on `port` of 127.0.0.1. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

/** The servers `npm start` runs: each one's port and what listens there. */
export const FUND_PORTS = [
  [RPC_PORT, "the local chain"],
  [UI_PORT, "the dashboard"],
  [INDEXER_PORT, "the history indexer"],
] as const;

/** Whether nothing listens on any of `ports` of 127.0.0.1. */
export async function portsFree(ports: readonly number[]): Promise<boolean> {
  for (const port of ports) if (!(await portFree(port))) return false;
  return true;
}
