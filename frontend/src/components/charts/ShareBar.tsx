import { useId } from "react";

import { Legend } from "./Legend";

export type Slice = { readonly label: string; readonly value: number; readonly detail: string };

const COLORS = [
  "#1d4ed8",
  "#b45309",
  "#047857",
  "#7c3aed",
  "#be123c",
  "#0e7490",
  "#4d7c0f",
  "#a16207",
  "#475569",
  "#9ca3af",
];

/** A horizontal stacked bar of parts of a whole (cap table), in plain SVG with a legend. */
export function ShareBar({ title, slices }: { readonly title: string; readonly slices: readonly Slice[] }) {
  const id = useId();
  const total = slices.reduce((s, x) => s + x.value, 0);
  if (total <= 0) return null;
  let offset = 0;
  return (
    <figure className="chart">
      <svg
        viewBox="0 0 640 36"
        role="img"
        aria-labelledby={`${id}-t`}
        preserveAspectRatio="none"
        className="share-bar"
      >
        <title id={`${id}-t`}>{title}</title>
        {slices.map((s, i) => {
          const w = (s.value / total) * 640;
          const rect = (
            <rect key={s.label} x={offset} y={0} width={w} height={36} fill={COLORS[i % COLORS.length]} />
          );
          offset += w;
          return rect;
        })}
      </svg>
      <Legend
        items={slices.map((s, i) => ({
          key: s.label,
          color: COLORS[i % COLORS.length],
          label: (
            <>
              {s.label}: {((s.value / total) * 100).toFixed(2)}% <span className="muted">({s.detail})</span>
            </>
          ),
        }))}
      />
    </figure>
  );
}
