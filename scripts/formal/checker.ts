// One harness through solc's SMTChecker (CHC engine, Z3 linked into the npm `solc` build), run in a
// worker process so that the orchestrator can bound its wall-clock time. `modelChecker.timeout` is
// deliberately NOT set: with it the soljson build aborts (see ENVIRONMENT.md).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, resolve } from "node:path";

/** The mutation of `--mutate`: the amount due rounds down instead of up (a broken rounding direction). */
export const MUTATION = {
  file: "contracts/libraries/math/ReturnsMath.sol",
  from: "((grossReturns % BPS) * bps + (BPS - 1)) / BPS",
  to: "((grossReturns % BPS) * bps) / BPS",
} as const;

/** What the checker said about one verification condition. */
export type Verdict = "safe" | "unproved" | "counterexample";

export interface Finding {
  verdict: Verdict;
  kind: string;
  file: string;
  start: number;
  message: string;
}

/** A harness function: one property. */
export interface HarnessFunction {
  name: string;
  start: number;
  end: number;
  notice: string;
  fuzz: string | undefined;
}

export interface CheckerResult {
  harness: string;
  contract: string;
  seconds: number;
  functions: HarnessFunction[];
  findings: Finding[];
  errors: string[];
}

interface SolcMessage {
  severity: string;
  errorCode?: string;
  message: string;
  formattedMessage?: string;
  sourceLocation?: { file: string; start: number; end: number };
}

interface AstNode {
  nodeType: string;
  name?: string;
  src?: string;
  kind?: string;
  visibility?: string;
  documentation?: { text?: string; src?: string } | null;
  nodes?: AstNode[];
}

interface SolcOutput {
  errors?: SolcMessage[];
  sources?: Record<string, { id: number; ast?: AstNode }>;
}

interface Solc {
  version(): string;
  compile(
    input: string,
    callbacks: { import: (path: string) => { contents: string } | { error: string } },
  ): string;
}

const KINDS: Record<string, string> = {
  "6328": "assert",
  "4984": "overflow",
  "3944": "underflow",
  "4281": "divByZero",
};

function classify(message: SolcMessage): Finding | undefined {
  const location = message.sourceLocation;
  if (location === undefined) return undefined;
  const text = message.message;
  let verdict: Verdict;
  let kind: string;
  if (message.errorCode === "9576" && text.includes("is safe")) {
    verdict = "safe";
    kind = /Assertion/.test(text)
      ? "assert"
      : /Overflow/.test(text)
        ? "overflow"
        : /Underflow/.test(text)
          ? "underflow"
          : "divByZero";
  } else {
    const known = message.errorCode === undefined ? undefined : KINDS[message.errorCode];
    if (known === undefined) return undefined;
    kind = known;
    verdict = text.includes("happens here") ? "counterexample" : "unproved";
  }
  return { verdict, kind, file: location.file, start: location.start, message: text };
}

/** The harness contract's functions (one property each), with their NatSpec. */
function harnessFunctions(ast: AstNode, contract: string): HarnessFunction[] {
  const definition = (ast.nodes ?? []).find(
    (node) => node.nodeType === "ContractDefinition" && node.name === contract,
  );
  if (definition === undefined) throw new Error(`no contract ${contract} in its harness file`);
  return (definition.nodes ?? [])
    .filter((node) => node.nodeType === "FunctionDefinition" && node.visibility === "external")
    .map((node) => {
      const [start = 0, length = 0] = (node.src ?? "0:0").split(":").map(Number);
      const text = node.documentation?.text ?? "";
      const notice = /@notice\s+([^@]*)/.exec(text)?.[1]?.replace(/\s+/g, " ").trim() ?? "";
      const fuzz = /@custom:fuzz\s+(\S+)/.exec(text)?.[1];
      return { name: node.name ?? "", start, end: start + length, notice, fuzz };
    });
}

/** The byte range of each external function of `contract`, its NatSpec included. */
function functionSpans(ast: AstNode, contract: string): { name: string; start: number; end: number }[] {
  const definition = (ast.nodes ?? []).find(
    (node) => node.nodeType === "ContractDefinition" && node.name === contract,
  );
  return (definition?.nodes ?? [])
    .filter((node) => node.nodeType === "FunctionDefinition" && node.visibility === "external")
    .map((node) => {
      const [start = 0, length = 0] = (node.src ?? "0:0").split(":").map(Number);
      const [docStart = start] = (node.documentation?.src ?? "").split(":").filter(Boolean).map(Number);
      return { name: node.name ?? "", start: Math.min(start, docStart), end: start + length };
    });
}

/**
 * The harness with every external function but `property` (and its NatSpec) blanked out: each byte
 * becomes a space, line breaks stay, so offsets and lines are those of the file. The checker then
 * sees a contract of one property, a much smaller model than the whole harness.
 */
function propertyVariant(text: string, ast: AstNode, contract: string, property: string): string {
  const bytes = Buffer.from(text, "utf8");
  const spans = functionSpans(ast, contract);
  if (!spans.some((span) => span.name === property))
    throw new Error(`no property ${property} in ${contract}`);
  for (const span of spans.filter((candidate) => candidate.name !== property)) {
    for (let i = span.start; i < span.end; i++) if (bytes[i] !== 0x0a) bytes[i] = 0x20;
  }
  return bytes.toString("utf8");
}

/** The harness's properties: its external functions, by name (a parse-only compile). */
export function harnessProperties(root: string, harness: string): string[] {
  const output = compile(loadSolc(), harness, settingsOf(harness, false), sourceReader(root, false));
  const ast = output.sources?.[harness]?.ast;
  return ast === undefined ? [] : functionSpans(ast, basename(harness, ".sol")).map((span) => span.name);
}

function loadSolc(): Solc {
  return createRequire(import.meta.url)("solc") as Solc;
}

function sourceReader(
  root: string,
  mutate: boolean,
  harness?: string,
  property?: string,
): (path: string) => string {
  const solc = property === undefined ? undefined : loadSolc();
  return (path) => {
    if (solc !== undefined && harness !== undefined && property !== undefined && path === harness) {
      const whole = sourceReader(root, mutate);
      const ast = compile(solc, harness, settingsOf(harness, false), whole).sources?.[harness]?.ast;
      if (ast === undefined) throw new Error(`${harness} does not parse`);
      return propertyVariant(whole(harness), ast, basename(harness, ".sol"), property);
    }
    const text = readFileSync(resolve(root, path.startsWith("@") ? `node_modules/${path}` : path), "utf8");
    if (!mutate || path !== MUTATION.file) return text;
    if (!text.includes(MUTATION.from)) throw new Error(`mutation site not found in ${MUTATION.file}`);
    return text.replace(MUTATION.from, MUTATION.to);
  };
}

/** The standard-JSON settings of a checker run (`model`) or of a parse-only run. */
function settingsOf(harness: string, model: boolean): object {
  const contract = basename(harness, ".sol");
  return model
    ? {
        modelChecker: {
          engine: "chc",
          targets: ["assert", "underflow", "overflow", "divByZero"],
          contracts: { [harness]: [contract] },
          showProvedSafe: true,
          showUnproved: true,
          showUnsupported: true,
        },
        outputSelection: { [harness]: { "": ["ast"] } },
      }
    : { stopAfter: "parsing", outputSelection: { [harness]: { "": ["ast"] } } };
}

/** Compiles `harness` with `settings`; `read` (which may record what it reads) resolves every import. */
function compile(solc: Solc, harness: string, settings: object, read: (path: string) => string): SolcOutput {
  const input = { language: "Solidity", sources: { [harness]: { content: read(harness) } }, settings };
  return JSON.parse(
    solc.compile(JSON.stringify(input), {
      import: (path) => {
        try {
          return { contents: read(path) };
        } catch (error) {
          return { error: String(error) };
        }
      },
    }),
  ) as SolcOutput;
}

/**
 * The key of a checker run for the result cache: SHA-256 over the compiler's full version string,
 * the exact standard-JSON settings of the run, this file (it turns solc's messages into findings),
 * and the path and exact content of every source the compiler reads for `harness` — the harness,
 * the libraries it imports and theirs, collected by a parse-only compile. Any change to any of them
 * gives another key, so a cached result is only ever reused for the very same check.
 */
export function runKey(root: string, harness: string, property?: string): string {
  const solc = loadSolc();
  const read = sourceReader(root, false, harness, property);
  const sources = new Map<string, string>();
  const output = compile(solc, harness, settingsOf(harness, false), (path) => {
    const text = read(path);
    sources.set(path, text);
    return text;
  });
  const failed = (output.errors ?? []).find((message) => message.severity === "error");
  if (failed !== undefined) throw new Error(failed.formattedMessage ?? failed.message);
  const hash = createHash("sha256");
  const field = (text: string): void => {
    hash.update(`${Buffer.byteLength(text)}:`);
    hash.update(text);
  };
  field(solc.version());
  field(property ?? "");
  field(JSON.stringify(settingsOf(harness, true)));
  field(readFileSync(new URL(import.meta.url), "utf8"));
  for (const path of [...sources.keys()].sort()) {
    field(path);
    field(sources.get(path) ?? "");
  }
  return hash.digest("hex");
}

/** Runs the checker over one harness file (project-relative path), optionally with the mutation applied;
 * with `model` false, only parses it (its properties, unchecked); with `property`, checks that
 * function of the harness alone (see `propertyVariant`). */
export function check(
  root: string,
  harness: string,
  mutate: boolean,
  model = true,
  property?: string,
): CheckerResult {
  const solc = loadSolc();
  const contract = basename(harness, ".sol");
  const started = Date.now();
  const output = compile(
    solc,
    harness,
    settingsOf(harness, model),
    sourceReader(root, mutate, harness, property),
  );
  const seconds = (Date.now() - started) / 1000;
  const messages = output.errors ?? [];
  const errors = messages
    .filter(
      (message) =>
        message.severity === "error" ||
        /CHC analysis was not possible|solver .* unavailable/i.test(message.message),
    )
    .map((message) => message.formattedMessage ?? message.message);
  const ast = output.sources?.[harness]?.ast;
  return {
    harness,
    contract,
    seconds,
    functions: ast === undefined ? [] : harnessFunctions(ast, contract),
    findings: messages.flatMap((message) => classify(message) ?? []),
    errors,
  };
}
