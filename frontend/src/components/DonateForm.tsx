import { keccak256, toHex, zeroAddress, zeroHash, type Address } from "viem";

import { donate } from "@fef/sdk/actions/returns";
import { findAsset } from "@fef/sdk/assets";
import { checkAmount, checkText } from "@fef/sdk/validate";

import { useAction } from "../hooks/useAction";
import { useFund } from "../hooks/useFund";
import { useForm } from "../hooks/useForm";
import { FormFields, SelectField } from "./Field";
import { Form } from "./Form";

type Fields = "asset" | "amount" | "memo";
const initial = { asset: zeroAddress, amount: "", memo: "" } as const satisfies Record<Fields, string>;

/** A donation: returns paid in without a Promise, pooled for every holder (approve first for an ERC-20). */
export function DonateForm() {
  const { assets } = useFund();
  const { send, busy } = useAction();
  const form = useForm<Fields>(initial);
  const asset = findAsset(assets, form.values.asset as Address);
  const label = "Donate to the Fund";

  async function submit() {
    const amount = asset ? checkAmount(form.values.amount, asset.decimals, { label: "Amount" }) : null;
    const memo = form.values.memo.trim() ? checkText(form.values.memo, "Memo", 500) : null;
    if (!asset || !amount?.ok || (memo && !memo.ok)) {
      form.setErrors({
        ...(!asset ? { asset: "Choose a returns asset." } : {}),
        ...(amount && !amount.ok ? { amount: amount.error } : {}),
        ...(memo && !memo.ok ? { memo: memo.error } : {}),
      });
      return;
    }
    await send(
      label,
      ({ client, fund, account }) =>
        donate(client, fund, {
          donor: account,
          asset: asset.asset,
          amount: amount.value,
          // Only the memo's hash goes on chain.
          memo: memo?.ok ? keccak256(toHex(memo.value)) : zeroHash,
        }),
      { asset, onConfirmed: form.reset },
    );
  }

  return (
    <section className="card" aria-labelledby="donate-title">
      <h2 id="donate-title">Donate</h2>
      <p className="hint">A donation is pooled for every holder, pro rata, like returns paid by companies.</p>
      <Form onSubmit={submit}>
        <div className="grid">
          <SelectField
            label="Asset"
            {...form.field("asset")}
            options={assets.map((a) => ({ value: a.asset, label: a.symbol }))}
            testId="donate-asset"
          />
          <FormFields
            form={form}
            fields={[
              {
                name: "amount",
                label: `Amount${asset ? ` (${asset.symbol})` : ""}`,
                inputMode: "decimal",
                testId: "donate-amount",
              },
              { name: "memo", label: "Memo (optional; its keccak256 is recorded)", testId: "donate-memo" },
            ]}
          />
        </div>
        <button type="submit" disabled={busy.has(label)} data-testid="donate-submit">
          Donate
        </button>
      </Form>
    </section>
  );
}
