// `trustee:record`: a trustee's track record (Brier score, calibration, estimates next to outcomes)
// and the council's, recomputed from the chain's event logs alone — no indexer — with the SDK's one
// implementation, so anyone can check what the dashboard and the indexer show.
import type { Address } from "viem";

import { trackRecordFactsFromLogs } from "@fef/sdk/history";
import {
  computeTrackRecords,
  trackRecordOf,
  type CouncilTrackRecord,
  type Outcome,
  type TrusteeTrackRecord,
} from "@fef/sdk/trackRecord";
import { trackRecordsToJson } from "@fef/sdk/trackRecordJson";

import { optional, parseAddress, parseWhole } from "./lib/args.js";
import { chainTime, fundAction, type CommonArgs } from "./lib/fund.js";
import { isoTime } from "./lib/output.js";

export interface TrusteeRecordArgs extends CommonArgs {
  trustee?: string;
  fromBlock?: string;
  at?: string;
}

/** What `trustee:record` returns (and prints with --json). */
export interface TrusteeRecordSummary {
  readonly at: bigint;
  readonly trustee: Address;
  /** undefined when the address never estimated or recused */
  readonly record?: TrusteeTrackRecord;
  readonly council: CouncilTrackRecord;
  readonly outcomes: readonly Outcome[];
}

const percent = (x: number | undefined) => (x === undefined ? "–" : `${(x * 100).toFixed(1)} %`);
const score = (x: number | undefined) => (x === undefined ? "no resolved outcome yet" : x.toFixed(4));

function outcomeWords(outcome: Outcome | undefined, finalized: boolean): string {
  if (!finalized) return "pending (funding not decided yet)";
  if (outcome === undefined) return "not funded: no outcome";
  if (outcome.status === "pending") {
    return outcome.horizonAt === undefined
      ? "pending (round not settled)"
      : `pending until ${isoTime(outcome.horizonAt)}`;
  }
  const how =
    outcome.basis === "paidPeriod"
      ? "a paid period"
      : outcome.basis === "councilResolution"
        ? "council resolution"
        : "horizon passed";
  return `${outcome.status === "paidOff" ? "paid off" : "did not pay off"} (${how})`;
}

function lines(summary: TrusteeRecordSummary): string[] {
  const { record, council } = summary;
  const out = [`Track record of ${summary.trustee} at ${isoTime(summary.at)} (from the chain's event logs)`];
  if (record === undefined) {
    out.push("  no estimate committed and no recusal: no record");
  } else {
    out.push(
      `  estimates: ${record.committed} committed, ${record.revealed} revealed, ${record.missed} missed, ${record.recused} recused`,
      `  Brier score: ${score(record.brier)} over ${record.outcomes} resolved outcome(s)` +
        (record.interval
          ? `, 95 % interval ${record.interval[0].toFixed(3)} – ${record.interval[1].toFixed(3)}`
          : ""),
      "  calibration (band: count, mean estimate, share paid off):",
      ...record.calibration
        .filter((b) => b.count > 0)
        .map(
          (b) =>
            `    ${b.from}–${b.to} %: ${b.count}, ${percent(b.meanEstimate)}, ${percent(b.sharePaidOff)}`,
        ),
      "  estimates next to outcomes:",
      ...record.history.map(
        (h) =>
          `    application ${h.applicationId} (round ${h.roundId}): ${h.state}` +
          (h.probabilityBps !== undefined ? ` ${h.probabilityBps / 100} %` : "") +
          ` → ${outcomeWords(h.outcome, h.finalized)}`,
      ),
    );
  }
  out.push(
    `Council (medians): Brier score ${score(council.brier)} over ${council.outcomes} resolved outcome(s)`,
  );
  return out;
}

export const trusteeRecord = fundAction(
  async (fund, args: TrusteeRecordArgs): Promise<TrusteeRecordSummary> => {
    const trustee = parseAddress("--trustee", args.trustee);
    const fromBlock =
      optional(args.fromBlock) === undefined ? fund.fromBlock : parseWhole("--from-block", args.fromBlock);
    const head = await fund.client.getBlockNumber();
    const at = optional(args.at) === undefined ? await chainTime(fund) : parseWhole("--at", args.at);
    const facts = await trackRecordFactsFromLogs(
      fund.client,
      {
        grantRounds: fund.addresses.GrantRounds,
        returnsRegistry: fund.addresses.ReturnsRegistry,
        council: fund.addresses.TrusteeCouncil,
      },
      fromBlock,
      head,
    );
    const records = computeTrackRecords(facts, at);
    const record = trackRecordOf(records, trustee);
    const summary: TrusteeRecordSummary = {
      at,
      trustee,
      ...(record !== undefined ? { record } : {}),
      council: records.council,
      outcomes: records.outcomes,
    };
    // --json prints the SDK's own JSON form of the records (bigints as decimal strings).
    if (args.json) {
      console.log(trackRecordsToJson({ ...records, trustees: record ? [record] : [] }, 2));
    } else {
      console.log(lines(summary).join("\n"));
    }
    return summary;
  },
);
