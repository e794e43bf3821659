import { claimAwardShares, claimStipend } from "@fef/sdk/actions/grants";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatBps, formatShares } from "@fef/sdk/format";
import { applicationStatusLabel, ApplicationStatus, phaseLabels, roundPhase } from "@fef/sdk/status";

import { VestingChart } from "../../components/charts/VestingChart";
import { useAction } from "../../hooks/useAction";
import { useFund } from "../../hooks/useFund";
import { MAX_IDS, useApplicationsByIds } from "../../hooks/useLensReads";
import { useRoleIndex } from "../../hooks/useRoles";

/** The researcher's applications (found from ApplicationSubmitted events) with status, award, vesting and claims. */
export function MyApplications() {
  const { system, account, snapshot, now, assets } = useFund();
  const roles = useRoleIndex();
  const { send, busy } = useAction();
  const ids = account ? roles.applicationsOf(account).slice(0, MAX_IDS) : [];
  const mine = useApplicationsByIds(ids, account);
  if (!system || !snapshot) return null;
  const rows = mine.data ?? [];

  return (
    <section className="card" aria-labelledby="my-apps-title">
      <h2 id="my-apps-title">My applications</h2>
      {ids.length === 0 ? (
        <p className="muted">This account has not applied yet (in the loaded history).</p>
      ) : null}
      {rows.map((a) => {
        const x = a.application;
        const round = snapshot.rounds.find((r) => r.id === x.roundId)?.round;
        const phase = round ? roundPhase({ status: round.status, ...round.params }, now) : undefined;
        const stipendAsset = round ? findAsset(assets, round.params.stipendAsset) : undefined;
        const sharesLabel = `Claim vested shares of application #${a.id}`;
        const stipendLabel = `Claim stipend of application #${a.id}`;
        const funded = x.status === ApplicationStatus.Funded || x.status === ApplicationStatus.Cancelled;
        return (
          <article key={a.id.toString()} className="application" data-testid={`my-application-${a.id}`}>
            <h3>
              Application #{a.id.toString()} to round #{x.roundId.toString()}{" "}
              <span className="badge">{applicationStatusLabel(x.status)}</span>
              {phase ? <span className="badge">{phaseLabels[phase]}</span> : null}
            </h3>
            <p className="break">{x.uri}</p>
            <dl className="figures">
              <div>
                <dt>Effort</dt>
                <dd>{x.effortMonths} months</dd>
              </div>
              <div>
                <dt>Trustees&apos; medians</dt>
                <dd>
                  {x.status === ApplicationStatus.Pending
                    ? "not final yet"
                    : x.estimated
                      ? `${formatBps(x.medianProbabilityBps)} × ${x.medianEffortMonths} of ${x.effortMonths} declared months (${x.revealedCount} of ${x.committedCount} sealed estimates revealed)`
                      : "no trustee estimated it"}
                </dd>
              </div>
              <div>
                <dt>Award</dt>
                <dd data-testid={`award-${a.id}`}>{funded ? formatShares(a.award) : "—"}</dd>
              </div>
              <div>
                <dt>Claimable shares</dt>
                <dd data-testid={`claimable-shares-${a.id}`}>{formatShares(a.claimableShares)}</dd>
              </div>
              <div>
                <dt>Stipend</dt>
                <dd>
                  {x.stipendRequested > 0n
                    ? `${formatAmount(a.stipendAward, stipendAsset)} granted of ${formatAmount(x.stipendRequested, stipendAsset)} asked; ${formatAmount(a.claimableStipend, stipendAsset)} claimable`
                    : "none asked"}
                </dd>
              </div>
            </dl>
            {funded && round ? (
              <VestingChart
                award={a.award}
                start={round.settledAt}
                cliff={round.params.vestingCliff}
                duration={round.params.vestingDuration}
                cancelledAt={x.cancelledAt}
                vested={a.vestedShares}
                claimed={x.sharesClaimed}
                now={now}
              />
            ) : null}
            {funded ? (
              <div className="row">
                <button
                  type="button"
                  disabled={a.claimableShares === 0n || busy.has(sharesLabel)}
                  aria-label={sharesLabel}
                  data-testid={`claim-shares-${a.id}`}
                  onClick={() => void send(sharesLabel, ({ fund }) => claimAwardShares(fund, a.id))}
                >
                  Claim vested shares
                </button>
                {a.stipendAward > 0n ? (
                  <button
                    type="button"
                    disabled={a.claimableStipend === 0n || busy.has(stipendLabel)}
                    aria-label={stipendLabel}
                    data-testid={`claim-stipend-${a.id}`}
                    onClick={() =>
                      void send(
                        stipendLabel,
                        ({ fund }) => claimStipend(fund, a.id),
                        stipendAsset ? { asset: stipendAsset } : undefined,
                      )
                    }
                  >
                    Claim stipend
                  </button>
                ) : null}
              </div>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
