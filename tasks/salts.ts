// Moving estimate salts between tools: export the command line's salt records to one document (which
// the dashboard imports), or import the dashboard's export, so a trustee can commit in one tool and
// reveal in the other. Nothing here touches the chain.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { defaultSaltFile, fileSaltStore } from "@fef/sdk/node/saltFile";
import {
  type ImportResult,
  SaltRecordError,
  exportSalts as exportDocument,
  importSalts as importDocument,
} from "@fef/sdk/salts";

import { optional, required } from "./lib/args.js";
import { fail } from "./lib/fail.js";
import { emit } from "./lib/output.js";
import { withSalts } from "./lib/send.js";

export interface SaltArgs {
  /** the command line's salt store (default .fef/estimate-salts.json) */
  saltFile?: string;
  json: boolean;
}

export interface ExportArgs extends SaltArgs {
  out?: string;
}

export interface ImportArgs extends SaltArgs {
  file?: string;
}

export interface ExportSummary {
  saltFile: string;
  out: string;
  records: number;
}

export interface ImportSummary {
  saltFile: string;
  file: string;
  /** records new to the salt file */
  added: number;
  /** records the salt file already held, identical */
  unchanged: number;
}

function saltFileOf(args: SaltArgs, hre: HardhatRuntimeEnvironment): string {
  return optional(args.saltFile) ?? defaultSaltFile(hre.config.paths.root);
}

/** Writes every salt record of the salt file to `--out` (a new file, readable only by its owner). */
export async function exportSalts(args: ExportArgs, hre: HardhatRuntimeEnvironment): Promise<ExportSummary> {
  const out = path.resolve(required("out", args.out));
  const saltFile = saltFileOf(args, hre);
  if (existsSync(out))
    fail(`--out: ${out} already exists; choose a new file (an export never overwrites one)`);
  const store = fileSaltStore(saltFile);
  const records = (await withSalts(() => store.list())).length;
  if (records === 0) fail(`No salt records in ${saltFile}; nothing to export`);
  const document = await withSalts(() => exportDocument(store));
  try {
    writeFileSync(out, document, { mode: 0o600, flag: "wx" });
  } catch (error) {
    fail(`--out: cannot write ${out} (${error instanceof Error ? error.message : String(error)})`);
  }
  const summary: ExportSummary = { saltFile, out, records };
  return emit(args.json, summary, () => [
    `Exported ${records} salt record(s) from ${saltFile} to ${out}`,
    "  it holds the salts of sealed estimates: keep it private; salts:import (or any tool that reads the salt export document) takes it",
  ]);
}

/**
 * Adds the records of an export document (the dashboard's or another machine's) to the salt file:
 * each is validated, and the import is all or nothing, refused when it conflicts with a record held.
 */
export async function importSalts(args: ImportArgs, hre: HardhatRuntimeEnvironment): Promise<ImportSummary> {
  const file = path.resolve(required("file", args.file));
  const saltFile = saltFileOf(args, hre);
  if (!existsSync(file)) fail(`--file: ${file} does not exist`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return fail(`--file: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
  let result: ImportResult;
  try {
    result = importDocument(fileSaltStore(saltFile), text);
  } catch (error) {
    if (!(error instanceof SaltRecordError)) throw error;
    return fail(`Importing ${file} into ${saltFile}: ${error.message}`);
  }
  const summary: ImportSummary = { saltFile, file, ...result };
  return emit(args.json, summary, () => [
    `Imported ${result.added} salt record(s) from ${file} into ${saltFile}` +
      (result.unchanged > 0 ? `; ${result.unchanged} were already there` : ""),
  ]);
}
