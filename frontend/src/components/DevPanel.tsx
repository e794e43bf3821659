import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { findAsset } from "@fef/sdk/assets";
import {
  DEV_CHAIN_ID,
  advanceChainTime,
  describeMoment,
  mintTestToken,
  secondsUntilPast,
  upcomingPhases,
} from "@fef/sdk/devChain";
import { formatAmount, formatDate } from "@fef/sdk/format";

import { useAction } from "../hooks/useAction";
import { useFund } from "../hooks/useFund";
import { localRpcUrl } from "../lib/chains";
import "../views/trustee/queue.css";

const FAUCET_UNITS = 10_000n;
const DAY = 86_400n;

/**
 * The local demo chain only: move chain time to the next phase (or by a day or a month) and take test
 * tokens (tUSD) from the faucet. Hidden on every other chain.
 */
export function DevPanel() {
  const { chainId, snapshot, now, deployment, assets, account } = useFund();
  const { send, busy } = useAction();
  const queryClient = useQueryClient();
  const [moving, setMoving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (chainId !== DEV_CHAIN_ID || !snapshot) return null;
  const next = upcomingPhases(snapshot.rounds, snapshot.offerings, now)[0];
  const tokenAddress = deployment?.addresses.TestToken;
  const token = tokenAddress ? findAsset(assets, tokenAddress) : undefined;
  const faucetAmount = token ? FAUCET_UNITS * 10n ** BigInt(token.decimals) : 0n;
  const faucetLabel = `Get ${token ? formatAmount(faucetAmount, token) : "test tokens"} from the test faucet`;

  async function move(seconds: bigint, what: string) {
    setMoving(true);
    setMessage(null);
    try {
      await advanceChainTime(localRpcUrl, seconds);
      await queryClient.invalidateQueries();
      setMessage({ text: `Chain time moved forward: ${what}.`, error: false });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setMoving(false);
    }
  }

  return (
    <section className="card dev-panel" aria-labelledby="dev-panel-title" data-testid="dev-panel">
      <h2 id="dev-panel-title">Local demo tools</h2>
      <p className="hint">
        Only on the local chain. Chain time is {formatDate(now)}
        {next ? (
          <>
            ; next:{" "}
            <span data-testid="dev-next-phase" data-at={next.at.toString()}>
              {describeMoment(next)}
            </span>
          </>
        ) : null}
        .
      </p>
      <div className="row">
        <button
          type="button"
          disabled={moving || !next}
          data-testid="dev-next-phase-button"
          onClick={() => next && void move(secondsUntilPast(next, now), describeMoment(next))}
        >
          Move time to the next phase
        </button>
        <button type="button" className="secondary" disabled={moving} onClick={() => void move(DAY, "1 day")}>
          +1 day
        </button>
        <button
          type="button"
          className="secondary"
          disabled={moving}
          data-testid="dev-plus-30-days"
          onClick={() => void move(30n * DAY, "30 days")}
        >
          +30 days
        </button>
        {token && tokenAddress && account ? (
          <button
            type="button"
            className="secondary"
            disabled={busy.has(faucetLabel)}
            aria-label={faucetLabel}
            data-testid="dev-faucet"
            onClick={() =>
              void send(faucetLabel, ({ account: to, chainId: chain }) =>
                mintTestToken(chain, tokenAddress, to, faucetAmount),
              )
            }
          >
            Get {formatAmount(faucetAmount, token)}
          </button>
        ) : null}
      </div>
      {message ? (
        <p className={message.error ? "error" : "muted"} role="status" data-testid="dev-panel-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
