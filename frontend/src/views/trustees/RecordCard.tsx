import type { Address } from "viem";

import type { CouncilTrackRecord, TrusteeTrackRecord } from "@fef/sdk/trackRecord";

import { AddressLabel } from "../../components/AddressLabel";
import { DataTable } from "../../components/DataTable";
import { CalibrationChart } from "./CalibrationChart";
import { estimateText, outcomeText, scoreText } from "./outcomeText";

const percent = (x: number | undefined) => (x === undefined ? "–" : `${Math.round(x * 100)} %`);

/** One record: its score with how much it rests on, its counts, calibration, and (for a trustee) history. */
export function RecordCard({
  title,
  record,
  testId,
}: {
  title: Address | string;
  record: TrusteeTrackRecord | CouncilTrackRecord;
  testId: string;
}) {
  const history = "history" in record ? record.history : undefined;
  const bands = record.calibration.filter((b) => b.count > 0);
  const label = typeof title === "string" && title.startsWith("0x") ? title : String(title);
  return (
    <section className="card" data-testid={testId}>
      <h3>{title.startsWith("0x") ? <AddressLabel address={title as Address} /> : title}</h3>
      <p data-testid={`${testId}-score`}>{scoreText(record)}</p>
      <p className="hint">
        Sealed estimates: {record.committed} committed, {record.revealed} revealed, {record.missed} missed;{" "}
        {record.recused} recusal{record.recused === 1 ? "" : "s"}.
      </p>
      {bands.length > 0 ? (
        <div style={{ display: "flex", flexWrap: "wrap", gap: "1.5rem", alignItems: "flex-start" }}>
          <CalibrationChart bands={record.calibration} label={label} />
          <DataTable
            caption={`Calibration of ${label}`}
            columns={["Estimates", "Count", "Mean estimate", "Paid off"]}
          >
            <tbody>
              {bands.map((b) => (
                <tr key={b.from}>
                  <td>
                    {b.from}–{b.to} %
                  </td>
                  <td>{b.count}</td>
                  <td>{percent(b.meanEstimate)}</td>
                  <td>{percent(b.sharePaidOff)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      ) : null}
      {history && history.length > 0 ? (
        <DataTable
          caption={`Estimates of ${label} next to outcomes`}
          columns={["Application", "Round", "Estimate", "Outcome"]}
        >
          <tbody>
            {history.map((row) => (
              <tr key={row.applicationId.toString()} data-testid="track-history-row">
                <td>#{row.applicationId.toString()}</td>
                <td>{row.roundId.toString()}</td>
                <td>{estimateText(row)}</td>
                <td>{outcomeText(row.outcome, row.finalized, row.funded)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </section>
  );
}
