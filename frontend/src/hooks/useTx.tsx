import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import type { Hex } from "viem";

import { decodeError, errorFormat } from "@fef/sdk/errors";
import type { AssetInfo } from "@fef/sdk/assets";

import { useFund } from "./useFund";

export type TxPhase = "checking" | "approving" | "wallet" | "safe" | "pending" | "confirmed" | "failed";

export type TxEntry = {
  readonly id: number;
  readonly label: string;
  readonly phase: TxPhase;
  readonly note?: string;
  readonly hash?: Hex;
  /** the Safe transaction hash, when the write went through a Safe */
  readonly safeTxHash?: Hex;
  readonly blockNumber?: bigint;
  readonly gasUsed?: bigint;
  readonly message?: string;
  readonly errorName?: string;
};

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
const MAX_ENTRIES = 6;

/** The state of the transaction panel: recent entries and what is busy. `useAction` drives it. */
export function TxProvider({ children }: { children: ReactNode }) {
  const { assets } = useFund();
  const [entries, setEntries] = useState<readonly TxEntry[]>([]);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const nextId = useRef(1);

  const update = useCallback((id: number, patch: Partial<Omit<TxEntry, "id" | "label">>) => {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }, []);

  const add = useCallback((label: string, phase: TxPhase): number => {
    const id = nextId.current++;
    setEntries((list) => [{ id, label, phase }, ...list].slice(0, MAX_ENTRIES));
    return id;
  }, []);

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

  const dismiss = useCallback((id: number) => setEntries((list) => list.filter((e) => e.id !== id)), []);

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
