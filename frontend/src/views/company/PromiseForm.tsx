import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useConfig } from "wagmi";
import { signTypedData } from "wagmi/actions";

import { invalidateNonce, submitCommitment } from "@fef/sdk/actions/returns";
import { formatDate, shortHash } from "@fef/sdk/format";
import {
  nextPromiseNonce,
  promiseTypedData,
  summarizePromise,
  type PromiseTerms,
  type SignedPromise,
} from "@fef/sdk/promise";
import { checkBytes32, checkDateTime, checkDays, checkInteger, checkText } from "@fef/sdk/validate";
import type { Checked } from "@fef/sdk/validate";

import { CheckboxField, type FieldSpec, FormFields, SelectField } from "../../components/Field";
import { AddressLabel } from "../../components/AddressLabel";
import { Form } from "../../components/Form";
import { DocumentHash } from "../../components/DocumentHash";
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
const MODEL_FIELDS: readonly FieldSpec<Fields>[] = [
  { name: "modelName", label: "Model name", testId: "pfr-model-name" },
  { name: "modelHash", label: "Model hash (bytes32)", placeholder: "0x…", testId: "pfr-model-hash" },
];

const NONCE_FIELD: readonly FieldSpec<Fields>[] = [
  {
    name: "nonce",
    label: "Nonce (leave empty to use the next unused one)",
    inputMode: "numeric",
    testId: "pfr-nonce",
  },
];

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
  { name: "deadline", label: "Signature valid until", type: "datetime-local", testId: "pfr-deadline" },
];

/**
 * Picks techniques and terms, shows the Promise in words (the SDK's summary) before the wallet opens,
 * signs it as EIP-712 typed data, then submits it. The nonce is the company's next unused one, picked
 * by the SDK (it can be set by hand under "Nonce").
 */
export function PromiseForm({ companies }: { readonly companies: readonly CompanyRow[] }) {
  const config = useConfig();
  const { snapshot, system, account, now, chainId, client } = useFund();
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
    nonce: "",
    deadline: toLocalInput(now + 7n * 86_400n),
  }));
  const form = useForm<Fields>(initial);
  const [techniques, setTechniques] = useState<ReadonlySet<string>>(new Set());
  const [techniqueError, setTechniqueError] = useState<string | undefined>();
  const [signed, setSigned] = useState<SignedPromise | null>(null);
  const [signing, setSigning] = useState(false);
  // The terms in review: shown in words, signed only on confirmation.
  const [draft, setDraft] = useState<PromiseTerms | null>(null);
  const signable = companies.filter((c) => c.viewerIsSigner);
  const company = signable.find((c) => c.id.toString() === form.values.company) ?? signable[0];
  const registry = system?.returnsRegistry;
  const nextNonce = useQuery({
    queryKey: ["next-promise-nonce", chainId, registry, company?.id.toString()],
    enabled: Boolean(client && registry && company),
    queryFn: () => {
      if (!client || !registry || !company) throw new Error("No company");
      return nextPromiseNonce(client, registry, company.id);
    },
  });
  if (!snapshot || !system || !account) return null;
  if (signable.length === 0) return null;
  const available = snapshot.techniques.filter((t) => !t.technique.retired);

  function terms(autoNonce: bigint | undefined): PromiseTerms | null {
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
    const nonce = v.nonce.trim()
      ? take("nonce", checkInteger(v.nonce, { label: "Nonce", min: 0n }))
      : take(
          "nonce",
          autoNonce !== undefined
            ? { ok: true, value: autoNonce }
            : { ok: false, error: "The next unused nonce could not be read; type one." },
        );
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

  async function review() {
    setSigned(null);
    const auto = form.values.nonce.trim() ? undefined : (nextNonce.data ?? (await nextNonce.refetch()).data);
    setDraft(terms(auto));
  }

  async function sign() {
    const t = draft;
    if (!t || !system || !account) return;
    setSigning(true);
    try {
      const signature = await signTypedData(config, promiseTypedData(chainId, system.returnsRegistry, t));
      setSigned({ terms: t, signer: account, signature });
      setDraft(null);
    } catch (error) {
      report("Sign Promise of Future Returns", error);
    } finally {
      setSigning(false);
    }
  }

  // Revoking: a signed Promise may have left this browser (shared for someone to submit). Invalidating
  // its nonce makes that signature worthless; re-sign under a new nonce.
  const nonceText = form.values.nonce.trim();
  const nonceToRevoke = signed
    ? signed.terms.nonce
    : draft
      ? draft.nonce
      : /^\d+$/.test(nonceText)
        ? BigInt(nonceText)
        : nextNonce.data;
  const revokeLabel =
    nonceToRevoke === undefined ? "Invalidate nonce" : `Invalidate nonce ${nonceToRevoke.toString()}`;
  async function revoke() {
    const companyId = signed ? signed.terms.companyId : company?.id;
    if (nonceToRevoke === undefined || companyId === undefined) return;
    await send(revokeLabel, ({ fund }) => invalidateNonce(fund, companyId, nonceToRevoke), {
      onConfirmed: () => {
        setSigned(null);
        setDraft(null);
        form.set("nonce", "");
        void nextNonce.refetch();
      },
    });
  }

  const submitLabel = "Submit signed promise";
  async function submit() {
    if (!signed) return;
    await send(submitLabel, ({ fund }) => submitCommitment(fund, signed), {
      onConfirmed: () => {
        setSigned(null);
        setDraft(null);
        form.set("nonce", "");
        void nextNonce.refetch();
      },
    });
  }

  return (
    <section className="card" aria-labelledby="pfr-title">
      <h2 id="pfr-title">Sign a Promise of Future Returns</h2>
      <Form onSubmit={review}>
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
          <FormFields form={form} fields={MODEL_FIELDS} />
          <DocumentHash
            label="Model hash from the model card or weights digest (text or file)"
            onHash={(hash) => form.set("modelHash", hash)}
            testId="pfr-model-doc"
          />
          <FormFields form={form} fields={TERM_FIELDS} />
        </div>
        <details>
          <summary>
            Nonce:{" "}
            <span data-testid="pfr-next-nonce">
              {form.values.nonce.trim()
                ? form.values.nonce.trim()
                : nextNonce.data !== undefined
                  ? `${nextNonce.data.toString()} (the company's next unused one, picked for you)`
                  : "picked for you when you review"}
            </span>
          </summary>
          <FormFields form={form} fields={NONCE_FIELD} />
        </details>
        <div className="row">
          <button type="submit" disabled={signing} data-testid="pfr-sign">
            Review before signing
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
      {draft && !signed ? (
        <div className="signed" data-testid="pfr-summary" data-nonce={draft.nonce.toString()}>
          <h3>What you are about to sign</h3>
          <p>{summarizePromise(draft)}</p>
          <p className="hint">
            Signing sends nothing and costs nothing: anyone holding the signature may submit it until{" "}
            {formatDate(draft.deadline)}; invalidate its nonce to withdraw it.
          </p>
          <div className="row">
            <button
              type="button"
              disabled={signing}
              onClick={() => void sign()}
              data-testid="pfr-sign-confirm"
            >
              Sign with wallet
            </button>
            <button type="button" className="secondary" onClick={() => setDraft(null)}>
              Edit
            </button>
          </div>
        </div>
      ) : null}
      {signed ? (
        <div className="signed" data-testid="pfr-signed">
          <h3>Signed terms</h3>
          <p>
            {summarizePromise(signed.terms)} Signature {shortHash(signed.signature)} by{" "}
            <AddressLabel address={signed.signer} />.
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
