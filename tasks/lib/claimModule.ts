// Which grant-rounds module a researcher's claim goes to: the current one, or (`--module`) one the
// council migrated away from, whose unclaimed awards and stipends stay claimable there.
import type { Address } from "viem";

import { grantRoundsAbi } from "@fef/sdk/generated/abis";
import { type ModuleApplication, readModuleApplication, retiredGrantRounds } from "@fef/sdk/retiredModules";
import type { Step } from "@fef/sdk/steps";

import { actingAccount } from "./accounts.js";
import { optional, parseAddress, parseId } from "./args.js";
import { fail } from "./fail.js";
import type { Fund, Wallet } from "./fund.js";
import { findEvent, send } from "./send.js";

export interface ClaimTarget {
  id: bigint;
  /** the grant-rounds module the claim is sent to */
  module: Address;
  application: ModuleApplication;
  signer: Wallet;
}

const same = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();

/** `--module`: the current grant-rounds module when omitted, else one the council migrated away from. */
async function claimModule(fund: Fund, given: string | undefined): Promise<Address> {
  const current = fund.addresses.GrantRounds;
  if (optional(given) === undefined) return current;
  const module = parseAddress("module", given);
  if (same(module, current)) return current;
  const earlier = await retiredGrantRounds(fund.client, fund.addresses.TrusteeCouncil, fund.fromBlock);
  const found = earlier.find((m) => same(m.address, module));
  if (found === undefined) {
    const list = earlier.length === 0 ? "none" : earlier.map((m) => m.address).join(", ");
    fail(
      `--module: ${module} is not a grant-rounds module of the Fund (current ${current}; earlier ones: ${list})`,
    );
  }
  if (found.retired)
    fail(`--module: ${module} was retired by its migration: it lost its roles, nothing can be claimed there`);
  return module;
}

/** A funded (or cancelled) application on the chosen module and its researcher among this network's accounts. */
export async function claimTarget(
  fund: Fund,
  args: { application?: string; module?: string; from?: string },
): Promise<ClaimTarget> {
  const module = await claimModule(fund, args.module);
  const count = await readModuleApplicationCount(fund, module);
  if (optional(args.module) === undefined && beyond(args.application, count)) {
    const earlier = await retiredGrantRounds(fund.client, fund.addresses.TrusteeCouncil, fund.fromBlock);
    if (earlier.length > 0)
      fail(
        `--application: application ${optional(args.application) ?? "?"} does not exist on the current grant-rounds ` +
          `module ${module}; an earlier module's is claimed with --module <address> ` +
          `(earlier modules: ${earlier.map((m) => m.address).join(", ")})`,
      );
  }
  const id = parseId("application", args.application, count, "application");
  const application = await readModuleApplication(fund.client, module, id);
  if (application === undefined) return fail(`--application: application ${id} does not exist`);
  const signer = await actingAccount(fund.wallets, args.from, {
    name: `the researcher of application ${id} (${application.researcher})`,
    check: async (address) =>
      same(address, application.researcher) ? true : `is not the researcher of application ${id}`,
  });
  const status = application.statusName;
  if (status !== "Funded" && status !== "Cancelled") {
    fail(`--application: application ${id} is ${status.toLowerCase()}, not funded: it has nothing to claim`);
  }
  return { id, module, application, signer };
}

function readModuleApplicationCount(fund: Fund, module: Address): Promise<bigint> {
  return fund.client.readContract({
    address: module,
    abi: grantRoundsAbi,
    functionName: "applicationCount",
  });
}

/** Whether the option is a whole number above the module's last application id. */
function beyond(value: string | undefined, count: bigint): boolean {
  const text = optional(value);
  return text !== undefined && /^\d+$/.test(text) && BigInt(text) > count;
}

/** What every claim on a grant reports: the application, the module, who claimed, how much, the transaction. */
export interface GrantClaim {
  applicationId: bigint;
  /** the grant-rounds module the claim was sent to */
  module: string;
  researcher: string;
  claimed: bigint;
  transaction: string;
}

/**
 * Sends a claim's steps from the target's researcher; returns what it paid (the module's `eventName`
 * event) and the application as it is after the claim.
 */
export async function sendClaim(
  fund: Fund,
  target: ClaimTarget,
  steps: readonly Step[],
  eventName: "SharesClaimed" | "StipendClaimed",
): Promise<{ claim: GrantClaim; after: ModuleApplication | undefined }> {
  const { id, module, signer } = target;
  const sent = await send(fund, signer, steps);
  const event = findEvent(sent.receipt, grantRoundsAbi, module, eventName);
  const after = await readModuleApplication(fund.client, module, id);
  const claim: GrantClaim = {
    applicationId: id,
    module,
    researcher: signer.account.address,
    claimed: event.args.amount,
    transaction: sent.transaction,
  };
  return { claim, after };
}

/** The human summary's note on where a claim went: nothing for the current module. */
export function earlierModuleNote(fund: Fund, module: string): string {
  return module === fund.addresses.GrantRounds ? "" : ` on the earlier grant-rounds module ${module}`;
}
