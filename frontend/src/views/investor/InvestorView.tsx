import { AccountActivity } from "../../components/AccountActivity";
import { DonateForm } from "../../components/DonateForm";
import { IndexerExport } from "../../components/IndexerExport";
import { ReturnsClaim } from "../../components/ReturnsClaim";
import { useFund } from "../../hooks/useFund";
import { statementCsv } from "../../lib/historyCsv";
import { InvestorHome } from "./InvestorHome";
import { OfferingCard } from "./OfferingCard";

/** Offerings to subscribe to, pending shares to claim, holdings and returns. */
export function InvestorView() {
  const { snapshot, account } = useFund();
  if (!snapshot) return null;
  return (
    <div className="stack">
      {!account ? <p className="notice">Connect an account to subscribe, claim and settle.</p> : null}
      <InvestorHome />
      <section className="card" aria-labelledby="offerings-title">
        <h2 id="offerings-title">Offerings</h2>
        <p className="hint">
          Shares bought in an offering are minted only after its window closes, so they earn from returns paid
          after that — never from payments made during the window. What investors pay is held in escrow until
          the offering settles: once the window has ended (or the trustees closed it) anyone can settle it,
          moving the whole raise into the capital pool that pays researcher stipends.
        </p>
        {snapshot.offerings.length === 0 ? <p className="muted">No offering yet.</p> : null}
        {snapshot.offerings.map((o) => (
          <OfferingCard key={o.id.toString()} row={o} />
        ))}
      </section>
      {account ? <ReturnsClaim /> : null}
      {account ? (
        <section className="card" aria-labelledby="statement-title">
          <h2 id="statement-title">Statement</h2>
          <p className="hint">Subscriptions per offering and returns claimed per asset, from the history.</p>
          <IndexerExport
            label="Export my statement (CSV)"
            filename={`statement-${account}.csv`}
            testId="export-statement"
            build={(client) => statementCsv(client, account)}
          />
        </section>
      ) : null}
      {account ? <DonateForm /> : null}
      {account ? <AccountActivity account={account} /> : null}
    </div>
  );
}
