import { useTrusteeRecords } from "../../hooks/useLensReads";
import { AddressLabel } from "../../components/AddressLabel";

/** Each current trustee's public record in a round: sealed estimates committed, revealed, missed, recusals. */
export function TrusteeRecords({ roundId }: { readonly roundId: bigint }) {
  const { data } = useTrusteeRecords(roundId);
  if (!data || data.length === 0) return null;
  return (
    <details className="trustee-records" data-testid={`trustee-records-${roundId}`}>
      <summary>Trustees&apos; records in this round</summary>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={`Trustees' records in round ${roundId}`}
      >
        <table>
          <caption className="visually-hidden">Trustees&apos; records in round {roundId.toString()}</caption>
          <thead>
            <tr>
              <th scope="col">Trustee</th>
              <th scope="col">Committed</th>
              <th scope="col">Revealed</th>
              <th scope="col">Missed</th>
              <th scope="col">Recused</th>
            </tr>
          </thead>
          <tbody>
            {data.map(({ trustee, record }) => (
              <tr key={trustee} data-testid={`trustee-record-${roundId}-${trustee.toLowerCase()}`}>
                <th scope="row">
                  <AddressLabel address={trustee} />
                </th>
                <td>{record.committed.toString()}</td>
                <td>{record.revealed.toString()}</td>
                <td>{record.missed.toString()}</td>
                <td>{record.recused.toString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
