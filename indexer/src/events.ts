// Every Fund event, decoded, in fund_event (arguments as JSON, integers as decimal strings): the
// per-event feed that clients page through by (block, log index), beside the tables built for questions.
import { replaceBigInts } from "ponder";
import type { Context } from "ponder:registry";
import { activity, fundEvent, returnsEntry } from "ponder:schema";

import { logId, position } from "./position";

type AnyEvent = Parameters<typeof logId>[0] & Parameters<typeof position>[0] & { readonly args: object };

/** Records `event` (named `<Contract>:<Event>`) in fund_event. */
export async function recordEvent(context: Context, event: AnyEvent, name: string): Promise<void> {
  const [contract = "", eventName = ""] = name.split(":");
  await context.db.insert(fundEvent).values({
    id: logId(event),
    contract,
    name: eventName,
    args: replaceBigInts({ ...event.args }, (value) => value.toString()),
    ...position(event),
  });
}

/** The columns of a history row that come from its event: id and position. */
type FromEvent = "id" | "blockNumber" | "logIndex" | "timestamp" | "transactionHash";

/** What an account did in one event, as its activity row holds it. */
type ActivityRow = Omit<typeof activity.$inferInsert, FromEvent>;

/** One movement of returns, as its returns-ledger row holds it. */
type ReturnsRow = Omit<typeof returnsEntry.$inferInsert, FromEvent>;

/** Records in activity what `row.account` did in `event`. */
export async function recordActivity(context: Context, event: AnyEvent, row: ActivityRow): Promise<void> {
  await context.db.insert(activity).values({ id: logId(event), ...row, ...position(event) });
}

/** Records in the returns ledger the movement of returns in `event`. */
export async function recordReturns(context: Context, event: AnyEvent, row: ReturnsRow): Promise<void> {
  await context.db.insert(returnsEntry).values({ id: logId(event), ...row, ...position(event) });
}
