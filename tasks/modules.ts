// Module migration tasks: deploy a successor module wired to the running Fund, and carry out an
// announced migration once its delay has passed. Announcing and cancelling are council proposals
// (council:propose --kind AnnounceMigration / CancelMigration); see docs/migration.md.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { type Address, getAddress } from "viem";

import { executeMigration, Module, type ModuleValue } from "@fef/sdk/actions/council";
import { trusteeCouncilAbi } from "@fef/sdk/generated/abis";
import { moduleNames } from "@fef/sdk/proposals";
import { migrationState } from "@fef/sdk/status";

import { ANYONE, actingAccount } from "./lib/accounts.js";
import { required } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { type CommonArgs, type Fund, chainTime, connectFund } from "./lib/fund.js";
import { emit, isoTime } from "./lib/output.js";
import { send } from "./lib/send.js";

/** The local Hardhat chain, whose clock `--advance` may move. */
const LOCAL_CHAIN_ID = 31337n;

export interface ModuleArgs extends CommonArgs {
  module?: string;
}

export interface MigrateArgs extends ModuleArgs {
  advance: boolean;
}

export interface DeployedModule {
  module: string;
  address: Address;
  council: Address;
  /** the proposal that announces it, ready to paste */
  announce: string;
}

export interface MigrationSummary {
  module: string;
  oldModule: Address;
  newModule: Address;
  retireOld: boolean;
  transaction: string;
}

function parseModule(given: string | undefined): { name: (typeof moduleNames)[number]; value: ModuleValue } {
  const name = required("module", given);
  const found = moduleNames.find((m) => m.toLowerCase() === name.toLowerCase());
  if (!found) fail(`--module: "${name}" is not a module; the modules are ${moduleNames.join(", ")}`);
  return { name: found, value: Module[found] };
}

async function systemOf(fund: Fund) {
  return fund.client.readContract({
    address: fund.addresses.TrusteeCouncil,
    abi: trusteeCouncilAbi,
    functionName: "systemContracts",
  });
}

/** Deploys a new grant-rounds, offerings or returns-registry contract wired to this Fund's council, ledger and pool. */
export async function deployModule(
  args: ModuleArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<DeployedModule> {
  const { name } = parseModule(args.module);
  const fund = await connectFund(hre, args.deployment);
  const system = await systemOf(fund);
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const { viem } = await hre.network.getOrCreate();
  const council = fund.addresses.TrusteeCouncil;
  const options = { client: { wallet: await viem.getWalletClient(signer.account.address) } };
  const contract =
    name === "ReturnsRegistry"
      ? await viem.deployContract("ReturnsRegistry", [council, system.shares], options)
      : await viem.deployContract(name, [council, system.shares, system.capitalPool], options);
  const summary: DeployedModule = {
    module: name,
    address: getAddress(contract.address),
    council,
    announce: `npx hardhat council:propose --kind AnnounceMigration --params '[${Module[name]}, "${contract.address}", false]'`,
  };
  return emit(args.json, summary, () => [
    `Deployed a new ${name} at ${contract.address}, answering to the council ${council}.`,
    "Announce the migration to it (a council proposal; it runs only after the migration delay):",
    `  ${summary.announce}`,
  ]);
}

/** Carries out the announced migration of a module once its delay has passed (anyone). */
export async function migrate(args: MigrateArgs, hre: HardhatRuntimeEnvironment): Promise<MigrationSummary> {
  const { name, value } = parseModule(args.module);
  const fund = await connectFund(hre, args.deployment);
  const pending = await fund.client.readContract({
    address: fund.addresses.TrusteeCouncil,
    abi: trusteeCouncilAbi,
    functionName: "pendingMigration",
    args: [value],
  });
  let now = await chainTime(fund);
  const state = migrationState(pending, now);
  if (state === "none") {
    fail(
      `--module: no migration of ${name} is announced (propose one with council:propose --kind AnnounceMigration)`,
    );
  }
  if (state === "pending") {
    if (!args.advance || fund.chainId !== LOCAL_CHAIN_ID) {
      fail(
        `the migration of ${name} may be carried out from ${isoTime(pending.effectiveAt)} on` +
          (fund.chainId === LOCAL_CHAIN_ID
            ? " (on the local chain, --advance moves the clock there first)"
            : ""),
      );
    }
    const { networkHelpers } = await hre.network.getOrCreate();
    await networkHelpers.time.increaseTo(pending.effectiveAt);
    now = await chainTime(fund);
  }
  const before = await systemOf(fund);
  const oldModule =
    name === "GrantRounds"
      ? before.grantRounds
      : name === "Offerings"
        ? before.offerings
        : before.returnsRegistry;
  const signer = await actingAccount(fund.wallets, args.from, ANYONE);
  const sent = await send(fund, signer, executeMigration(fund.addresses, value));
  const summary: MigrationSummary = {
    module: name,
    oldModule,
    newModule: pending.newModule,
    retireOld: pending.retireOld,
    transaction: sent.transaction,
  };
  return emit(args.json, summary, () => [
    `Migrated ${name} at ${isoTime(now)}: the council now routes to ${pending.newModule} (was ${oldModule}).`,
    pending.retireOld
      ? "The old module lost its roles."
      : "The old module keeps its roles: its open rounds or offerings, unclaimed awards and stipends run to the end.",
  ]);
}
