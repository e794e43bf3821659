import type { Address } from "viem";

import { decodeError, errorFormat } from "@fef/sdk/errors";
import { trackRecordOf } from "@fef/sdk/trackRecord";

import { AddressLabel } from "../../components/AddressLabel";
import { useFund } from "../../hooks/useFund";
import { CandidateRecords } from "./CandidateRecords";
import { RecordCard } from "./RecordCard";
import { ScoreExplanation } from "./ScoreExplanation";
import { useTrackRecords } from "./useTrackRecords";

/** The public Trustees page: every trustee's track record, the council's, and candidates' records. */
export function TrusteesView() {
  const { snapshot, assets } = useFund();
  const { records, loading, error, source, indexerDown } = useTrackRecords();
  const current: readonly Address[] = snapshot?.fund.trustees ?? [];
  const currentSet = new Set(current.map((t) => t.toLowerCase()));
  const former = (records?.trustees ?? []).filter((r) => !currentSet.has(r.trustee));
  return (
    <div className="stack" data-testid="trustees-view">
      <ScoreExplanation />
      {error ? (
        <p className="notice error" role="alert">
          Cannot compute the track records: {decodeError(error, errorFormat(assets)).message}
        </p>
      ) : null}
      {loading || !records ? (
        <p aria-busy="true">Computing track records…</p>
      ) : (
        <>
          <p className="hint" data-testid="track-source">
            {records.outcomes.filter((o) => o.status !== "pending").length} of {records.outcomes.length}{" "}
            funded applications have a resolved outcome. Computed{" "}
            {source === "indexer"
              ? "by the history indexer"
              : indexerDown
                ? "here from the chain's event logs, because the history indexer does not answer"
                : "here from the chain's event logs"}
            ; <code>npx hardhat trustee:record --trustee &lt;address&gt;</code> recomputes any record from the
            chain alone.
          </p>
          <RecordCard
            title="The council as a whole (median estimates)"
            record={records.council}
            testId="council-record"
          />
          <CandidateRecords records={records} />
          <h2>Current trustees</h2>
          {current.map((trustee) => {
            const record = trackRecordOf(records, trustee);
            return record ? (
              <RecordCard
                key={trustee}
                title={trustee}
                record={record}
                testId={`trustee-record-${trustee.toLowerCase()}`}
              />
            ) : (
              <section className="card" key={trustee} data-testid={`trustee-record-${trustee.toLowerCase()}`}>
                <h3>
                  <AddressLabel address={trustee} />
                </h3>
                <p>No estimate committed yet: no track record.</p>
              </section>
            );
          })}
          {former.length > 0 ? (
            <>
              <h2>Former trustees</h2>
              {former.map((record) => (
                <RecordCard
                  key={record.trustee}
                  title={record.trustee}
                  record={record}
                  testId={`trustee-record-${record.trustee}`}
                />
              ))}
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
