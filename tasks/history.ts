// `fund:history`: the Fund's history from the history indexer (SQL over HTTP, through the SDK):
// the returns ledger, the holders, a company's payments with their lateness, an investor's statement
// or the trustees' estimate records, as a table or CSV (--csv <file>) or JSON (--json).
import { writeFileSync } from "node:fs";

import { toCsv } from "@fef/sdk/csv";
import {
  holdersTable,
  indexerClient,
  indexerReady,
  isoTime,
  paymentsTable,
  returnsLedger,
  statementTable,
  trusteeRecords,
  type Cell,
  type Cursor,
  type HistoryTable as Table,
  type IndexerClient,
} from "@fef/sdk/history";

import { optional, parseAddress, parseWhole } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { emit } from "./lib/output.js";

export interface HistoryArgs {
  report?: string;
  indexer?: string;
  company?: string;
  investor?: string;
  csv?: string;
  json: boolean;
}

const REPORTS = ["ledger", "holders", "payments", "statement", "trustees"] as const;
type Report = (typeof REPORTS)[number];
const PAGE = 5_000;

async function ledger(client: IndexerClient): Promise<Table> {
  const rows: Cell[][] = [];
  let after: Cursor | undefined;
  for (;;) {
    const page = await returnsLedger(client, { after, limit: PAGE });
    for (const e of page) {
      rows.push([
        e.blockNumber,
        isoTime(e.timestamp),
        e.transactionHash,
        e.kind,
        e.asset,
        e.account ?? "",
        e.amount,
        e.commitmentId ?? "",
        e.period ?? "",
      ]);
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) break;
    after = last;
  }
  return {
    header: [
      "block",
      "time",
      "tx",
      "event",
      "asset_address",
      "account",
      "amount_base_units",
      "commitment",
      "period",
    ],
    rows,
  };
}

async function trustees(client: IndexerClient): Promise<Table> {
  const records = await trusteeRecords(client);
  return {
    header: ["trustee", "committed", "revealed", "missed", "recused"],
    rows: records.map((r) => [r.trustee, r.committed, r.revealed, r.missed, r.recused]),
  };
}

export async function fundHistory(args: HistoryArgs): Promise<Table> {
  const report = (optional(args.report) ?? "ledger") as Report;
  if (!REPORTS.includes(report)) fail(`--report must be one of ${REPORTS.join(", ")}, not "${args.report}"`);
  const url =
    optional(args.indexer) ??
    process.env.FEF_INDEXER_URL ??
    `http://127.0.0.1:${process.env.FEF_INDEXER_PORT ?? 42069}`;
  if (!(await indexerReady(url))) {
    fail(`The history indexer at ${url} is not reachable or still catching up (--indexer, FEF_INDEXER_URL).`);
  }
  const client = indexerClient(url);
  const table =
    report === "ledger"
      ? await ledger(client)
      : report === "holders"
        ? await holdersTable(client)
        : report === "payments"
          ? await paymentsTable(
              client,
              parseWhole("--company", args.company),
              BigInt(Math.floor(Date.now() / 1000)),
            )
          : report === "statement"
            ? await statementTable(client, parseAddress("--investor", args.investor))
            : await trustees(client);
  const csvFile = optional(args.csv);
  if (csvFile) writeFileSync(csvFile, toCsv(table.header, table.rows));
  return emit(args.json, { report, header: table.header, rows: table.rows }, () => [
    `${report} from ${url}: ${table.rows.length} rows${csvFile ? ` (CSV: ${csvFile})` : ""}`,
    table.header.join("\t"),
    ...table.rows.slice(0, 50).map((row) => row.map(String).join("\t")),
    ...(table.rows.length > 50 ? [`… ${table.rows.length - 50} more (use --csv)`] : []),
  ]);
}
