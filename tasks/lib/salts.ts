// The local record of a trustee's committed estimates: the salt (and the estimate) are needed to
// reveal, and nothing on chain holds them. Kept in a git-ignored file, readable only by its owner.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { fail } from "./fail.js";

export const SALT_DIRECTORY = ".fef";
export const SALT_FILE = "estimate-salts.json";

export interface StoredEstimate {
  estimateBps: number;
  salt: string;
  commitment: string;
}

/** chain / GrantRounds contract / trustee / application. */
export function saltKey(
  chainId: bigint,
  grantRounds: string,
  trustee: string,
  applicationId: bigint,
): string {
  return `${chainId}/${grantRounds.toLowerCase()}/${trustee.toLowerCase()}/${applicationId}`;
}

export function defaultSaltFile(root: string): string {
  return path.join(root, SALT_DIRECTORY, SALT_FILE);
}

function readAll(file: string): Record<string, StoredEstimate> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, StoredEstimate>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The salt file ${file} is not valid JSON (${reason}); fix or move it`);
  }
}

export function findEstimate(file: string, key: string): StoredEstimate | undefined {
  return readAll(file)[key];
}

/** Records an estimate before its commitment is sent, so a crash after sending cannot lose the salt. */
export function storeEstimate(file: string, key: string, entry: StoredEstimate): void {
  const all = readAll(file);
  all[key] = entry;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
}
