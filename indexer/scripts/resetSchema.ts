// Drops the indexer's PostgreSQL schema (DATABASE_URL, schema from argv or DATABASE_SCHEMA) so that a
// fresh local chain is indexed from its first block: the local chain reuses its addresses and block
// numbers on every start, and Ponder would otherwise resume from the old chain's checkpoint.
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
  console.log(`Dropped schema ${schema} (if it existed) in ${new URL(url).pathname.slice(1)}`);
} finally {
  await client.end();
}
