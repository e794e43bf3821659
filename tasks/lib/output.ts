/** JSON text of a summary: bigints as decimal strings. */
export function jsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item),
    2,
  );
}

/**
 * Prints a task's result — only JSON with `--json`, else the human summary — and returns the
 * summary object so that callers (and tests) can use it.
 */
export function emit<T>(json: boolean, summary: T, lines: () => string[]): T {
  console.log(json ? jsonText(summary) : lines().join("\n"));
  return summary;
}

/** Unix seconds as an ISO date-time (UTC): the SDK's, as in the history tables. */
export { isoTime } from "@fef/sdk/history/tables";

/** One-line JSON (bigints as strings), for values inside a human summary. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
}
