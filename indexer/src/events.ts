// Every Fund event, decoded, in fund_event (arguments as JSON, integers as decimal strings): the
// per-event feed that clients page through by (block, log index), beside the tables built for questions.
import { replaceBigInts } from "ponder";
import { ponder, type Context, type EventNames, type IndexingFunctionArgs } from "ponder:registry";
import { activity, fundEvent, returnsEntry } from "ponder:schema";

import { logId, position } from "./position";

export type AnyEvent = Parameters<typeof logId>[0] &
  Parameters<typeof position>[0] & { readonly args: object };

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

/**
 * Indexes the event `name` (`<Contract>:<Event>`): records it in fund_event, then runs `handle`, if
 * any, for the tables built for questions.
 */
export function onEvent<name extends EventNames>(
  name: name,
  handle?: (args: IndexingFunctionArgs<name>) => Promise<void>,
): void {
  ponder.on(name, async (args) => {
    await recordEvent(args.context, args.event, name);
    if (handle) await handle(args);
  });
}

/** The columns of a history row that come from its event: id and position. */
type FromEvent = "id" | "blockNumber" | "logIndex" | "timestamp" | "transactionHash";

/** What an account did in one event beside its kind: the asset and amount, and what it concerns. */
type ActivityDetail = Omit<typeof activity.$inferInsert, FromEvent | "account" | "kind">;

/** One movement of returns, as its returns-ledger row holds it. */
export type ReturnsRow = Omit<typeof returnsEntry.$inferInsert, FromEvent>;

/** Records in activity that `account` did `kind` in `event` (e.g. "claimed stipend", with its asset and amount). */
export async function recordActivity(
  context: Context,
  event: AnyEvent,
  account: `0x${string}`,
  kind: string,
  detail: ActivityDetail = {},
): Promise<void> {
  await context.db
    .insert(activity)
    .values({ id: logId(event), account, kind, ...detail, ...position(event) });
}

/** Records in the returns ledger the movement of returns in `event`. */
export async function recordReturns(context: Context, event: AnyEvent, row: ReturnsRow): Promise<void> {
  await context.db.insert(returnsEntry).values({ id: logId(event), ...row, ...position(event) });
}
