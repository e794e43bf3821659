import { useState } from "react";
import { zeroHash } from "viem";

import {
  claimSubscribedShares,
  settleOffering,
  subscribe as subscribeSteps,
} from "@fef/sdk/actions/offerings";
import { offeringsAbi } from "@fef/sdk/generated/abis";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatDate, formatShares } from "@fef/sdk/format";
import { offeringCapital, offeringStatusLabel, offeringWindow, type OfferingTimes } from "@fef/sdk/status";
import { checkAmount, checkProof } from "@fef/sdk/validate";

import { ActionButton } from "../../components/ActionButton";
import { Fact } from "../../components/Fact";
import { Field } from "../../components/Field";
import { Form } from "../../components/Form";
import { useAction } from "../../hooks/useAction";
import { useFund, type OfferingRow } from "../../hooks/useFund";
import { useForm } from "../../hooks/useForm";
import { LOCAL_CHAIN_ID } from "../../lib/chains";

function timesOf(o: OfferingRow): OfferingTimes {
  const { params, closed, settled } = o.offering;
  return { start: params.start, end: params.end, closed, settled };
}

/**
 * One offering: terms, remaining, window, capital raised and where it is (escrow or pool), allowlist
 * check, subscribe (approve first for ERC-20), claim, and settlement into the capital pool.
 */
export function OfferingCard({ row }: { readonly row: OfferingRow }) {
  const { system, assets, now, account, chainId, client } = useFund();
  const { send, busy } = useAction();
  const form = useForm<"shares" | "proof">({ shares: "", proof: "" });
  const [allowed, setAllowed] = useState<boolean | null>(null);
  if (!system) return null;
  const p = row.offering.params;
  const asset = findAsset(assets, p.asset);
  const remaining = p.shareCap - row.offering.sharesSold;
  const times = timesOf(row);
  const state = offeringWindow(times, now);
  const capital = offeringCapital(times, now);
  const gated = p.allowlistRoot !== zeroHash;
  const shares = checkAmount(form.values.shares, 18, { label: "Shares" });
  const cost = shares.ok ? (shares.value * p.pricePerShare + 10n ** 18n - 1n) / 10n ** 18n : null;
  const subscribeLabel = `Subscribe to offering #${row.id}`;
  const claimLabel = `Claim shares of offering #${row.id}`;
  const settleLabel = `Settle offering #${row.id} into the capital pool`;
  // Subscribed shares are minted only after the window's end, even when the council closed it early.
  const windowOver = now > p.end;

  async function checkAllowlist() {
    if (!system || !account || !client) return;
    const proof = checkProof(form.values.proof, account);
    if (!proof.ok) {
      form.setErrors({ proof: proof.error });
      return;
    }
    const ok = await client.readContract({
      address: system.offerings,
      abi: offeringsAbi,
      functionName: "isAllowed",
      args: [row.id, account, proof.value],
    });
    setAllowed(ok);
  }

  /** Local demo only: the seed script publishes its allowlist (root and proofs) next to the app. */
  async function loadDemoAllowlist() {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}demo-allowlist.json`);
      const file = (await response.json()) as { offeringId?: number; chainId?: number };
      if (file.offeringId !== Number(row.id) || file.chainId !== chainId) {
        form.setErrors({ proof: "The demo allowlist file is for another offering or chain." });
        return;
      }
      form.set("proof", JSON.stringify(file));
    } catch {
      form.setErrors({ proof: "No demo allowlist file is published by this server." });
    }
  }

  async function subscribe() {
    if (!system || !account || !asset) return;
    const s = checkAmount(form.values.shares, 18, { label: "Shares" });
    const proof = checkProof(form.values.proof, account);
    const errors: Partial<Record<"shares" | "proof", string>> = {};
    if (!s.ok) errors.shares = s.error;
    else if (s.value < p.minShares) errors.shares = `The minimum is ${formatShares(p.minShares, 4)}.`;
    else if (s.value > remaining) errors.shares = `Only ${formatShares(remaining, 4)} remain.`;
    if (!proof.ok) errors.proof = proof.error;
    if (!s.ok || !proof.ok || errors.shares) {
      form.setErrors(errors);
      return;
    }
    await send(
      subscribeLabel,
      ({ client, fund, account: investor }) =>
        subscribeSteps(client, fund, { investor, offeringId: row.id, shares: s.value, proof: proof.value }),
      { asset, onConfirmed: () => form.set("shares", "") },
    );
  }

  return (
    <article
      className="offering"
      data-testid={`offering-${row.id}`}
      data-state={state}
      data-capital={capital}
    >
      <h3>
        Offering #{row.id.toString()}{" "}
        <span
          className={`badge ${capital === "escrow" ? `state-${state}` : `capital-${capital}`}`}
          data-testid={`offering-status-${row.id}`}
        >
          {offeringStatusLabel(state, capital)}
        </span>
      </h3>
      <dl className="figures">
        <Fact term="Price">{formatAmount(p.pricePerShare, asset)} per share</Fact>
        <Fact term="Cap">{formatShares(p.shareCap)}</Fact>
        <Fact term="Remaining" testId={`offering-remaining-${row.id}`}>
          {formatShares(remaining)}
        </Fact>
        <Fact term="Capital raised" testId={`offering-capital-${row.id}`}>
          {formatAmount(row.offering.capitalRaised, asset)},{" "}
          {capital === "settled" ? "in the capital pool" : "in escrow"}
        </Fact>
        <Fact term="Minimum">{formatShares(p.minShares)}</Fact>
        <Fact term="Window">
          {formatDate(p.start)} – {formatDate(p.end)}
        </Fact>
        <Fact term="Allowlist">
          {gated
            ? allowed === null
              ? "Allowlisted investors only"
              : allowed
                ? "You are allowed"
                : "Not allowed with this proof"
            : "Open to anyone"}
        </Fact>
        <Fact term="Your pending shares" testId={`offering-pending-${row.id}`}>
          {formatShares(row.viewerPending)}
        </Fact>
      </dl>
      {state === "open" && account ? (
        <Form onSubmit={subscribe}>
          <div className="grid">
            <Field
              label="Shares to buy"
              {...form.field("shares")}
              inputMode="decimal"
              testId={`subscribe-shares-${row.id}`}
              hint={
                cost !== null
                  ? `Cost: ${formatAmount(cost, asset)} (rounded up in the Fund's favour).`
                  : undefined
              }
            />
            {gated ? (
              <Field
                label="Allowlist proof (JSON array of hashes)"
                multiline
                {...form.field("proof")}
                testId={`subscribe-proof-${row.id}`}
                hint="Paste the proof you were given (a JSON array of hashes) or a whole allowlist file with proofs per address."
              />
            ) : null}
          </div>
          <div className="row">
            {gated && chainId === LOCAL_CHAIN_ID ? (
              <button
                type="button"
                className="secondary"
                onClick={() => void loadDemoAllowlist()}
                data-testid={`demo-allowlist-${row.id}`}
              >
                Use the demo allowlist file
              </button>
            ) : null}
            {gated ? (
              <button
                type="button"
                className="secondary"
                onClick={() => void checkAllowlist()}
                data-testid={`check-allowlist-${row.id}`}
              >
                Check proof
              </button>
            ) : null}
            <button
              type="submit"
              disabled={busy.has(subscribeLabel)}
              aria-label={subscribeLabel}
              data-testid={`subscribe-${row.id}`}
            >
              Subscribe
            </button>
          </div>
        </Form>
      ) : null}
      {capital === "awaiting-settlement" ? (
        <div data-testid={`offering-settlement-${row.id}`}>
          <p className="hint">
            {state === "closed" ? "The trustees closed this offering" : "The window has ended"}: its raise of{" "}
            {formatAmount(row.offering.capitalRaised, asset)} waits in escrow until someone settles it into
            the capital pool, where it can pay researcher stipends. Anyone may send this, once.
          </p>
          {account ? (
            <ActionButton
              label={settleLabel}
              build={({ fund }) => settleOffering(fund, row.id)}
              options={asset ? { asset } : undefined}
              testId={`settle-offering-${row.id}`}
            >
              Settle into the capital pool
            </ActionButton>
          ) : null}
        </div>
      ) : null}
      {row.viewerPending > 0n ? (
        windowOver ? (
          <ActionButton
            label={claimLabel}
            build={({ fund }) => claimSubscribedShares(fund, row.id)}
            ariaLabel={`Claim ${formatShares(row.viewerPending)} of offering #${row.id}`}
            testId={`claim-offering-${row.id}`}
          >
            Claim {formatShares(row.viewerPending)}
          </ActionButton>
        ) : (
          <p className="hint">Your shares can be claimed after the window closes on {formatDate(p.end)}.</p>
        )
      ) : null}
    </article>
  );
}
