// The share ledger's pause clock: every pause extends the grace of the companies' unreported periods
// (the returns registry's rule), so the payments' lateness needs it.
import type { Context } from "ponder:registry";
import { pauseClock } from "ponder:schema";

import {
  clockPaused,
  clockRenewed,
  clockUnpaused,
  NEVER_PAUSED,
  type PauseClock,
} from "@fef/sdk/history/lateness";

import { onEvent } from "./events";

const ID = "ledger";

/** The pause clock as of the events indexed so far. */
export async function readPauseClock(context: Context): Promise<PauseClock> {
  const row = await context.db.find(pauseClock, { id: ID });
  return row ?? NEVER_PAUSED;
}

async function writePauseClock(context: Context, clock: PauseClock): Promise<void> {
  await context.db
    .insert(pauseClock)
    .values({ id: ID, ...clock })
    .onConflictDoUpdate({ ...clock });
}

onEvent("FundShares:Paused", async ({ event, context }) => {
  const clock = await readPauseClock(context);
  await writePauseClock(context, clockPaused(clock, event.block.timestamp, event.args.until));
});

onEvent("FundShares:PauseRenewed", async ({ event, context }) => {
  const clock = await readPauseClock(context);
  await writePauseClock(context, clockRenewed(clock, event.args.until));
});

onEvent("FundShares:Unpaused", async ({ event, context }) => {
  const clock = await readPauseClock(context);
  await writePauseClock(context, clockUnpaused(clock, event.block.timestamp));
});
