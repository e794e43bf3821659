import type { Address } from "viem";

import { ActionKindValue, decodeActionArgs } from "@fef/sdk/actionKinds";
import { trackRecordOf, type TrackRecords } from "@fef/sdk/trackRecord";

import { AddressLabel } from "../../components/AddressLabel";
import { useFund } from "../../hooks/useFund";
import { scoreText } from "./outcomeText";

/** Open proposals to add a trustee, each with the candidate's track record if they have one here. */
export function CandidateRecords({ records }: { records: TrackRecords }) {
  const { snapshot, now } = useFund();
  const open = (snapshot?.proposals ?? []).filter(
    (p) =>
      Number(p.proposal.kind) === ActionKindValue.AddTrustee &&
      !p.proposal.executed &&
      p.proposal.expiresAt > now,
  );
  if (open.length === 0) return null;
  return (
    <section className="card" data-testid="candidate-records">
      <h2>Candidates proposed as trustees</h2>
      <ul>
        {open.map((p) => {
          const [candidate] = decodeActionArgs("AddTrustee", p.proposal.args) as readonly [Address];
          const record = trackRecordOf(records, candidate);
          return (
            <li key={p.id.toString()} data-testid="candidate-record">
              Proposal #{p.id.toString()}: <AddressLabel address={candidate} /> —{" "}
              {record
                ? `${scoreText(record)}; ${record.committed} estimates committed, ${record.missed} missed.`
                : "no track record here yet (never estimated for this Fund)."}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
