// The rehearsal's dashboard check, run by `npm run rehearse:deploy` under plain Node: opens the
// dashboard built for the rehearsal chain (Base Sepolia's id, the rehearsal's addresses, no wallet) in
// Debian's Chromium with the browser tests' launcher settings, and checks that the overview shows the
// Fund the parameters file describes, read from the rehearsal chain, with no error screen.
// Usage: node scripts/rehearse/dashboard.ts <dashboard-url> <rpc-url> <parameters.json>
import { readFileSync } from "node:fs";

import { chromium } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/chromium.ts";

const [dashboardUrl, rpcUrl, parametersFile] = process.argv.slice(2);
if (!dashboardUrl || !rpcUrl || !parametersFile)
  throw new Error("usage: node scripts/rehearse/dashboard.ts <dashboard-url> <rpc-url> <parameters.json>");

const parameters = JSON.parse(readFileSync(parametersFile, "utf8")) as {
  FundCouncil: { trustees: string[]; threshold: number };
};
const { trustees, threshold } = parameters.FundCouncil;

const failures: string[] = [];
function check(condition: boolean, what: string): void {
  console.log(`${condition ? "✔" : "✖"} ${what}`);
  if (!condition) failures.push(what);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  let chainRequests = 0;
  page.on("request", (request) => {
    if (request.url().startsWith(rpcUrl) && request.method() === "POST") chainRequests += 1;
  });

  await page.goto(dashboardUrl);
  const figures = page.getByRole("region", { name: "Future Endowment Fund Share (FEFS)" });
  const shown = await figures
    .waitFor({ timeout: 60_000 })
    .then(() => true)
    .catch(() => false);
  const alert = (await page.getByRole("alert").allTextContents()).join(" ").trim();
  check(shown, `the overview shows the Fund's figures${shown ? "" : ` (instead: ${alert || "nothing"})`}`);
  check(alert === "", `no error or wrong-network screen${alert ? `: ${alert}` : ""}`);
  check(
    (await page.getByTestId("chain-name").textContent())?.includes("Base Sepolia") === true,
    "the header names Base Sepolia (chain 84532), read without a wallet",
  );
  if (shown) {
    const text = (await figures.textContent()) ?? "";
    check(
      text.includes(`${threshold} of ${trustees.length} trustees`),
      `the council: ${threshold} of ${trustees.length} trustees, as the parameters file sets`,
    );
    check((await page.getByTestId("total-shares").textContent())?.includes("0") === true, "total shares 0");
    check((await page.getByTestId("holder-count").textContent())?.trim().endsWith("0") === true, "no holder");
  }
  check(chainRequests > 0, `the page read the rehearsal chain at ${rpcUrl} (${chainRequests} requests)`);
  check(
    pageErrors.length === 0,
    `no uncaught page error${pageErrors.length ? `: ${pageErrors.join("; ")}` : ""}`,
  );
} finally {
  await browser.close();
}

if (failures.length > 0) {
  console.error(`\n✖ ${failures.length} check(s) of the dashboard failed`);
  process.exitCode = 1;
} else console.log("\n✔ The dashboard shows the rehearsal deployment");
