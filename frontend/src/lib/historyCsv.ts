// CSV exports read from the history indexer: the tables come from the SDK (the command line's
// `fund:history` shows the same columns), this file only turns them into CSV for a download.
import type { Address } from "viem";

import { holdersTable, paymentsTable, statementTable, tableCsv, type IndexerClient } from "@fef/sdk/history";

/** Every holder (balance, shares awarded and subscribed, returns claims), largest balance first. */
export async function holdersCsv(client: IndexerClient): Promise<string> {
  return tableCsv(await holdersTable(client));
}

/** Every period of a company's commitments: paid on time, paid late or overdue as of `now`. */
export async function paymentsCsv(client: IndexerClient, companyId: bigint, now: bigint): Promise<string> {
  return tableCsv(await paymentsTable(client, companyId, now));
}

/** An investor's statement: subscriptions per offering, then returns claimed per asset. */
export async function statementCsv(client: IndexerClient, investor: Address): Promise<string> {
  return tableCsv(await statementTable(client, investor));
}
