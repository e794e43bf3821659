import { useId, type ReactNode } from "react";

type Described = {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
};

type Common = Described & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId?: string;
  readonly placeholder?: string;
  readonly disabled?: boolean;
};

type InputProps = Common & {
  readonly type?: "text" | "datetime-local" | "number";
  readonly inputMode?: "decimal" | "numeric" | "text";
  readonly multiline?: false;
};

type TextAreaProps = Common & { readonly multiline: true; readonly rows?: number };

/** A new control id and the aria attributes that tie the control to its hint and error. */
function useControl({ hint, error }: Described) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
}

/** The label above a control, then its hint and, when invalid, the message right under it. */
function FieldFrame(props: Described & { readonly id: string; readonly children: ReactNode }) {
  return (
    <div className={`field${props.error ? " invalid" : ""}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and, when invalid, the message right under it. */
export function Field(props: InputProps | TextAreaProps) {
  const control = useControl(props);
  const shared = {
    ...control,
    value: props.value,
    placeholder: props.placeholder,
    disabled: props.disabled,
    "data-testid": props.testId,
  } as const;
  return (
    <FieldFrame id={control.id} label={props.label} hint={props.hint} error={props.error}>
      {props.multiline ? (
        <textarea {...shared} rows={props.rows ?? 3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...shared}
          type={props.type ?? "text"}
          inputMode={props.inputMode}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** One field of a `useForm` form, as `FormFields` draws it. */
export type FieldSpec<K extends string> = {
  readonly name: K;
  readonly label: string;
  readonly testId: string;
  readonly placeholder?: string;
  readonly hint?: string;
  readonly type?: InputProps["type"];
  readonly inputMode?: InputProps["inputMode"];
};

/** Labelled inputs bound to a form's fields (`useForm`), in the order given. */
export function FormFields<K extends string>(props: {
  readonly form: { readonly field: (name: K) => Pick<InputProps, "value" | "onChange" | "error"> };
  readonly fields: readonly FieldSpec<K>[];
}) {
  return props.fields.map(({ name, ...spec }) => <Field key={name} {...spec} {...props.form.field(name)} />);
}

type SelectProps = Described & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly testId?: string;
};

export function SelectField(props: SelectProps) {
  const control = useControl(props);
  return (
    <FieldFrame id={control.id} label={props.label} hint={props.hint} error={props.error}>
      <select
        {...control}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField(props: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId?: string;
}) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        data-testid={props.testId}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
