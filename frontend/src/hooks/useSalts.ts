import { useSyncExternalStore } from "react";

import {
  browserSaltStore,
  exportSalts,
  importSalts,
  type ImportResult,
  type SaltKey,
  type SaltRecord,
  type SaltStore,
} from "@fef/sdk/salts";

const listeners = new Set<() => void>();
let version = 0;
const changed = () => {
  version++;
  for (const listener of listeners) listener();
};

const backing = browserSaltStore();

/** The browser's salt store (localStorage, the SDK's record format); every write re-renders its readers. */
export const salts: SaltStore = {
  get: (key) => backing.get(key),
  list: () => backing.list(),
  put(record, options) {
    backing.put(record, options);
    changed();
  },
};

/** Adds the records of an export document (the command line's salt file is one). All or nothing. */
export function importSaltDocument(text: string): ImportResult {
  return importSalts(salts, text);
}

/** Every record kept in this browser, as one export document. */
export function exportSaltDocument(): string {
  return exportSalts(salts);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith("fef.")) changed();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The record kept for `key` (re-read after an import or a commit, also in another tab). */
export function useSaltRecord(key: SaltKey | undefined): SaltRecord | undefined {
  useSyncExternalStore(subscribe, () => version);
  return key ? salts.get(key) : undefined;
}

/** Which of `keys` have a record kept in this browser (re-read after an import or a commit). */
export function useStoredKeys(keys: readonly SaltKey[]): SaltKey[] {
  useSyncExternalStore(subscribe, () => version);
  return keys.filter((key) => salts.get(key) !== undefined);
}

/** How many records this browser keeps. */
export function useSaltCount(): number {
  useSyncExternalStore(subscribe, () => version);
  return salts.list().length;
}
