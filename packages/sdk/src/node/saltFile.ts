// The file adapter of the salt store, for Node clients (the CLI): one JSON export document, readable
// only by its owner (file 0600 in a directory 0700), written before the commit is sent so a crash
// after sending cannot lose a salt.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import {
  SALT_DOCUMENT_FORMAT,
  SaltRecordError,
  checkPut,
  exportSalts,
  memorySaltStore,
  parseSaltDocument,
  saltKey,
  type SaltRecord,
  type SaltStore,
} from "../salts.ts";

export const SALT_DIRECTORY = ".fef";
export const SALT_FILE = "estimate-salts.json";

/** `<root>/.fef/estimate-salts.json` */
export function defaultSaltFile(root: string): string {
  return path.join(root, SALT_DIRECTORY, SALT_FILE);
}

function readFile(file: string): SaltRecord[] {
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SaltRecordError(`The salt file ${file} is not valid JSON (${reason}); fix or move it`);
  }
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
    const record = parsed as Record<string, unknown>;
    if (record.format === SALT_DOCUMENT_FORMAT) {
      try {
        return parseSaltDocument(parsed);
      } catch (error) {
        throw new SaltRecordError(`The salt file ${file}: ${error instanceof Error ? error.message : error}`);
      }
    }
  }
  throw new SaltRecordError(`The salt file ${file} is not an estimate-salts document`);
}

/** Salt records in `file` (default `.fef/estimate-salts.json` under the working directory). */
export function fileSaltStore(file: string = defaultSaltFile(process.cwd())): SaltStore {
  const write = (records: readonly SaltRecord[]) => {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, exportSalts(memorySaltStore(records)), { mode: 0o600 });
    renameSync(temporary, file);
  };
  return {
    get: (key) => readFile(file).find((record) => saltKey(record) === saltKey(key)),
    put(record, options) {
      const records = readFile(file);
      const index = records.findIndex((held) => saltKey(held) === saltKey(record));
      if (!checkPut(records[index], record, options)) return;
      if (index >= 0) records[index] = record;
      else records.push(record);
      write(records);
    },
    list: () => readFile(file),
  };
}
