import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

import { decodeError, errorFormat } from "@fef/sdk/errors";
import type { AssetInfo } from "@fef/sdk/assets";
import { describeReceipt } from "@fef/sdk/outcomes";

import {
  MAX_ENTRIES,
  interrupted,
  loadEntries,
  saveEntries,
  storeKey,
  type TxEntry,
  type TxPhase,
} from "../lib/txStore";
import { useFund } from "./useFund";

export type { TxEntry, TxPhase };

type TxContextValue = {
  readonly entries: readonly TxEntry[];
  /** Labels of the actions under way (their buttons are disabled). */
  readonly busy: ReadonlySet<string>;
  /** Starts an entry (phase "checking") and marks `label` busy; returns the entry's id. */
  readonly begin: (label: string) => number;
  readonly update: (id: number, patch: Partial<Omit<TxEntry, "id" | "label">>) => void;
  /** Ends entry `id` as failed with `error` decoded into plain words. */
  readonly fail: (id: number, error: unknown, asset?: AssetInfo) => void;
  /** Marks `label` no longer busy. */
  readonly end: (label: string) => void;
  /** Shows an error that happened outside a transaction (e.g. a signature), decoded the same way. */
  readonly report: (label: string, error: unknown, asset?: AssetInfo) => void;
  readonly dismiss: (id: number) => void;
};

const TxContext = createContext<TxContextValue | null>(null);

const REVERTED = "The transaction was mined but reverted. Nothing was changed; try again.";
const LOST =
  "The page was closed or reloaded before this was sent; nothing was sent. Try again if you still want it.";

/**
 * The state of the transaction panel: recent entries and what is busy. `useAction` drives it. Entries
 * are kept per chain and account in localStorage: after a reload they come back, and a transaction
 * that was pending is followed to its receipt again.
 */
export function TxProvider({ children }: { children: ReactNode }) {
  const { assets, account, chainId, client } = useFund();
  const key = storeKey(chainId, account);
  const [stored, setStored] = useState<{ key: string; entries: readonly TxEntry[] }>(() => ({
    key,
    entries: loadEntries(key),
  }));
  // Another account or chain: its own entries.
  if (stored.key !== key) setStored({ key, entries: loadEntries(key) });
  const entries = stored.entries;
  const setEntries = useCallback(
    (change: (list: readonly TxEntry[]) => readonly TxEntry[]) =>
      setStored((s) => {
        const next = change(s.entries);
        saveEntries(s.key, next);
        return { key: s.key, entries: next };
      }),
    [],
  );
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const nextId = useRef(Math.max(0, ...entries.map((e) => e.id)) + 1);
  const checked = useRef(new Set<string>());
  /** Entries started on this page (never "interrupted"). */
  const thisPage = useRef(new Set<number>());

  const update = useCallback(
    (id: number, patch: Partial<Omit<TxEntry, "id" | "label">>) => {
      setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
    },
    [setEntries],
  );

  const add = useCallback(
    (label: string, phase: TxPhase): number => {
      const id = Math.max(nextId.current, ...entries.map((e) => e.id + 1));
      nextId.current = id + 1;
      thisPage.current.add(id);
      setEntries((list) => [{ id, label, phase, startedAt: Date.now() }, ...list].slice(0, MAX_ENTRIES));
      return id;
    },
    [setEntries, entries],
  );

  // Entries a reload interrupted: a sent transaction is followed to its receipt; an unsent one failed.
  useEffect(() => {
    if (!client) return;
    for (const entry of entries) {
      if (!interrupted(entry) || thisPage.current.has(entry.id) || checked.current.has(`${key}:${entry.id}`))
        continue;
      checked.current.add(`${key}:${entry.id}`);
      if (!entry.hash) {
        update(entry.id, { phase: "failed", note: undefined, message: LOST });
        continue;
      }
      void client.waitForTransactionReceipt({ hash: entry.hash }).then(
        (receipt) =>
          update(
            entry.id,
            receipt.status === "success"
              ? {
                  phase: "confirmed",
                  note: undefined,
                  blockNumber: receipt.blockNumber,
                  gasUsed: receipt.gasUsed,
                  outcome: describeReceipt(receipt.logs, { ...(account ? { account } : {}), assets }),
                }
              : { phase: "failed", blockNumber: receipt.blockNumber, message: REVERTED },
          ),
        (error: unknown) =>
          update(entry.id, { phase: "failed", message: decodeError(error, errorFormat(assets)).message }),
      );
    }
  }, [entries, client, key, update, account, assets]);

  const begin = useCallback(
    (label: string) => {
      setBusy((b) => new Set(b).add(label));
      return add(label, "checking");
    },
    [add],
  );

  const end = useCallback((label: string) => {
    setBusy((b) => {
      const next = new Set(b);
      next.delete(label);
      return next;
    });
  }, []);

  const fail = useCallback(
    (id: number, error: unknown, asset?: AssetInfo) => {
      const decoded = decodeError(error, errorFormat(assets, asset));
      update(id, {
        phase: "failed",
        note: undefined,
        message: decoded.message,
        ...(decoded.errorName ? { errorName: decoded.errorName } : {}),
      });
    },
    [update, assets],
  );

  const report = useCallback(
    (label: string, error: unknown, asset?: AssetInfo) => fail(add(label, "failed"), error, asset),
    [add, fail],
  );

  const dismiss = useCallback(
    (id: number) => setEntries((list) => list.filter((e) => e.id !== id)),
    [setEntries],
  );

  const value = useMemo(
    () => ({ entries, busy, begin, update, fail, end, report, dismiss }),
    [entries, busy, begin, update, fail, end, report, dismiss],
  );
  return <TxContext.Provider value={value}>{children}</TxContext.Provider>;
}

export function useTx(): TxContextValue {
  const tx = useContext(TxContext);
  if (!tx) throw new Error("useTx must be used inside <TxProvider>");
  return tx;
}
