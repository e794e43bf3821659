import { formatUnits } from "viem";

import type { EstimateInput } from "@fef/sdk/actions/grants";
import { checkAmount, checkInteger, checkPercentBps } from "@fef/sdk/validate";

import type { ApplicationRow } from "../../hooks/useFund";

/** One application's entry in a trustee's batch: the values as typed, and whether it is selected. */
export type EstimateDraft = {
  readonly probability: string;
  readonly effort: string;
  readonly stipend: string;
  readonly selected: boolean;
};

/** A fresh entry: effort and stipend start at the declared values (the most they can count for). */
export function initialDraft(app: ApplicationRow, decimals: number): EstimateDraft {
  return {
    probability: "",
    effort: String(app.application.effortMonths),
    stipend: formatUnits(app.application.stipendRequested, decimals),
    selected: false,
  };
}

export type CheckedBatch =
  | { readonly ok: true; readonly estimates: readonly Omit<EstimateInput, "salt">[] }
  | { readonly ok: false; readonly errors: ReadonlyMap<bigint, string> };

/** The selected entries as estimates, or the first error of each entry that does not check. */
export function checkBatch(
  entries: readonly { readonly applicationId: bigint; readonly draft: EstimateDraft }[],
  decimals: number,
): CheckedBatch {
  const errors = new Map<bigint, string>();
  const estimates: Omit<EstimateInput, "salt">[] = [];
  for (const { applicationId, draft } of entries) {
    if (!draft.selected) continue;
    const p = checkPercentBps(draft.probability, "Probability");
    const e = checkInteger(draft.effort, { label: "Effort", min: 0n, max: 1200n });
    const s = checkAmount(draft.stipend || "0", decimals, { label: "Stipend", allowZero: true });
    if (!p.ok) errors.set(applicationId, p.error);
    else if (!e.ok) errors.set(applicationId, e.error);
    else if (!s.ok) errors.set(applicationId, s.error);
    else
      estimates.push({
        applicationId,
        probabilityBps: p.value,
        effortMonths: Number(e.value),
        stipend: s.value,
      });
  }
  return errors.size > 0 ? { ok: false, errors } : { ok: true, estimates };
}
