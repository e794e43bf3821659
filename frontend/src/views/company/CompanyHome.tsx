import { formatBps, formatDate } from "@fef/sdk/format";
import { periodEnd, plural } from "@fef/sdk/status";

import { NeedsYou, type NeedItem } from "../../components/NeedsYou";
import { useFund, type CommitmentRow } from "../../hooks/useFund";

/**
 * What a company owes first: each commitment's next period that has ended and is not reported, with
 * what it pays (its share of the period's gross returns) and the deadline (end of the grace period).
 */
export function CompanyHome({ commitments }: { readonly commitments: readonly CommitmentRow[] }) {
  const { now } = useFund();
  const due = commitments
    .map((row) => {
      const c = row.commitment;
      if (c.reportedCount >= c.periodCount) return undefined;
      const endsAt = periodEnd(c, c.reportedCount);
      if (now < endsAt) return undefined;
      const deadline = endsAt + c.gracePeriod + c.graceExtension;
      return { row, period: c.reportedCount, deadline, late: now > deadline };
    })
    .filter((x): x is NonNullable<typeof x> => x !== undefined)
    .sort((a, b) => (a.deadline < b.deadline ? -1 : 1));
  const upcoming = commitments
    .filter((row) => row.commitment.reportedCount < row.commitment.periodCount)
    .map((row) => periodEnd(row.commitment, row.commitment.reportedCount))
    .filter((t) => t > now)
    .sort((a, b) => (a < b ? -1 : 1))[0];

  const items: NeedItem[] =
    due.length === 0
      ? [
          {
            key: "due-none",
            figure: 0,
            title: "Periods due",
            detail:
              upcoming !== undefined ? `The next period ends ${formatDate(upcoming)}.` : "Nothing is due.",
            target: "my-commitments-title",
            tone: "calm",
          },
        ]
      : due.map((d) => ({
          key: `due-${d.row.id}`,
          figure: d.late ? "Overdue" : "Due",
          title: `Period ${d.period} of ${d.row.commitment.modelName} (Promise #${d.row.id})`,
          detail: `Pay ${formatBps(d.row.commitment.returnsShareBps)} of the period's gross returns ${d.late ? "— the grace period ended" : "by"} ${formatDate(d.deadline)}.`,
          target: "my-commitments-title",
          ...(d.late ? { tone: "urgent" as const } : {}),
        }));
  items.push({
    key: "promises",
    figure: commitments.length,
    title: commitments.length === 1 ? "Promise of Future Returns" : "Promises of Future Returns",
    detail: `${plural(due.length, "period")} to report now.`,
    target: "my-commitments-title",
    tone: "calm",
  });
  return <NeedsYou title="What your company owes" items={items} testId="company-home" />;
}
