import { zeroAddress } from "viem";

import { reportReturns, returnsDue } from "@fef/sdk/actions/returns";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatBps, formatDate, formatDuration, shortHash } from "@fef/sdk/format";
import { periodEnd } from "@fef/sdk/status";
import { checkAmount, checkBytes32 } from "@fef/sdk/validate";

import { DataTable } from "../../components/DataTable";
import { DocumentHash } from "../../components/DocumentHash";
import { CommitmentStatusBadge, ComplianceCounts, PeriodStrip } from "../../components/ComplianceBits";
import { Field, SelectField } from "../../components/Field";
import { Form } from "../../components/Form";
import { useAction } from "../../hooks/useAction";
import { useFund, type CommitmentRow } from "../../hooks/useFund";
import { useForm } from "../../hooks/useForm";
import type { PeriodRecord } from "../../hooks/usePeriodRecord";
import { AddressLabel } from "../../components/AddressLabel";
import { useCommitmentReports } from "./useCommitmentReports";

type Fields = "asset" | "gross" | "evidence";

/** One commitment: compliance, the next period due with report-and-pay, and the record of reports. */
export function CommitmentCard({
  row,
  record,
}: {
  readonly row: CommitmentRow;
  readonly record: PeriodRecord;
}) {
  const { system, assets, now, account } = useFund();
  const reports = useCommitmentReports(row);
  const { send, busy } = useAction();
  const form = useForm<Fields>({ asset: zeroAddress, gross: "", evidence: "" });
  const asset = findAsset(assets, form.values.asset as `0x${string}`);
  const gross = asset
    ? checkAmount(form.values.gross, asset.decimals, { label: "Gross returns", allowZero: true })
    : null;
  if (!system) return null;
  const c = row.commitment;
  const next = c.reportedCount;
  const done = next >= c.periodCount;
  const endsAt = done ? 0n : periodEnd(c, next);
  const ended = !done && now >= endsAt;
  // What the registry will charge for this gross amount (its `dueAmount`), computed as the user types.
  const preview = gross?.ok ? returnsDue(gross.value, c.returnsShareBps) : undefined;
  const label = `Report period ${next} of commitment #${row.id} and pay`;

  async function reportAndPay() {
    if (!system || !account) return;
    const g = asset
      ? checkAmount(form.values.gross, asset.decimals, { label: "Gross returns", allowZero: true })
      : null;
    const e = checkBytes32(form.values.evidence, "Evidence hash");
    if (!asset || !g || !g.ok || !e.ok) {
      form.setErrors({
        ...(!asset ? { asset: "Choose a returns asset." } : {}),
        ...(g && !g.ok ? { gross: g.error } : {}),
        ...(!e.ok ? { evidence: e.error } : {}),
      });
      return;
    }
    await send(
      label,
      ({ client, fund, account: payer }) =>
        reportReturns(client, fund, {
          payer,
          commitmentId: row.id,
          period: BigInt(next),
          asset: asset.asset,
          grossReturns: g.value,
          evidenceHash: e.value,
        }),
      { asset, onConfirmed: form.reset },
    );
  }

  return (
    <article className="commitment" data-testid={`my-commitment-${row.id}`}>
      <h3>
        Commitment #{row.id.toString()}: {c.modelName} <CommitmentStatusBadge row={row} />
      </h3>
      <p>
        {formatBps(c.returnsShareBps)} of returns, {c.periodCount} periods of {formatDuration(c.periodLength)}{" "}
        from {formatDate(c.start)}, {formatDuration(c.gracePeriod)} grace; techniques{" "}
        {c.techniqueIds.map((t) => `#${t}`).join(", ")}; signed by <AddressLabel address={c.signer} />.
      </p>
      <p>
        <ComplianceCounts row={row} />
      </p>
      <PeriodStrip row={row} now={now} record={record} />
      {done ? (
        <p>Every period is reported.</p>
      ) : !ended ? (
        <p>
          Next: period {next}, which ends on {formatDate(endsAt)}; it can be reported after that.
        </p>
      ) : (
        <Form onSubmit={reportAndPay}>
          <p>
            Period {next} ended on {formatDate(endsAt)}; report by {formatDate(endsAt + c.gracePeriod)} to
            stay compliant.
          </p>
          <div className="grid">
            <SelectField
              label="Asset paid in"
              {...form.field("asset")}
              options={assets.map((a) => ({ value: a.asset, label: a.symbol }))}
              testId={`report-asset-${row.id}`}
            />
            <Field
              label={`Gross returns of the period${asset ? ` (${asset.symbol})` : ""}`}
              {...form.field("gross")}
              inputMode="decimal"
              testId={`report-gross-${row.id}`}
              hint={preview !== undefined ? `Due to the Fund: ${formatAmount(preview, asset)}.` : undefined}
            />
            <Field
              label="Evidence hash (bytes32)"
              {...form.field("evidence")}
              placeholder="0x…"
              testId={`report-evidence-${row.id}`}
            />
            <DocumentHash
              label="Evidence hash from the accounts or statement (text or file)"
              onHash={(hash) => form.set("evidence", hash)}
              testId={`report-evidence-doc-${row.id}`}
            />
          </div>
          <div className="row">
            <button
              type="submit"
              disabled={busy.has(label)}
              aria-label={`Report and pay period ${next} of commitment #${row.id}`}
              data-testid={`report-pay-${row.id}`}
            >
              Report and pay
            </button>
          </div>
        </Form>
      )}
      <h4>Record</h4>
      {reports.length === 0 ? (
        <p className="muted">No period reported yet (in the loaded history).</p>
      ) : (
        <DataTable
          caption={`Reports of commitment ${row.id.toString()}`}
          columns={["Period", "Reported", "Gross returns", "Paid to the Fund", "Evidence", "Dispute"]}
        >
          <tbody>
            {reports.map((r) => {
              const a = findAsset(assets, r.asset);
              return (
                <tr key={r.period.toString()}>
                  <th scope="row">{r.period.toString()}</th>
                  <td>{formatDate(r.reportedAt)}</td>
                  <td>{formatAmount(r.grossReturns, a)}</td>
                  <td>{formatAmount(r.paid, a)}</td>
                  <td>
                    <code>{shortHash(r.evidenceHash)}</code>
                  </td>
                  <td>{r.disputed ? "disputed" : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </article>
  );
}
