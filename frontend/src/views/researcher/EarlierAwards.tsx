import { useQuery } from "@tanstack/react-query";

import { claimAwardShares, claimStipend } from "@fef/sdk/actions/grants";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatShares, shortAddress } from "@fef/sdk/format";
import { readRetiredClaims } from "@fef/sdk/retiredModules";

import { ActionButton } from "../../components/ActionButton";
import { AddressLabel } from "../../components/AddressLabel";
import { Fact } from "../../components/Fact";
import { useFund } from "../../hooks/useFund";
import { fundKeys } from "../../lib/fundReads";

/**
 * Awards and stipends still claimable on grant-rounds modules the council migrated away from (found
 * from the council's MigrationExecuted events and each module's ApplicationSubmitted events), each
 * claimed on its own module. Shown only when there is something to claim.
 */
export function EarlierAwards() {
  const { client, system, account, chainId, deployment, assets } = useFund();
  const claims = useQuery({
    // Under the "applications" read, so a claim refreshes it.
    queryKey: [...fundKeys.read(chainId, "applications"), "earlier-modules", account ?? null],
    queryFn: () => {
      if (!client || !system || !account) throw new Error("No account connected");
      return readRetiredClaims(client, system.council, account, deployment?.fromBlock ?? 0n);
    },
    enabled: Boolean(client && system && account),
  });
  const rows = claims.data ?? [];
  if (rows.length === 0) return null;

  return (
    <section className="card" aria-labelledby="earlier-awards-title">
      <h2 id="earlier-awards-title">Awards on earlier grant-rounds modules</h2>
      <p className="hint">
        The council migrated the grant-rounds module; these awards stay claimable on the module that made
        them.
      </p>
      {rows.map((c) => {
        const key = `${c.module.toLowerCase()}-${c.applicationId}`;
        const where = `on the earlier module ${shortAddress(c.module)}`;
        const stipendAsset = findAsset(assets, c.stipendAsset);
        return (
          <article key={key} className="application" data-testid={`earlier-application-${key}`}>
            <h3>
              Application #{c.applicationId.toString()} to round #{c.roundId.toString()} on the earlier module{" "}
              <AddressLabel address={c.module} /> <span className="badge">{c.statusName}</span>
            </h3>
            <dl className="figures">
              <Fact term="Award">{formatShares(c.award)}</Fact>
              <Fact term="Claimable shares" testId={`earlier-claimable-shares-${key}`}>
                {formatShares(c.claimableShares)}
              </Fact>
              <Fact term="Stipend">
                {c.stipendAward > 0n
                  ? `${formatAmount(c.claimableStipend, stipendAsset)} claimable of ${formatAmount(c.stipendAward, stipendAsset)}`
                  : "none"}
              </Fact>
            </dl>
            <div className="row">
              <ActionButton
                label={`Claim vested shares of application #${c.applicationId} ${where}`}
                build={() => claimAwardShares({ GrantRounds: c.module }, c.applicationId)}
                disabled={c.claimableShares === 0n}
                testId={`earlier-claim-shares-${key}`}
              >
                Claim vested shares
              </ActionButton>
              {c.stipendAward > 0n ? (
                <ActionButton
                  label={`Claim stipend of application #${c.applicationId} ${where}`}
                  build={() => claimStipend({ GrantRounds: c.module }, c.applicationId)}
                  options={stipendAsset ? { asset: stipendAsset } : undefined}
                  disabled={c.claimableStipend === 0n}
                  testId={`earlier-claim-stipend-${key}`}
                >
                  Claim stipend
                </ActionButton>
              ) : null}
            </div>
          </article>
        );
      })}
    </section>
  );
}
