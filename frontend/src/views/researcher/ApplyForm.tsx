import { useState } from "react";
import type { Hex } from "viem";

import { MAX_TITLE_LENGTH, submitApplication } from "@fef/sdk/actions/grants";
import { findAsset } from "@fef/sdk/assets";
import { contentHashOf } from "@fef/sdk/contentHash";
import { formatAmount, formatDate, formatShares, shortHash } from "@fef/sdk/format";
import { roundPhase } from "@fef/sdk/status";
import { checkUri } from "@fef/sdk/uri";
import { checkAmount, checkInteger } from "@fef/sdk/validate";

import { Field, FormFields, SelectField } from "../../components/Field";
import { Form } from "../../components/Form";
import { useAction } from "../../hooks/useAction";
import { useFund } from "../../hooks/useFund";
import { useForm } from "../../hooks/useForm";

type Fields = "round" | "title" | "uri" | "description" | "effort" | "stipend";
const initial = {
  round: "",
  title: "",
  uri: "",
  description: "",
  effort: "12",
  stipend: "0",
} as const satisfies Record<Fields, string>;

/** A proposal file chosen for hashing: its name and the keccak256 of its bytes. */
type HashedFile = { readonly name: string; readonly hash: Hex };

const titleBytes = (title: string) => new TextEncoder().encode(title).length;

/**
 * Apply to a round that takes applications: a short title (stored on-chain), the proposal's link
 * (https or ipfs, checked) and its content — a description typed here or a file — whose content hash
 * the dashboard computes, the declared effort and the stipend requested (at most the round's budget).
 */
export function ApplyForm() {
  const { snapshot, system, now, assets } = useFund();
  const { send, busy } = useAction();
  const form = useForm<Fields>(initial);
  const [file, setFile] = useState<HashedFile | undefined>(undefined);
  if (!snapshot || !system) return null;
  const open = snapshot.rounds.filter(
    (r) => roundPhase({ status: r.round.status, ...r.round.params }, now) === "applying",
  );
  const chosen = open.find((r) => r.id.toString() === form.values.round) ?? open[0];
  const stipendAsset = chosen ? findAsset(assets, chosen.round.params.stipendAsset) : undefined;
  const budget = chosen?.round.params.stipendBudget ?? 0n;
  const label = "Submit application";
  const contentHash: Hex | undefined =
    file?.hash ?? (form.values.description.trim() ? contentHashOf(form.values.description) : undefined);

  async function chooseFile(chosenFile: File | undefined) {
    if (!chosenFile) {
      setFile(undefined);
      return;
    }
    const bytes = new Uint8Array(await chosenFile.arrayBuffer());
    setFile({ name: chosenFile.name, hash: contentHashOf(bytes) });
  }

  async function submit() {
    if (!chosen) return;
    const errors: Partial<Record<Fields, string>> = {};
    const title = form.values.title.trim();
    const size = titleBytes(title);
    if (size === 0) errors.title = "Give the application a short title.";
    else if (size > MAX_TITLE_LENGTH)
      errors.title = `The title is ${size} bytes long; at most ${MAX_TITLE_LENGTH} fit on-chain.`;
    const uri = checkUri(form.values.uri, "Proposal link");
    if (!uri.ok) errors.uri = uri.error;
    if (!contentHash)
      errors.description = "Describe the proposal or choose its file: its content hash is recorded.";
    const effort = checkInteger(form.values.effort, { label: "Effort", min: 1n, max: 1200n });
    if (!effort.ok) errors.effort = effort.error;
    const stipend =
      budget > 0n && stipendAsset
        ? checkAmount(form.values.stipend || "0", stipendAsset.decimals, {
            label: "Stipend",
            allowZero: true,
          })
        : ({ ok: true, value: 0n } as const);
    if (!stipend.ok) errors.stipend = stipend.error;
    else if (stipend.value > budget)
      errors.stipend = `The stipend requested is more than the round's whole stipend budget (${formatAmount(budget, stipendAsset)}).`;
    if (Object.keys(errors).length > 0 || !uri.ok || !contentHash || !effort.ok || !stipend.ok) {
      form.setErrors(errors);
      return;
    }
    await send(
      label,
      ({ fund }) =>
        submitApplication(fund, {
          roundId: chosen.id,
          title,
          uri: uri.value,
          contentHash,
          effortMonths: Number(effort.value),
          stipendRequested: stipend.value,
          deposit: chosen.round.params.applicationDeposit,
        }),
      {
        onConfirmed: () => {
          form.reset();
          setFile(undefined);
        },
        ...(stipendAsset ? { asset: stipendAsset } : {}),
      },
    );
  }

  return (
    <section className="card" aria-labelledby="apply-title">
      <h2 id="apply-title">Apply to a round</h2>
      {open.length === 0 ? (
        <p className="muted">No round is taking applications right now.</p>
      ) : (
        <Form onSubmit={submit}>
          <SelectField
            label="Round"
            {...form.field("round")}
            value={chosen ? chosen.id.toString() : ""}
            options={open.map((r) => ({
              value: r.id.toString(),
              label: `#${r.id} — ${formatShares(r.round.params.sharePool)}, until ${formatDate(r.round.params.applicationDeadline)}`,
            }))}
            testId="apply-round"
          />
          <FormFields
            form={form}
            fields={[
              {
                name: "title",
                label: `Title (at most ${MAX_TITLE_LENGTH} bytes)`,
                placeholder: "Interpretability probes",
                hint: `${titleBytes(form.values.title.trim())} of ${MAX_TITLE_LENGTH} bytes: trustees estimate against this title.`,
                testId: "apply-title",
              },
              {
                name: "uri",
                label: "Proposal link",
                placeholder: "ipfs://… or https://…",
                testId: "apply-uri",
              },
            ]}
          />
          <Field
            label="Description of the proposal (its text is hashed)"
            {...form.field("description")}
            multiline
            rows={4}
            disabled={file !== undefined}
            testId="apply-description"
          />
          <div className="field">
            <label htmlFor="apply-file">Or the proposal's file (its bytes are hashed instead)</label>
            <input
              id="apply-file"
              type="file"
              data-testid="apply-file"
              onChange={(e) => void chooseFile(e.target.files?.[0])}
            />
          </div>
          <p className="hint" data-testid="apply-hash">
            {contentHash
              ? `Content hash (keccak256 of ${file ? `the file ${file.name}` : "the description"}): ${shortHash(contentHash)}`
              : "The content hash appears once the description or a file is given."}
          </p>
          <Field
            label="Effort (research-months, 1–1,200)"
            {...form.field("effort")}
            inputMode="numeric"
            testId="apply-effort"
          />
          {budget > 0n ? (
            <Field
              label={`Stipend requested (${stipendAsset?.symbol ?? "asset"})`}
              {...form.field("stipend")}
              inputMode="decimal"
              hint={`The round's stipend budget is ${formatAmount(budget, stipendAsset)} in total.`}
              testId="apply-stipend"
            />
          ) : (
            <p className="hint">This round pays no stipends.</p>
          )}
          <button type="submit" disabled={busy.has(label)} data-testid="apply-submit">
            Submit application
          </button>
        </Form>
      )}
    </section>
  );
}
