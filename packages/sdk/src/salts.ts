// Salt records: what a trustee must keep between committing a sealed estimate and revealing it. One
// record format for every tool, a store interface with a browser adapter (here) and a file adapter
// (`@fef/sdk/node/saltFile`), and one portable export document, so a trustee can commit in the
// dashboard and reveal from the command line, or the reverse.
import { getAddress, isAddress, type Address, type Hex } from "viem";

import { checkEstimateValues, sealEstimate, type EstimateValues } from "./seal.ts";

/** Which sealed estimate a record belongs to: one per chain, GrantRounds contract, trustee and application. */
export type SaltKey = {
  readonly chainId: number;
  readonly grantRounds: Address;
  readonly trustee: Address;
  readonly applicationId: bigint;
};

/** Everything needed to reveal: the estimate (probability, effort, stipend), its salt, and the sealed estimate they hash to. */
export type SaltRecord = SaltKey &
  EstimateValues & {
    readonly version: typeof SALT_RECORD_VERSION;
    readonly salt: Hex;
    readonly sealedEstimate: Hex;
  };

/** A record as JSON (`applicationId` and `stipend` as decimal strings). */
export type SaltRecordJson = {
  readonly version: typeof SALT_RECORD_VERSION;
  readonly chainId: number;
  readonly grantRounds: Address;
  readonly trustee: Address;
  readonly applicationId: string;
  readonly probabilityBps: number;
  readonly effortMonths: number;
  readonly stipend: string;
  readonly salt: Hex;
  readonly sealedEstimate: Hex;
};

/** The portable document of `exportSalts` / `importSalts` (and the file adapter's file). */
export type SaltDocument = {
  readonly format: typeof SALT_DOCUMENT_FORMAT;
  readonly version: typeof SALT_RECORD_VERSION;
  readonly records: readonly SaltRecordJson[];
};

/** Version 2: estimates carry probability, effort and stipend (version 1 held a probability only). */
export const SALT_RECORD_VERSION = 2;

export const SALT_DOCUMENT_FORMAT = "fef.estimate-salts";

export type PutOptions = {
  /** Overwrite a different record under the same key (only when its sealed estimate was never committed). */
  readonly replace?: boolean;
};

/** Where salt records are kept. Synchronous: localStorage and the file system both are. */
export interface SaltStore {
  get(key: SaltKey): SaltRecord | undefined;
  /** Stores `record`; an identical record is a no-op; a different one under the same key throws unless `replace`. */
  put(record: SaltRecord, options?: PutOptions): void;
  list(): SaltRecord[];
}

export class SaltRecordError extends Error {
  override name = "SaltRecordError";
}

/** `31337/0xrounds…/0xtrustee…/7` (addresses lower-case). */
export function saltKey(key: SaltKey): string {
  return `${key.chainId}/${key.grantRounds.toLowerCase()}/${key.trustee.toLowerCase()}/${key.applicationId}`;
}

/** A new record, its sealed estimate computed locally. */
export function saltRecord(input: SaltKey & EstimateValues & { readonly salt: Hex }): SaltRecord {
  return {
    version: SALT_RECORD_VERSION,
    chainId: input.chainId,
    grantRounds: getAddress(input.grantRounds),
    trustee: getAddress(input.trustee),
    applicationId: input.applicationId,
    probabilityBps: input.probabilityBps,
    effortMonths: input.effortMonths,
    stipend: input.stipend,
    salt: input.salt,
    sealedEstimate: sealEstimate(input),
  };
}

export function sameRecord(a: SaltRecord, b: SaltRecord): boolean {
  return (
    saltKey(a) === saltKey(b) &&
    a.probabilityBps === b.probabilityBps &&
    a.effortMonths === b.effortMonths &&
    a.stipend === b.stipend &&
    a.salt.toLowerCase() === b.salt.toLowerCase() &&
    a.sealedEstimate.toLowerCase() === b.sealedEstimate.toLowerCase()
  );
}

export function toSaltJson(record: SaltRecord): SaltRecordJson {
  return { ...record, applicationId: record.applicationId.toString(), stipend: record.stipend.toString() };
}

/**
 * Validates one JSON record (as parsed) and returns it typed. Throws a SaltRecordError naming the
 * field, including when the salt and estimate do not hash to the recorded sealed estimate.
 */
export function fromSaltJson(value: unknown, where = "record"): SaltRecord {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new SaltRecordError(`${where}: expected an object`);
  const r = value as Record<string, unknown>;
  const bad = (field: string, expected: string): never => {
    throw new SaltRecordError(
      `${where}.${field}: expected ${expected}, got ${JSON.stringify(r[field]) ?? "nothing"}`,
    );
  };
  if (r.version === 1)
    throw new SaltRecordError(
      `${where}: a version-1 record (probability only) cannot reveal an estimate of probability, effort and stipend`,
    );
  if (r.version !== SALT_RECORD_VERSION) bad("version", String(SALT_RECORD_VERSION));
  if (typeof r.chainId !== "number" || !Number.isSafeInteger(r.chainId) || r.chainId <= 0)
    bad("chainId", "a positive whole number");
  for (const field of ["grantRounds", "trustee"] as const)
    if (typeof r[field] !== "string" || !isAddress(r[field] as string, { strict: false }))
      bad(field, "an address");
  for (const field of ["applicationId", "stipend"] as const)
    if (typeof r[field] !== "string" || !/^\d+$/.test(r[field] as string)) bad(field, "a decimal string");
  for (const field of ["probabilityBps", "effortMonths"] as const)
    if (typeof r[field] !== "number" || !Number.isInteger(r[field])) bad(field, "a whole number");
  const values: EstimateValues = {
    probabilityBps: r.probabilityBps as number,
    effortMonths: r.effortMonths as number,
    stipend: BigInt(r.stipend as string),
  };
  try {
    checkEstimateValues(values);
  } catch (error) {
    throw new SaltRecordError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const field of ["salt", "sealedEstimate"] as const)
    if (typeof r[field] !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(r[field] as string))
      bad(field, "32 bytes (0x and 64 hex digits)");
  const record = saltRecord({
    chainId: r.chainId as number,
    grantRounds: r.grantRounds as Address,
    trustee: r.trustee as Address,
    applicationId: BigInt(r.applicationId as string),
    ...values,
    salt: r.salt as Hex,
  });
  if (record.sealedEstimate.toLowerCase() !== (r.sealedEstimate as string).toLowerCase())
    throw new SaltRecordError(
      `${where}: the estimate and salt do not hash to its sealedEstimate (a corrupted or edited record)`,
    );
  return record;
}

/** Every record of `store` as one portable JSON document (pretty-printed). */
export function exportSalts(store: SaltStore): string {
  const document: SaltDocument = {
    format: SALT_DOCUMENT_FORMAT,
    version: SALT_RECORD_VERSION,
    records: store
      .list()
      .sort((a, b) => saltKey(a).localeCompare(saltKey(b)))
      .map(toSaltJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The records of an export document (text or parsed), validated; throws a SaltRecordError on any problem. */
export function parseSaltDocument(input: string | unknown): SaltRecord[] {
  let parsed: unknown = input;
  if (typeof input === "string") {
    try {
      parsed = JSON.parse(input);
    } catch (error) {
      throw new SaltRecordError(`Not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new SaltRecordError("Expected an estimate-salts document (a JSON object)");
  const doc = parsed as Record<string, unknown>;
  if (doc.format !== SALT_DOCUMENT_FORMAT)
    throw new SaltRecordError(`Not an estimate-salts document: "format" must be "${SALT_DOCUMENT_FORMAT}"`);
  if (doc.version !== SALT_RECORD_VERSION)
    throw new SaltRecordError(
      `Unsupported estimate-salts version ${String(doc.version)} (this tool reads version ${SALT_RECORD_VERSION})`,
    );
  if (!Array.isArray(doc.records)) throw new SaltRecordError('"records" must be an array');
  const records = doc.records.map((record, index) => fromSaltJson(record, `records[${index}]`));
  const seen = new Map<string, SaltRecord>();
  for (const record of records) {
    const earlier = seen.get(saltKey(record));
    if (earlier && !sameRecord(earlier, record))
      throw new SaltRecordError(`Two different records for ${saltKey(record)}`);
    seen.set(saltKey(record), record);
  }
  return [...seen.values()];
}

export type ImportResult = { readonly added: number; readonly unchanged: number };

/**
 * Adds the records of an export document to `store`. All or nothing: any invalid record, or a record
 * that differs from the one `store` already holds for the same key, refuses the whole import.
 * Importing the same document twice changes nothing.
 */
export function importSalts(store: SaltStore, input: string | unknown): ImportResult {
  const records = parseSaltDocument(input);
  const conflicts: string[] = [];
  let unchanged = 0;
  for (const record of records) {
    const held = store.get(record);
    if (held === undefined) continue;
    if (sameRecord(held, record)) unchanged++;
    else conflicts.push(saltKey(record));
  }
  if (conflicts.length > 0)
    throw new SaltRecordError(
      `Refused: this store already holds a different estimate for ${conflicts.join(", ")}; nothing was imported`,
    );
  for (const record of records) store.put(record);
  return { added: records.length - unchanged, unchanged };
}

/** The shared rule of every adapter's `put`. */
export function checkPut(held: SaltRecord | undefined, record: SaltRecord, options?: PutOptions): boolean {
  if (held === undefined) return true;
  if (sameRecord(held, record)) return false;
  if (options?.replace) return true;
  throw new SaltRecordError(
    `A different estimate is already stored for ${saltKey(record)}; it may be the one committed on chain`,
  );
}

/** A store in memory (tests, or a session that exports before it ends). */
export function memorySaltStore(initial: readonly SaltRecord[] = []): SaltStore {
  const records = new Map(initial.map((record) => [saltKey(record), record]));
  return {
    get: (key) => records.get(saltKey(key)),
    put(record, options) {
      if (checkPut(records.get(saltKey(record)), record, options)) records.set(saltKey(record), record);
    },
    list: () => [...records.values()],
  };
}

/** The part of the Web Storage API the browser adapter uses. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const BROWSER_PREFIX = "fef.estimate-salt:";

/**
 * Records in the browser's localStorage (one entry per record, `fef.estimate-salt:<key>`). Storage is
 * per origin and per browser profile: export to move them (or derive salts from the wallet).
 */
export function browserSaltStore(storage?: KeyValueStorage): SaltStore {
  const backing = storage ?? (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  if (!backing) throw new Error("No localStorage here; use the file store (@fef/sdk/node/saltFile) in Node.");
  const read = (storageKey: string): SaltRecord | undefined => {
    const raw = backing.getItem(storageKey);
    if (raw === null) return undefined;
    try {
      return fromSaltJson(JSON.parse(raw), storageKey);
    } catch {
      return undefined;
    }
  };
  const get = (key: SaltKey) => read(BROWSER_PREFIX + saltKey(key));
  return {
    get,
    put(record, options) {
      if (checkPut(get(record), record, options))
        backing.setItem(BROWSER_PREFIX + saltKey(record), JSON.stringify(toSaltJson(record)));
    },
    list() {
      const records: SaltRecord[] = [];
      for (let i = 0; i < backing.length; i++) {
        const storageKey = backing.key(i);
        if (storageKey === null || !storageKey.startsWith(BROWSER_PREFIX)) continue;
        const record = read(storageKey);
        if (record) records.push(record);
      }
      return records;
    },
  };
}
