import { benchGrants } from "./grants.js";

const started = Date.now();
const rows = await benchGrants();
console.table(rows);
console.log(`measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
