import { useState } from "react";
import { keccak256, toHex, zeroAddress, type Hex } from "viem";

import { actionKindIndex, actionKindLabel, actionKinds, type ActionKind } from "@fef/sdk/actionKinds";
import { describeProposal } from "@fef/sdk/proposals";

import { Field, SelectField } from "../../components/Field";
import { useAction } from "../../hooks/useAction";
import { useFund } from "../../hooks/useFund";
import { toLocalInput, useForm } from "../../hooks/useForm";
import { ProposalReview } from "./ProposalReview";
import { buildProposal, fieldsOf, type ProposalField, type ProposalValues } from "./buildProposal";
import { systemNames } from "./systemNames";

const labels: Readonly<Record<ProposalField, string>> = {
  trustee: "Trustee address",
  threshold: "New threshold (approvals needed)",
  sharePool: "Share pool (shares)",
  applicationDeadline: "Applications accepted until",
  commitDeadline: "Estimates committed until",
  revealDeadline: "Estimates revealed until",
  vestingCliffDays: "Vesting cliff (days)",
  vestingDurationDays: "Vesting duration (days)",
  stipendAsset: "Stipend asset",
  stipendBudget: "Stipend budget",
  applicationDeposit:
    "Application deposit (ETH, refundable once a trustee reveals an estimate for it; 0 for none)",
  roundId: "Round id",
  applicationId: "Application id",
  transfers: "Share transfers",
  token: "ERC-20 token address",
  offeringAsset: "Payment asset",
  price: "Price per share",
  shareCap: "Shares offered (cap)",
  minShares: "Minimum per subscription (shares)",
  start: "Subscriptions open",
  end: "Subscriptions close",
  allowlistRoot: "Allowlist Merkle root (empty = open to anyone)",
  offeringId: "Offering id",
  title: "Technique title",
  uri: "Technique URI",
  contentHash: "Content hash (bytes32)",
  applicationIds: "Produced by applications (ids, comma-separated)",
  techniqueId: "Technique id",
  commitmentId: "Commitment id",
  period: "Period (0 = first)",
  reasonHash: "Reason / resolution hash (bytes32)",
  strayAsset: "Asset sent by mistake",
  recipient: "Return it to",
  amount: "Amount (at most the strays shown)",
  module: "Module to replace",
  newModule: "New module address",
  retireOld: "Old module's roles",
  paidOff: "Outcome (a paid period before the horizon always counts as paid off)",
  horizonDays: "Outcome horizon for rounds opened from now on (days after settlement)",
};

const dateFields: ReadonlySet<ProposalField> = new Set([
  "applicationDeadline",
  "commitDeadline",
  "revealDeadline",
  "start",
  "end",
]);

const assetFields: ReadonlySet<ProposalField> = new Set(["stipendAsset", "offeringAsset", "strayAsset"]);

/** The fields chosen from a fixed list, as value → label (asset fields list the Fund's returns assets). */
const choices: Partial<Record<ProposalField, Readonly<Record<string, string>>>> = {
  transfers: { on: "On (holders may transfer)", off: "Off" },
  module: { 0: "Grant rounds", 1: "Offerings", 2: "Returns registry" },
  retireOld: {
    no: "Keep them (the old module finishes its open business)",
    yes: "Revoke them at migration (its unclaimed awards stay unclaimable)",
  },
  paidOff: { yes: "Paid off (e.g. adopted without a Promise)", no: "Did not pay off" },
};

function choiceOptions(name: ProposalField) {
  const labels = choices[name];
  return labels ? Object.entries(labels).map(([value, label]) => ({ value, label })) : undefined;
}

/** Creates a proposal of any kind: fields validated, args ABI-encoded, a plain-words preview, then `propose`. */
export function ProposalForm() {
  const { system, assets, now, snapshot } = useFund();
  const { send, busy } = useAction();
  const [kind, setKind] = useState<ActionKind>("OpenRound");
  // Defaults are computed once per mount, so chain time moving on never overwrites what was typed.
  const [initial] = useState((): ProposalValues => {
    const day = 86_400n;
    return {
      trustee: "",
      threshold: snapshot ? snapshot.fund.threshold.toString() : "1",
      sharePool: "1000000",
      applicationDeadline: toLocalInput(now + 7n * day),
      commitDeadline: toLocalInput(now + 10n * day),
      revealDeadline: toLocalInput(now + 13n * day),
      vestingCliffDays: "90",
      vestingDurationDays: "365",
      stipendAsset: zeroAddress,
      stipendBudget: "0",
      applicationDeposit: "0",
      roundId: "",
      applicationId: "",
      transfers: "on",
      token: "",
      offeringAsset: zeroAddress,
      price: "0.01",
      shareCap: "100000",
      minShares: "10",
      start: toLocalInput(now + 600n),
      end: toLocalInput(now + 14n * day),
      allowlistRoot: "",
      offeringId: "",
      title: "",
      uri: "",
      contentHash: "",
      applicationIds: "",
      techniqueId: "",
      commitmentId: "",
      period: "0",
      reasonHash: "",
      strayAsset: zeroAddress,
      recipient: "",
      amount: "",
      module: "0",
      newModule: "",
      retireOld: "no",
      paidOff: "yes",
      horizonDays: "1095",
    };
  });
  const form = useForm<ProposalField>(initial);
  const [hashText, setHashText] = useState("");
  const built = buildProposal(kind, form.values, {
    now,
    assets,
    trusteeCount: snapshot?.fund.trustees.length ?? 0,
  });
  const names = systemNames(system);
  const preview = built.ok ? describeProposal(actionKindIndex(kind), built.args, { assets, names }) : null;
  const label = `Propose: ${actionKindLabel(actionKindIndex(kind))}`;

  // The review step: what was checked and encoded, shown decoded with effects and warnings before
  // anything is sent. Any change to the form ends the review (it would no longer match).
  const [reviewed, setReviewed] = useState<{ readonly kind: ActionKind; readonly args: Hex } | null>(null);
  const reviewing = reviewed !== null && built.ok && reviewed.kind === kind && reviewed.args === built.args;

  function review() {
    const result = buildProposal(kind, form.values, {
      now,
      assets,
      trusteeCount: snapshot?.fund.trustees.length ?? 0,
    });
    if (!result.ok) {
      form.setErrors(result.errors);
      setReviewed(null);
      return;
    }
    setReviewed({ kind, args: result.args });
  }

  async function confirm() {
    if (!built.ok || !reviewing) return;
    const propose = built.propose;
    await send(label, ({ fund }) => propose(fund), { onConfirmed: () => setReviewed(null) });
  }

  const assetOptions = assets.map((a) => ({ value: a.asset, label: a.symbol }));
  const hashTarget: ProposalField | null = fieldsOf[kind].includes("contentHash")
    ? "contentHash"
    : fieldsOf[kind].includes("reasonHash")
      ? "reasonHash"
      : null;

  return (
    <section className="card" aria-labelledby="new-proposal-title">
      <h2 id="new-proposal-title">New proposal</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          review();
        }}
        noValidate
      >
        <SelectField
          label="Action"
          value={kind}
          onChange={(k) => setKind(k as ActionKind)}
          options={actionKinds.map((k, i) => ({ value: k, label: actionKindLabel(i) }))}
          testId="proposal-kind"
        />
        <div className="grid">
          {fieldsOf[kind].map((name) => {
            const common = { label: labels[name], testId: `proposal-${name}`, ...form.field(name) };
            const options = assetFields.has(name) ? assetOptions : choiceOptions(name);
            if (options) return <SelectField key={name} {...common} options={options} />;
            if (dateFields.has(name))
              return (
                <Field
                  key={name}
                  {...common}
                  type="datetime-local"
                  hint="Your local time; the chain's clock decides."
                />
              );
            return <Field key={name} {...common} />;
          })}
        </div>
        {hashTarget ? (
          <div className="helper">
            <Field
              label="Text to hash (optional)"
              multiline
              value={hashText}
              onChange={setHashText}
              hint="Paste the document or reason; its keccak256 can fill the hash field."
              testId="proposal-hash-text"
            />
            <button
              type="button"
              className="secondary"
              disabled={!hashText}
              onClick={() => form.set(hashTarget, keccak256(toHex(hashText)))}
            >
              Use keccak256 of this text
            </button>
          </div>
        ) : null}
        <p className="preview" aria-live="polite" data-testid="proposal-preview">
          {preview ? <>Preview: {preview}</> : "Fill in the fields to see the proposal in plain words."}
        </p>
        {reviewing ? (
          <div className="stack" data-testid="proposal-review-step">
            <h3>Review before proposing</h3>
            <ProposalReview kind={actionKindIndex(kind)} args={built.args} testId="proposal-review" />
            <p className="hint">
              Once proposed, other trustees see it in their queue; it runs when{" "}
              {snapshot?.fund.threshold.toString()} of them approved and someone executes it.
            </p>
            <div className="row">
              <button
                type="button"
                disabled={busy.has(label) || !system}
                aria-label={label}
                data-testid="proposal-confirm"
                onClick={() => void confirm()}
              >
                Confirm and propose
              </button>
              <button
                type="button"
                className="secondary"
                data-testid="proposal-edit"
                onClick={() => setReviewed(null)}
              >
                Edit
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" disabled={busy.has(label) || !system} data-testid="proposal-submit">
            Review the proposal
          </button>
        )}
      </form>
    </section>
  );
}
