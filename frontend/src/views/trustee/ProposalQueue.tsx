import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { actionKindLabel } from "@fef/sdk/actionKinds";
import { formatDate } from "@fef/sdk/format";
import { closedProposals, type IndexedProposal } from "@fef/sdk/history";
import { describeProposal } from "@fef/sdk/proposals";

import { useFund, type ProposalRow } from "../../hooks/useFund";
import { useIndexerStatus } from "../../hooks/useIndexer";
import { ProposalCard, proposalStatus } from "./ProposalCard";
import { systemNames } from "./systemNames";
import "./queue.css";

type Tab = "queue" | "history";

function Group({
  title,
  testId,
  rows,
  me,
  empty,
}: {
  title: string;
  testId: string;
  rows: readonly ProposalRow[];
  me: number;
  empty?: string;
}) {
  if (rows.length === 0 && !empty) return null;
  return (
    <section className="queue-group" data-testid={testId} aria-label={title}>
      <h3>
        {title} <span className="badge">{rows.length}</span>
      </h3>
      {rows.length === 0 ? <p className="muted">{empty}</p> : null}
      <ol className="proposals">
        {rows.map((p) => (
          <ProposalCard key={p.id.toString()} p={p} me={me} />
        ))}
      </ol>
    </section>
  );
}

/** Older closed proposals from the history indexer (those the snapshot no longer holds). */
function IndexedHistory({ after }: { after: bigint | undefined }) {
  const { client: indexer, down } = useIndexerStatus();
  const { now, chainId, assets, system } = useFund();
  const older = useQuery({
    queryKey: ["closed-proposals", chainId, after?.toString(), now.toString()],
    enabled: Boolean(indexer),
    queryFn: () => (indexer ? closedProposals(indexer, now, { before: after, limit: 20 }) : []),
  });
  if (down)
    return (
      <p className="hint" data-testid="proposals-history-unavailable">
        Earlier proposals come from the history indexer, which does not answer at the moment; the proposals
        above are read from the chain.
      </p>
    );
  if (!indexer || !older.data || older.data.length === 0) return null;
  const state = (p: IndexedProposal) => (p.status === "open" ? "expired" : p.status);
  return (
    <section className="queue-group" data-testid="proposals-history-indexed" aria-label="Earlier proposals">
      <h3>Earlier proposals (from the history indexer)</h3>
      <ol className="proposals">
        {older.data.map((p) => (
          <li
            key={p.id.toString()}
            className={`proposal proposal-${state(p)}`}
            data-testid={`proposal-${p.id}`}
            data-state={state(p)}
          >
            <h4>
              #{p.id.toString()} {actionKindLabel(p.kind)}{" "}
              <span className={`badge state-${state(p)}`}>
                {state(p) === "failed" ? "execution failed" : state(p)}
              </span>
            </h4>
            <p className="plain-words">
              {describeProposal(p.kind, p.args, { assets, names: systemNames(system) })}
            </p>
            <p className="muted">
              Proposed {formatDate(p.createdAt)};{" "}
              {p.executedAt !== null
                ? `executed ${formatDate(p.executedAt)}`
                : `expired ${formatDate(p.expiresAt)}`}
              {p.failedExecutions > 0 ? `; ${p.failedExecutions} failed execution attempt(s)` : ""}.
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The council's proposals like a multisig queue: a Queue tab (what needs your approval, what is ready
 * to execute, what waits for others) and a History tab (executed, failed, expired).
 */
export function ProposalQueue() {
  const { snapshot, system, account, now } = useFund();
  const [tab, setTab] = useState<Tab>("queue");
  if (!snapshot || !system) return null;
  const { trustees, threshold } = snapshot.fund;
  const me = account ? trustees.findIndex((t) => t.toLowerCase() === account.toLowerCase()) : -1;
  const live: ProposalRow[] = [];
  const history: ProposalRow[] = [];
  for (const p of snapshot.proposals) {
    const { state, retryable } = proposalStatus(p, threshold, now);
    (state === "open" || state === "ready" || retryable ? live : history).push(p);
  }
  const needsMe = live.filter(
    (p) => me >= 0 && p.approvedBy[me] !== true && proposalStatus(p, threshold, now).state === "open",
  );
  const ready = live.filter((p) => proposalStatus(p, threshold, now).executable);
  const waiting = live.filter((p) => !needsMe.includes(p) && !ready.includes(p));
  const oldest = snapshot.proposals.reduce<bigint | undefined>(
    (min, p) => (min === undefined || p.id < min ? p.id : min),
    undefined,
  );
  const tabs: { id: Tab; label: string }[] = [
    { id: "queue", label: `Queue (${live.length})` },
    { id: "history", label: "History" },
  ];
  return (
    <section className="card" aria-labelledby="queue-title">
      <h2 id="queue-title">Proposals</h2>
      <div className="queue-tabs" role="tablist" aria-label="Proposals">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`proposals-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`proposals-panel-${t.id}`}
            data-testid={`proposals-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === "queue" ? (
        <div
          role="tabpanel"
          id="proposals-panel-queue"
          aria-labelledby="proposals-tab-queue"
          data-testid="proposals-panel-queue"
        >
          {live.length === 0 ? <p className="muted">No proposal waits for approval or execution.</p> : null}
          {me >= 0 ? (
            <Group
              title="Needs your approval"
              testId="needs-your-approval"
              rows={needsMe}
              me={me}
              empty="Nothing waits for your approval."
            />
          ) : null}
          <Group title="Ready to execute" testId="ready-to-execute" rows={ready} me={me} />
          <Group title="Waiting for other trustees" testId="waiting-for-others" rows={waiting} me={me} />
        </div>
      ) : (
        <div
          role="tabpanel"
          id="proposals-panel-history"
          aria-labelledby="proposals-tab-history"
          data-testid="proposals-panel-history"
        >
          <Group
            title="Executed, failed or expired"
            testId="proposals-history"
            rows={history}
            me={me}
            empty="No proposal has been executed or has expired yet."
          />
          <IndexedHistory after={oldest} />
        </div>
      )}
    </section>
  );
}
