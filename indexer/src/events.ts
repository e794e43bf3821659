// Every Fund event, decoded, in fund_event (arguments as JSON, integers as decimal strings): the
// per-event feed that clients page through by (block, log index), beside the tables built for questions.
import { replaceBigInts } from "ponder";
import type { Context } from "ponder:registry";
import { fundEvent } from "ponder:schema";

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
