import type { Address } from "viem";

import type { HistoryLog } from "../hooks/useHistory";

/** One line of an account's activity, from the indexer or from the loaded event logs. */
export type ActivityRow = {
  readonly key: string;
  readonly kind: string;
  readonly block: bigint;
  readonly time: bigint;
  readonly asset: Address | null;
  readonly amount: bigint | null;
  readonly tx: string;
};

/** The indexer's words for what an account did (its `activity.kind`), for the same events read from logs. */
const kindWords: Readonly<Record<string, string>> = {
  ApplicationSubmitted: "applied",
  ProposalApproved: "approved",
  ProposalCreated: "proposed",
  SharesClaimed: "claimed award shares",
  ReturnsClaimed: "claimed returns",
  StipendClaimed: "claimed stipend",
  SubscriptionSharesClaimed: "claimed subscription shares",
  DonationReceived: "donated",
  DepositRefunded: "refunded deposit",
  ReturnsReported: "reported returns",
  EstimateRevealed: "revealed estimate",
  Subscribed: "subscribed",
};

/** An event's name in words: the indexer's word, else its name split into lower-case words. */
export function activityWords(eventName: string): string {
  return kindWords[eventName] ?? eventName.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The loaded logs naming `account` in any argument, newest first (the fallback without an indexer). */
export function activityFromLogs(logs: readonly HistoryLog[], account: Address): ActivityRow[] {
  const me = account.toLowerCase();
  const rows: ActivityRow[] = [];
  for (const log of logs) {
    const args = log.args as Record<string, unknown>;
    if (!Object.values(args).some((v) => typeof v === "string" && v.toLowerCase() === me)) continue;
    const amount = args.amount ?? args.shares ?? args.paid;
    const asset = args.asset;
    rows.push({
      key: `${log.blockNumber}:${log.logIndex}`,
      kind: activityWords(log.eventName),
      block: log.blockNumber,
      time: log.timestamp,
      asset: typeof asset === "string" ? (asset as Address) : null,
      amount: typeof amount === "bigint" ? amount : null,
      tx: log.transactionHash,
    });
  }
  return rows.sort((a, b) => (a.block === b.block ? (a.key < b.key ? 1 : -1) : a.block < b.block ? 1 : -1));
}
