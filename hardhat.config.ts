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
  test: {
    solidity: {
      fuzz: { runs: 10_000 },
      invariant: { runs: 256, depth: 100, failOnRevert: false },
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
    // Real networks: secrets live in Hardhat's encrypted keystore, never in files
    // (`npx hardhat keystore set SEPOLIA_RPC_URL`, … — see the README). They are read
    // only when a command targets the network, so nothing here needs them.
    sepolia: {
      type: "http",
      chainType: "l1",
      chainId: 11155111,
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
    baseSepolia: {
      type: "http",
      chainType: "op",
      chainId: 84532,
      url: configVariable("BASE_SEPOLIA_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
  },
  verify: {
    etherscan: { apiKey: configVariable("ETHERSCAN_API_KEY") },
  },
});
