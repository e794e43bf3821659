import { formatDate, formatShares } from "@fef/sdk/format";

import { Fact } from "../../components/Fact";
import { useFund } from "../../hooks/useFund";
import { useProvenance } from "../../hooks/useProvenance";

/** Headline figures: shares, holders by provenance, and what the Fund holds in each registry. */
export function FundFigures() {
  const { snapshot } = useFund();
  const provenance = useProvenance();
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
        <Fact term="Total shares" testId="total-shares">
          {formatShares(f.totalSupply)}
        </Fact>
        <Fact term="Holders" testId="holder-count">
          {f.holderCount.toString()}
        </Fact>
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
          {f.threshold.toString()} of {f.trustees.length} trustees
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
        Provenance: a holder counts as a researcher if it ever claimed award shares (GrantRounds
        SharesClaimed) and as an investor if it ever claimed subscribed shares (Offerings
        SubscriptionSharesClaimed); someone can be both. With a history indexer the figures come from its mint
        tables, else from the loaded events.
      </p>
    </section>
  );
}
