// The indexer's HTTP API: SQL over HTTP at /sql (what the SDK's history module reads), trustee track
// records at /track-records, GraphQL at /graphql (and /), and /ready (Ponder's) for health checks.
import { Hono } from "hono";
import { cors } from "hono/cors";
import { client, graphql } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { trackRecordsAnswer } from "./trackRecords";

const app = new Hono();

// The dashboard is served from another origin (vite preview, a static host).
app.use("*", cors());
app.use("/sql/*", client({ db, schema }));
app.get("/track-records", async (c) =>
  c.body(await trackRecordsAnswer(c.req.query("at")), 200, { "content-type": "application/json" }),
);
app.use("/graphql", graphql({ db, schema }));
app.use("/", graphql({ db, schema }));

export default app;
