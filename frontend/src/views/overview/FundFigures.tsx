import { useMemo } from "react";

import { formatDate, formatShares } from "@fef/sdk/format";

import { useFund } from "../../hooks/useFund";
import { mintProvenance } from "../../lib/history";

/** Headline figures: shares, holders by provenance, and what the Fund holds in each registry. */
export function FundFigures() {
  const { snapshot, history } = useFund();
  const provenance = useMemo(() => mintProvenance(history.logs), [history.logs]);
  if (!snapshot) return null;
  const f = snapshot.fund;
  const holders = snapshot.holders.filter((h) => h.balance > 0n).map((h) => h.holder.toLowerCase());
  const researcherHolders = holders.filter((h) => provenance.researchers.has(h)).length;
  const investorHolders = holders.filter((h) => provenance.investors.has(h)).length;
  const partial = f.holderCount > BigInt(snapshot.holders.length);

  return (
    <section className="card" aria-labelledby="figures-title">
      <h2 id="figures-title">
        {f.name} ({f.symbol})
      </h2>
      <dl className="figures">
        <div>
          <dt>Total shares</dt>
          <dd data-testid="total-shares">{formatShares(f.totalSupply)}</dd>
        </div>
        <div>
          <dt>Holders</dt>
          <dd data-testid="holder-count">{f.holderCount.toString()}</dd>
        </div>
        <div>
          <dt>Holding researcher shares</dt>
          <dd data-testid="researcher-holders">
            {researcherHolders}
            {partial ? " (of the holders loaded)" : ""}
          </dd>
        </div>
        <div>
          <dt>Holding investor shares</dt>
          <dd data-testid="investor-holders">
            {investorHolders}
            {partial ? " (of the holders loaded)" : ""}
          </dd>
        </div>
        <div>
          <dt>Shares minted to researchers</dt>
          <dd>{formatShares(provenance.researcherShares)}</dd>
        </div>
        <div>
          <dt>Shares minted to investors</dt>
          <dd>{formatShares(provenance.investorShares)}</dd>
        </div>
        <div>
          <dt>Council</dt>
          <dd>
            {f.threshold.toString()} of {f.trustees.length} trustees
          </dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            {f.paused ? `Paused until ${formatDate(f.pauseEnds)}` : "Running"}; transfers{" "}
            {f.transfersEnabled ? "on" : "off"}
          </dd>
        </div>
        <div>
          <dt>Rounds / applications</dt>
          <dd>
            {f.roundCount.toString()} / {f.applicationCount.toString()}
          </dd>
        </div>
        <div>
          <dt>Offerings</dt>
          <dd>{f.offeringCount.toString()}</dd>
        </div>
        <div>
          <dt>Techniques / companies / commitments</dt>
          <dd>
            {f.techniqueCount.toString()} / {f.companyCount.toString()} / {f.commitmentCount.toString()}
          </dd>
        </div>
      </dl>
      <p className="hint">
        Provenance: a holder counts as a researcher if it ever claimed award shares (GrantRounds
        SharesClaimed) and as an investor if it ever claimed subscribed shares (Offerings
        SubscriptionSharesClaimed); someone can be both.
      </p>
    </section>
  );
}
