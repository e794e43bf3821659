/** Prints the returns registry's gas figures: `npx hardhat run scripts/bench/returns-run.ts`. */
import { benchReturns } from "./returns.js";

const started = Date.now();
const rows = await benchReturns();
console.table(rows);
const over = rows.filter((row) => row.target !== undefined && row.gas > row.target);
console.log(
  `${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; ${over.length} over target`,
);
if (over.length > 0) process.exitCode = 1;
