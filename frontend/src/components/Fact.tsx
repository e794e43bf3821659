import type { ReactNode } from "react";

/** One entry of a description list (`<dl>`): a term and its value. */
export function Fact({
  term,
  testId,
  children,
}: {
  readonly term: ReactNode;
  readonly testId?: string;
  readonly children: ReactNode;
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
