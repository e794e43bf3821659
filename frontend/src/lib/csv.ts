import { downloadFile } from "./download";

/** Saves `csv` (see `toCsv` in @fef/sdk/csv) as a file download in the browser. */
export function downloadCsv(filename: string, csv: string): void {
  downloadFile(filename, csv, "text/csv;charset=utf-8");
}
