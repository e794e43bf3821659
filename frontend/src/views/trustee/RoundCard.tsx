import { finalizeApplications, revealEstimates, settleRound, topUpStipends } from "@fef/sdk/actions/grants";
import { findAsset } from "@fef/sdk/assets";
import {
  formatAmount,
  formatBps,
  formatDate,
  formatDuration,
  formatShares,
  shortHash,
} from "@fef/sdk/format";
import {
  ApplicationStatus,
  EstimateStatus,
  applicationStatusLabel,
  phaseLabels,
  roundPhase,
  RoundStatus,
} from "@fef/sdk/status";

import { AddressLabel } from "../../components/AddressLabel";
import { useFund, type RoundRow } from "../../hooks/useFund";
import { useAction } from "../../hooks/useAction";
import { salts, useStoredKeys } from "../../hooks/useSalts";
import { EstimateRow } from "./EstimateRow";
import { TrusteeRecords } from "./TrusteeRecords";

/** One round: its phase and terms, each application with the trustee's owed estimate, results, settle. */
export function RoundCard({ row, asTrustee }: { readonly row: RoundRow; readonly asTrustee: boolean }) {
  const { snapshot, system, now, assets, account, chainId } = useFund();
  const { send, busy } = useAction();
  const apps = (snapshot?.applications ?? [])
    .filter((a) => a.application.roundId === row.id)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  // Batched: every estimate of this trustee in the round that is committed, stored here and unrevealed,
  // in one transaction; every estimated, pending application in one finalization.
  const toReveal = useStoredKeys(
    asTrustee && account && system
      ? apps
          .filter((a) => a.viewerEstimate.status === EstimateStatus.Committed)
          .map((a) => ({ chainId, grantRounds: system.grantRounds, trustee: account, applicationId: a.id }))
      : [],
  );
  if (!snapshot || !system) return null;
  const r = row.round;
  const p = r.params;
  const phase = roundPhase({ status: r.status, ...p }, now);
  const settleLabel = `Settle round #${row.id}`;
  const canSettle =
    phase === "finalizing" && r.status === RoundStatus.Open && r.finalizedCount === r.estimatedCount;
  const revealLabel = `Reveal my estimates in round #${row.id}`;
  const finalizeLabel = `Finalize the applications of round #${row.id}`;
  const toFinalize = apps
    .filter((a) => a.application.estimated && a.application.status === ApplicationStatus.Pending)
    .map((a) => a.id);
  const stipendAsset = findAsset(assets, p.stipendAsset);
  const topUpLabel = `Top up the stipends of round #${row.id}`;
  // Capital that arrived after settlement can still reserve stipends short of what was awarded, until the cliff.
  const stipendTarget = r.fundedStipendTotal < p.stipendBudget ? r.fundedStipendTotal : p.stipendBudget;
  const canTopUp =
    r.status === RoundStatus.Settled &&
    r.stipendReserved < stipendTarget &&
    p.vestingCliff > 0n &&
    now < r.settledAt + p.vestingCliff;

  return (
    <article className="round" data-testid={`round-${row.id}`} data-phase={phase}>
      <h3>
        Round #{row.id.toString()} <span className="badge">{phaseLabels[phase]}</span>
      </h3>
      <p>
        Pool {formatShares(p.sharePool)}; applications until {formatDate(p.applicationDeadline)}, commits
        until {formatDate(p.commitDeadline)}, reveals until {formatDate(p.revealDeadline)}; vesting{" "}
        {formatDuration(p.vestingDuration)}{" "}
        {p.vestingCliff > 0n ? `with a ${formatDuration(p.vestingCliff)} cliff` : "with no cliff"}
        {p.stipendBudget > 0n
          ? `; stipends up to ${formatAmount(p.stipendBudget, stipendAsset)}`
          : "; no stipends"}
        .
      </p>
      {r.status === RoundStatus.Settled ? (
        <p>
          Settled {formatDate(r.settledAt)}: {r.fundedCount} of {r.applicationCount} applications funded,
          total weight {r.totalWeight.toString()}, stipends reserved{" "}
          {formatAmount(r.stipendReserved, stipendAsset)}.
        </p>
      ) : (
        <p className="muted">
          {r.estimatedCount} of {r.applicationCount} applications estimated by a trustee (the others are
          unfunded and need nothing); {r.finalizedCount} of them finalized.
          {p.applicationDeposit > 0n
            ? ` Each application paid a deposit of ${formatAmount(p.applicationDeposit, findAsset(assets, "0x0000000000000000000000000000000000000000"))}, refunded once a trustee estimates it.`
            : ""}
        </p>
      )}
      {apps.length < r.applicationCount ? (
        <p className="hint">Showing the {apps.length} applications among the latest loaded.</p>
      ) : null}
      {apps.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Applications of round {row.id.toString()}</caption>
            <thead>
              <tr>
                <th scope="col">Application</th>
                <th scope="col">Researcher</th>
                <th scope="col">Proposal</th>
                <th scope="col">Effort (declared)</th>
                <th scope="col">Status</th>
                <th scope="col">Medians (probability × effort, stipend)</th>
                <th scope="col">Weight</th>
                <th scope="col">Award</th>
                {asTrustee || phase === "finalizing" ? <th scope="col">Your part</th> : null}
              </tr>
            </thead>
            <tbody>
              {apps.map((a) => {
                const x = a.application;
                const finalized = x.status !== 1;
                const weightShare =
                  r.totalWeight > 0n && x.weight > 0n ? Number((x.weight * 10_000n) / r.totalWeight) : 0;
                return (
                  <tr key={a.id.toString()} data-testid={`application-${a.id}`}>
                    <th scope="row">#{a.id.toString()}</th>
                    <td>
                      <AddressLabel address={x.researcher} />
                    </td>
                    <td>
                      <span className="break">{x.uri}</span>
                      <br />
                      <span className="muted">{shortHash(x.contentHash)}</span>
                    </td>
                    <td>{x.effortMonths} months</td>
                    <td>{applicationStatusLabel(x.status)}</td>
                    <td>
                      {finalized && x.estimated
                        ? `${formatBps(x.medianProbabilityBps)} × ${x.medianEffortMonths} months` +
                          (x.medianStipend > 0n ? `, ${formatAmount(x.medianStipend, stipendAsset)}` : "") +
                          ` (${x.revealedCount} of ${x.committedCount} sealed revealed)`
                        : "—"}
                    </td>
                    <td>
                      {x.weight > 0n
                        ? `${x.weight.toString()}${weightShare ? ` (${formatBps(weightShare)})` : ""}`
                        : "—"}
                    </td>
                    <td>{a.award > 0n ? formatShares(a.award) : "—"}</td>
                    {asTrustee || phase === "finalizing" ? (
                      <td>
                        <EstimateRow
                          app={a}
                          phase={phase}
                          trustee={asTrustee ? account : undefined}
                          stipendAsset={p.stipendAsset}
                        />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No application yet.</p>
      )}
      {phase === "revealing" && toReveal.length > 0 ? (
        <button
          type="button"
          disabled={busy.has(revealLabel)}
          aria-label={revealLabel}
          data-testid={`reveal-all-${row.id}`}
          onClick={() => void send(revealLabel, () => revealEstimates(salts, toReveal).steps)}
        >
          Reveal my {toReveal.length} estimate{toReveal.length === 1 ? "" : "s"} (one transaction)
        </button>
      ) : null}
      {phase === "finalizing" && r.status === RoundStatus.Open && toFinalize.length > 0 ? (
        <button
          type="button"
          disabled={busy.has(finalizeLabel)}
          aria-label={finalizeLabel}
          data-testid={`finalize-all-${row.id}`}
          onClick={() => void send(finalizeLabel, ({ fund }) => finalizeApplications(fund, toFinalize))}
        >
          Finalize {toFinalize.length} estimated application{toFinalize.length === 1 ? "" : "s"}
        </button>
      ) : null}
      <TrusteeRecords roundId={row.id} />
      {canSettle ? (
        <button
          type="button"
          disabled={busy.has(settleLabel)}
          aria-label={settleLabel}
          data-testid={`settle-${row.id}`}
          onClick={() => void send(settleLabel, ({ fund }) => settleRound(fund, row.id))}
        >
          Settle round
        </button>
      ) : null}
      {canTopUp && account ? (
        <button
          type="button"
          className="secondary"
          disabled={busy.has(topUpLabel)}
          aria-label={topUpLabel}
          data-testid={`top-up-${row.id}`}
          onClick={() =>
            void send(
              topUpLabel,
              ({ fund }) => topUpStipends(fund, row.id),
              stipendAsset ? { asset: stipendAsset } : undefined,
            )
          }
        >
          Top up stipends ({formatAmount(stipendTarget - r.stipendReserved, stipendAsset)} short)
        </button>
      ) : null}
    </article>
  );
}
