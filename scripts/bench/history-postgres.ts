// Step 4 of the history bench: the indexer's backfill into PostgreSQL (DATABASE_URL), with the
// database's growth per event. The bench's schema ("bench") and Ponder's sync cache (ponder_sync) are
// dropped first, so the growth is the whole cost of this chain's history: the tables and their
// indexes, fund_event, and Ponder's copy of the raw logs and blocks.
import type { ChildProcess } from "node:child_process";

import pg from "pg";

import { indexedBlock, indexerClient, indexerReady } from "@fef/sdk/history";

export type PostgresFigures = {
  readonly backfillSecondsIncludingStartup: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly databaseBytesBefore: number;
  readonly databaseBytesAfter: number;
  readonly bytesPerEvent: number;
  readonly gigabytesPerMillionEvents: number;
};

async function databaseSize(client: pg.Client): Promise<number> {
  const rows = await client.query<{ size: string }>(
    "select pg_database_size(current_database())::text as size",
  );
  return Number(rows.rows[0]?.size ?? 0);
}

export async function postgresBackfill(options: {
  readonly databaseUrl: string;
  readonly rpcPort: number;
  readonly indexerPort: number;
  readonly head: bigint;
  readonly finality: bigint;
  readonly background: (env: Record<string, string>) => ChildProcess;
  readonly until: (what: string, probe: () => Promise<boolean>, timeoutMs: number) => Promise<void>;
}): Promise<PostgresFigures> {
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    await db.query("drop schema if exists bench cascade");
    await db.query("drop schema if exists ponder_sync cascade");
    await db.query("vacuum");
    const before = await databaseSize(db);
    const url = `http://127.0.0.1:${options.indexerPort}`;
    const since = Date.now();
    options.background({
      FEF_RPC_PORT: String(options.rpcPort),
      DATABASE_URL: options.databaseUrl,
      PONDER_TELEMETRY_DISABLED: "true",
    });
    await options.until(
      "the PostgreSQL indexer at the head",
      async () =>
        (await indexerReady(url)) && ((await indexedBlock(url)) ?? 0n) + options.finality >= options.head,
      3_600_000,
    );
    const seconds = (Date.now() - since) / 1000;
    const events = Number(
      (await indexerClient(url).query<{ n: string }>("select count(*)::text as n from fund_event"))[0]?.n ??
        0,
    );
    const after = await databaseSize(db);
    const bytesPerEvent = events > 0 ? (after - before) / events : 0;
    return {
      backfillSecondsIncludingStartup: seconds,
      events,
      eventsPerSecond: events / seconds,
      databaseBytesBefore: before,
      databaseBytesAfter: after,
      bytesPerEvent,
      gigabytesPerMillionEvents: (bytesPerEvent * 1_000_000) / 1e9,
    };
  } finally {
    await db.end();
  }
}
