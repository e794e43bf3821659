// `npm run bench:ui`: how much the dashboard's overview costs to load.
// - HTTP requests until the overview is rendered (figures, returns, cap table, compliance and the
//   whole history loaded): every request the page makes, by kind (the page and its static files,
//   JSON-RPC to the chain, the history indexer). The data requests (chain + indexer; CORS preflights,
//   extra exchanges the browser adds, counted apart) must be ≤ 3: the overview reads the chain in one
//   round trip (the lens snapshot, aggregated into one eth_call) and the indexer in one request (the
//   SDK's `overviewHistory`: returns by day, mint provenance with the holders shown, the reported
//   periods of the commitments shown).
// - JSON-RPC round trips: every HTTP POST to the chain (a batched JSON-RPC request is one round trip),
//   with the methods each carried (an eth_call with its contract and selector).
// - Production JS size: every .js in frontend/dist/assets, gzipped with node:zlib (level 9).
// Against a running `npm start` (FEF_UI_PORT / FEF_RPC_PORT / FEF_INDEXER_PORT, default 4173 / 8545 /
// 42069); if nothing listens on the dashboard's port it starts `npm start` itself (waiting for the
// indexer to catch up) and stops it afterwards.
// Prints a table, writes reports/ui.json, exits non-zero if data requests > 3, round trips > 5 or
// JS > 350 kB gzip.
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { chromium } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/chromium.ts";
import { DASHBOARD_URL, INDEXER_PORT, RPC_PORT } from "../lib/ports.ts";
import { startFund, stopProcess } from "../lib/processes.ts";

const ASSETS_DIR = path.join("frontend", "dist", "assets");
const REPORT = path.join("reports", "ui.json");
const START_TIMEOUT_MS = 300_000;
const RENDER_TIMEOUT_MS = 60_000;

const MAX_ROUND_TRIPS = 5;
/** Most requests for data (chain and indexer, preflights apart) until the overview is rendered. */
const MAX_DATA_REQUESTS = 3;
const MAX_JS_GZIP_BYTES = 350 * 1000; // kB as vite prints them (1 kB = 1,000 bytes)

type RoundTrip = {
  readonly index: number;
  readonly atMs: number;
  readonly batch: boolean;
  readonly methods: readonly string[];
};

async function listening(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function methodsOf(body: string | null): { batch: boolean; methods: string[] } {
  if (!body) return { batch: false, methods: ["(no body)"] };
  try {
    const parsed = JSON.parse(body) as unknown;
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    const methods = calls.map((c) => {
      if (typeof c !== "object" || c === null || !("method" in c)) return "(unknown)";
      // An eth_call is shown with the contract and the function's selector it calls.
      const first: unknown = "params" in c && Array.isArray(c.params) ? c.params[0] : undefined;
      if (c.method !== "eth_call" || typeof first !== "object" || first === null) return String(c.method);
      const to = "to" in first ? String(first.to) : "?";
      const data = "data" in first ? String(first.data) : "input" in first ? String(first.input) : "";
      return `eth_call ${to.slice(0, 10)}… ${data.slice(0, 10)}`;
    });
    return { batch: Array.isArray(parsed), methods };
  } catch {
    return { batch: false, methods: ["(not JSON)"] };
  }
}

type RequestKind = "static" | "rpc" | "indexer" | "preflight" | "other";
type PageRequest = {
  readonly kind: RequestKind;
  readonly method: string;
  readonly url: string;
  readonly atMs: number;
};

type Measurement = {
  readonly roundTrips: RoundTrip[];
  /** Every request the page made until rendered, in order. */
  readonly requests: PageRequest[];
  readonly preflights: number;
  readonly renderedMs: number;
  readonly afterRender: RoundTrip[];
};

/** Loads the overview in a fresh Chromium profile and records every request to the chain. */
async function measureOverview(): Promise<Measurement> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let preflights = 0;
    cdp.on("Network.requestWillBeSent", (event) => {
      const url = new URL(event.request.url);
      if (Number(url.port) === RPC_PORT && event.request.method === "OPTIONS") preflights += 1;
    });
    const roundTrips: RoundTrip[] = [];
    const requests: PageRequest[] = [];
    const started = Date.now();
    const dashboardOrigin = new URL(DASHBOARD_URL).origin;
    cdp.on("Network.requestWillBeSent", (event) => {
      const url = new URL(event.request.url);
      const method = event.request.method;
      const port = Number(url.port);
      const kind: RequestKind =
        method === "OPTIONS"
          ? "preflight"
          : port === RPC_PORT
            ? "rpc"
            : port === INDEXER_PORT
              ? "indexer"
              : url.origin === dashboardOrigin
                ? "static"
                : "other";
      requests.push({ kind, method, url: event.request.url, atMs: Date.now() - started });
    });
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (Number(url.port) !== RPC_PORT || request.method() !== "POST") return;
      const { batch, methods } = methodsOf(request.postData());
      roundTrips.push({ index: roundTrips.length + 1, atMs: Date.now() - started, batch, methods });
    });

    await page.goto(DASHBOARD_URL, { waitUntil: "domcontentloaded" });
    // Rendered: headline figures, returns table, cap table, compliance, and the whole history (charts).
    await page.getByTestId("total-shares").waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.locator("[data-testid^='returns-row-']").first().waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.locator("[data-testid^='commitment-row-']").first().waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page
      .getByText("The whole history since deployment is loaded.")
      .waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.locator("svg").first().waitFor({ timeout: RENDER_TIMEOUT_MS });
    const renderedMs = Date.now() - started;
    const counted = roundTrips.length;
    const requestsAtRender = requests.length;
    const preflightsAtRender = preflights;
    // Whatever follows within a second (not counted) shows whether rendering was really finished.
    await page.waitForTimeout(1_000);
    return {
      roundTrips: roundTrips.slice(0, counted),
      requests: requests.slice(0, requestsAtRender),
      preflights: preflightsAtRender,
      renderedMs,
      afterRender: roundTrips.slice(counted),
    };
  } finally {
    await browser.close();
  }
}

function bundleSizes(): { file: string; bytes: number; gzipBytes: number }[] {
  const files = readdirSync(ASSETS_DIR).filter((f) => f.endsWith(".js"));
  if (files.length === 0)
    throw new Error(`No .js in ${ASSETS_DIR}: build the dashboard first (npm start does).`);
  return files.map((file) => {
    const content = readFileSync(path.join(ASSETS_DIR, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

async function main(): Promise<void> {
  let fund: ChildProcess | undefined;
  let measurement: Measurement;
  let bundle: ReturnType<typeof bundleSizes>;
  try {
    if (!(await listening(DASHBOARD_URL))) {
      console.log("Nothing serves the dashboard: starting `npm start` (stopped again at the end) …");
      // The overview is measured with the whole history indexed (a backfill in progress would make the
      // page ask again and again until the indexer's tables are filled).
      process.env.FEF_WAIT_FOR_INDEXER ??= "1";
      const started = startFund(START_TIMEOUT_MS, () => undefined);
      fund = started.child;
      await started.ready;
    }
    measurement = await measureOverview();
    bundle = bundleSizes();
  } finally {
    if (fund) await stopProcess(fund);
  }

  const jsGzip = bundle.reduce((sum, f) => sum + f.gzipBytes, 0);
  const jsRaw = bundle.reduce((sum, f) => sum + f.bytes, 0);
  const roundTrips = measurement.roundTrips.length;
  const roundTripsOk = roundTrips <= MAX_ROUND_TRIPS;
  const jsOk = jsGzip <= MAX_JS_GZIP_BYTES;
  const byKind = (kind: RequestKind) => measurement.requests.filter((r) => r.kind === kind).length;
  const dataRequests = byKind("rpc") + byKind("indexer");
  const dataOk = dataRequests <= MAX_DATA_REQUESTS;

  console.log(`\nOverview of ${DASHBOARD_URL} rendered in ${measurement.renderedMs} ms\n`);
  console.log("JSON-RPC round trips to the chain until rendered:");
  for (const trip of measurement.roundTrips) {
    const counts = new Map<string, number>();
    for (const m of trip.methods) counts.set(m, (counts.get(m) ?? 0) + 1);
    const methods = [...counts].map(([m, n]) => (n > 1 ? `${m} ×${n}` : m)).join(", ");
    console.log(
      `  #${trip.index} at ${String(trip.atMs).padStart(5)} ms  ${trip.batch ? `batch of ${trip.methods.length}` : "single"}: ${methods}`,
    );
  }
  if (measurement.afterRender.length > 0) {
    console.log(
      `  (then ${measurement.afterRender.length} more within 1 s after rendering, not counted: ${measurement.afterRender.map((t) => t.methods.join("+")).join("; ")})`,
    );
  }
  console.log(`  CORS preflights (OPTIONS) to the chain until rendered: ${measurement.preflights}\n`);
  console.log("HTTP requests until rendered:");
  for (const r of measurement.requests)
    console.log(`  ${String(r.atMs).padStart(5)} ms  ${r.kind.padEnd(9)} ${r.method.padEnd(7)} ${r.url}`);
  console.log("");
  console.log("Production JS (frontend/dist/assets):");
  for (const f of bundle)
    console.log(`  ${f.file.padEnd(28)} ${kB(f.bytes).padStart(10)}  ${kB(f.gzipBytes).padStart(9)} gzip`);
  console.log("");

  const rows = [
    ["metric", "value", "budget", "ok"],
    ["JSON-RPC round trips", String(roundTrips), `≤ ${MAX_ROUND_TRIPS}`, roundTripsOk ? "yes" : "NO"],
    [
      "JSON-RPC calls in them",
      String(measurement.roundTrips.reduce((n, t) => n + t.methods.length, 0)),
      "",
      "",
    ],
    [
      "HTTP data requests (chain + indexer)",
      String(dataRequests),
      `≤ ${MAX_DATA_REQUESTS}`,
      dataOk ? "yes" : "NO",
    ],
    [
      "HTTP requests in all",
      `${measurement.requests.length} (${byKind("static")} static, ${byKind("rpc")} chain, ${byKind("indexer")} indexer, ${byKind("preflight")} preflight, ${byKind("other")} other)`,
      "",
      "",
    ],
    ["JS gzip", kB(jsGzip), `≤ ${kB(MAX_JS_GZIP_BYTES)}`, jsOk ? "yes" : "NO"],
    ["JS raw", kB(jsRaw), "", ""],
    ["rendered after", `${measurement.renderedMs} ms`, "", ""],
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const [i, row] of rows.entries()) {
    console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ")}`);
    if (i === 0) console.log(`  ${widths.map((w) => "-".repeat(w)).join("  ")}`);
  }

  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(
    REPORT,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        dashboard: DASHBOARD_URL,
        rpcPort: RPC_PORT,
        renderedMs: measurement.renderedMs,
        roundTrips: {
          count: roundTrips,
          budget: MAX_ROUND_TRIPS,
          ok: roundTripsOk,
          requests: measurement.roundTrips,
          afterRenderWithin1s: measurement.afterRender,
          corsPreflights: measurement.preflights,
        },
        httpRequests: {
          total: measurement.requests.length,
          static: byKind("static"),
          rpc: byKind("rpc"),
          indexer: byKind("indexer"),
          preflight: byKind("preflight"),
          other: byKind("other"),
          data: dataRequests,
          dataBudget: MAX_DATA_REQUESTS,
          ok: dataOk,
          requests: measurement.requests,
        },
        js: {
          gzipBytes: jsGzip,
          rawBytes: jsRaw,
          budgetGzipBytes: MAX_JS_GZIP_BYTES,
          ok: jsOk,
          files: bundle,
        },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nWrote ${REPORT}`);
  if (!dataOk || !roundTripsOk || !jsOk) {
    console.error(
      `✖ Over budget:${dataOk ? "" : ` ${dataRequests} data requests (> ${MAX_DATA_REQUESTS})`}${roundTripsOk ? "" : ` ${roundTrips} round trips (> ${MAX_ROUND_TRIPS})`}${jsOk ? "" : ` ${kB(jsGzip)} of JS gzip (> ${kB(MAX_JS_GZIP_BYTES)})`}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
