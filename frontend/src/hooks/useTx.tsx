import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { waitForTransactionReceipt } from "wagmi/actions";

import { decodeError, errorFormat } from "@fef/sdk/errors";
import type { AssetInfo } from "@fef/sdk/assets";

import { useFund } from "./useFund";

export type TxPhase = "checking" | "approving" | "wallet" | "pending" | "confirmed" | "failed";

export type TxEntry = {
  readonly id: number;
  readonly label: string;
  readonly phase: TxPhase;
  readonly note?: string;
  readonly hash?: Hex;
  readonly blockNumber?: bigint;
  readonly gasUsed?: bigint;
  readonly message?: string;
  readonly errorName?: string;
};

/** Reports progress from inside an action: e.g. step("wallet") right before asking the wallet to sign. */
export type TxStep = (phase: "checking" | "approving" | "wallet", note?: string) => void;

export type TxOptions = {
  /** The asset amounts in errors refer to when the error does not name it (e.g. an offering's asset). */
  readonly asset?: AssetInfo;
  /** Runs after confirmation (e.g. to clear a form). */
  readonly onConfirmed?: () => void;
};

type TxContextValue = {
  readonly entries: readonly TxEntry[];
  readonly busy: ReadonlySet<string>;
  /**
   * Runs one transaction: `action` simulates (so reverts are caught and decoded before the wallet
   * opens), calls step("wallet"), sends and returns the hash; the runner then waits for the receipt,
   * shows pending → confirmed / failed, and refreshes every query once it is confirmed.
   */
  readonly run: (
    label: string,
    action: (step: TxStep) => Promise<Hex>,
    options?: TxOptions,
  ) => Promise<boolean>;
  /** Shows an error that happened outside a transaction (e.g. a signature), decoded the same way. */
  readonly report: (label: string, error: unknown, options?: TxOptions) => void;
  readonly dismiss: (id: number) => void;
};

const TxContext = createContext<TxContextValue | null>(null);
const MAX_ENTRIES = 6;

export function TxProvider({ children }: { children: ReactNode }) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { assets, chainId } = useFund();
  const [entries, setEntries] = useState<readonly TxEntry[]>([]);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const nextId = useRef(1);

  const update = useCallback((id: number, patch: Partial<TxEntry>) => {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }, []);

  const add = useCallback((label: string, phase: TxPhase): number => {
    const id = nextId.current++;
    setEntries((list) => [{ id, label, phase }, ...list].slice(0, MAX_ENTRIES));
    return id;
  }, []);

  const report = useCallback(
    (label: string, error: unknown, options?: TxOptions) => {
      const id = add(label, "failed");
      const decoded = decodeError(error, errorFormat(assets, options?.asset));
      update(id, {
        message: decoded.message,
        ...(decoded.errorName ? { errorName: decoded.errorName } : {}),
      });
    },
    [add, update, assets],
  );

  const run = useCallback(
    async (label: string, action: (step: TxStep) => Promise<Hex>, options?: TxOptions): Promise<boolean> => {
      const id = add(label, "checking");
      setBusy((b) => new Set(b).add(label));
      try {
        const hash = await action((phase, note) =>
          update(id, { phase, ...(note ? { note } : { note: undefined }) }),
        );
        update(id, { phase: "pending", hash, note: undefined });
        const receipt = await waitForTransactionReceipt(config, { hash, chainId });
        if (receipt.status !== "success") {
          update(id, {
            phase: "failed",
            blockNumber: receipt.blockNumber,
            message:
              "The transaction was mined but reverted: the chain changed between the check and the inclusion. Nothing was changed; try again.",
          });
          return false;
        }
        update(id, { phase: "confirmed", blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed });
        await queryClient.invalidateQueries();
        options?.onConfirmed?.();
        return true;
      } catch (error) {
        const decoded = decodeError(error, errorFormat(assets, options?.asset));
        update(id, {
          phase: "failed",
          note: undefined,
          message: decoded.message,
          ...(decoded.errorName ? { errorName: decoded.errorName } : {}),
        });
        return false;
      } finally {
        setBusy((b) => {
          const next = new Set(b);
          next.delete(label);
          return next;
        });
      }
    },
    [add, update, config, chainId, queryClient, assets],
  );

  const dismiss = useCallback((id: number) => setEntries((list) => list.filter((e) => e.id !== id)), []);

  const value = useMemo(
    () => ({ entries, busy, run, report, dismiss }),
    [entries, busy, run, report, dismiss],
  );
  return <TxContext.Provider value={value}>{children}</TxContext.Provider>;
}

export function useTx(): TxContextValue {
  const tx = useContext(TxContext);
  if (!tx) throw new Error("useTx must be used inside <TxProvider>");
  return tx;
}
