import { useFund } from "../../hooks/useFund";
import { Council } from "./Council";
import { ProposalForm } from "./ProposalForm";
import { ProposalQueue } from "./ProposalQueue";
import { RoundCard } from "./RoundCard";
import { SaltBackup } from "./SaltBackup";
import { TrusteeHome } from "./TrusteeHome";

/** Council, proposal queue and creation, rounds with the estimates this trustee still owes. */
export function TrusteeView() {
  const { snapshot, account } = useFund();
  if (!snapshot) return null;
  const isTrustee = snapshot.viewer.trustee;
  return (
    <div className="stack">
      {!account ? (
        <p className="notice">Connect as a trustee to approve proposals and submit estimates.</p>
      ) : !isTrustee ? (
        <p className="notice">
          This account is not a trustee: you can follow the council and execute ready proposals.
        </p>
      ) : null}
      {isTrustee ? <TrusteeHome /> : null}
      <Council />
      <ProposalQueue />
      {isTrustee ? <ProposalForm /> : null}
      <section className="card" aria-labelledby="rounds-title">
        <h2 id="rounds-title">Grant rounds and estimates</h2>
        <p className="hint">
          Estimates are committed hidden (a hash with a random salt kept in this browser, see “Estimate salts”
          below) and revealed after the commit deadline. The median of at least{" "}
          {snapshot.fund.threshold.toString()} revealed estimates weights the award.
        </p>
        {snapshot.rounds.length === 0 ? <p className="muted">No round yet.</p> : null}
        {snapshot.rounds.map((r) => (
          <RoundCard key={r.id.toString()} row={r} asTrustee={isTrustee} />
        ))}
      </section>
      {isTrustee ? <SaltBackup /> : null}
    </div>
  );
}
