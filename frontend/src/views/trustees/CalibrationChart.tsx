import type { CalibrationBand } from "@fef/sdk/trackRecord";

const SIZE = 220;
const PAD = 28;
const scale = (x: number) => PAD + x * (SIZE - 2 * PAD);

/**
 * Calibration: for each band of estimates (10 points wide) with outcomes, the mean estimate (x)
 * against the share that paid off (y); the diagonal is perfect calibration, a dot's size its count.
 */
export function CalibrationChart({ bands, label }: { bands: readonly CalibrationBand[]; label: string }) {
  const filled = bands.filter(
    (b) => b.count > 0 && b.meanEstimate !== undefined && b.sharePaidOff !== undefined,
  );
  const described = filled
    .map(
      (b) =>
        `${b.from}–${b.to} %: ${b.count} estimate(s), ${Math.round((b.sharePaidOff ?? 0) * 100)} % paid off`,
    )
    .join("; ");
  return (
    <figure className="calibration">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={`Calibration of ${label}: ${described || "no resolved outcome yet"}`}
      >
        <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" stroke="#cbd5e1" />
        <line
          x1={scale(0)}
          y1={scale(1)}
          x2={scale(1)}
          y2={scale(0)}
          stroke="#94a3b8"
          strokeDasharray="4 3"
        />
        {filled.map((b) => (
          <circle
            key={b.from}
            cx={scale(b.meanEstimate ?? 0)}
            cy={scale(1 - (b.sharePaidOff ?? 0))}
            r={3 + Math.min(8, b.count * 1.5)}
            fill="#4f46e5"
            fillOpacity={0.75}
          >
            <title>{`${b.from}–${b.to} %: ${b.count}`}</title>
          </circle>
        ))}
        <text x={SIZE / 2} y={SIZE - 6} textAnchor="middle" fontSize="10" fill="#475569">
          estimate
        </text>
        <text
          x={10}
          y={SIZE / 2}
          textAnchor="middle"
          fontSize="10"
          fill="#475569"
          transform={`rotate(-90 10 ${SIZE / 2})`}
        >
          share paid off
        </text>
        <text x={PAD} y={SIZE - PAD + 12} fontSize="9" fill="#64748b">
          0 %
        </text>
        <text x={SIZE - PAD} y={SIZE - PAD + 12} fontSize="9" fill="#64748b" textAnchor="end">
          100 %
        </text>
      </svg>
      <figcaption className="hint">Dots on the dashed line: estimates matched what happened.</figcaption>
    </figure>
  );
}
