/** RFC 4180 CSV: fields with commas, quotes or newlines are quoted, quotes doubled. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | bigint | boolean)[])[],
): string {
  const cell = (v: string | number | bigint | boolean): string => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
