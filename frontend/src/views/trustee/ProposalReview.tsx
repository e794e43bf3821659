import type { Hex } from "viem";

import { reviewProposal } from "@fef/sdk/proposalReview";

import { useFund } from "../../hooks/useFund";
import { systemNames } from "./systemNames";
import "./queue.css";

/**
 * What a trustee checks before proposing or approving: the action decoded by the SDK, its effects in
 * words and its warnings (a threshold of 1, a council left below its threshold, a large amount …).
 */
export function ProposalReview({ kind, args, testId }: { kind: number | bigint; args: Hex; testId: string }) {
  const { snapshot, system, assets, now } = useFund();
  if (!snapshot) return null;
  const review = reviewProposal(kind, args, {
    assets,
    names: systemNames(system),
    trustees: snapshot.fund.trustees,
    threshold: snapshot.fund.threshold,
    totalSupply: snapshot.fund.totalSupply,
    now,
  });
  return (
    <div className="review" data-testid={testId}>
      <p className="review-summary">
        <strong>{review.label}.</strong> {review.summary}.
      </p>
      {review.warnings.length > 0 ? (
        <ul className="review-warnings" aria-label="Warnings" data-testid={`${testId}-warnings`}>
          {review.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      ) : null}
      {review.effects.length > 0 ? (
        <ul className="review-effects" aria-label="Effects" data-testid={`${testId}-effects`}>
          {review.effects.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {review.fields.length > 0 ? (
        <details>
          <summary>
            Decoded action ({review.fields.length} field{review.fields.length === 1 ? "" : "s"})
          </summary>
          <dl className="review-fields" data-testid={`${testId}-fields`}>
            {review.fields.map((f) => (
              <div key={f.name}>
                <dt>{f.name}</dt>
                <dd className="break">{f.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}
