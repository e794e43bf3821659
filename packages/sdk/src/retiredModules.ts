// Grant-rounds modules the council migrated away from, and what a researcher can still claim on them.
// After a migration the old module keeps its roles (unless retired) and its unclaimed awards and
// stipends stay claimable there; the lens reads only the current module, so these reads go to the old
// module directly. Found from the council's `MigrationExecuted` events and the old module's
// `ApplicationSubmitted` events (both indexed), so the dashboard and the command line share them.
import type { Address, PublicClient } from "viem";

import { grantRoundsAbi, trusteeCouncilAbi } from "./generated/abis.ts";
import { contractEventsSince } from "./history/contractEvents.ts";
import { applicationStatusLabel } from "./status.ts";

/** `ITrusteeCouncil.Module.GrantRounds`. */
const GRANT_ROUNDS_MODULE = 0;

/** Where log searches start: the deployment's first block when known (0 reads the whole chain, in pages). */
export type LogsFrom = bigint;

export type RetiredModule = {
  /** the grant-rounds module the council migrated away from */
  readonly address: Address;
  /** the module that replaced it */
  readonly successor: Address;
  /** whether it lost its roles at the migration (then nothing more can be claimed on it) */
  readonly retired: boolean;
};

/**
 * Every grant-rounds module the council has migrated away from, oldest first (one per executed
 * migration; migrations are rare, and each needs a council vote and a delay of days).
 */
export async function retiredGrantRounds(
  client: PublicClient,
  council: Address,
  fromBlock: LogsFrom = 0n,
): Promise<RetiredModule[]> {
  const logs = await contractEventsSince(
    client,
    {
      address: council,
      abi: trusteeCouncilAbi,
      eventName: "MigrationExecuted",
      args: { module: GRANT_ROUNDS_MODULE },
    },
    fromBlock,
  );
  return logs.map((log) => ({
    address: log.args.oldModule,
    successor: log.args.newModule,
    retired: log.args.retireOld,
  }));
}

/** One application of a grant-rounds module read from the module itself, with what is claimable now. */
export type ModuleApplication = {
  readonly module: Address;
  readonly applicationId: bigint;
  readonly roundId: bigint;
  readonly researcher: Address;
  readonly statusName: string;
  readonly award: bigint;
  readonly vestedShares: bigint;
  readonly sharesClaimed: bigint;
  readonly claimableShares: bigint;
  readonly stipendAward: bigint;
  readonly stipendClaimed: bigint;
  readonly claimableStipend: bigint;
  /** the round's stipend asset (the zero address for ETH) */
  readonly stipendAsset: Address;
};

/** Application `applicationId` of the grant-rounds module at `module`, or undefined if it has none such. */
export async function readModuleApplication(
  client: PublicClient,
  module: Address,
  applicationId: bigint,
): Promise<ModuleApplication | undefined> {
  const contract = { address: module, abi: grantRoundsAbi } as const;
  const count = await client.readContract({ ...contract, functionName: "applicationCount" });
  if (applicationId < 1n || applicationId > count) return undefined;
  const args = [applicationId] as const;
  const [application, award, vestedShares, claimableShares, stipendAward, claimableStipend] =
    await Promise.all([
      client.readContract({ ...contract, functionName: "application", args }),
      client.readContract({ ...contract, functionName: "award", args }),
      client.readContract({ ...contract, functionName: "vestedShares", args }),
      client.readContract({ ...contract, functionName: "claimableShares", args }),
      client.readContract({ ...contract, functionName: "stipendAward", args }),
      client.readContract({ ...contract, functionName: "claimableStipend", args }),
    ]);
  const round = await client.readContract({
    ...contract,
    functionName: "round",
    args: [application.roundId],
  });
  return {
    module,
    applicationId,
    roundId: application.roundId,
    researcher: application.researcher,
    statusName: applicationStatusLabel(application.status),
    award,
    vestedShares,
    sharesClaimed: application.sharesClaimed,
    claimableShares,
    stipendAward,
    stipendClaimed: application.stipendClaimed,
    claimableStipend,
    stipendAsset: round.params.stipendAsset,
  };
}

/**
 * `researcher`'s applications on the grant-rounds module at `module` that have something to claim
 * now (vested shares or stipend), found from its `ApplicationSubmitted` events filtered by researcher.
 */
export async function readModuleClaims(
  client: PublicClient,
  module: Address,
  researcher: Address,
  fromBlock: LogsFrom = 0n,
): Promise<ModuleApplication[]> {
  const submitted = await contractEventsSince(
    client,
    { address: module, abi: grantRoundsAbi, eventName: "ApplicationSubmitted", args: { researcher } },
    fromBlock,
  );
  const applications = await Promise.all(
    submitted.map((log) => readModuleApplication(client, module, log.args.applicationId)),
  );
  return applications.filter(
    (a): a is ModuleApplication => a !== undefined && (a.claimableShares > 0n || a.claimableStipend > 0n),
  );
}

/** What `researcher` can claim now on every grant-rounds module the council migrated away from. */
export async function readRetiredClaims(
  client: PublicClient,
  council: Address,
  researcher: Address,
  fromBlock: LogsFrom = 0n,
): Promise<ModuleApplication[]> {
  const modules = await retiredGrantRounds(client, council, fromBlock);
  const claims = await Promise.all(
    modules.filter((m) => !m.retired).map((m) => readModuleClaims(client, m.address, researcher, fromBlock)),
  );
  return claims.flat();
}
