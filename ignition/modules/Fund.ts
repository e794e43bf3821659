import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { buildFundSystem } from "./fundSystem.js";

/**
 * The Fund for a real network. Parameters (ignition/parameters/<network>.json, module "Fund"):
 * - trustees: address[]         the council's members (1..20)
 * - threshold: number           approvals needed (M)
 * - proposalLifetime: number    seconds a proposal stays open (default 14 days)
 * - migrationDelay: number      seconds before an announced module migration may run (default 14 days)
 * - maxPauseDuration: number    seconds a pause lasts unless the council renews it (default 30 days)
 * - returnsAssets: address[]    ERC-20 returns assets besides ETH (at most 7), e.g. a stablecoin
 */
export default buildModule("Fund", (m) =>
  buildFundSystem(m, {
    trustees: m.getParameter<string[]>("trustees"),
    threshold: m.getParameter<number>("threshold"),
    proposalLifetime: m.getParameter<number>("proposalLifetime", 14 * 24 * 60 * 60),
    migrationDelay: m.getParameter<number>("migrationDelay", 14 * 24 * 60 * 60),
    maxPauseDuration: m.getParameter<number>("maxPauseDuration", 30 * 24 * 60 * 60),
    returnsAssets: m.getParameter<string[]>("returnsAssets", []),
  }),
);
