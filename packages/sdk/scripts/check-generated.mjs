// Fails when a committed generated file of the SDK is stale: regenerates them from the compiled
// contracts (run `npx hardhat build` first; `npm run lint` does) and compares with git.
//
//   npm run check:generated --workspace @fef/sdk
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const sdkRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [join(sdkRoot, "scripts", "generate.mjs")], { stdio: "inherit" });
const generated = join(sdkRoot, "src", "generated");
// Untracked or modified, ignored files (the local deployment) excluded.
const status = execFileSync("git", ["status", "--porcelain", "--", generated], { encoding: "utf8" }).trim();
if (status !== "") {
  console.error(
    `check-generated: the committed generated files are stale:\n${status}\n` +
      "Regenerate and commit them: npx hardhat build && npm run generate --workspace @fef/sdk\n" +
      execFileSync("git", ["diff", "--stat", "--", generated], { encoding: "utf8" }),
  );
  process.exit(1);
}
console.log("check-generated: the committed generated files match the contracts.");
