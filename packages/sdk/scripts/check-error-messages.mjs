// Fails when a custom error in the SDK's generated ABIs has no plain-words message in
// src/errorMessages.ts, or when a message cannot be rendered from sample arguments.
//
//   npm run check:errors --workspace @fef/sdk     (part of `npm run lint`)
//
// Needs Node ≥ 22.18 (TypeScript type stripping) to import the .ts modules directly; npm scripts
// and npx run the project's Node 22.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const src = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "src");
const contracts = await import(pathToFileURL(join(src, "generated", "abis.ts")).href);
const { errorMessages, ErrorArgs } = await import(pathToFileURL(join(src, "errorMessages.ts")).href);

/** A plausible value for an ABI parameter, so each message is rendered once. */
function sample(param) {
  const t = param.type;
  if (t === "address") return "0x1111111111111111111111111111111111111111";
  if (t === "bool") return true;
  if (t === "string") return "text";
  if (t.startsWith("uint") || t.startsWith("int")) return 3n;
  if (t === "bytes32") return `0x${"ab".repeat(32)}`;
  if (t.startsWith("bytes")) return "0x1234";
  if (t === "tuple") return Object.fromEntries((param.components ?? []).map((c) => [c.name, sample(c)]));
  if (t.endsWith("[]")) return [];
  return 0n;
}

const format = {
  address: (a) => a,
  amount: (v) => `${v} units`,
  eth: (v) => `${v} wei`,
  shares: (v) => `${v} shares`,
  date: (s) => `date(${s})`,
  duration: (s) => `${s} seconds`,
  bps: (v) => `${v} bps`,
  actionKind: (k) => `kind ${k}`,
  roundStatus: (s) => `status ${s}`,
  role: (r) => `role ${r}`,
  asset: (a) => `asset ${a}`,
};

const errors = new Map();
for (const [exportName, value] of Object.entries(contracts)) {
  if (!exportName.endsWith("Abi") || !Array.isArray(value)) continue;
  for (const item of value) {
    if (item.type !== "error") continue;
    const sources = errors.get(item.name)?.sources ?? [];
    errors.set(item.name, { item, sources: [...sources, exportName.replace(/Abi$/, "")] });
  }
}

const missing = [];
const broken = [];
for (const [name, { item, sources }] of [...errors].sort(([a], [b]) => a.localeCompare(b))) {
  const message = errorMessages[name];
  if (!message) {
    missing.push(
      `${name}(${item.inputs.map((i) => `${i.type} ${i.name}`).join(", ")}) — in ${sources.join(", ")}`,
    );
    continue;
  }
  try {
    const text = message(new ErrorArgs(item.inputs.map(sample)), format);
    if (typeof text !== "string" || text.trim() === "" || /undefined|NaN|\[object /.test(text))
      broken.push(`${name}: "${text}"`);
  } catch (error) {
    broken.push(`${name}: threw ${error instanceof Error ? error.message : String(error)}`);
  }
}

const unused = Object.keys(errorMessages).filter((name) => !errors.has(name));
if (unused.length > 0)
  console.log(
    `check-error-messages: ${unused.length} messages for errors not in the ABIs (kept for bubbled library errors): ${unused.join(", ")}`,
  );
if (missing.length > 0 || broken.length > 0) {
  if (missing.length > 0)
    console.error(
      `Errors without a message in packages/sdk/src/errorMessages.ts:\n  ${missing.join("\n  ")}`,
    );
  if (broken.length > 0) console.error(`Messages that do not render:\n  ${broken.join("\n  ")}`);
  process.exit(1);
}
console.log(`check-error-messages: all ${errors.size} custom errors of the generated ABIs have a message.`);
