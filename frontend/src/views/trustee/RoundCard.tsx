import { useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { signTypedData } from "wagmi/actions";

import {
  commitEstimates,
  finalizeApplications,
  revealEstimates,
  settleRound,
  topUpStipends,
} from "@fef/sdk/actions/grants";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatBps, formatDate, formatDuration, formatShares } from "@fef/sdk/format";
import {
  ApplicationStatus,
  EstimateStatus,
  applicationStatusLabel,
  countOf,
  estimatesSummary,
  plural,
  phaseLabels,
  roundPhase,
  RoundStatus,
} from "@fef/sdk/status";

import { estimateDeadline } from "@fef/sdk/deadlines";

import { AddressLabel } from "../../components/AddressLabel";
import { ProposalLink } from "../../components/ProposalLink";
import { useFund, type RoundRow } from "../../hooks/useFund";
import { useAction } from "../../hooks/useAction";
import { useProposals } from "../../hooks/useProposals";
import { salts, useStoredKeys } from "../../hooks/useSalts";
import { deriveSaltFromSecret, walletSaltSecret } from "@fef/sdk/saltSecret";
import { EstimateRow } from "./EstimateRow";
import { checkBatch, initialDraft, type EstimateDraft } from "./estimateBatch";
import { TrusteeRecords } from "./TrusteeRecords";

/** One round: its phase and terms, each application with the trustee's owed estimate, results, settle. */
export function RoundCard({ row, asTrustee }: { readonly row: RoundRow; readonly asTrustee: boolean }) {
  const { snapshot, system, now, assets, account, chainId } = useFund();
  const { send, busy } = useAction();
  const config = useConfig();
  const { connector } = useConnection();
  // The trustee's batch: one entry per application, typed here, committed (or revealed) together.
  const [drafts, setDrafts] = useState<ReadonlyMap<bigint, EstimateDraft>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<bigint, string>>(new Map());
  // An EOA's salts come from one signature of its wallet (recomputable on another device); a Safe
  // cannot sign deterministically, so its salts are random and kept by export and import.
  const [derive, setDerive] = useState<boolean | undefined>(undefined);
  const deriveSalts = derive ?? connector?.type !== "safe";
  const apps = (snapshot?.applications ?? [])
    .filter((a) => a.application.roundId === row.id)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const proposals = useProposals(apps.map((a) => a.id));
  const decimals = findAsset(assets, row.round.params.stipendAsset)?.decimals ?? 18;
  const phaseNow = roundPhase({ status: row.round.status, ...row.round.params }, now);
  // In the reveal phase every committed estimate starts selected; in the commit phase none does.
  const draftOf = (a: (typeof apps)[number]): EstimateDraft =>
    drafts.get(a.id) ?? { ...initialDraft(a, decimals), selected: phaseNow === "revealing" };
  const setDraft = (id: bigint, draft: EstimateDraft) => {
    setDrafts((held) => new Map(held).set(id, draft));
    setErrors((held) => {
      const next = new Map(held);
      next.delete(id);
      return next;
    });
  };
  // Batched: every estimate of this trustee in the round that is committed, stored here and unrevealed,
  // in one transaction; every estimated, pending application in one finalization.
  const toReveal = useStoredKeys(
    asTrustee && account && system
      ? apps
          .filter((a) => a.viewerEstimate.status === EstimateStatus.Committed && draftOf(a).selected)
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
  const commitLabel = `Commit my selected estimates in round #${row.id}`;
  const toCommit = apps.filter(
    (a) =>
      a.viewerEstimate.status === EstimateStatus.None &&
      a.application.researcher !== account &&
      draftOf(a).selected,
  );

  async function commitSelected() {
    const checked = checkBatch(
      toCommit.map((a) => ({ applicationId: a.id, draft: draftOf(a) })),
      decimals,
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    await send(
      commitLabel,
      async ({ client, fund, account: trustee, chainId: chain }) => {
        const scope = { chainId: chain, grantRounds: fund.GrantRounds, trustee };
        // One signature for the whole batch; it stays in this page, like the salts.
        const secret = deriveSalts
          ? await walletSaltSecret((typed) => signTypedData(config, typed), scope)
          : undefined;
        const estimates = checked.estimates.map((e) =>
          secret
            ? { ...e, salt: deriveSaltFromSecret(secret, { ...scope, applicationId: e.applicationId }) }
            : e,
        );
        // Sealed here and the salt records kept before anything is sent: the estimates and salts never
        // reach the node before the reveal, and a page closed after the commit lands can still reveal.
        return (await commitEstimates(client, fund, salts, { chainId: chain, trustee, estimates })).steps;
      },
      { onConfirmed: () => setDrafts(new Map()) },
    );
  }
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
      {asTrustee && estimateDeadline(phase, p, now) ? (
        <p className="notice warn" data-testid={`round-deadline-${row.id}`}>
          {estimateDeadline(phase, p, now)}
        </p>
      ) : null}
      {r.status === RoundStatus.Settled ? (
        <p>
          Settled {formatDate(r.settledAt)}:{" "}
          {countOf(r.fundedCount, r.applicationCount, "application", "no application was submitted")}
          {r.applicationCount > 0n ? " funded" : ""}, total weight {r.totalWeight.toString()}, stipends
          reserved {formatAmount(r.stipendReserved, stipendAsset)}.
        </p>
      ) : (
        <p className="muted">
          {r.applicationCount > 0n
            ? `${countOf(r.estimatedCount, r.applicationCount, "application", "")} estimated by a trustee (the others are unfunded and need nothing); ${r.finalizedCount} of them finalized.`
            : "No application yet."}
          {p.applicationDeposit > 0n
            ? ` Each application paid a deposit of ${formatAmount(p.applicationDeposit, findAsset(assets, "0x0000000000000000000000000000000000000000"))}, refunded once a trustee reveals an estimate for it.`
            : ""}
        </p>
      )}
      {apps.length < r.applicationCount ? (
        <p className="hint">Showing the {apps.length} applications among the latest loaded.</p>
      ) : null}
      {apps.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`Applications of round ${row.id}`}>
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
                    <th scope="row">
                      #{a.id.toString()} <span data-testid={`application-title-${a.id}`}>{x.title}</span>
                    </th>
                    <td>
                      <AddressLabel address={x.researcher} />
                    </td>
                    <td>
                      <ProposalLink proposal={proposals.get(a.id.toString())} />
                    </td>
                    <td>{x.effortMonths} months</td>
                    <td>{applicationStatusLabel(x.status)}</td>
                    <td>
                      {finalized && x.estimated
                        ? estimatesSummary(x, formatBps) +
                          (x.medianStipend > 0n
                            ? `; stipend ${formatAmount(x.medianStipend, stipendAsset)}`
                            : "")
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
                          draft={draftOf(a)}
                          onDraft={(draft) => setDraft(a.id, draft)}
                          error={errors.get(a.id)}
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
      {asTrustee && phase === "committing" ? (
        <div className="row" data-testid={`commit-batch-${row.id}`}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={deriveSalts}
              onChange={(e) => setDerive(e.target.checked)}
              data-testid={`derive-salts-${row.id}`}
            />{" "}
            Derive the salts from one signature of my wallet (recomputable on another device; not for a Safe,
            whose owners export and import salts)
          </label>
          <button
            type="button"
            disabled={busy.has(commitLabel) || toCommit.length === 0}
            data-testid={`commit-selected-${row.id}`}
            onClick={() => void commitSelected()}
          >
            Commit {toCommit.length} selected estimate{toCommit.length === 1 ? "" : "s"} (one transaction)
          </button>
        </div>
      ) : null}
      {phase === "revealing" && toReveal.length > 0 ? (
        <button
          type="button"
          disabled={busy.has(revealLabel)}
          data-testid={`reveal-all-${row.id}`}
          onClick={() => void send(revealLabel, () => revealEstimates(salts, toReveal).steps)}
        >
          Reveal {toReveal.length} selected estimate{toReveal.length === 1 ? "" : "s"} (one transaction)
        </button>
      ) : null}
      {phase === "finalizing" && r.status === RoundStatus.Open && toFinalize.length > 0 ? (
        <button
          type="button"
          disabled={busy.has(finalizeLabel)}
          aria-label={`Finalize ${plural(toFinalize.length, "estimated application")} of round #${row.id}`}
          data-testid={`finalize-all-${row.id}`}
          onClick={() => void send(finalizeLabel, ({ fund }) => finalizeApplications(fund, toFinalize))}
        >
          Finalize {plural(toFinalize.length, "estimated application")}
        </button>
      ) : null}
      <TrusteeRecords roundId={row.id} phase={phase} />
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
