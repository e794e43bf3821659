import { useId } from "react";

import { formatDate, formatShares } from "@fef/sdk/format";

type Props = {
  readonly award: bigint;
  readonly start: bigint;
  readonly cliff: bigint;
  readonly duration: bigint;
  /** 0 unless cancelled; vesting stops there. */
  readonly cancelledAt: bigint;
  readonly vested: bigint;
  readonly claimed: bigint;
  readonly now: bigint;
};

const W = 480;
const H = 160;
const M = { top: 12, right: 12, bottom: 28, left: 12 };

/** Cliff-and-linear vesting of one grant: the schedule, where it stands now, and what was claimed. */
export function VestingChart({ award, start, cliff, duration, cancelledAt, vested, claimed, now }: Props) {
  const id = useId();
  if (award === 0n || duration === 0n) return null;
  const t0 = Number(start);
  const t1 = Number(start + duration);
  const stop = cancelledAt > 0n ? Number(cancelledAt) : t1;
  const n = Number(now);
  const span = t1 - t0;
  const x = (t: number) => M.left + ((Math.min(Math.max(t, t0), t1) - t0) / span) * (W - M.left - M.right);
  const a = Number(award);
  const y = (v: number) => H - M.bottom - (v / a) * (H - M.top - M.bottom);
  const vestedAt = (t: number) => {
    const e = Math.min(t, stop) - t0;
    if (e < Number(cliff)) return 0;
    return e >= span ? a : (a * e) / span;
  };
  const tc = t0 + Number(cliff);
  const d = `M${x(t0)},${y(0)} H${x(tc)} V${y(vestedAt(tc))} L${x(Math.min(stop, t1))},${y(vestedAt(Math.min(stop, t1)))} H${x(t1)}`;
  const pct = ((Number(vested) / a) * 100).toFixed(1);
  return (
    <figure className="chart vesting">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>Vesting progress</title>
        <desc id={`${id}-d`}>
          {`${pct}% vested: ${formatShares(vested)} of ${formatShares(award)}; ${formatShares(claimed)} claimed. Vesting runs from ${formatDate(start)} to ${formatDate(start + duration)} with the cliff on ${formatDate(start + cliff)}.`}
        </desc>
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="axis" />
        <path d={d} fill="none" stroke="#1d4ed8" strokeWidth={2.5} />
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(Number(claimed))}
          y2={y(Number(claimed))}
          stroke="#047857"
          strokeDasharray="4 4"
        />
        <line x1={x(n)} x2={x(n)} y1={M.top} y2={y(0)} stroke="#b45309" strokeDasharray="2 3" />
        <circle cx={x(n)} cy={y(Number(vested))} r={5} fill="#b45309" />
        <text x={M.left} y={H - 8} className="tick">
          {formatDate(start)}
        </text>
        <text x={W - M.right} y={H - 8} className="tick" textAnchor="end">
          {formatDate(start + duration)}
        </text>
      </svg>
      <figcaption>
        <div
          className="progress"
          role="progressbar"
          aria-label="Shares vested"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Number(pct)}
          aria-valuetext={`${pct}% vested`}
        >
          <span style={{ width: `${pct}%` }} />
        </div>
        <p>
          {pct}% vested ({formatShares(vested)} of {formatShares(award)}), {formatShares(claimed)} claimed
          {cancelledAt > 0n ? `; cancelled on ${formatDate(cancelledAt)}` : ""}. Blue: schedule; orange: now;
          green dashes: claimed.
        </p>
      </figcaption>
    </figure>
  );
}
