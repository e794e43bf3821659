import { benchCapital } from "./capital.js";
import type { GasRow } from "./rows.js";

// Prints the capital benchmark: `npx hardhat run scripts/bench/capital-run.ts`.
const started = Date.now();
const rows = await benchCapital();
const misses = (row: GasRow): boolean => row.target !== undefined && row.gas > row.target;
console.table(rows.map((row) => ({ ...row, meetsTarget: row.target === undefined ? "-" : !misses(row) })));

const spread = new Map<string, number[]>();
for (const row of rows) spread.set(row.op, [...(spread.get(row.op) ?? []), row.gas]);
for (const [op, gas] of spread) {
  console.log(`${op}: ${Math.min(...gas)}–${Math.max(...gas)} gas across ${gas.length} population sizes`);
}
console.log(`populations built and measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const row of rows.filter(misses)) {
  console.log(`MISSES TARGET: ${row.op} at ${row.size} investors uses ${row.gas} gas (target ${row.target})`);
}
