import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import { defineConfig } from "hardhat/config";

// solc is compiled from the npm `solc` package (soljson.js); Hardhat cannot
// download compilers on these machines. Keep SOLC_VERSION equal to the `solc`
// version pinned in package.json.
const SOLC_VERSION = "0.8.28";
const soljson = createRequire(import.meta.url).resolve("solc/soljson.js");

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers, hardhatViem],
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
    hardhatMainnet: { type: "edr-simulated", chainType: "l1", hardfork: "cancun" },
  },
});
