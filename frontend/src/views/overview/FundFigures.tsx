import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatDate, formatShares } from "@fef/sdk/format";
import { plural } from "@fef/sdk/status";

import { Fact } from "../../components/Fact";
import { useFund } from "../../hooks/useFund";
import { useProvenance } from "../../hooks/useProvenance";

/** Headline figures: returns distributed, shares, holders and paying companies. */
export function FundFigures() {
  const { snapshot, assets } = useFund();
  if (!snapshot) return null;
  const f = snapshot.fund;

  const distributed = f.assets.filter((a) => a.distributed > 0n);
  const paying = snapshot.commitments.filter((c) => c.compliance.periodsReported > 0n).length;

  return (
    <section aria-labelledby="figures-title" className="stack">
      <h2 id="figures-title" className="visually-hidden">
        {f.name} ({f.symbol}) in figures
      </h2>
      <dl className="headline" data-testid="headline">
        <Fact term="Returns distributed to holders" testId="headline-returns">
          {distributed.length === 0
            ? "None yet"
            : distributed.map((a) => (
                <span key={a.asset} className="headline-amount">
                  {formatAmount(a.distributed, findAsset(assets, a.asset), 2)}
                </span>
              ))}
        </Fact>
        <Fact term="Total shares" testId="total-shares">
          {formatShares(f.totalSupply)}
        </Fact>
        <Fact term="Holders" testId="holder-count">
          {f.holderCount.toString()}
        </Fact>
        <Fact term="Companies that have paid" testId="headline-companies">
          {paying}
          <span className="sub">{plural(f.commitmentCount, "Promise")} registered</span>
        </Fact>
      </dl>
    </section>
  );
}

/** The Fund in detail: holders by provenance, council, state and counts. */
export function FundDetails() {
  const { snapshot } = useFund();
  const provenance = useProvenance();
  if (!snapshot) return null;
  const f = snapshot.fund;
  const holders = snapshot.holders.filter((h) => h.balance > 0n).map((h) => h.holder.toLowerCase());
  const researcherHolders = holders.filter((h) => provenance.researchers.has(h)).length;
  const investorHolders = holders.filter((h) => provenance.investors.has(h)).length;
  const partial = f.holderCount > BigInt(snapshot.holders.length);
  return (
    <section className="card" aria-labelledby="figures-more-title">
      <h2 id="figures-more-title">
        {f.name} ({f.symbol})
      </h2>
      <dl className="figures">
        <Fact term="Holding researcher shares" testId="researcher-holders">
          {researcherHolders}
          {partial ? " (of the holders loaded)" : ""}
        </Fact>
        <Fact term="Holding investor shares" testId="investor-holders">
          {investorHolders}
          {partial ? " (of the holders loaded)" : ""}
        </Fact>
        <Fact term="Shares minted to researchers">{formatShares(provenance.researcherShares)}</Fact>
        <Fact term="Shares minted to investors">{formatShares(provenance.investorShares)}</Fact>
        <Fact term="Council">
          {f.threshold.toString()} of {plural(f.trustees.length, "trustee")} must approve
        </Fact>
        <Fact term="State">
          {f.paused ? `Paused until ${formatDate(f.pauseEnds)}` : "Running"}; transfers{" "}
          {f.transfersEnabled ? "on" : "off"}
        </Fact>
        <Fact term="Rounds / applications">
          {f.roundCount.toString()} / {f.applicationCount.toString()}
        </Fact>
        <Fact term="Offerings">{f.offeringCount.toString()}</Fact>
        <Fact term="Techniques / companies / commitments">
          {f.techniqueCount.toString()} / {f.companyCount.toString()} / {f.commitmentCount.toString()}
        </Fact>
      </dl>
      <p className="hint">
        A holder counts as a researcher once it has claimed shares from a grant, and as an investor once it
        has claimed shares it subscribed to in an offering; someone can be both. The counts come from the
        history indexer when there is one, else from the history this page loaded.
      </p>
    </section>
  );
}
