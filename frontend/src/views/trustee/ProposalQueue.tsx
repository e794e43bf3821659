import { approveProposal, executeProposal, revokeApproval } from "@fef/sdk/actions/council";
import { actionKindLabel } from "@fef/sdk/actionKinds";
import { formatDate } from "@fef/sdk/format";
import { describeProposal } from "@fef/sdk/proposals";
import { plural, proposalRetryable, proposalState } from "@fef/sdk/status";

import { AddressLabel } from "../../components/AddressLabel";
import { useFund, type ProposalRow } from "../../hooks/useFund";
import { useAction } from "../../hooks/useAction";
import { FailureReason } from "./FailureReason";
import { systemNames } from "./systemNames";

function timesOf(p: ProposalRow, threshold: bigint) {
  return {
    executed: p.proposal.executed,
    expiresAt: p.proposal.expiresAt,
    approvals: p.approvals,
    threshold,
    failedAt: p.proposal.failedAt,
  };
}

/** Proposals in plain words with who approved, and approve / revoke / execute. */
export function ProposalQueue() {
  const { snapshot, system, assets, account, now } = useFund();
  const { send, busy } = useAction();
  if (!snapshot || !system) return null;
  const { trustees, threshold } = snapshot.fund;
  const me = account ? trustees.findIndex((t) => t.toLowerCase() === account.toLowerCase()) : -1;
  const names = systemNames(system);

  return (
    <section className="card" aria-labelledby="queue-title">
      <h2 id="queue-title">Proposals</h2>
      {snapshot.proposals.length === 0 ? <p className="muted">No proposal yet.</p> : null}
      <ol className="proposals" reversed>
        {snapshot.proposals.map((p) => {
          const times = timesOf(p, threshold);
          const state = proposalState(times, now);
          const retryable = proposalRetryable(times, now) && p.approvals >= threshold;
          const approvers = trustees.filter((_, i) => p.approvedBy[i]);
          const iApproved = me >= 0 && p.approvedBy[me] === true;
          const id = p.id;
          const approveLabel = `Approve proposal #${id}`;
          const revokeLabel = `Revoke my approval of proposal #${id}`;
          const executeLabel = `Execute proposal #${id}`;
          return (
            <li
              key={id.toString()}
              className={`proposal proposal-${state}`}
              data-testid={`proposal-${id}`}
              data-state={state}
            >
              <h3>
                #{id.toString()} {actionKindLabel(p.proposal.kind)}{" "}
                <span className={`badge state-${state}`}>
                  {state === "ready"
                    ? "ready to execute"
                    : state === "open"
                      ? `${p.approvals} of ${plural(threshold, "approval")}`
                      : state === "failed"
                        ? "execution failed"
                        : state}
                </span>
              </h3>
              <p className="plain-words" data-testid={`proposal-${id}-text`}>
                {describeProposal(p.proposal.kind, p.proposal.args, { assets, names })}
              </p>
              <p className="muted">
                Proposed by <AddressLabel address={p.proposal.proposer} plain /> on{" "}
                {formatDate(p.proposal.createdAt)}; expires {formatDate(p.proposal.expiresAt)}. Approved by:{" "}
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
              {state === "open" || state === "ready" || retryable ? (
                <div className="row">
                  {me >= 0 && !iApproved ? (
                    <button
                      type="button"
                      disabled={busy.has(approveLabel)}
                      aria-label={approveLabel}
                      data-testid={`approve-${id}`}
                      onClick={() => void send(approveLabel, ({ fund }) => approveProposal(fund, id))}
                    >
                      Approve
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
                  {(state === "ready" || retryable) && account ? (
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
        })}
      </ol>
    </section>
  );
}
