// The summary sheet as the add-in leaves it in an ExcelJS workbook: built (or refreshed in
// place) from an analysis, and registered in the settings sheet as the add-in's own — with
// the fingerprint of what it shows, so a later run knows when it is stale — so the next
// run refreshes it and the reader skips it. Shared by the CLI and the browser preview.
// Only the sheet's content is decided here; how the package is written is the caller's.
import type ExcelJS from "exceljs";
import type { WorkbookAnalysis } from "../../core/reader/analyze";
import { buildSummaryModel, summarySheetName, type SummaryModel } from "../../core/summary";
import { SETTINGS_SHEET_NAME } from "../../core/reader/settings";
import { BACKUP_SHEET_NAME } from "../../core/reader/backup";
import { renderSummary } from "./summary";
import { writeSettings } from "./settings";
import { ownsSheet, sheetMark } from "./sheets";

export interface SummarySheetOptions {
  /** The source workbook's file name, stamped on the summary. */
  source?: string | null;
  producedAt?: Date;
}

/** Builds or refreshes the summary sheet; returns its name. */
export function writeSummarySheet(workbook: ExcelJS.Workbook, analysis: WorkbookAnalysis, options: SummarySheetOptions = {}): string {
  return writeSummarySheetModel(workbook, analysis, options).sheetName;
}

/** As writeSummarySheet, returning the model drawn (for the document and the tests). */
export function writeSummarySheetModel(workbook: ExcelJS.Workbook, analysis: WorkbookAnalysis, options: SummarySheetOptions = {}): SummaryModel {
  const name = summarySheetName(analysis.year, analysis.sheetNames, analysis.ownedSheets);
  const model = buildSummaryModel(analysis, { sheetName: name, source: options.source, producedAt: options.producedAt });
  renderSummary(workbook, model);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  // The add-in's backup by its mark (by name only where marks are unknown): never a user's sheet of that name.
  const backup = workbook.worksheets.find((w) => sheetMark(w) === "backup") ?? workbook.worksheets.find((w) => same(w.name, BACKUP_SHEET_NAME) && ownsSheet(workbook, w));
  const owned = analysis.ownedSheets.filter((n) => !same(n, SETTINGS_SHEET_NAME) && !same(n, name) && !(backup && same(n, backup.name)));
  const records = (analysis.summaryRecords ?? []).filter((r) => !same(r.sheet, name));
  writeSettings(workbook, analysis.policy, [...owned, ...(backup ? [backup.name] : []), name], [...records, { sheet: name, fingerprint: model.stamp.fingerprint }]);
  return model;
}
