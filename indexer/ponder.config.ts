// The indexer: every event of every Fund contract on one chain. PGlite (embedded, in .ponder/) unless
// DATABASE_URL names a PostgreSQL server. One process per chain.
import { createConfig } from "ponder";

import { fundAbis } from "@fef/sdk/fundAbis";

import { chainId, contract, rpcUrl } from "./settings";

const local = chainId === 31337;

export default createConfig({
  chains: {
    fund: {
      id: chainId,
      rpc: rpcUrl,
      // The local chain is new on every `npm start`: its blocks must not be cached between runs.
      disableCache: local,
      pollingInterval: local ? 500 : 2_000,
      // Providers cap eth_getLogs; 2,000 blocks is below every common cap.
      ethGetLogsBlockRange: Number(process.env.FEF_INDEXER_LOG_RANGE ?? 2_000),
    },
  },
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.FEF_INDEXER_PGLITE_DIR ?? ".ponder/pglite" },
  contracts: {
    FundShares: { chain: "fund", abi: fundAbis.FundShares, ...contract("FundShares") },
    GrantRounds: { chain: "fund", abi: fundAbis.GrantRounds, ...contract("GrantRounds") },
    Offerings: { chain: "fund", abi: fundAbis.Offerings, ...contract("Offerings") },
    ReturnsRegistry: { chain: "fund", abi: fundAbis.ReturnsRegistry, ...contract("ReturnsRegistry") },
    TrusteeCouncil: { chain: "fund", abi: fundAbis.TrusteeCouncil, ...contract("TrusteeCouncil") },
    CapitalPool: { chain: "fund", abi: fundAbis.CapitalPool, ...contract("CapitalPool") },
  },
});
