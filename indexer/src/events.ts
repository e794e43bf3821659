// Every Fund event, decoded, in fund_event (arguments as JSON, integers as decimal strings): the
// per-event feed that clients page through by (block, log index), beside the tables built for questions.
import { replaceBigInts } from "ponder";
import type { Context } from "ponder:registry";
import { activity, fundEvent } from "ponder:schema";

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

/** What an account did in one event, as its activity row holds it (id and position come from the event). */
type ActivityRow = Omit<
  typeof activity.$inferInsert,
  "id" | "blockNumber" | "logIndex" | "timestamp" | "transactionHash"
>;

/** Records in activity what `row.account` did in `event`. */
export async function recordActivity(context: Context, event: AnyEvent, row: ActivityRow): Promise<void> {
  await context.db.insert(activity).values({ id: logId(event), ...row, ...position(event) });
}
