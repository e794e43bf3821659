import { useState, type ReactNode } from "react";
import { formatUnits, type Address } from "viem";

import { commitEstimates } from "@fef/sdk/actions/grants";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatBps } from "@fef/sdk/format";
import { EstimateStatus, type RoundPhase } from "@fef/sdk/status";
import { checkAmount, checkInteger, checkPercentBps } from "@fef/sdk/validate";

import { Field } from "../../components/Field";
import { useAction } from "../../hooks/useAction";
import { useFund, type ApplicationRow } from "../../hooks/useFund";
import { salts, useSaltRecord } from "../../hooks/useSalts";

/**
 * What this trustee owes for one application: an estimate of probability, effort and stipend to
 * commit (effort and stipend start at the declared values, the most they can count for), then its
 * reveal (batched for the round by the round card). Shows a recusal on the trustee's own application.
 */
export function EstimateRow({
  app,
  phase,
  trustee,
  stipendAsset,
}: {
  readonly app: ApplicationRow;
  readonly phase: RoundPhase;
  readonly trustee: Address | undefined;
  readonly stipendAsset: Address;
}) {
  const { system, chainId, assets } = useFund();
  const { send, busy } = useAction();
  const x = app.application;
  const asset = findAsset(assets, stipendAsset);
  const decimals = asset?.decimals ?? 18;
  const [probability, setProbability] = useState("");
  const [effort, setEffort] = useState(String(x.effortMonths));
  const [stipend, setStipend] = useState(formatUnits(x.stipendRequested, decimals));
  const [error, setError] = useState<string | undefined>();
  const id = app.id;
  const key =
    system && trustee ? { chainId, grantRounds: system.grantRounds, trustee, applicationId: id } : undefined;
  const stored = useSaltRecord(key);
  if (!system || !trustee) return null;
  const status = app.viewerEstimate.status;
  const commitLabel = `Commit estimate for application #${id}`;

  async function commit() {
    const p = checkPercentBps(probability, "Probability");
    const e = checkInteger(effort, { label: "Effort", min: 0n, max: 1200n });
    const s = checkAmount(stipend || "0", decimals, { label: "Stipend", allowZero: true });
    const failed = [p, e, s].find((c) => !c.ok);
    if (failed && !failed.ok) {
      setError(failed.error);
      return;
    }
    if (!p.ok || !e.ok || !s.ok || !trustee) return;
    // Sealed here and its salt record kept before anything is sent: the estimate and the salt never
    // reach the node before the reveal, and a page closed after the commit lands can still reveal.
    await send(commitLabel, async ({ client, fund }) => {
      const { steps } = await commitEstimates(client, fund, salts, {
        chainId,
        trustee,
        estimates: [
          { applicationId: id, probabilityBps: p.value, effortMonths: Number(e.value), stipend: s.value },
        ],
      });
      return steps;
    });
  }

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
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void commit();
        }}
        noValidate
      >
        <Field
          label={`Probability of success for #${id} (%)`}
          value={probability}
          onChange={(v) => {
            setProbability(v);
            setError(undefined);
          }}
          error={error}
          inputMode="decimal"
          placeholder="e.g. 12.5"
          testId={`estimate-input-${id}`}
        />
        <Field
          label={`Effort the work needs (months, ≤ ${x.effortMonths} counts)`}
          value={effort}
          onChange={(v) => {
            setEffort(v);
            setError(undefined);
          }}
          inputMode="numeric"
          testId={`effort-input-${id}`}
        />
        {x.stipendRequested > 0n ? (
          <Field
            label={`Stipend the work needs (≤ ${formatAmount(x.stipendRequested, asset)} counts)`}
            value={stipend}
            onChange={(v) => {
              setStipend(v);
              setError(undefined);
            }}
            inputMode="decimal"
            testId={`stipend-input-${id}`}
          />
        ) : null}
        <button
          type="submit"
          disabled={busy.has(commitLabel)}
          aria-label={commitLabel}
          data-testid={`commit-${id}`}
        >
          Commit
        </button>
      </form>
    );
  } else if (phase === "revealing") {
    action = <p className="muted">You committed no estimate for this application; none can count now.</p>;
  }
  return <div className="estimate-action">{action}</div>;
}
