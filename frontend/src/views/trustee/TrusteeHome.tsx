import { formatDate } from "@fef/sdk/format";
import { EstimateStatus, plural, roundPhase } from "@fef/sdk/status";

import { NeedsYou, type NeedItem } from "../../components/NeedsYou";
import { calmWhen, deadlineTone } from "../../components/needItems";
import { useFund } from "../../hooks/useFund";
import { proposalStatus } from "./ProposalCard";

function earliest(times: readonly bigint[]): bigint | undefined {
  return times.length === 0 ? undefined : times.reduce((a, b) => (a < b ? a : b));
}

/**
 * What needs this trustee first: proposals awaiting its approval, estimates to commit or reveal with
 * their deadlines, proposals ready to execute (from the loaded proposals and applications).
 */
export function TrusteeHome() {
  const { snapshot, account, now } = useFund();
  if (!snapshot || !account) return null;
  const me = snapshot.fund.trustees.findIndex((t) => t.toLowerCase() === account.toLowerCase());
  const { threshold } = snapshot.fund;
  const withState = snapshot.proposals.map((p) => ({ p, ...proposalStatus(p, threshold, now) }));
  const awaiting = withState.filter(
    (x) => (x.state === "open" || x.state === "ready") && me >= 0 && !x.p.approvedBy[me],
  );
  const ready = withState.filter((x) => x.executable);

  const toCommit: bigint[] = [];
  const toReveal: bigint[] = [];
  for (const a of snapshot.applications) {
    if (a.application.researcher.toLowerCase() === account.toLowerCase()) continue;
    const round = snapshot.rounds.find((r) => r.id === a.application.roundId)?.round;
    if (!round) continue;
    const phase = roundPhase({ status: round.status, ...round.params }, now);
    const status = Number(a.viewerEstimate.status);
    if (phase === "committing" && status === EstimateStatus.None) toCommit.push(round.params.commitDeadline);
    if (phase === "revealing" && status === EstimateStatus.Committed)
      toReveal.push(round.params.revealDeadline);
  }
  /** The estimates to commit or reveal, with the earliest deadline among them. */
  const estimatesItem = (step: "commit" | "reveal", deadlines: readonly bigint[], none: string): NeedItem => {
    const by = earliest(deadlines);
    const verb = step === "commit" ? "Commit" : "Reveal";
    return {
      key: step,
      figure: deadlines.length,
      title: `${deadlines.length === 1 ? "Estimate" : "Estimates"} to ${step}`,
      detail: by !== undefined ? `${verb} by ${formatDate(by)}.` : none,
      target: "rounds-title",
      ...deadlineTone(deadlines.length, by, now),
    };
  };
  const approveBy = earliest(awaiting.map((x) => x.p.proposal.expiresAt));

  const items: NeedItem[] = [
    {
      key: "approve",
      figure: awaiting.length,
      title: awaiting.length === 1 ? "Proposal awaits your approval" : "Proposals await your approval",
      detail:
        me < 0
          ? "Only trustees approve."
          : approveBy !== undefined
            ? `The first expires ${formatDate(approveBy)}.`
            : "Nothing to approve.",
      target: "queue-title",
      ...deadlineTone(awaiting.length, approveBy, now),
    },
    estimatesItem("commit", toCommit, "No round is taking estimates."),
    estimatesItem("reveal", toReveal, "Nothing to reveal now."),
    {
      key: "execute",
      figure: ready.length,
      title: ready.length === 1 ? "Proposal ready to execute" : "Proposals ready to execute",
      detail:
        ready.length > 0
          ? `${plural(ready.length, "proposal")} reached ${plural(threshold, "approval")}; anyone may execute.`
          : "None has reached the threshold.",
      target: "queue-title",
      ...calmWhen(ready.length === 0),
    },
  ];
  return <NeedsYou title="What needs you" items={items} testId="trustee-home" />;
}
