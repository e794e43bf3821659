// `fund:history`: the Fund's history from the history indexer (SQL over HTTP, through the SDK):
// the returns ledger, the holders, a company's payments with their lateness, an investor's statement
// or the trustees' estimate records, as a table or CSV (--csv <file>) or JSON (--json).
import { writeFileSync } from "node:fs";

import { toCsv } from "@fef/sdk/csv";
import {
  companyPayments,
  holders,
  indexerClient,
  indexerReady,
  investorStatement,
  returnsLedger,
  trusteeRecords,
  type Cursor,
  type IndexerClient,
} from "@fef/sdk/history";

import { optional, parseAddress, parseWhole } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { emit, isoTime } from "./lib/output.js";

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

type Cell = string | number | bigint | boolean;
type Table = { readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] };

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

async function holderTable(client: IndexerClient): Promise<Table> {
  const rows: Cell[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await holders(client, { offset, limit: PAGE });
    for (const h of page) rows.push([h.address, h.balance, h.awarded, h.subscribed, h.claimCount]);
    if (page.length < PAGE) break;
  }
  return { header: ["holder", "balance", "awarded", "subscribed", "returns_claims"], rows };
}

async function payments(client: IndexerClient, companyId: bigint): Promise<Table> {
  const now = BigInt(Math.floor(Date.now() / 1000));
  const records = await companyPayments(client, companyId, now);
  return {
    header: [
      "commitment",
      "period",
      "lateness",
      "due_by",
      "paid_at",
      "seconds_late",
      "asset",
      "gross",
      "paid",
      "disputed",
      "tx",
    ],
    rows: records.map((r) => [
      r.commitmentId,
      r.period,
      r.lateness,
      isoTime(r.dueBy),
      r.paidAt === null ? "" : isoTime(r.paidAt),
      r.secondsLate,
      r.asset ?? "",
      r.grossReturns,
      r.paid,
      r.disputed,
      r.transactionHash ?? "",
    ]),
  };
}

async function statement(client: IndexerClient, investor: `0x${string}`): Promise<Table> {
  const s = await investorStatement(client, investor);
  return {
    header: ["entry", "offering", "asset", "shares", "cost_or_claimed", "shares_claimed"],
    rows: [
      ...s.subscriptions.map((x) => [
        "subscription",
        x.offeringId,
        x.asset ?? "",
        x.shares,
        x.cost,
        x.sharesClaimed,
      ]),
      ...s.claims.map((c) => ["returns claimed", "", c.asset, "", c.claimed, ""]),
    ],
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
        ? await holderTable(client)
        : report === "payments"
          ? await payments(client, parseWhole("--company", args.company))
          : report === "statement"
            ? await statement(client, parseAddress("--investor", args.investor))
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
