/**
 * `npm run bench:gas`: runs every gas benchmark and the comparison with OpenZeppelin 4.9's
 * PaymentSplitter, prints both tables, writes reports/gas.json (GasRow[]), reports/gas-comparison.json
 * and docs/gas-comparison.md, and exits non-zero when
 * - an operation's gas rises more than 1% above the committed snapshot (gas/snapshot.json),
 * - a figure misses its target, or
 * - an operation's gas is not flat (max/min within ±1%) across the sizes it was measured at.
 *
 * Environment:
 * - GAS_UPDATE=1 (`npm run bench:gas:update`) rewrites gas/snapshot.json from this run instead of
 *   comparing with it (targets and flatness are still checked);
 * - GAS_ONLY=shares,grants runs only those modules (and skips the comparison unless it is listed as
 *   "splitter"); the snapshot check then covers only their rows and the snapshot is never rewritten.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { COMPARISON_PATH, COMPARISON_REPORT_PATH, REPORT_PATH, writeGasComparison } from "./compare.js";
import type { GasRow } from "./rows.js";
import { benchShares } from "./shares.js";
import { benchGrants } from "./grants.js";
import { benchCapital } from "./capital.js";
import { benchReturns } from "./returns.js";
import { type GasSnapshot, SNAPSHOT_PATH, checkAgainstSnapshot, toSnapshot } from "./snapshot.js";
import { COMPARABLE, type ComparisonRow, benchSplitterComparison, ratio } from "./splitter.js";

/** Every benchmark module, run in this order. */
const BENCHMARKS: ReadonlyArray<{ name: string; run: () => Promise<GasRow[]> }> = [
  { name: "shares", run: benchShares },
  { name: "grants", run: benchGrants },
  { name: "capital", run: benchCapital },
  { name: "returns", run: benchReturns },
];
const COMPARISON = "splitter";

/** Largest spread allowed between an operation's dearest and cheapest figure. */
const FLATNESS_TOLERANCE = 0.01;

const only = (process.env.GAS_ONLY ?? "")
  .split(",")
  .map((name) => name.trim())
  .filter((name) => name !== "");
const unknown = only.filter(
  (name) => name !== COMPARISON && !BENCHMARKS.some((benchmark) => benchmark.name === name),
);
if (unknown.length > 0) {
  throw new Error(
    `GAS_ONLY: unknown module(s) ${unknown.join(", ")}; known: ${[...BENCHMARKS.map((b) => b.name), COMPARISON].join(", ")}`,
  );
}
const selected = (name: string): boolean => only.length === 0 || only.includes(name);
const update = process.env.GAS_UPDATE === "1";
if (update && only.length > 0) throw new Error("GAS_UPDATE=1 rewrites the whole snapshot: unset GAS_ONLY.");

const started = Date.now();
const rows: GasRow[] = [];
const failures: string[] = [];

for (const benchmark of BENCHMARKS.filter((candidate) => selected(candidate.name))) {
  console.log(`Running ${benchmark.name} benchmark…`);
  try {
    rows.push(...(await benchmark.run()).map((row) => ({ ...row, bench: benchmark.name })));
  } catch (error) {
    // Keep going so one broken module does not hide the others' figures; the run still fails.
    console.error(error);
    failures.push(
      `benchmark "${benchmark.name}" failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

let comparison: ComparisonRow[] = [];
if (selected(COMPARISON)) {
  console.log(`Running the comparison with ${COMPARABLE}…`);
  try {
    comparison = await benchSplitterComparison();
  } catch (error) {
    console.error(error);
    failures.push(`comparison failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

console.log();
console.log(renderTable(rows));
console.log();
if (comparison.length > 0) {
  console.log(
    `Side by side with ${COMPARABLE} (same chain, ${comparison[0]?.payees ?? 0} payees / holders):`,
  );
  console.log(renderComparison(comparison));
  console.log();
}
failures.push(...checkTargets(rows), ...checkFlatness(rows));

await mkdir(path.dirname(REPORT_PATH), { recursive: true });
await writeFile(REPORT_PATH, `${JSON.stringify(rows, null, 2)}\n`);
console.log(`Wrote ${REPORT_PATH} (${rows.length} rows).`);
if (comparison.length > 0) {
  await writeFile(COMPARISON_REPORT_PATH, `${JSON.stringify(comparison, null, 2)}\n`);
  console.log(`Wrote ${COMPARISON_REPORT_PATH}.`);
}
// The comparison is a committed document: regenerate it only from a complete run.
if (only.length === 0 && comparison.length > 0) {
  await writeGasComparison(rows, comparison);
  console.log(`Wrote ${COMPARISON_PATH}.`);
}

if (update) {
  if (failures.length > 0) {
    console.error(`Not updating ${SNAPSHOT_PATH}: the run failed (see below).`);
  } else {
    await mkdir(path.dirname(SNAPSHOT_PATH), { recursive: true });
    await writeFile(SNAPSHOT_PATH, `${JSON.stringify(toSnapshot(rows), null, 2)}\n`);
    console.log(
      `Wrote ${SNAPSHOT_PATH} (${rows.length} rows). Run \`npm run gas:readme\` to refresh the README.`,
    );
  }
} else {
  failures.push(...(await checkSnapshot(rows)));
}
console.log(`Benchmark time: ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (failures.length > 0) {
  console.error(`\nGAS BENCHMARK FAILED:\n${failures.map((failure) => `  ✗ ${failure}`).join("\n")}`);
  process.exitCode = 1;
} else {
  console.log(
    update
      ? "\nAll targets met, every operation is flat across sizes, snapshot updated."
      : "\nAll targets met, every operation is flat across sizes and within +1% of the snapshot.",
  );
}

async function checkSnapshot(measured: readonly GasRow[]): Promise<string[]> {
  const snapshot = JSON.parse(await readFile(SNAPSHOT_PATH, "utf8")) as GasSnapshot;
  const { failures: regressions, improvements } = checkAgainstSnapshot(
    measured,
    snapshot,
    (row) => row.bench === undefined || selected(row.bench),
  );
  console.log(
    regressions.length === 0
      ? `Snapshot (${SNAPSHOT_PATH}): no operation above +${(snapshot.tolerance * 100).toFixed(0)}% ✓`
      : `Snapshot (${SNAPSHOT_PATH}): ${regressions.length} failure(s) ✗`,
  );
  if (improvements.length > 0) {
    console.log(
      `  ${improvements.length} figure(s) went down:\n${improvements.map((line) => `    ↓ ${line}`).join("\n")}\n` +
        "  Record them with `npm run bench:gas:update` (then `npm run gas:readme`) and commit gas/snapshot.json.",
    );
  }
  return regressions;
}

function renderComparison(table: readonly ComparisonRow[]): string {
  return renderColumns(
    ["operation", "Fund", "gas", "PaymentSplitter", "gas", "Fund / PaymentSplitter"],
    table.map((row) => [
      row.operation,
      row.fund,
      formatNumber(row.fundGas),
      row.splitter,
      formatNumber(row.splitterGas),
      ratio(row),
    ]),
    [false, false, true, false, true, true],
  );
}

function renderTable(table: readonly GasRow[]): string {
  return renderColumns(
    ["op", "holders", "dimension / size", "gas", "target", "✓/✗"],
    table.map((row) => [
      row.op,
      formatNumber(row.holders),
      row.dimension === undefined ? "" : `${row.dimension} / ${formatNumber(row.size ?? 0)}`,
      formatNumber(row.gas),
      [
        ...(row.target === undefined ? [] : [formatNumber(row.target)]),
        ...(row.goal === undefined ? [] : [`goal ${formatNumber(row.goal)}`]),
      ].join("; ") || "—",
      [
        ...(row.target === undefined ? [] : [row.gas <= row.target ? "✓" : "✗"]),
        ...(row.goal !== undefined && row.gas > row.goal ? ["goal open"] : []),
      ].join(" "),
    ]),
    // Text columns left-aligned, numbers right-aligned.
    [false, true, false, true, true, false],
  );
}

function renderColumns(
  header: readonly string[],
  body: readonly string[][],
  numeric: readonly boolean[],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? "").length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

function checkTargets(table: readonly GasRow[]): string[] {
  const misses = table.filter((row) => row.target !== undefined && row.gas > row.target);
  console.log(
    misses.length === 0
      ? "Targets: all met ✓"
      : `Targets: ${misses.length} missed ✗ (${misses.map((row) => `${row.op} @ ${formatNumber(row.holders)}`).join(", ")})`,
  );
  return misses.map(
    (row) =>
      `${row.op} at ${formatNumber(row.holders)} holders used ${formatNumber(row.gas)} gas, target ${formatNumber(row.target ?? 0)}`,
  );
}

/** Each operation must cost the same (±1%) at every size it was measured at. */
function checkFlatness(table: readonly GasRow[]): string[] {
  const byOp = new Map<string, GasRow[]>();
  for (const row of table) byOp.set(row.op, [...(byOp.get(row.op) ?? []), row]);
  const failed: string[] = [];
  console.log("Flat across sizes (max/min within ±1%):");
  for (const [op, opRows] of byOp) {
    const gas = opRows.map((row) => row.gas);
    const min = Math.min(...gas);
    const max = Math.max(...gas);
    const spread = (max - min) / min;
    // An operation measured at one size only proves nothing about flatness, so it fails too.
    const flat = spread <= FLATNESS_TOLERANCE && opRows.length > 1;
    const sizes = sizesLabel(opRows);
    console.log(
      `  ${flat ? "✓" : "✗"} ${op}: ${formatNumber(min)}–${formatNumber(max)} gas (spread ${(spread * 100).toFixed(2)}%) at ${sizes}`,
    );
    if (!flat) {
      failed.push(
        opRows.length > 1
          ? `${op} is not flat: ${formatNumber(min)}–${formatNumber(max)} gas at ${sizes}`
          : `${op} was measured at one size only (${sizes}); flatness is unproven`,
      );
    }
  }
  return failed;
}

/** "10 / 1,000 / 10,000 holders", plus the other dimension's sizes when the rows scale one. */
function sizesLabel(opRows: readonly GasRow[]): string {
  const holders = `${opRows.map((row) => formatNumber(row.holders)).join(" / ")} holders`;
  const dimensions = [
    ...new Set(opRows.flatMap((row) => (row.dimension === undefined ? [] : [row.dimension]))),
  ];
  if (dimensions.length === 0) return holders;
  const sizes = opRows.map((row) => formatNumber(row.size ?? 0)).join(" / ");
  return `${holders} (${dimensions.join(", ")}: ${sizes})`;
}

function formatNumber(value: number): string {
  return value.toLocaleString("en-US");
}
