import { formatDate } from "@fef/sdk/format";
import { commitmentStatus, countOf, periodEnd, periodStatus, type PeriodStatus } from "@fef/sdk/status";

import type { CommitmentRow } from "../hooks/useFund";
import { MAX_PERIODS_SHOWN, type PeriodRecord } from "../hooks/usePeriodRecord";

const statusText: Readonly<Record<ReturnType<typeof commitmentStatus>, string>> = {
  paid: "paid up",
  due: "payment due",
  delinquent: "delinquent",
  disputed: "disputed",
  upcoming: "no period ended yet",
};

export function CommitmentStatusBadge({ row }: { readonly row: CommitmentRow }) {
  const status = commitmentStatus(row.compliance);
  return (
    <span className={`badge status-${status}`} data-testid="commitment-status" data-status={status}>
      {statusText[status]}
    </span>
  );
}

/** One square per period: paid, due (within grace), overdue (past grace), disputed, upcoming. */
export function PeriodStrip({
  row,
  now,
  record,
}: {
  readonly row: CommitmentRow;
  readonly now: bigint;
  readonly record: PeriodRecord;
}) {
  const { reported, disputed } = record;
  const c = row.commitment;
  const shown = Math.min(c.periodCount, MAX_PERIODS_SHOWN);
  const statuses: PeriodStatus[] = [];
  for (let k = 0; k < shown; k++) {
    const key = `${row.id}:${k}`;
    statuses.push(periodStatus(c, k, now, disputed.has(key), reported.get(key)));
  }
  return (
    <ol className="periods" aria-label={`Periods of commitment #${row.id}`}>
      {statuses.map((s, k) => (
        <li
          key={k}
          className={`period period-${s.replace(" ", "-")}`}
          title={`Period ${k}, ends ${formatDate(periodEnd(c, k))}: ${s}`}
        >
          <span className="visually-hidden">
            Period {k}: {s}
          </span>
        </li>
      ))}
      {c.periodCount > shown ? <li className="muted">+{c.periodCount - shown} more</li> : null}
    </ol>
  );
}

export function ComplianceCounts({ row }: { readonly row: CommitmentRow }) {
  const c = row.compliance;
  return (
    <span>
      {countOf(c.periodsReported, c.periodsElapsed, "ended period", "No period has ended yet")}
      {c.periodsElapsed > 0n ? " reported" : ""}
      {c.periodsDue > 0n ? `, ${c.periodsDue} due` : ""}
      {c.periodsOverdue > 0n ? `, ${c.periodsOverdue} overdue` : ""}
      {c.disputed > 0n ? `, ${c.disputed} disputed` : ""}
    </span>
  );
}
