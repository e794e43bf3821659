import { approveProposal, executeProposal, revokeApproval } from "@fef/sdk/actions/council";
import { actionKindLabel } from "@fef/sdk/actionKinds";
import { formatDate, shortAddress } from "@fef/sdk/format";
import { describeProposal } from "@fef/sdk/proposals";

import { useFund, type ProposalRow } from "../../hooks/useFund";
import { useAction } from "../../hooks/useAction";
import { systemNames } from "./systemNames";

type State = "executed" | "expired" | "ready" | "open";

function stateOf(p: ProposalRow, threshold: bigint, now: bigint): State {
  if (p.proposal.executed) return "executed";
  if (now > p.proposal.expiresAt) return "expired";
  return p.approvals >= threshold ? "ready" : "open";
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
          const state = stateOf(p, threshold, now);
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
                      ? `${p.approvals} of ${threshold} approvals`
                      : state}
                </span>
              </h3>
              <p className="plain-words" data-testid={`proposal-${id}-text`}>
                {describeProposal(p.proposal.kind, p.proposal.args, { assets, names })}
              </p>
              <p className="muted">
                Proposed by {shortAddress(p.proposal.proposer)} on {formatDate(p.proposal.createdAt)}; expires{" "}
                {formatDate(p.proposal.expiresAt)}. Approved by:{" "}
                {approvers.length > 0 ? approvers.map((a) => shortAddress(a)).join(", ") : "nobody yet"}.
              </p>
              {state === "open" || state === "ready" ? (
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
                  {state === "ready" && account ? (
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
