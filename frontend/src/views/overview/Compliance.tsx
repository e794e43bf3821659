import { formatBps, formatDate, formatDuration, shortHash } from "@fef/sdk/format";

import { DataTable } from "../../components/DataTable";
import { CommitmentStatusBadge, ComplianceCounts, PeriodStrip } from "../../components/ComplianceBits";
import { useFund } from "../../hooks/useFund";
import { useOverviewPeriodRecord } from "../../hooks/usePeriodRecord";

/** Techniques, the companies whose commitments use them, and every commitment's compliance. */
export function Compliance() {
  const { snapshot, now } = useFund();
  const record = useOverviewPeriodRecord();
  if (!snapshot) return null;
  const companyName = (id: bigint) =>
    snapshot.companies.find((c) => c.id === id)?.company.name ?? `Company #${id}`;

  return (
    <section className="card" aria-labelledby="compliance-title">
      <h2 id="compliance-title">Techniques and companies</h2>
      {snapshot.techniques.length === 0 ? <p className="muted">No technique is registered yet.</p> : null}
      <ul className="techniques">
        {snapshot.techniques.map((t) => {
          const users = snapshot.commitments.filter((c) => c.commitment.techniqueIds.includes(t.id));
          return (
            <li key={t.id.toString()} data-testid={`technique-${t.id}`}>
              <h3>
                #{t.id.toString()} {t.technique.title}{" "}
                {t.technique.retired ? <span className="badge">retired</span> : null}
              </h3>
              <p className="muted">
                {t.technique.uri} · content {shortHash(t.technique.contentHash)} · from applications{" "}
                {t.technique.applicationIds.map((a) => `#${a}`).join(", ") || "—"} · registered{" "}
                {formatDate(t.technique.registeredAt)}
              </p>
              {users.length === 0 ? (
                <p className="muted">No company has committed returns for this technique yet.</p>
              ) : (
                <ul>
                  {users.map((u) => (
                    <li key={u.id.toString()}>
                      {companyName(u.commitment.companyId)} — {u.commitment.modelName} (commitment #
                      {u.id.toString()}) <CommitmentStatusBadge row={u} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>

      <h3>Compliance of every commitment</h3>
      {snapshot.commitments.length === 0 ? (
        <p className="muted">No Promise of Future Returns is registered yet.</p>
      ) : null}
      {snapshot.commitments.length > 0 ? (
        <DataTable
          caption="Commitments and their compliance"
          columns={["Commitment", "Company", "Model", "Share of returns", "Periods", "Status", "Record"]}
        >
          <tbody>
            {snapshot.commitments.map((row) => (
              <tr key={row.id.toString()} data-testid={`commitment-row-${row.id}`}>
                <th scope="row">#{row.id.toString()}</th>
                <td>{companyName(row.commitment.companyId)}</td>
                <td>{row.commitment.modelName}</td>
                <td>{formatBps(row.commitment.returnsShareBps)}</td>
                <td>
                  {row.commitment.periodCount} × {formatDuration(row.commitment.periodLength)} from{" "}
                  {formatDate(row.commitment.start)}, grace {formatDuration(row.commitment.gracePeriod)}
                  <PeriodStrip row={row} now={now} record={record} />
                </td>
                <td>
                  <CommitmentStatusBadge row={row} />
                </td>
                <td>
                  <ComplianceCounts row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <p className="hint">
        Each period is paid (reported within its grace period), paid late (reported after it; it stays so),
        due (ended, still within its grace period), overdue (past grace without a report — the commitment is
        then delinquent) or disputed by the trustees.
      </p>
    </section>
  );
}
