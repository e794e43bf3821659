import { useState, type ReactNode } from "react";
import { zeroHash, type Address } from "viem";
import { useConfig } from "wagmi";
import { simulateContract, writeContract } from "wagmi/actions";

import { grantRoundsAbi } from "@fef/sdk/generated/abis";
import { formatBps } from "@fef/sdk/format";
import { browserSaltStore, saltRecord } from "@fef/sdk/salts";
import { newSalt } from "@fef/sdk/seal";
import { ApplicationStatus, type RoundPhase } from "@fef/sdk/status";
import { checkPercentBps } from "@fef/sdk/validate";

import { Field } from "../../components/Field";
import { useFund, type ApplicationRow } from "../../hooks/useFund";
import { useSend } from "../../hooks/useSend";
import { useTx } from "../../hooks/useTx";

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
  const config = useConfig();
  const { system, chainId } = useFund();
  const { run, busy } = useTx();
  const { send } = useSend();
  const [estimate, setEstimate] = useState("");
  const [error, setError] = useState<string | undefined>();
  if (!system) return null;
  const id = app.id;
  const committed = app.viewerCommitment !== zeroHash;
  const salts = browserSaltStore();
  const stored = trustee
    ? salts.get({ chainId, grantRounds: system.grantRounds, trustee, applicationId: id })
    : undefined;
  const commitLabel = `Commit estimate for application #${id}`;
  const revealLabel = `Reveal estimate for application #${id}`;
  const finalizeLabel = `Finalize application #${id}`;

  async function commit() {
    const checked = checkPercentBps(estimate);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    if (!trustee || !system) return;
    const grantRounds = system.grantRounds;
    const estimateBps = checked.value;
    await run(commitLabel, async (step) => {
      // Sealed here: the estimate and the salt never reach the node before the reveal.
      const record = saltRecord({
        chainId,
        grantRounds,
        trustee,
        applicationId: id,
        estimateBps,
        salt: newSalt(),
      });
      // Kept before sending: if the page closes after the commit lands, the reveal is still possible.
      // The form shows only while nothing is committed on chain, so an older record here never landed.
      salts.put(record, { replace: true });
      const { request } = await simulateContract(config, {
        address: grantRounds,
        abi: grantRoundsAbi,
        functionName: "commitEstimate",
        args: [id, record.sealedEstimate],
        chainId,
      });
      step("wallet");
      return writeContract(config, request);
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
    else if (!stored)
      action = (
        <p className="field-error" role="note" data-testid={`lost-salt-${id}`}>
          The salt of your commitment is not stored in this browser, so this estimate cannot be revealed and
          will not count toward the median. (Salts live only in the browser that committed.)
        </p>
      );
    else
      action = (
        <button
          type="button"
          disabled={busy.has(revealLabel)}
          aria-label={`Reveal ${formatBps(stored.estimateBps)} for application #${id}`}
          data-testid={`reveal-${id}`}
          onClick={() =>
            void send(revealLabel, {
              address: system.grantRounds,
              abi: grantRoundsAbi,
              functionName: "revealEstimate",
              args: [id, stored.estimateBps, stored.salt],
              chainId,
            })
          }
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
        onClick={() =>
          void send(finalizeLabel, {
            address: system.grantRounds,
            abi: grantRoundsAbi,
            functionName: "finalizeApplication",
            args: [id],
            chainId,
          })
        }
      >
        Finalize
      </button>
    );
  }
  return <div className="estimate-action">{action}</div>;
}
