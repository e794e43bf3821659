import { registerCompany } from "@fef/sdk/actions/returns";
import { checkAddress, checkText } from "@fef/sdk/validate";

import { FormFields, type FieldSpec } from "../../components/Field";
import { Form } from "../../components/Form";
import { useAction } from "../../hooks/useAction";
import { useFund } from "../../hooks/useFund";
import { useForm } from "../../hooks/useForm";

type Fields = "name" | "uri" | "admin";

const FIELDS: readonly FieldSpec<Fields>[] = [
  { name: "name", label: "Company name", testId: "company-name" },
  { name: "uri", label: "Company URI", placeholder: "https://…", testId: "company-uri" },
  {
    name: "admin",
    label: "Admin address",
    hint: "Defaults to the connected account.",
    testId: "company-admin",
  },
];

/** Registers a company; the admin manages signers and may sign and report. */
export function RegisterCompany() {
  const { system, account } = useFund();
  const { send, busy } = useAction();
  const form = useForm<Fields>({ name: "", uri: "", admin: account ?? "" });
  const label = "Register company";
  if (!system) return null;

  async function submit() {
    const name = checkText(form.values.name, "Name", 200);
    const uri = checkText(form.values.uri, "URI", 500);
    const admin = checkAddress(form.values.admin || account || "", "Admin");
    if (!name.ok || !uri.ok || !admin.ok) {
      form.setErrors({
        ...(name.ok ? {} : { name: name.error }),
        ...(uri.ok ? {} : { uri: uri.error }),
        ...(admin.ok ? {} : { admin: admin.error }),
      });
      return;
    }
    await send(
      label,
      ({ fund }) => registerCompany(fund, { name: name.value, uri: uri.value, admin: admin.value }),
      { onConfirmed: form.reset },
    );
  }

  return (
    <section className="card" aria-labelledby="register-company-title">
      <h2 id="register-company-title">Register a company</h2>
      <Form onSubmit={submit}>
        <div className="grid">
          <FormFields form={form} fields={FIELDS} />
        </div>
        <button type="submit" disabled={busy.has(label)} data-testid="company-register">
          Register company
        </button>
      </Form>
    </section>
  );
}
