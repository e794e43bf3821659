// Track-record facts read straight from the chain's event logs, without the indexer (the command
// line's `trustee:record`, and any client with only a node). Logs are read with the log scanner, in
// pages the provider accepts; the facts then go through the same `computeTrackRecords` as the
// indexer's.
import type { Address, PublicClient } from "viem";

import { grantRoundsAbi, returnsRegistryAbi, trusteeCouncilAbi } from "../generated/abis.ts";
import type {
  ApplicationFacts,
  CommitmentFacts,
  EstimateFacts,
  PaymentFacts,
  ResolutionFacts,
  RoundFacts,
  TechniqueFacts,
  TrackRecordFacts,
} from "../trackRecord.ts";
import { readAllLogs } from "./logScanner.ts";

const GRANT_EVENTS = [
  "RoundOpened",
  "RoundSettled",
  "ApplicationSubmitted",
  "ApplicationFinalized",
  "EstimatesCommitted",
  "EstimateRevealed",
  "TrusteeRecused",
] as const;
const RETURNS_EVENTS = ["TechniqueRegistered", "CommitmentRegistered", "ReturnsReported"] as const;
const COUNCIL_EVENTS = ["OutcomeHorizonFixed", "OutcomeResolved"] as const;

/** The Fund contracts whose events a track record follows. */
export type TrackRecordContracts = {
  readonly grantRounds: Address;
  readonly returnsRegistry: Address;
  readonly council: Address;
};

type FundLog = {
  readonly blockNumber: bigint;
  readonly logIndex: number;
  readonly eventName: string;
  readonly args: Readonly<Record<string, unknown>>;
};

/** Every log of the track-record events from `fromBlock` to `toBlock`, oldest first. */
async function readFundLogs(
  client: PublicClient,
  addresses: TrackRecordContracts,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<FundLog[]> {
  const grantEvents = grantRoundsAbi.filter(
    (item) => item.type === "event" && (GRANT_EVENTS as readonly string[]).includes(item.name),
  );
  const returnsEvents = returnsRegistryAbi.filter(
    (item) => item.type === "event" && (RETURNS_EVENTS as readonly string[]).includes(item.name),
  );
  const councilEvents = trusteeCouncilAbi.filter(
    (item) => item.type === "event" && (COUNCIL_EVENTS as readonly string[]).includes(item.name),
  );
  return readAllLogs<FundLog>(
    async (from, to) => {
      const range = { fromBlock: from, toBlock: to, strict: true } as const;
      const [grants, returns, council] = await Promise.all([
        client.getLogs({ address: addresses.grantRounds, events: grantEvents, ...range }),
        client.getLogs({ address: addresses.returnsRegistry, events: returnsEvents, ...range }),
        client.getLogs({ address: addresses.council, events: councilEvents, ...range }),
      ]);
      // Only the current grant-rounds module's horizons and resolutions: ids restart after a migration.
      const ours = council.filter(
        (log) =>
          (log.args as { grantRounds?: Address }).grantRounds?.toLowerCase() ===
          addresses.grantRounds.toLowerCase(),
      );
      return [...grants, ...returns, ...ours].map((log) => ({
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
        eventName: log.eventName,
        args: log.args as Readonly<Record<string, unknown>>,
      }));
    },
    fromBlock,
    toBlock,
  );
}

/** The timestamps of `blocks`, read once each. */
async function blockTimes(client: PublicClient, blocks: readonly bigint[]): Promise<Map<bigint, bigint>> {
  const times = new Map<bigint, bigint>();
  for (const blockNumber of new Set(blocks)) {
    times.set(blockNumber, (await client.getBlock({ blockNumber })).timestamp);
  }
  return times;
}

/** The facts of every trustee's track record, from the event logs of `fromBlock` .. `toBlock`. */
export async function trackRecordFactsFromLogs(
  client: PublicClient,
  addresses: TrackRecordContracts,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<TrackRecordFacts> {
  const logs = await readFundLogs(client, addresses, fromBlock, toBlock);
  const timed = logs.filter((l) =>
    ["RoundSettled", "ReturnsReported", "OutcomeResolved"].includes(l.eventName),
  );
  const times = await blockTimes(
    client,
    timed.map((l) => l.blockNumber),
  );
  const timeOf = (log: FundLog): bigint => times.get(log.blockNumber) ?? 0n;

  const rounds = new Map<bigint, RoundFacts>();
  const applications = new Map<bigint, ApplicationFacts>();
  const estimates = new Map<string, EstimateFacts>();
  const techniques: TechniqueFacts[] = [];
  const commitments: CommitmentFacts[] = [];
  const payments: PaymentFacts[] = [];
  const resolutions: ResolutionFacts[] = [];
  const estimate = (applicationId: bigint, trustee: Address): EstimateFacts =>
    estimates.get(`${applicationId}-${trustee.toLowerCase()}`) ?? {
      applicationId,
      trustee,
      committed: false,
      recused: false,
    };
  const setEstimate = (e: EstimateFacts): void => {
    estimates.set(`${e.applicationId}-${e.trustee.toLowerCase()}`, e);
  };

  for (const log of logs) {
    const a = log.args;
    switch (log.eventName) {
      case "RoundOpened": {
        const roundId = a.roundId as bigint;
        const { revealDeadline } = a.params as { revealDeadline: bigint };
        rounds.set(roundId, {
          roundId,
          revealDeadline,
          outcomeHorizon: rounds.get(roundId)?.outcomeHorizon ?? 0n,
        });
        break;
      }
      // Emitted in the same transaction, right after RoundOpened.
      case "OutcomeHorizonFixed": {
        const known = rounds.get(a.roundId as bigint);
        if (known) rounds.set(known.roundId, { ...known, outcomeHorizon: BigInt(a.horizon as bigint) });
        break;
      }
      case "RoundSettled": {
        const known = rounds.get(a.roundId as bigint);
        if (known) rounds.set(known.roundId, { ...known, settledAt: timeOf(log) });
        break;
      }
      case "ApplicationSubmitted": {
        const applicationId = a.applicationId as bigint;
        applications.set(applicationId, {
          applicationId,
          roundId: a.roundId as bigint,
          finalized: false,
          funded: false,
        });
        break;
      }
      case "ApplicationFinalized": {
        const known = applications.get(a.applicationId as bigint);
        if (known) {
          applications.set(known.applicationId, {
            ...known,
            finalized: true,
            funded: a.funded as boolean,
            medianProbabilityBps: Number(a.medianProbabilityBps),
          });
        }
        break;
      }
      case "EstimatesCommitted":
        for (const applicationId of a.applicationIds as readonly bigint[]) {
          setEstimate({ ...estimate(applicationId, a.trustee as Address), committed: true });
        }
        break;
      case "EstimateRevealed": {
        const known = estimate(a.applicationId as bigint, a.trustee as Address);
        setEstimate({ ...known, committed: true, probabilityBps: Number(a.probabilityBps) });
        break;
      }
      case "TrusteeRecused":
        setEstimate({ ...estimate(a.applicationId as bigint, a.trustee as Address), recused: true });
        break;
      case "OutcomeResolved":
        resolutions.push({
          applicationId: a.applicationId as bigint,
          paidOff: a.paidOff as boolean,
          timestamp: timeOf(log),
        });
        break;
      case "TechniqueRegistered":
        techniques.push({
          techniqueId: a.techniqueId as bigint,
          applicationIds: a.applicationIds as readonly bigint[],
        });
        break;
      case "CommitmentRegistered":
        commitments.push({
          commitmentId: a.commitmentId as bigint,
          techniqueIds: (a.terms as { techniqueIds: readonly bigint[] }).techniqueIds,
        });
        break;
      case "ReturnsReported":
        payments.push({
          commitmentId: a.commitmentId as bigint,
          grossReturns: a.grossReturns as bigint,
          timestamp: timeOf(log),
        });
        break;
    }
  }
  return {
    rounds: [...rounds.values()],
    applications: [...applications.values()],
    techniques,
    commitments,
    payments,
    resolutions,
    estimates: [...estimates.values()],
  };
}
