// `piano-perf calcola FILE.xlsx --csv DATI.csv`: the open-data CSV (src/core/opendata),
// one row per indicator, UTF-8 without BOM, RFC 4180 with comma separator.
import type { WorkbookAnalysis } from "../../core/reader";
import { indicatorCsv, indicatorRows } from "../../core/opendata";
import { DOCUMENT_CLI } from "../../messages/document";
import type { CliIo } from "./documento";

/** Checks the value after --csv (the name only; the file is written after the analysis). */
export function checkCsvPath(csv: string, input: string, out: string | undefined, io: Pick<CliIo, "usageError" | "sameFile">): void {
  if (!/\.csv$/i.test(csv)) throw io.usageError(DOCUMENT_CLI.csvNotCsv(csv), true);
  if (io.sameFile(csv, input)) throw io.usageError(DOCUMENT_CLI.csvIsInput);
  if (out && io.sameFile(csv, out)) throw io.usageError(DOCUMENT_CLI.csvIsOut);
}

/** Writes the CSV; returns the Italian line to print. */
export function writeCsv(analysis: Pick<WorkbookAnalysis, "result" | "policy" | "year">, file: string, io: Pick<CliIo, "writeAtomic">): string {
  const input = { result: analysis.result, policy: analysis.policy, year: analysis.year };
  const text = indicatorCsv(input);
  io.writeAtomic(file, new TextEncoder().encode(text));
  return DOCUMENT_CLI.csvWritten(file, indicatorRows(input).length - 1);
}
