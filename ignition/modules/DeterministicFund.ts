import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { buildFundAround } from "./fundSystem.js";

/**
 * Step 2 of a deterministic deployment: every other contract of the Fund, deployed through the
 * CreateX factory with `--strategy create2` (the salt is `ignition.strategyConfig.create2.salt` in
 * hardhat.config.ts), then wired and handed to the council exactly as Fund.ts does. Their addresses
 * depend only on the salt, the bytecode and the constructor arguments — the council (step 1) and the
 * deployer — so they are the same on every chain.
 * Parameters (module "DeterministicFund"):
 * - council: address            the council of step 1 (FundCouncil#TrusteeCouncil)
 * - returnsAssets: address[]    ERC-20 returns assets besides ETH (at most 7)
 */
export default buildModule("DeterministicFund", (m) => {
  const council = m.contractAt("TrusteeCouncil", m.getParameter<string>("council"));
  return buildFundAround(m, council, {
    returnsAssets: m.getParameter<string[]>("returnsAssets", []),
    maxPauseDuration: m.getParameter<number>("maxPauseDuration", 30 * 24 * 60 * 60),
  });
});
