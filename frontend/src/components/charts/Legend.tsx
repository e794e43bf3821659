import type { ReactNode } from "react";

/** A chart's caption: one colour swatch and label per series or slice. */
export function Legend({
  items,
}: {
  readonly items: readonly {
    readonly key: string;
    readonly color: string | undefined;
    readonly label: ReactNode;
  }[];
}) {
  return (
    <figcaption>
      <ul className="legend">
        {items.map((item) => (
          <li key={item.key}>
            <span className="swatch" style={{ background: item.color }} aria-hidden="true" /> {item.label}
          </li>
        ))}
      </ul>
    </figcaption>
  );
}
