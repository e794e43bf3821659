// Hardhat 3 needs Node >= 22 and its native simulator binding. The `node`
// devDependency puts Node 22 on PATH for npm scripts, but when npm itself runs
// under an older Node it skips the binding (its engines field says node >= 22).
// This postinstall re-installs exactly the locked binding under Node 22; it is a
// no-op when the binding already loads (e.g. on machines whose Node is >= 22).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function bindingLoads() {
  try {
    require("@nomicfoundation/edr");
    return true;
  } catch {
    return false;
  }
}

if (bindingLoads()) process.exit(0);

const npmCli = process.env.npm_execpath;
if (!npmCli) {
  console.error("ensure-edr: run through npm (npm install), not directly.");
  process.exit(1);
}
console.log(`ensure-edr: installing the EDR binding under Node ${process.version} …`);
execFileSync(
  process.execPath,
  [npmCli, "install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund"],
  {
    stdio: "inherit",
  },
);
if (!bindingLoads()) {
  console.error("ensure-edr: the EDR native binding still does not load; Hardhat cannot run.");
  process.exit(1);
}
