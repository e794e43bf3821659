import type {
  AccountRuntimeValue,
  ContractFuture,
  IgnitionModuleBuilder,
  ModuleParameterRuntimeValue,
} from "@nomicfoundation/ignition-core";

import { DEFAULT_ADMIN_ROLE, DEPOSITOR_ROLE, MINTER_ROLE, STIPEND_ROLE } from "./roles.js";

type AddressArg = string | AccountRuntimeValue | ContractFuture<string>;

export interface FundSettings {
  trustees: ModuleParameterRuntimeValue<string[]> | AddressArg[];
  threshold: ModuleParameterRuntimeValue<number> | number;
  proposalLifetime: ModuleParameterRuntimeValue<number> | number;
  returnsAssets: ModuleParameterRuntimeValue<string[]> | AddressArg[];
}

/**
 * Deploys and wires the whole Fund: the trustee council ends up as the only holder of every
 * privileged role, the grant and offering contracts mint shares, and the deployer keeps nothing.
 */
export function buildFundSystem(m: IgnitionModuleBuilder, settings: FundSettings) {
  const deployer = m.getAccount(0);

  const council = m.contract("TrusteeCouncil", [
    settings.trustees,
    settings.threshold,
    settings.proposalLifetime,
  ]);
  const shares = m.contract("FundShares", ["Future Endowment Fund Share", "FEFS", deployer]);
  const capitalPool = m.contract("CapitalPool", [deployer]);
  const grantRounds = m.contract("GrantRounds", [council, shares, capitalPool]);
  const offerings = m.contract("Offerings", [council, shares, capitalPool]);
  const returnsRegistry = m.contract("ReturnsRegistry", [council, shares]);

  const bound = m.call(council, "bindSystem", [
    { shares, grantRounds, offerings, capitalPool, returnsRegistry },
  ]);

  const grants = [
    m.call(shares, "addReturnsAssets", [settings.returnsAssets], { id: "Shares_returnsAssets" }),
    m.call(shares, "grantRole", [MINTER_ROLE, grantRounds], { id: "Shares_minter_GrantRounds" }),
    m.call(shares, "grantRole", [MINTER_ROLE, offerings], { id: "Shares_minter_Offerings" }),
    m.call(capitalPool, "grantRole", [STIPEND_ROLE, grantRounds], { id: "Pool_stipend_GrantRounds" }),
    m.call(capitalPool, "grantRole", [DEPOSITOR_ROLE, offerings], { id: "Pool_depositor_Offerings" }),
    m.call(capitalPool, "grantRole", [DEPOSITOR_ROLE, grantRounds], { id: "Pool_depositor_GrantRounds" }),
    m.call(shares, "grantRole", [DEFAULT_ADMIN_ROLE, council], { id: "Shares_admin_Council" }),
    m.call(capitalPool, "grantRole", [DEFAULT_ADMIN_ROLE, council], { id: "Pool_admin_Council" }),
  ];

  // Hand-over: only after every grant above has landed does the deployer give up its admin roles.
  m.call(shares, "renounceRole", [DEFAULT_ADMIN_ROLE, deployer], {
    id: "Shares_renounce_deployer",
    after: [...grants, bound],
  });
  m.call(capitalPool, "renounceRole", [DEFAULT_ADMIN_ROLE, deployer], {
    id: "Pool_renounce_deployer",
    after: [...grants, bound],
  });

  // Read-side helpers for the dashboard: batched calls and one-call aggregates.
  const multicall3 = m.contract("Multicall3");
  const fundLens = m.contract("FundLens", [council], { after: [bound] });

  return { council, shares, capitalPool, grantRounds, offerings, returnsRegistry, multicall3, fundLens };
}
