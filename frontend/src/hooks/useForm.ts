import { useCallback, useState } from "react";

/**
 * Text state and per-field errors of a form. Values survive failed transactions (nothing typed is
 * lost); `reset` is called only after a confirmed one.
 */
export function useForm<K extends string>(initial: Readonly<Record<K, string>>) {
  const [values, setValues] = useState<Record<K, string>>({ ...initial });
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});

  const set = useCallback((name: K, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) =>
      name in e
        ? (Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)) as Partial<Record<K, string>>)
        : e,
    );
  }, []);

  const field = (name: K) => ({
    value: values[name],
    onChange: (value: string) => set(name, value),
    error: errors[name],
  });

  const reset = useCallback(() => {
    setValues({ ...initial });
    setErrors({});
  }, [initial]);

  return { values, set, field, errors, setErrors, reset };
}

/** Unix seconds as the value of an <input type="datetime-local"> in local time. */
export function toLocalInput(seconds: bigint): string {
  const d = new Date(Number(seconds) * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
