// Drops the indexer's PostgreSQL schema (DATABASE_URL, schema from argv or DATABASE_SCHEMA) and
// Ponder's sync cache (schema ponder_sync) so that a fresh local chain is indexed from its first
// block: the local chain reuses its chain id, addresses and block numbers on every start, and Ponder
// would otherwise resume from the old chain's checkpoint or serve the old chain's logs from its
// cache for block ranges it fetched before (events of the new chain then go missing).
// Not for production: there the schema holds the history of a chain that does not restart.
import pg from "pg";

const url = process.env.DATABASE_URL;
const schema = process.argv[2] ?? process.env.DATABASE_SCHEMA ?? "fund";
if (!url) throw new Error("DATABASE_URL is not set");
if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`"${schema}" is not a plain schema name`);

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.query(`drop schema if exists ponder_sync cascade`);
  console.log(
    `Dropped schemas ${schema} and ponder_sync (if they existed) in ${new URL(url).pathname.slice(1)}`,
  );
} finally {
  await client.end();
}
