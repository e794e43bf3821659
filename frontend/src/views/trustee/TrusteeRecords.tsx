import type { RoundPhase } from "@fef/sdk/status";

import { AddressLabel } from "../../components/AddressLabel";
import { useFund } from "../../hooks/useFund";
import { useTrusteeRecords } from "../../hooks/useLensReads";
import "./queue.css";

type Record = { committed: bigint; revealed: bigint; missed: bigint; recused: bigint };

/** Where one trustee stands in a round, in words. */
function standing(r: Record, phase: RoundPhase): string {
  const parts: string[] = [];
  if (r.committed === 0n)
    parts.push(
      phase === "applying"
        ? "nothing to commit yet"
        : phase === "committing"
          ? "not committed yet"
          : "committed nothing",
    );
  else parts.push(`committed ${r.committed}`);
  if (r.committed > 0n) {
    if (r.revealed === r.committed) parts.push(r.revealed === 1n ? "revealed it" : "revealed all");
    else if (phase === "revealing")
      parts.push(`revealed ${r.revealed}, ${r.committed - r.revealed} still to reveal`);
    else parts.push(`revealed ${r.revealed}`);
  }
  if (r.missed > 0n) parts.push(`missed ${r.missed}`);
  if (r.recused > 0n) parts.push(`recused from ${r.recused} (own application)`);
  return parts.join(" · ");
}

/**
 * Each current trustee's progress in a round: sealed estimates committed, revealed, missed (only once
 * the reveal phase is over) and recusals. Open while trustees commit or reveal.
 */
export function TrusteeRecords({ roundId, phase }: { readonly roundId: bigint; readonly phase: RoundPhase }) {
  const { account } = useFund();
  const { data } = useTrusteeRecords(roundId);
  if (!data || data.length === 0) return null;
  const active = phase === "committing" || phase === "revealing";
  const committed = data.filter(({ record }) => record.committed > 0n).length;
  const revealed = data.filter(
    ({ record }) => record.committed > 0n && record.revealed === record.committed,
  ).length;
  return (
    <details className="trustee-records" data-testid={`trustee-records-${roundId}`} open={active}>
      <summary data-testid={`trustee-progress-${roundId}`}>
        Trustees&apos; progress: {committed} of {data.length} committed
        {committed > 0 ? `, ${revealed} of them revealed` : ""}
      </summary>
      <ul className="progress-list">
        {data.map(({ trustee, record }) => (
          <li key={trustee} data-testid={`trustee-record-${roundId}-${trustee.toLowerCase()}`}>
            <AddressLabel address={trustee} plain />
            {account && account.toLowerCase() === trustee.toLowerCase() ? (
              <span className="badge">you</span>
            ) : null}
            : {standing(record, phase)}
          </li>
        ))}
      </ul>
    </details>
  );
}
