import { useState, type ReactNode } from "react";
import { zeroHash, type Address } from "viem";

import { commitEstimate, finalizeApplication, revealEstimate } from "@fef/sdk/actions/grants";
import { formatBps } from "@fef/sdk/format";
import { ApplicationStatus, type RoundPhase } from "@fef/sdk/status";
import { checkPercentBps } from "@fef/sdk/validate";

import { Field } from "../../components/Field";
import { useAction } from "../../hooks/useAction";
import { useFund, type ApplicationRow } from "../../hooks/useFund";
import { salts, useSaltRecord } from "../../hooks/useSalts";

/** What this trustee still owes for one application: commit, then reveal (or why it cannot). */
export function EstimateRow({
  app,
  phase,
  trustee,
}: {
  readonly app: ApplicationRow;
  readonly phase: RoundPhase;
  readonly trustee: Address | undefined;
}) {
  const { system, chainId } = useFund();
  const { send, busy } = useAction();
  const [estimate, setEstimate] = useState("");
  const [error, setError] = useState<string | undefined>();
  const id = app.id;
  const key =
    system && trustee ? { chainId, grantRounds: system.grantRounds, trustee, applicationId: id } : undefined;
  const stored = useSaltRecord(key);
  if (!system) return null;
  const committed = app.viewerCommitment !== zeroHash;
  const commitLabel = `Commit estimate for application #${id}`;
  const revealLabel = `Reveal estimate for application #${id}`;
  const finalizeLabel = `Finalize application #${id}`;

  async function commit() {
    const checked = checkPercentBps(estimate);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    if (!trustee) return;
    // Sealed here and its salt record kept before anything is sent: the estimate and the salt never
    // reach the node before the reveal, and a page closed after the commit lands can still reveal.
    await send(commitLabel, async ({ client, fund }) => {
      const { steps } = await commitEstimate(client, fund, salts, {
        chainId,
        trustee,
        applicationId: id,
        estimateBps: checked.value,
      });
      return steps;
    });
  }

  let action: ReactNode = null;
  if (trustee && phase === "committing") {
    action = committed ? (
      <p data-testid={`estimate-state-${id}`}>
        Committed{stored ? ` (${formatBps(stored.estimateBps)}, hidden until the reveal phase)` : ""}.
      </p>
    ) : (
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
          value={estimate}
          onChange={(v) => {
            setEstimate(v);
            setError(undefined);
          }}
          error={error}
          inputMode="decimal"
          placeholder="e.g. 12.5"
          testId={`estimate-input-${id}`}
        />
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
  } else if (trustee && phase === "revealing") {
    if (!committed)
      action = <p className="muted">You committed no estimate for this application; none can count now.</p>;
    else if (app.viewerRevealed) action = <p data-testid={`estimate-state-${id}`}>Revealed.</p>;
    else if (!stored || !key)
      action = (
        <p className="field-error" role="note" data-testid={`lost-salt-${id}`}>
          The salt of your commitment is not stored in this browser, so this estimate cannot be revealed here.
          Import the salts exported by the tool that committed it (the command line keeps them in
          .fef/estimate-salts.json) under “Estimate salts”; without them it will not count toward the median.
        </p>
      );
    else
      action = (
        <button
          type="button"
          disabled={busy.has(revealLabel)}
          aria-label={`Reveal ${formatBps(stored.estimateBps)} for application #${id}`}
          data-testid={`reveal-${id}`}
          onClick={() => void send(revealLabel, () => revealEstimate(salts, key).steps)}
        >
          Reveal {formatBps(stored.estimateBps)}
        </button>
      );
  } else if (phase === "finalizing" && app.application.status === ApplicationStatus.Pending) {
    action = (
      <button
        type="button"
        disabled={busy.has(finalizeLabel)}
        aria-label={finalizeLabel}
        data-testid={`finalize-${id}`}
        onClick={() => void send(finalizeLabel, ({ fund }) => finalizeApplication(fund, id))}
      >
        Finalize
      </button>
    );
  }
  return <div className="estimate-action">{action}</div>;
}
