import type {
  AccountRuntimeValue,
  CallableContractFuture,
  ContractFuture,
  IgnitionModuleBuilder,
  ModuleParameterRuntimeValue,
} from "@nomicfoundation/ignition-core";

import { DEFAULT_ADMIN_ROLE, DEPOSITOR_ROLE, MINTER_ROLE, STIPEND_ROLE } from "./roles.js";

type AddressArg = string | AccountRuntimeValue | ContractFuture<string>;

export interface CouncilSettings {
  trustees: ModuleParameterRuntimeValue<string[]> | AddressArg[];
  threshold: ModuleParameterRuntimeValue<number> | number;
  proposalLifetime: ModuleParameterRuntimeValue<number> | number;
  /** Seconds between a module migration's announcement and its earliest execution. */
  migrationDelay: ModuleParameterRuntimeValue<number> | number;
}

export interface FundSettings extends CouncilSettings {
  /** Seconds a pause lasts unless the council renews it. */
  maxPauseDuration: ModuleParameterRuntimeValue<number> | number;
  returnsAssets: ModuleParameterRuntimeValue<string[]> | AddressArg[];
}

/**
 * The trustee council. Its constructor records `msg.sender` as the one account that may bind the
 * system, so it is always deployed directly by the deployer (never through a CREATE2 factory).
 */
export function deployCouncil(m: IgnitionModuleBuilder, settings: CouncilSettings) {
  return m.contract("TrusteeCouncil", [
    settings.trustees,
    settings.threshold,
    settings.proposalLifetime,
    settings.migrationDelay,
  ]);
}

/** Deploys the council and wires the whole Fund around it (see `buildFundAround`). */
export function buildFundSystem(m: IgnitionModuleBuilder, settings: FundSettings) {
  return buildFundAround(m, deployCouncil(m, settings), settings);
}

/**
 * Deploys and wires the whole Fund around `council`: the trustee council ends up as the only holder
 * of every privileged role, the grant and offering contracts mint shares, and the deployer keeps
 * nothing. `council` must have been deployed by the deployer (account 0), who binds the system.
 */
export function buildFundAround(
  m: IgnitionModuleBuilder,
  council: CallableContractFuture<string>,
  settings: Pick<FundSettings, "returnsAssets" | "maxPauseDuration">,
) {
  const deployer = m.getAccount(0);
  const returnsAssets = settings.returnsAssets;
  const capitalPool = m.contract("CapitalPool", [deployer]);
  const shares = m.contract("FundShares", [
    "Future Endowment Fund Share",
    "FEFS",
    deployer,
    capitalPool,
    settings.maxPauseDuration,
  ]);
  const grantRounds = m.contract("GrantRounds", [council, shares, capitalPool]);
  const offerings = m.contract("Offerings", [council, shares, capitalPool]);
  const returnsRegistry = m.contract("ReturnsRegistry", [council, shares]);

  const bound = m.call(council, "bindSystem", [
    { shares, grantRounds, offerings, capitalPool, returnsRegistry },
  ]);

  const grants = [
    m.call(shares, "addReturnsAssets", [returnsAssets], { id: "Shares_returnsAssets" }),
    m.call(shares, "grantRole", [MINTER_ROLE, grantRounds], { id: "Shares_minter_GrantRounds" }),
    m.call(shares, "grantRole", [MINTER_ROLE, offerings], { id: "Shares_minter_Offerings" }),
    m.call(capitalPool, "grantRole", [STIPEND_ROLE, grantRounds], { id: "Pool_stipend_GrantRounds" }),
    m.call(capitalPool, "grantRole", [DEPOSITOR_ROLE, offerings], { id: "Pool_depositor_Offerings" }),
    // The ledger deposits returns held while no share existed (moveHeldToCapital).
    m.call(capitalPool, "grantRole", [DEPOSITOR_ROLE, shares], { id: "Pool_depositor_Shares" }),
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
