import { useState } from "react";

import { approveProposal, executeProposal, revokeApproval } from "@fef/sdk/actions/council";
import { actionKindLabel } from "@fef/sdk/actionKinds";
import { formatDate } from "@fef/sdk/format";
import { describeProposal } from "@fef/sdk/proposals";
import { proposalRetryable, proposalState, type ProposalState } from "@fef/sdk/status";

import { AddressLabel } from "../../components/AddressLabel";
import { useAction } from "../../hooks/useAction";
import { useFund, type ProposalRow } from "../../hooks/useFund";
import { FailureReason } from "./FailureReason";
import { ProposalReview } from "./ProposalReview";
import { systemNames } from "./systemNames";

/** A proposal's state at chain time, and whether it can still be executed after a failed attempt. */
export function proposalStatus(p: ProposalRow, threshold: bigint, now: bigint) {
  const times = {
    executed: p.proposal.executed,
    expiresAt: p.proposal.expiresAt,
    approvals: p.approvals,
    threshold,
    failedAt: p.proposal.failedAt,
  };
  const state: ProposalState = proposalState(times, now);
  const retryable = proposalRetryable(times, now) && p.approvals >= threshold;
  return { state, retryable, executable: state === "ready" || retryable };
}

function badgeText(state: ProposalState, approvals: bigint | number, threshold: bigint): string {
  if (state === "ready") return "ready to execute";
  if (state === "open") return `${approvals} of ${threshold} approvals`;
  if (state === "failed") return "execution failed";
  return state;
}

/**
 * One proposal in plain words, who approved, and its actions: approve (after a review of the decoded
 * action, its effects and warnings), revoke, execute.
 */
export function ProposalCard({ p, me }: { readonly p: ProposalRow; readonly me: number }) {
  const { snapshot, system, assets, account, now } = useFund();
  const { send, busy } = useAction();
  const [reviewing, setReviewing] = useState(false);
  if (!snapshot) return null;
  const { trustees, threshold } = snapshot.fund;
  const { state, retryable, executable } = proposalStatus(p, threshold, now);
  const approvers = trustees.filter((_, i) => p.approvedBy[i]);
  const iApproved = me >= 0 && p.approvedBy[me] === true;
  const id = p.id;
  const approveLabel = `Approve proposal #${id}`;
  const revokeLabel = `Revoke my approval of proposal #${id}`;
  const executeLabel = `Execute proposal #${id}`;
  const live = state === "open" || state === "ready" || retryable;
  return (
    <li className={`proposal proposal-${state}`} data-testid={`proposal-${id}`} data-state={state}>
      <h4>
        #{id.toString()} {actionKindLabel(p.proposal.kind)}{" "}
        <span className={`badge state-${state}`}>{badgeText(state, p.approvals, threshold)}</span>
      </h4>
      <p className="plain-words" data-testid={`proposal-${id}-text`}>
        {describeProposal(p.proposal.kind, p.proposal.args, { assets, names: systemNames(system) })}
      </p>
      <p className="muted">
        Proposed by <AddressLabel address={p.proposal.proposer} plain /> on {formatDate(p.proposal.createdAt)}
        ; {state === "executed" ? "executed" : `expires ${formatDate(p.proposal.expiresAt)}`}. Approved by:{" "}
        {approvers.length > 0
          ? approvers.map((a, i) => (
              <span key={a}>
                {i > 0 ? ", " : ""}
                <AddressLabel address={a} plain />
              </span>
            ))
          : "nobody yet"}
        .
      </p>
      {state === "failed" ? (
        <p className="warn" data-testid={`proposal-${id}-failed`}>
          Its action failed when executed on {formatDate(p.proposal.failedAt)}; nothing changed.{" "}
          <FailureReason proposalId={id} failedAt={p.proposal.failedAt} />{" "}
          {retryable
            ? `It may be executed again until ${formatDate(p.proposal.expiresAt)}.`
            : "Propose it again if it is still wanted."}
        </p>
      ) : null}
      {reviewing && live && me >= 0 && !iApproved ? (
        <div data-testid={`approve-review-${id}`}>
          <ProposalReview kind={p.proposal.kind} args={p.proposal.args} testId={`proposal-${id}-review`} />
          <div className="row">
            <button
              type="button"
              disabled={busy.has(approveLabel)}
              aria-label={approveLabel}
              data-testid={`approve-confirm-${id}`}
              onClick={() =>
                void send(approveLabel, ({ fund }) => approveProposal(fund, id), {
                  onConfirmed: () => setReviewing(false),
                })
              }
            >
              Confirm my approval
            </button>
            <button type="button" className="secondary" onClick={() => setReviewing(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {live ? (
        <div className="row">
          {me >= 0 && !iApproved && !reviewing ? (
            <button
              type="button"
              aria-label={`Review and approve proposal #${id}`}
              data-testid={`approve-${id}`}
              onClick={() => setReviewing(true)}
            >
              Review and approve
            </button>
          ) : null}
          {iApproved ? (
            <button
              type="button"
              className="secondary"
              disabled={busy.has(revokeLabel)}
              aria-label={revokeLabel}
              data-testid={`revoke-${id}`}
              onClick={() => void send(revokeLabel, ({ fund }) => revokeApproval(fund, id))}
            >
              Revoke my approval
            </button>
          ) : null}
          {executable && account ? (
            <button
              type="button"
              disabled={busy.has(executeLabel)}
              aria-label={executeLabel}
              data-testid={`execute-${id}`}
              onClick={() => void send(executeLabel, ({ fund }) => executeProposal(fund, id))}
            >
              Execute
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
