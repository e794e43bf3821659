import { returnsRegistryAbi } from "@fef/sdk/generated/abis";
import { checkAddress } from "@fef/sdk/validate";

import { Field } from "../../components/Field";
import { useFund, type CompanyRow } from "../../hooks/useFund";
import { useForm } from "../../hooks/useForm";
import { useSend } from "../../hooks/useSend";

/** Company admin: authorise or remove an extra signer. */
export function SignerManager({ company }: { readonly company: CompanyRow }) {
  const { system, chainId } = useFund();
  const { send, busy } = useSend();
  const form = useForm<"signer">({ signer: "" });
  if (!system) return null;

  async function set(authorised: boolean) {
    if (!system) return;
    const signer = checkAddress(form.values.signer, "Signer");
    if (!signer.ok) {
      form.setErrors({ signer: signer.error });
      return;
    }
    const label = `${authorised ? "Authorise" : "Remove"} signer for company #${company.id}`;
    await send(label, {
      address: system.returnsRegistry,
      abi: returnsRegistryAbi,
      functionName: "setCompanySigner",
      args: [company.id, signer.value, authorised],
      chainId,
    });
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
