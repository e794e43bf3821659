import { setCompanySigner } from "@fef/sdk/actions/returns";
import { checkAddress } from "@fef/sdk/validate";

import { Field } from "../../components/Field";
import { useAction } from "../../hooks/useAction";
import { useFund, type CompanyRow } from "../../hooks/useFund";
import { useForm } from "../../hooks/useForm";

/** Company admin: authorise or remove an extra signer. */
export function SignerManager({ company }: { readonly company: CompanyRow }) {
  const { system } = useFund();
  const { send, busy } = useAction();
  const form = useForm<"signer">({ signer: "" });
  if (!system) return null;

  async function set(authorised: boolean) {
    const signer = checkAddress(form.values.signer, "Signer");
    if (!signer.ok) {
      form.setErrors({ signer: signer.error });
      return;
    }
    const label = `${authorised ? "Authorise" : "Remove"} signer for company #${company.id}`;
    await send(label, ({ fund }) => setCompanySigner(fund, company.id, signer.value, authorised));
  }

  return (
    <form className="inline-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <Field
        label={`Signer for company #${company.id}`}
        {...form.field("signer")}
        placeholder="0x…"
        testId={`signer-${company.id}`}
      />
      <button type="button" disabled={busy.size > 0} onClick={() => void set(true)}>
        Authorise signer
      </button>
      <button type="button" className="secondary" disabled={busy.size > 0} onClick={() => void set(false)}>
        Remove signer
      </button>
    </form>
  );
}
