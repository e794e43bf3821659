import { useMemo } from "react";
import type { Address, Hex } from "viem";

import { companyPayments } from "@fef/sdk/history";

import { useFund, type CommitmentRow } from "../../hooks/useFund";
import { eventsOf } from "../../hooks/useHistory";
import { useIndexerQuery } from "../../hooks/useIndexerQuery";
import { disputedPeriods } from "../../lib/history";

/** One reported period of a commitment, as its record shows it. */
export type CommitmentReport = {
  readonly period: bigint;
  readonly reportedAt: bigint;
  readonly asset: Address;
  readonly grossReturns: bigint;
  readonly paid: bigint;
  readonly evidenceHash: Hex;
  /** Disputed by the trustees and not resolved. */
  readonly disputed: boolean;
};

/**
 * The reported periods of `row`, oldest first. With an indexer, the company's payments through the
 * SDK's `companyPayments` (one request per company, shared by its commitments); without, the
 * ReturnsReported events in the loaded logs.
 */
export function useCommitmentReports(row: CommitmentRow): readonly CommitmentReport[] {
  const { history, now } = useFund();
  const companyId = row.commitment.companyId;
  const payments = useIndexerQuery(
    "company-payments",
    [companyId.toString()],
    (client) => companyPayments(client, companyId, now),
    { refetchInterval: 4_000 },
  );
  const { client } = payments;
  return useMemo(() => {
    if (!client) {
      const disputed = disputedPeriods(history.logs);
      return eventsOf(history.logs, "ReturnsReported")
        .filter((l) => l.args.commitmentId === row.id)
        .map((l) => ({
          ...l.args,
          reportedAt: l.timestamp,
          disputed: disputed.has(`${row.id}:${l.args.period}`),
        }))
        .sort((a, b) => (a.period < b.period ? -1 : 1));
    }
    const reports: CommitmentReport[] = [];
    for (const p of payments.data ?? []) {
      if (p.commitmentId !== row.id || p.lateness === "overdue" || !p.asset || !p.evidenceHash) continue;
      reports.push({
        period: p.period,
        reportedAt: p.paidAt ?? 0n,
        asset: p.asset,
        grossReturns: p.grossReturns,
        paid: p.paid,
        evidenceHash: p.evidenceHash,
        disputed: p.disputed,
      });
    }
    return reports;
  }, [client, history.logs, payments.data, row.id]);
}
