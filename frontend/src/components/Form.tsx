import type { ReactNode } from "react";

/**
 * A form that stays on the page: submitting it (its submit button or Enter) runs `onSubmit`. The
 * browser's own validation is off; each form checks its fields with `@fef/sdk/validate`.
 */
export function Form({
  onSubmit,
  children,
}: {
  readonly onSubmit: () => unknown;
  readonly children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      {children}
    </form>
  );
}
