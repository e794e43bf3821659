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
import { usePublishedProof } from "./usePublishedProof";

function timesOf(o: OfferingRow): OfferingTimes {
  const { params, closed, settled } = o.offering;
  return { start: params.start, end: params.end, closed, settled };
}

/**
 * One offering: terms, remaining, window, capital raised and where it is (escrow or pool), allowlist
 * check, subscribe (approve first for ERC-20), claim, and settlement into the capital pool.
 */
export function OfferingCard({ row }: { readonly row: OfferingRow }) {
  const { system, assets, now, account, client } = useFund();
  const { send, busy } = useAction();
  const form = useForm<"shares" | "proof">({ shares: "", proof: "" });
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const lookup = usePublishedProof(row, account);
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

  async function subscribe() {
    if (!system || !account || !asset) return;
    const s = checkAmount(form.values.shares, 18, { label: "Shares" });
    // A pasted proof wins; else the one looked up in the offering's published allowlist.
    const pasted = checkProof(form.values.proof, account);
    const proof =
      pasted.ok && pasted.value.length === 0 && lookup.data?.ok
        ? { ok: true as const, value: lookup.data.value }
        : pasted;
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
        <Fact term="Allowlist" testId={`allowlist-status-${row.id}`}>
          {!gated
            ? "Open to anyone"
            : allowed !== null
              ? allowed
                ? "You are allowed (the proof you pasted checks)"
                : "Not allowed with this proof"
              : !account
                ? "Allowlisted investors only"
                : lookup.isPending
                  ? "Looking up your proof in the published allowlist…"
                  : lookup.data?.ok
                    ? "You are on the allowlist: your proof was found in the published allowlist and checks against the offering's root"
                    : `Allowlisted investors only. ${lookup.data?.error ?? "No allowlist is published for this offering."}`}
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
          </div>
          {gated ? (
            <details data-testid={`paste-proof-${row.id}`}>
              <summary>Paste a proof you were given instead</summary>
              <Field
                label="Allowlist proof (JSON array of hashes)"
                multiline
                {...form.field("proof")}
                testId={`subscribe-proof-${row.id}`}
                hint="Only if your proof is not in the published allowlist: a JSON array of hashes, or a whole allowlist file with proofs per address."
              />
              <button
                type="button"
                className="secondary"
                onClick={() => void checkAllowlist()}
                data-testid={`check-allowlist-${row.id}`}
              >
                Check proof
              </button>
            </details>
          ) : null}
          <div className="row">
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
