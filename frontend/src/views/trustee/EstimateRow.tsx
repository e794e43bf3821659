import type { ReactNode } from "react";
import type { Address } from "viem";

import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatBps } from "@fef/sdk/format";
import { EstimateStatus, type RoundPhase } from "@fef/sdk/status";

import { Field } from "../../components/Field";
import { useFund, type ApplicationRow } from "../../hooks/useFund";
import { useSaltRecord } from "../../hooks/useSalts";
import type { EstimateDraft } from "./estimateBatch";

/**
 * What this trustee owes for one application: an estimate of probability, effort and stipend to
 * commit (effort and stipend start at the declared values, the most they can count for), selected
 * into the round card's batch, which commits every selected estimate in one transaction; then its
 * reveal, selected likewise. Shows a recusal on the trustee's own application.
 */
export function EstimateRow({
  app,
  phase,
  trustee,
  stipendAsset,
  draft,
  onDraft,
  error,
}: {
  readonly app: ApplicationRow;
  readonly phase: RoundPhase;
  readonly trustee: Address | undefined;
  readonly stipendAsset: Address;
  /** this application's entry of the round's batch (values typed and whether it is selected) */
  readonly draft: EstimateDraft;
  readonly onDraft: (draft: EstimateDraft) => void;
  readonly error: string | undefined;
}) {
  const { system, chainId, assets } = useFund();
  const x = app.application;
  const asset = findAsset(assets, stipendAsset);
  const id = app.id;
  const key =
    system && trustee ? { chainId, grantRounds: system.grantRounds, trustee, applicationId: id } : undefined;
  const stored = useSaltRecord(key);
  if (!system || !trustee) return null;
  const status = app.viewerEstimate.status;
  const edit = (change: Partial<EstimateDraft>) => onDraft({ ...draft, ...change });
  const selectBox = (label: string) => (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={draft.selected}
        onChange={(e) => edit({ selected: e.target.checked })}
        data-testid={`select-${id}`}
      />{" "}
      {label}
    </label>
  );

  const values = stored
    ? `${formatBps(stored.probabilityBps)}, ${stored.effortMonths} months, ${formatAmount(stored.stipend, asset)}`
    : undefined;
  let action: ReactNode = null;
  if (status === EstimateStatus.Recused) {
    action = (
      <p className="muted" data-testid={`estimate-state-${id}`}>
        Recused: your own application.
      </p>
    );
  } else if (status === EstimateStatus.Revealed) {
    const v = app.viewerEstimate;
    action = (
      <p data-testid={`estimate-state-${id}`}>
        Revealed: {formatBps(v.probabilityBps)}, {v.effortMonths} months, {formatAmount(v.stipend, asset)}.
      </p>
    );
  } else if (status === EstimateStatus.Missed) {
    action = (
      <p className="field-error" data-testid={`estimate-state-${id}`}>
        Missed: committed, never revealed.
      </p>
    );
  } else if (status === EstimateStatus.Committed) {
    action = (
      <p data-testid={`estimate-state-${id}`}>
        Committed{values ? ` (${values}; hidden until the reveal phase)` : ""}.
        {phase === "revealing" && stored ? <> {selectBox(`Reveal #${id} in the batch`)}</> : null}
        {phase === "revealing" && !stored ? (
          <span className="field-error" role="note" data-testid={`lost-salt-${id}`}>
            {" "}
            The salt of this commitment is not stored in this browser: import the salts exported by the tool
            that committed it under “Estimate salts”, or it will not count toward the medians.
          </span>
        ) : null}
      </p>
    );
  } else if (phase === "committing") {
    action = (
      <div className="inline-form" data-testid={`estimate-form-${id}`}>
        <Field
          label={`Probability of success for #${id} (%)`}
          value={draft.probability}
          onChange={(v) => edit({ probability: v, selected: true })}
          error={error}
          inputMode="decimal"
          placeholder="e.g. 12.5"
          testId={`estimate-input-${id}`}
        />
        <Field
          label={`Effort the work needs (months, ≤ ${x.effortMonths} counts)`}
          value={draft.effort}
          onChange={(v) => edit({ effort: v })}
          inputMode="numeric"
          testId={`effort-input-${id}`}
        />
        {x.stipendRequested > 0n ? (
          <Field
            label={`Stipend the work needs (≤ ${formatAmount(x.stipendRequested, asset)} counts)`}
            value={draft.stipend}
            onChange={(v) => edit({ stipend: v })}
            inputMode="decimal"
            testId={`stipend-input-${id}`}
          />
        ) : null}
        {selectBox(`Commit #${id} in the batch`)}
      </div>
    );
  } else if (phase === "revealing") {
    action = <p className="muted">You committed no estimate for this application; none can count now.</p>;
  }
  return <div className="estimate-action">{action}</div>;
}
