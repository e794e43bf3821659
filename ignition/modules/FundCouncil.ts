import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { deployCouncil } from "./fundSystem.js";

/**
 * Step 1 of a deterministic deployment (see DeterministicFund.ts): the trustee council, deployed by
 * the deployer's **first** transaction on the chain (nonce 0), so it has the same address on every
 * chain the same deployer key deploys to. Its constructor records the deployer as the one account
 * that may bind the system, which is why it cannot go through the CREATE2 factory.
 * Parameters (module "FundCouncil"): trustees, threshold, proposalLifetime (as for Fund.ts).
 */
export default buildModule("FundCouncil", (m) => ({
  council: deployCouncil(m, {
    trustees: m.getParameter<string[]>("trustees"),
    threshold: m.getParameter<number>("threshold"),
    proposalLifetime: m.getParameter<number>("proposalLifetime", 14 * 24 * 60 * 60),
    migrationDelay: m.getParameter<number>("migrationDelay", 14 * 24 * 60 * 60),
  }),
}));
