import { useId } from "react";

import { formatDate } from "@fef/sdk/format";

import { Legend } from "./Legend";

export type Point = { readonly t: number; readonly v: number };
export type Series = { readonly name: string; readonly points: readonly Point[] };

const W = 640;
const H = 240;
const M = { top: 16, right: 16, bottom: 36, left: 64 };
const COLORS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#334155"];

function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(v);
  return ticks;
}

function compact(v: number): string {
  return v.toLocaleString("en-GB", { notation: "compact", maximumFractionDigits: 2 });
}

/** Cumulative step lines over time, in plain SVG, with a title and description for screen readers. */
export function LineChart({
  title,
  description,
  series,
}: {
  readonly title: string;
  readonly description: string;
  readonly series: readonly Series[];
}) {
  const id = useId();
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return <p className="muted">{description}</p>;
  const tMin = Math.min(...all.map((p) => p.t));
  const tMaxRaw = Math.max(...all.map((p) => p.t));
  const tMax = tMaxRaw === tMin ? tMin + 3_600 : tMaxRaw;
  const yTicks = niceTicks(Math.max(...all.map((p) => p.v)));
  const yMax = yTicks[yTicks.length - 1] || 1;
  const x = (t: number) => M.left + ((t - tMin) / (tMax - tMin)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const xTicks = [0, 1, 2, 3].map((i) => tMin + ((tMax - tMin) * i) / 3);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="gridline" />
            <text x={M.left - 8} y={y(v)} className="tick" textAnchor="end" dominantBaseline="middle">
              {compact(v)}
            </text>
          </g>
        ))}
        {xTicks.map((t, i) => (
          <text
            key={t}
            x={x(t)}
            y={H - M.bottom + 18}
            className="tick"
            textAnchor={i === 0 ? "start" : i === xTicks.length - 1 ? "end" : "middle"}
          >
            {formatDate(Math.round(t)).replace(/, \d\d:\d\d$/, "")}
          </text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis" />
        {series.map((s, i) => {
          const pts = [...s.points].sort((a, b) => a.t - b.t);
          let d = "";
          let prev = 0;
          for (const p of pts) {
            d += d
              ? ` H${x(p.t).toFixed(1)} V${y(p.v).toFixed(1)}`
              : `M${x(p.t).toFixed(1)},${y(prev).toFixed(1)} V${y(p.v).toFixed(1)}`;
            prev = p.v;
          }
          d += ` H${x(tMax).toFixed(1)}`;
          return <path key={s.name} d={d} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={2.5} />;
        })}
      </svg>
      <Legend
        items={series.map((s, i) => ({ key: s.name, color: COLORS[i % COLORS.length], label: s.name }))}
      />
    </figure>
  );
}
