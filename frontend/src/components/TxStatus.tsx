import { shortHash } from "@fef/sdk/format";

import { useFund } from "../hooks/useFund";
import { useTx, type TxEntry } from "../hooks/useTx";

const phaseText: Readonly<Record<TxEntry["phase"], string>> = {
  checking: "Checking…",
  approving: "Approving…",
  wallet: "Waiting for your wallet…",
  safe: "Awaiting the Safe…",
  pending: "Pending…",
  confirmed: "Confirmed",
  failed: "Failed",
};

/**
 * The visible, announced status of recent transactions: checking → wallet → (through a Safe: awaiting
 * the owners) → pending → confirmed / failed.
 */
export function TxStatus() {
  const { entries, dismiss } = useTx();
  const { account } = useFund();
  return (
    <section className="tx-status" aria-labelledby="tx-status-title">
      <h2 id="tx-status-title">Transactions</h2>
      <p className="tx-account">
        {account
          ? "Recent ones from this account, kept in this browser."
          : "Connect to see your transactions."}
      </p>
      <div role="status" aria-live="polite" aria-atomic="false" data-testid="tx-status">
        {entries.length === 0 ? <p className="muted">No transaction yet.</p> : null}
        <ul>
          {entries.map((e) => (
            <li key={e.id} className={`tx tx-${e.phase}`} data-testid="tx-entry" data-phase={e.phase}>
              <p className="tx-head">
                <strong>{e.label}</strong> <span className="tx-phase">{phaseText[e.phase]}</span>
              </p>
              {e.note ? <p className="tx-note">{e.note}</p> : null}
              {e.phase === "confirmed" && e.outcome && e.outcome.length > 0 ? (
                <ul className="tx-outcome" data-testid="tx-outcome">
                  {e.outcome.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : null}
              {e.safeTxHash ? (
                <p className="tx-note" data-testid="safe-tx">
                  Safe tx <code title={e.safeTxHash}>{shortHash(e.safeTxHash)}</code>
                </p>
              ) : null}
              {e.hash ? (
                <p className="tx-note">
                  Tx <code title={e.hash}>{shortHash(e.hash)}</code>
                  {e.blockNumber !== undefined ? ` in block ${e.blockNumber}` : ""}
                  {e.gasUsed !== undefined ? `, ${e.gasUsed.toLocaleString("en-GB")} gas` : ""}
                </p>
              ) : null}
              {e.message ? (
                <p className="tx-error" data-testid="tx-error" data-error-name={e.errorName}>
                  {e.message}
                </p>
              ) : null}
              {e.phase === "confirmed" || e.phase === "failed" ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => dismiss(e.id)}
                  aria-label={`Dismiss ${e.label}`}
                >
                  Dismiss
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
