import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import { configVariable, defineConfig } from "hardhat/config";

import { fundTasks } from "./tasks/index.js";

// solc is compiled from the npm `solc` package (soljson.js); Hardhat cannot
// download compilers on these machines. Keep SOLC_VERSION equal to the `solc`
// version pinned in package.json.
const SOLC_VERSION = "0.8.28";
const soljson = createRequire(import.meta.url).resolve("solc/soljson.js");

// The demo chain (`npm start`) begins this many days in the past so that the seed script can move
// time through grant rounds and payment periods and still finish close to the wall clock.
const DEMO_HISTORY_DAYS = 100;

// Salt of every CREATE2 deployment through the CreateX factory (`--strategy create2`): 20 zero bytes
// (no sender guard), 0x00 (no cross-chain guard, so the address is the same on every chain), then 11
// bytes of name ("FEF.fund.v1"). Changing it moves every deterministic address.
const CREATE2_SALT = "0x000000000000000000000000000000000000000000" + "4645462e66756e642e7631";

// `npm run rehearse:deploy` serves a second local chain with Base Sepolia's chain id on this port.
const REHEARSAL_PORT = process.env.FEF_REHEARSAL_PORT ?? "8547";

/** A public network: its RPC URL and the deployer's key are configuration variables (keystore or environment). */
function publicNetwork(chainId: number, chainType: "l1" | "op", rpcUrlVariable: string) {
  return {
    type: "http" as const,
    chainType,
    chainId,
    url: configVariable(rpcUrlVariable),
    accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
  };
}

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers, hardhatViem],
  tasks: fundTasks,
  solidity: {
    profiles: {
      default: {
        version: SOLC_VERSION,
        path: soljson,
        settings: {
          evmVersion: "cancun",
          optimizer: { enabled: true, runs: 10_000 },
        },
      },
      production: {
        version: SOLC_VERSION,
        path: soljson,
        settings: {
          evmVersion: "cancun",
          optimizer: { enabled: true, runs: 10_000 },
        },
      },
    },
  },
  // Solidity test profiles: `default` for every run (`npm test`), `deep` for `npm run test:deep`
  // (`hardhat test solidity --test-profile deep`): invariant suites at 1,000 runs × depth 200 and
  // every fuzz test, the math fuzz included, at 100,000 runs. Three scenario fuzz tests in
  // test/solidity/grants/GrantEstimates.t.sol (each run deploys the Fund and plays a whole grant
  // round) set their runs inline (`hardhat-config: fuzz.runs = 300` / `200`) in both profiles.
  test: {
    solidity: {
      profiles: {
        default: {
          fuzz: { runs: 10_000 },
          invariant: { runs: 256, depth: 100, failOnRevert: false },
        },
        // The deep profile (`npm run test:deep`, not part of `npm test`): 100,000 fuzz runs, invariant
        // suites at 1,000 runs x depth 200.
        deep: {
          fuzz: { runs: 100_000 },
          invariant: { runs: 1_000, depth: 200, failOnRevert: false },
        },
      },
    },
  },
  networks: {
    // `npm start` serves this simulated chain with `hardhat node --network demo` on 127.0.0.1:8545
    // and talks to it as `localhost`.
    demo: {
      type: "edr-simulated",
      chainType: "l1",
      chainId: 31337,
      initialDate: new Date(Date.now() - DEMO_HISTORY_DAYS * 24 * 60 * 60 * 1000),
    },
    // FEF_RPC_PORT moves it (with `npm start`'s chain), e.g. when 8545 is taken.
    localhost: {
      type: "http",
      chainType: "l1",
      url: `http://127.0.0.1:${process.env.FEF_RPC_PORT ?? "8545"}`,
    },
    // The deployment rehearsal's chain (`npm run rehearse:deploy`): a local node that reports Base
    // Sepolia's chain id, so a deployment runs exactly as it would there.
    rehearsalChain: {
      type: "edr-simulated",
      chainType: "op",
      chainId: 84532,
    },
    rehearsal: {
      type: "http",
      chainType: "op",
      chainId: 84532,
      url: `http://127.0.0.1:${REHEARSAL_PORT}`,
    },
    // Public networks: secrets live in Hardhat's encrypted keystore (`npx hardhat keystore set
    // SEPOLIA_RPC_URL`, …) or, for CI, in environment variables of the same names
    // (`SEPOLIA_RPC_URL=… DEPLOYER_PRIVATE_KEY=… npx hardhat …`). They are read only when a command
    // targets the network, so nothing here needs them.
    mainnet: publicNetwork(1, "l1", "MAINNET_RPC_URL"),
    sepolia: publicNetwork(11155111, "l1", "SEPOLIA_RPC_URL"),
    base: publicNetwork(8453, "op", "BASE_RPC_URL"),
    baseSepolia: publicNetwork(84532, "op", "BASE_SEPOLIA_RPC_URL"),
  },
  ignition: {
    strategyConfig: { create2: { salt: CREATE2_SALT } },
  },
  // Source verification (`--verify` on deploy, or `npx hardhat verify`): Etherscan's v2 API (one key
  // for every chain it serves, Base included), Blockscout (no key needed) and Sourcify.
  verify: {
    etherscan: { apiKey: configVariable("ETHERSCAN_API_KEY") },
    blockscout: { enabled: true },
    sourcify: { enabled: true },
  },
});
