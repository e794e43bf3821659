// Fails when a custom error in the generated ABIs has no plain-words message in the dashboard,
// or when a message cannot be rendered from sample arguments.
//
//   node scripts/generate-bindings.mjs && node scripts/check-error-messages.mjs
//
// Needs Node ≥ 22.18 (TypeScript type stripping) to import the two .ts modules directly; npm scripts
// and npx run the project's Node 22.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const generated = join(root, "frontend", "src", "generated", "contracts.ts");
const messagesModule = join(root, "frontend", "src", "lib", "errorMessages.ts");

if (!existsSync(generated)) {
  console.error(
    "check-error-messages: frontend/src/generated/contracts.ts is missing; run `node scripts/generate-bindings.mjs` first.",
  );
  process.exit(1);
}

const contracts = await import(pathToFileURL(generated).href);
const { errorMessages, ErrorArgs } = await import(pathToFileURL(messagesModule).href);

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
      `Errors without a message in frontend/src/lib/errorMessages.ts:\n  ${missing.join("\n  ")}`,
    );
  if (broken.length > 0) console.error(`Messages that do not render:\n  ${broken.join("\n  ")}`);
  process.exit(1);
}
console.log(`check-error-messages: all ${errors.size} custom errors of the generated ABIs have a message.`);
