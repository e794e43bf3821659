/**
 * `npm run bench:gas`: runs every gas benchmark, prints one table, writes reports/gas.json (GasRow[])
 * and docs/gas-comparison.md, and exits non-zero when a figure misses its target or an operation's
 * gas is not flat (max/min within ±1%) across the sizes it was measured at.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { COMPARISON_PATH, REPORT_PATH, writeGasComparison } from "./compare.js";
import { LEDGER_OPS } from "./ledger-ops.js";
import type { GasRow } from "./rows.js";
import { benchShares } from "./shares.js";
import { benchGrants } from "./grants.js";
import { benchCapital } from "./capital.js";
import { benchReturns } from "./returns.js";

/** Every benchmark module, run in this order. */
const BENCHMARKS: ReadonlyArray<{ name: string; run: () => Promise<GasRow[]> }> = [
  { name: "shares", run: benchShares },
  { name: "grants", run: benchGrants },
  { name: "capital", run: benchCapital },
  { name: "returns", run: benchReturns },
];

/** Largest spread allowed between an operation's dearest and cheapest figure. */
const FLATNESS_TOLERANCE = 0.01;

const started = Date.now();
const rows: GasRow[] = [];
const failures: string[] = [];

for (const benchmark of BENCHMARKS) {
  console.log(`Running ${benchmark.name} benchmark…`);
  try {
    rows.push(...(await benchmark.run()));
  } catch (error) {
    // Keep going so one broken module does not hide the others' figures; the run still fails.
    console.error(error);
    failures.push(
      `benchmark "${benchmark.name}" failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

console.log();
console.log(renderTable(rows));
console.log();
failures.push(...checkTargets(rows), ...checkFlatness(rows));

await mkdir(path.dirname(REPORT_PATH), { recursive: true });
await writeFile(REPORT_PATH, `${JSON.stringify(rows, null, 2)}\n`);
console.log(`Wrote ${REPORT_PATH} (${rows.length} rows).`);
// The comparison is a committed document: regenerate it only when the ledger was measured.
if (rows.some((row) => row.op === LEDGER_OPS.distributeEth)) {
  await writeGasComparison(rows);
  console.log(`Wrote ${COMPARISON_PATH}.`);
}
console.log(`Benchmark time: ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (failures.length > 0) {
  console.error(`\nGAS BENCHMARK FAILED:\n${failures.map((failure) => `  ✗ ${failure}`).join("\n")}`);
  process.exitCode = 1;
} else {
  console.log("\nAll targets met and every operation is flat across sizes.");
}

function renderTable(table: readonly GasRow[]): string {
  const header = ["op", "holders", "dimension / size", "gas", "target", "✓/✗"];
  const body = table.map((row) => [
    row.op,
    formatNumber(row.holders),
    row.dimension === undefined ? "" : `${row.dimension} / ${formatNumber(row.size ?? 0)}`,
    formatNumber(row.gas),
    row.target === undefined ? "—" : formatNumber(row.target),
    row.target === undefined ? "" : row.gas <= row.target ? "✓" : "✗",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? "").length)),
  );
  // Text columns left-aligned, numbers right-aligned.
  const numeric = [false, true, false, true, true, false];
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
