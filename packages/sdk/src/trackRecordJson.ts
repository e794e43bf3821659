// Track records as JSON (the indexer's /track-records answer, `trustee:record --json`): bigints
// travel as decimal strings and come back as bigints, so both sides compare equal.
import type { TrackRecords } from "./trackRecord.ts";

/** The fields of a track record that hold bigints. */
const BIGINT_KEYS = new Set(["at", "applicationId", "roundId", "horizonAt", "firstPaidAt"]);

/** `records` as JSON text, bigints as decimal strings. */
export function trackRecordsToJson(records: TrackRecords, indent?: number): string {
  return JSON.stringify(
    records,
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    indent,
  );
}

/** Track records parsed back from `trackRecordsToJson`'s text. */
export function trackRecordsFromJson(text: string): TrackRecords {
  return JSON.parse(text, (key, value: unknown) =>
    BIGINT_KEYS.has(key) && typeof value === "string" ? BigInt(value) : value,
  ) as TrackRecords;
}
