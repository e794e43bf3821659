// CSV exports read from the history indexer through the SDK's typed queries (no event logs): the
// holders, a company's payments with their lateness, an investor's statement.
import type { Address } from "viem";

import { toCsv } from "@fef/sdk/csv";
import { companyPayments, holders, investorStatement, type IndexerClient } from "@fef/sdk/history";

const PAGE = 5_000;
const iso = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString();

/** Every holder (balance, shares awarded and subscribed, returns claims), largest balance first. */
export async function holdersCsv(client: IndexerClient): Promise<string> {
  const rows: (string | bigint | number)[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await holders(client, { offset, limit: PAGE });
    for (const h of page) {
      const provenance = [h.awarded > 0n ? "award" : "", h.subscribed > 0n ? "subscription" : ""]
        .filter(Boolean)
        .join(" & ");
      rows.push([h.address, h.balance, h.awarded, h.subscribed, provenance, h.claimCount]);
    }
    if (page.length < PAGE) break;
  }
  return toCsv(["holder", "balance", "awarded", "subscribed", "provenance", "returns_claims"], rows);
}

/** Every period of a company's commitments: paid on time, paid late or overdue as of `now`. */
export async function paymentsCsv(client: IndexerClient, companyId: bigint, now: bigint): Promise<string> {
  const records = await companyPayments(client, companyId, now);
  return toCsv(
    [
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
    records.map((r) => [
      r.commitmentId,
      r.period,
      r.lateness.replace("_", " "),
      iso(r.dueBy),
      r.paidAt === null ? "" : iso(r.paidAt),
      r.secondsLate,
      r.asset ?? "",
      r.grossReturns,
      r.paid,
      r.disputed ? "yes" : "no",
      r.transactionHash ?? "",
    ]),
  );
}

/** An investor's statement: subscriptions per offering, then returns claimed per asset. */
export async function statementCsv(client: IndexerClient, investor: Address): Promise<string> {
  const s = await investorStatement(client, investor);
  return toCsv(
    ["entry", "offering", "asset", "shares", "cost_or_claimed", "shares_claimed"],
    [
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
  );
}
