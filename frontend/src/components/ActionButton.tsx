import type { ReactNode } from "react";

import { useAction, type ActionOptions, type BuildSteps } from "../hooks/useAction";

/**
 * A button that sends one SDK action through `useAction` (the transaction panel names it `label`);
 * it is disabled while that action is on its way, or when `disabled`.
 */
export function ActionButton(props: {
  readonly label: string;
  readonly build: BuildSteps;
  readonly options?: ActionOptions | undefined;
  readonly disabled?: boolean;
  /** What a screen reader hears after the visible text (default: `label`). */
  readonly ariaLabel?: string;
  readonly testId: string;
  readonly children: ReactNode;
}) {
  const { send, busy } = useAction();
  return (
    <button
      type="button"
      disabled={props.disabled === true || busy.has(props.label)}
      data-testid={props.testId}
      onClick={() => void send(props.label, props.build, props.options)}
    >
      {props.children}
      {/* The accessible name starts with the visible text (WCAG 2.5.3), then says what exactly. */}
      <span className="visually-hidden">: {props.ariaLabel ?? props.label}</span>
    </button>
  );
}
