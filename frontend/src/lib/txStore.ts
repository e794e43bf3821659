// The transaction panel's entries kept in localStorage per chain and account, so that a reload (or a
// return later) still shows what was sent from this account and how it ended.
import type { Address, Hex } from "viem";

export type TxPhase = "checking" | "approving" | "wallet" | "safe" | "pending" | "confirmed" | "failed";

export type TxEntry = {
  readonly id: number;
  readonly label: string;
  readonly phase: TxPhase;
  /** When it started (ms since the epoch). */
  readonly startedAt: number;
  readonly note?: string;
  readonly hash?: Hex;
  /** the Safe transaction hash, when the write went through a Safe */
  readonly safeTxHash?: Hex;
  readonly blockNumber?: bigint;
  readonly gasUsed?: bigint;
  readonly message?: string;
  readonly errorName?: string;
  /** What the confirmed transaction did, in plain words (from its receipt). */
  readonly outcome?: readonly string[];
};

const PREFIX = "fef.tx.v1";
export const MAX_ENTRIES = 8;

export const storeKey = (chainId: number, account: Address | undefined): string =>
  `${PREFIX}:${chainId}:${account?.toLowerCase() ?? "none"}`;

type Stored = Omit<TxEntry, "blockNumber" | "gasUsed"> & { blockNumber?: string; gasUsed?: string };

export function loadEntries(key: string): TxEntry[] {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return [];
    const parsed = JSON.parse(raw) as Stored[];
    if (!Array.isArray(parsed)) return [];
    return parsed.slice(0, MAX_ENTRIES).map(({ blockNumber, gasUsed, ...rest }) => ({
      ...rest,
      ...(blockNumber !== undefined ? { blockNumber: BigInt(blockNumber) } : {}),
      ...(gasUsed !== undefined ? { gasUsed: BigInt(gasUsed) } : {}),
    }));
  } catch {
    return [];
  }
}

export function saveEntries(key: string, entries: readonly TxEntry[]): void {
  try {
    const stored: Stored[] = entries.slice(0, MAX_ENTRIES).map(({ blockNumber, gasUsed, ...rest }) => ({
      ...rest,
      ...(blockNumber !== undefined ? { blockNumber: blockNumber.toString() } : {}),
      ...(gasUsed !== undefined ? { gasUsed: gasUsed.toString() } : {}),
    }));
    if (stored.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the panel still works for this page.
  }
}

/** Entries left unfinished by a reload: sent ones are checked again, unsent ones cannot have happened. */
export function interrupted(entry: TxEntry): boolean {
  return entry.phase !== "confirmed" && entry.phase !== "failed";
}
