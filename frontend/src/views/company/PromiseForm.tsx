import { useState } from "react";
import { useConfig } from "wagmi";
import { signTypedData } from "wagmi/actions";

import { invalidateNonce, submitCommitment } from "@fef/sdk/actions/returns";
import { formatBps, formatDate, formatDuration, shortHash } from "@fef/sdk/format";
import { promiseTypedData, type PromiseTerms, type SignedPromise } from "@fef/sdk/promise";
import { checkBytes32, checkDateTime, checkDays, checkInteger, checkText } from "@fef/sdk/validate";
import type { Checked } from "@fef/sdk/validate";

import { CheckboxField, Field, type FieldSpec, FormFields, SelectField } from "../../components/Field";
import { Form } from "../../components/Form";
import { TextHash } from "../../components/TextHash";
import { useAction } from "../../hooks/useAction";
import { useFund, type CompanyRow } from "../../hooks/useFund";
import { toLocalInput, useForm } from "../../hooks/useForm";
import { useTx } from "../../hooks/useTx";

type Fields =
  | "company"
  | "modelName"
  | "modelHash"
  | "share"
  | "start"
  | "end"
  | "periodDays"
  | "graceDays"
  | "nonce"
  | "deadline";

/** The terms after the model: share, dates and periods, and the signature's nonce and deadline. */
const TERM_FIELDS: readonly FieldSpec<Fields>[] = [
  { name: "share", label: "Share of returns to the Fund (%)", inputMode: "decimal", testId: "pfr-share" },
  { name: "start", label: "First period starts", type: "datetime-local", testId: "pfr-start" },
  { name: "end", label: "Commitment ends", type: "datetime-local", testId: "pfr-end" },
  { name: "periodDays", label: "Period length (days)", inputMode: "decimal", testId: "pfr-period" },
  {
    name: "graceDays",
    label: "Grace period to report and pay (days)",
    inputMode: "decimal",
    testId: "pfr-grace",
  },
  { name: "nonce", label: "Nonce (any unused number)", inputMode: "numeric", testId: "pfr-nonce" },
  { name: "deadline", label: "Signature valid until", type: "datetime-local", testId: "pfr-deadline" },
];

function randomNonce(): string {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return ((BigInt(bytes[0] ?? 0) << 32n) | BigInt(bytes[1] ?? 0)).toString();
}

/** Picks techniques and terms, signs the Promise of Future Returns as EIP-712 typed data, then submits it. */
export function PromiseForm({ companies }: { readonly companies: readonly CompanyRow[] }) {
  const config = useConfig();
  const { snapshot, system, account, now, chainId } = useFund();
  const { send, busy } = useAction();
  const { report } = useTx();
  const [initial] = useState((): Record<Fields, string> => ({
    company: "",
    modelName: "",
    modelHash: "",
    share: "5",
    start: toLocalInput(now),
    end: toLocalInput(now + 365n * 86_400n),
    periodDays: "30",
    graceDays: "14",
    nonce: randomNonce(),
    deadline: toLocalInput(now + 7n * 86_400n),
  }));
  const form = useForm<Fields>(initial);
  const [techniques, setTechniques] = useState<ReadonlySet<string>>(new Set());
  const [techniqueError, setTechniqueError] = useState<string | undefined>();
  const [signed, setSigned] = useState<SignedPromise | null>(null);
  const [signing, setSigning] = useState(false);
  if (!snapshot || !system || !account) return null;
  const signable = companies.filter((c) => c.viewerIsSigner);
  if (signable.length === 0) return null;
  const company = signable.find((c) => c.id.toString() === form.values.company) ?? signable[0];
  const available = snapshot.techniques.filter((t) => !t.technique.retired);

  function terms(): PromiseTerms | null {
    const v = form.values;
    const checks: Partial<Record<Fields, Checked<unknown>>> = {};
    const take = <T,>(name: Fields, c: Checked<T>): T | undefined => {
      checks[name] = c;
      return c.ok ? c.value : undefined;
    };
    const modelName = take("modelName", checkText(v.modelName, "Model name", 200));
    const modelHash = take("modelHash", checkBytes32(v.modelHash, "Model hash"));
    const shareText = v.share.trim();
    const shareBps = /^\d+(\.\d{1,2})?$/.test(shareText) ? Math.round(Number(shareText) * 100) : NaN;
    checks.share =
      shareBps >= 1 && shareBps <= 10_000
        ? { ok: true, value: shareBps }
        : { ok: false, error: "Share must be a percentage between 0.01 and 100, with at most two decimals." };
    const start = take("start", checkDateTime(v.start, "Start"));
    const end = take(
      "end",
      start !== undefined
        ? checkDateTime(v.end, "End", { seconds: start, what: "the start" })
        : checkDateTime(v.end, "End"),
    );
    const period = take("periodDays", checkDays(v.periodDays, "Period length"));
    const grace = take("graceDays", checkDays(v.graceDays, "Grace period", { allowZero: true }));
    if (start !== undefined && end !== undefined && period !== undefined && period > end - start) {
      checks.periodDays = { ok: false, error: "At least one whole period must fit between start and end." };
    }
    const nonce = take("nonce", checkInteger(v.nonce, { label: "Nonce", min: 0n }));
    const deadline = take(
      "deadline",
      checkDateTime(v.deadline, "Signature deadline", { seconds: now, what: "now (chain time)" }),
    );
    const errors: Partial<Record<Fields, string>> = {};
    for (const [name, c] of Object.entries(checks) as [Fields, Checked<unknown>][])
      if (!c.ok) errors[name] = c.error;
    const ids = available.filter((t) => techniques.has(t.id.toString())).map((t) => t.id);
    setTechniqueError(ids.length === 0 ? "Pick at least one technique the model uses." : undefined);
    if (Object.keys(errors).length > 0 || ids.length === 0 || !company) {
      form.setErrors(errors);
      return null;
    }
    if (
      modelName === undefined ||
      modelHash === undefined ||
      start === undefined ||
      end === undefined ||
      period === undefined ||
      grace === undefined ||
      nonce === undefined ||
      deadline === undefined
    )
      return null;
    return {
      companyId: company.id,
      techniqueIds: ids,
      modelName,
      modelHash,
      returnsShareBps: shareBps,
      start,
      end,
      periodLength: period,
      gracePeriod: grace,
      nonce,
      deadline,
    };
  }

  async function sign() {
    const t = terms();
    if (!t || !system || !account) return;
    setSigning(true);
    try {
      const signature = await signTypedData(config, promiseTypedData(chainId, system.returnsRegistry, t));
      setSigned({ terms: t, signer: account, signature });
    } catch (error) {
      report("Sign Promise of Future Returns", error);
    } finally {
      setSigning(false);
    }
  }

  // Revoking: a signed Promise may have left this browser (shared for someone to submit). Invalidating
  // its nonce makes that signature worthless; re-sign under a new nonce.
  const nonceText = form.values.nonce.trim();
  const nonceToRevoke = signed ? signed.terms.nonce : /^\d+$/.test(nonceText) ? BigInt(nonceText) : undefined;
  const revokeLabel =
    nonceToRevoke === undefined ? "Invalidate nonce" : `Invalidate nonce ${nonceToRevoke.toString()}`;
  async function revoke() {
    const companyId = signed ? signed.terms.companyId : company?.id;
    if (nonceToRevoke === undefined || companyId === undefined) return;
    await send(revokeLabel, ({ fund }) => invalidateNonce(fund, companyId, nonceToRevoke), {
      onConfirmed: () => {
        setSigned(null);
        form.set("nonce", randomNonce());
      },
    });
  }

  const submitLabel = "Submit signed promise";
  async function submit() {
    if (!signed) return;
    await send(submitLabel, ({ fund }) => submitCommitment(fund, signed), {
      onConfirmed: () => {
        setSigned(null);
        form.set("nonce", randomNonce());
      },
    });
  }

  return (
    <section className="card" aria-labelledby="pfr-title">
      <h2 id="pfr-title">Sign a Promise of Future Returns</h2>
      <Form onSubmit={sign}>
        <SelectField
          label="Company"
          {...form.field("company")}
          value={company ? company.id.toString() : ""}
          options={signable.map((c) => ({ value: c.id.toString(), label: `#${c.id} ${c.company.name}` }))}
          testId="pfr-company"
        />
        <fieldset aria-describedby={techniqueError ? "pfr-tech-error" : undefined}>
          <legend>Techniques the model uses</legend>
          {available.length === 0 ? <p className="muted">No technique is registered yet.</p> : null}
          {available.map((t) => (
            <CheckboxField
              key={t.id.toString()}
              label={`#${t.id} ${t.technique.title}`}
              checked={techniques.has(t.id.toString())}
              onChange={(on) => {
                const next = new Set(techniques);
                if (on) next.add(t.id.toString());
                else next.delete(t.id.toString());
                setTechniques(next);
                setTechniqueError(undefined);
              }}
              testId={`pfr-technique-${t.id}`}
            />
          ))}
          {techniqueError ? (
            <p className="field-error" id="pfr-tech-error">
              {techniqueError}
            </p>
          ) : null}
        </fieldset>
        <div className="grid">
          <Field label="Model name" {...form.field("modelName")} testId="pfr-model-name" />
          <Field
            label="Model hash (bytes32)"
            {...form.field("modelHash")}
            placeholder="0x…"
            testId="pfr-model-hash"
          />
          <TextHash
            label="Model card or weights digest text (optional)"
            button="Use keccak256 of the text as model hash"
            onHash={(hash) => form.set("modelHash", hash)}
          />
          <FormFields form={form} fields={TERM_FIELDS} />
        </div>
        <div className="row">
          <button type="submit" disabled={signing} data-testid="pfr-sign">
            Sign with wallet
          </button>
          <button
            type="button"
            className="secondary"
            disabled={nonceToRevoke === undefined || busy.has(revokeLabel)}
            onClick={() => void revoke()}
            title="No Promise signed with this nonce can be submitted afterwards"
            data-testid="pfr-invalidate-nonce"
          >
            {revokeLabel}
          </button>
        </div>
      </Form>
      {signed ? (
        <div className="signed" data-testid="pfr-signed">
          <h3>Signed terms</h3>
          <p>
            Company #{signed.terms.companyId.toString()} promises {formatBps(signed.terms.returnsShareBps)} of
            the returns of “{signed.terms.modelName}” (techniques{" "}
            {signed.terms.techniqueIds.map((i) => `#${i}`).join(", ")}), every{" "}
            {formatDuration(signed.terms.periodLength)} from {formatDate(signed.terms.start)} to{" "}
            {formatDate(signed.terms.end)}, with {formatDuration(signed.terms.gracePeriod)} of grace.
            Signature {shortHash(signed.signature)} by {signed.signer}, valid until{" "}
            {formatDate(signed.terms.deadline)}.
          </p>
          <button
            type="button"
            onClick={() => void submit()}
            disabled={busy.has(submitLabel)}
            data-testid="pfr-submit"
          >
            Submit signed promise
          </button>
        </div>
      ) : null}
    </section>
  );
}
