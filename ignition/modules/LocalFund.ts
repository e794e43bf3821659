import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { buildFundSystem } from "./fundSystem.js";

/**
 * The local demo Fund on the Hardhat node: dev accounts 1–5 are the trustees (M = 3 by default)
 * and a test stablecoin ("Test USD", 6 decimals, open faucet) is a returns asset besides ETH.
 * Parameters (module "LocalFund"): threshold, proposalLifetime, migrationDelay, maxPauseDuration.
 */
export default buildModule("LocalFund", (m) => {
  const testUsd = m.contract("TestToken", ["Test USD", "tUSD", 6]);
  const trustees = [1, 2, 3, 4, 5].map((index) => m.getAccount(index));
  return {
    testUsd,
    ...buildFundSystem(m, {
      trustees,
      threshold: m.getParameter<number>("threshold", 3),
      proposalLifetime: m.getParameter<number>("proposalLifetime", 14 * 24 * 60 * 60),
      migrationDelay: m.getParameter<number>("migrationDelay", 14 * 24 * 60 * 60),
      maxPauseDuration: m.getParameter<number>("maxPauseDuration", 30 * 24 * 60 * 60),
      returnsAssets: [testUsd],
    }),
  };
});
