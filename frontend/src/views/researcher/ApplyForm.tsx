import { submitApplication } from "@fef/sdk/actions/grants";
import { findAsset } from "@fef/sdk/assets";
import { formatAmount, formatDate, formatShares } from "@fef/sdk/format";
import { roundPhase } from "@fef/sdk/status";
import { checkAmount, checkBytes32, checkInteger, checkText } from "@fef/sdk/validate";

import { Field, type FieldSpec, FormFields, SelectField } from "../../components/Field";
import { Form } from "../../components/Form";
import { TextHash } from "../../components/TextHash";
import { useAction } from "../../hooks/useAction";
import { useFund } from "../../hooks/useFund";
import { useForm } from "../../hooks/useForm";

const MAX_U128 = 2n ** 128n - 1n;
type Fields = "round" | "uri" | "contentHash" | "effort" | "stipend";
const initial = { round: "", uri: "", contentHash: "", effort: "12", stipend: "0" } as const satisfies Record<
  Fields,
  string
>;

const HASH_AND_EFFORT: readonly FieldSpec<Fields>[] = [
  { name: "contentHash", label: "Content hash (bytes32)", placeholder: "0x…", testId: "apply-hash" },
  {
    name: "effort",
    label: "Effort (research-months, 1–1,200)",
    inputMode: "numeric",
    testId: "apply-effort",
  },
];

/** Apply to a round that takes applications: proposal URI, content hash, effort, stipend. */
export function ApplyForm() {
  const { snapshot, system, now, assets } = useFund();
  const { send, busy } = useAction();
  const form = useForm<Fields>(initial);
  if (!snapshot || !system) return null;
  const open = snapshot.rounds.filter(
    (r) => roundPhase({ status: r.round.status, ...r.round.params }, now) === "applying",
  );
  const chosen = open.find((r) => r.id.toString() === form.values.round) ?? open[0];
  const stipendAsset = chosen ? findAsset(assets, chosen.round.params.stipendAsset) : undefined;
  const label = "Submit application";

  async function submit() {
    if (!chosen) return;
    const uri = checkText(form.values.uri, "Proposal URI", 500);
    const hash = checkBytes32(form.values.contentHash, "Content hash");
    const effort = checkInteger(form.values.effort, { label: "Effort", min: 1n, max: 1200n });
    const stipend =
      chosen.round.params.stipendBudget > 0n && stipendAsset
        ? checkAmount(form.values.stipend || "0", stipendAsset.decimals, {
            label: "Stipend",
            allowZero: true,
            max: MAX_U128,
          })
        : ({ ok: true, value: 0n } as const);
    const errors: Partial<Record<Fields, string>> = {};
    if (!uri.ok) errors.uri = uri.error;
    if (!hash.ok) errors.contentHash = hash.error;
    if (!effort.ok) errors.effort = effort.error;
    if (!stipend.ok) errors.stipend = stipend.error;
    if (!uri.ok || !hash.ok || !effort.ok || !stipend.ok) {
      form.setErrors(errors);
      return;
    }
    await send(
      label,
      ({ fund }) =>
        submitApplication(fund, {
          roundId: chosen.id,
          uri: uri.value,
          contentHash: hash.value,
          effortMonths: Number(effort.value),
          stipendRequested: stipend.value,
          deposit: chosen.round.params.applicationDeposit,
        }),
      { onConfirmed: form.reset, ...(stipendAsset ? { asset: stipendAsset } : {}) },
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
          <Field
            label="Proposal URI"
            {...form.field("uri")}
            placeholder="ipfs://… or https://…"
            testId="apply-uri"
          />
          <TextHash
            label="Text of the proposal (optional, to compute its hash)"
            button="Compute keccak256 of the text"
            onHash={(hash) => form.set("contentHash", hash)}
            testId="apply-text"
            buttonTestId="apply-hash-text"
          />
          <FormFields form={form} fields={HASH_AND_EFFORT} />
          {chosen && chosen.round.params.stipendBudget > 0n ? (
            <Field
              label={`Stipend requested (${stipendAsset?.symbol ?? "asset"})`}
              {...form.field("stipend")}
              inputMode="decimal"
              hint={`The round's stipend budget is ${formatAmount(chosen.round.params.stipendBudget, stipendAsset)} in total.`}
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
