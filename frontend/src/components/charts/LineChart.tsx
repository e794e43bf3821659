import { useId, useState } from "react";

import { formatDate } from "@fef/sdk/format";

import { useWidth } from "../../hooks/useWidth";
import { Legend } from "./Legend";

export type Point = { readonly t: number; readonly v: number };
export type Series = { readonly name: string; readonly points: readonly Point[] };

const DEFAULT_W = 640;
const MIN_W = 280;
const H = 240;
const M = { top: 16, right: 16, bottom: 36, left: 64 };
const COLORS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#334155"];

function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  // Up to the first tick at or above the maximum, so that no line runs above the chart.
  for (let v = 0; ; v += step) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

function compact(v: number): string {
  return v.toLocaleString("en-GB", { notation: "compact", maximumFractionDigits: 2 });
}

/** The time span a chart shows (unix seconds); charts side by side share one. */
export type TimeRange = { readonly from: number; readonly to: number };

const day = (t: number) => formatDate(Math.round(t)).replace(/, \d\d:\d\d$/, "");

/**
 * Cumulative step lines over time, in plain SVG drawn at the rendered width (labels stay 13 px on a
 * phone), with a title and description for screen readers and a tooltip per step (hover, focus or tap).
 */
export function LineChart({
  title,
  description,
  series,
  range,
  format = compact,
}: {
  readonly title: string;
  readonly description: string;
  readonly series: readonly Series[];
  /** The span shown; defaults to the series' own first and last points. */
  readonly range?: TimeRange;
  readonly format?: (v: number) => string;
}) {
  const id = useId();
  const { ref, width } = useWidth<HTMLElement>(DEFAULT_W);
  const [hover, setHover] = useState<string | null>(null);
  const W = Math.max(MIN_W, width);
  const all = series.flatMap((s) => s.points).filter((p) => !range || p.t <= range.to);
  if (all.length === 0) return <p className="muted">{description}</p>;
  const tMin = range?.from ?? Math.min(...all.map((p) => p.t));
  const tMaxRaw = range?.to ?? Math.max(...all.map((p) => p.t));
  const tMax = tMaxRaw <= tMin ? tMin + 3_600 : tMaxRaw;
  const yTicks = niceTicks(Math.max(...all.map((p) => p.v)));
  const yMax = yTicks[yTicks.length - 1] || 1;
  const x = (t: number) => M.left + ((Math.max(t, tMin) - tMin) / (tMax - tMin)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const tickCount = W < 420 ? 1 : W < 560 ? 2 : 3;
  const xTicks = Array.from({ length: tickCount + 1 }, (_, i) => tMin + ((tMax - tMin) * i) / tickCount);

  return (
    <figure className="chart" ref={ref}>
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
            {day(t)}
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
          const color = COLORS[i % COLORS.length];
          return (
            <g key={s.name}>
              <path d={d} fill="none" stroke={color} strokeWidth={2.5} />
              {pts
                .filter((p) => p.t >= tMin)
                .map((p) => {
                  const text = `${s.name} on ${day(p.t)}: ${format(p.v)}`;
                  return (
                    <circle
                      key={p.t}
                      cx={x(p.t)}
                      cy={y(p.v)}
                      r={5}
                      fill={color}
                      className="chart-point"
                      onMouseEnter={() => setHover(text)}
                      onClick={() => setHover(text)}
                    >
                      <title>{text}</title>
                    </circle>
                  );
                })}
            </g>
          );
        })}
      </svg>
      <p className="chart-tooltip" data-testid="chart-tooltip">
        {hover ?? "Point at a step for its date and value."}
      </p>
      <Legend
        items={series.map((s, i) => ({ key: s.name, color: COLORS[i % COLORS.length], label: s.name }))}
      />
    </figure>
  );
}
