/** Prints the PaymentSplitter comparison alone: `npx hardhat run scripts/bench/splitter-run.ts`. */
import { benchSplitterComparison, ratio } from "./splitter.js";

const started = Date.now();
const rows = await benchSplitterComparison();
console.table(rows.map((row) => ({ ...row, "fund / splitter": ratio(row) })));
console.log(`measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
