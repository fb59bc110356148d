// The summary sheet as the add-in leaves it in an ExcelJS workbook: built (or refreshed in
// place) from an analysis, and registered in the settings sheet as the add-in's own, so the
// next run refreshes it and the reader skips it. Shared by the CLI and the browser preview.
import type ExcelJS from "exceljs";
import type { WorkbookAnalysis } from "../../core/reader/analyze";
import { buildSummaryModel, summarySheetName } from "../../core/reader/summary";
import { SETTINGS_SHEET_NAME } from "../../core/reader/settings";
import { renderSummary } from "./summary";
import { writeSettings } from "./settings";
import { BACKUP_SHEET_NAME } from "../../core/reader/backup";

/** Builds or refreshes the summary sheet; returns its name. */
export function writeSummarySheet(workbook: ExcelJS.Workbook, analysis: WorkbookAnalysis): string {
  const name = summarySheetName(analysis.year, analysis.sheetNames, analysis.ownedSheets);
  renderSummary(workbook, buildSummaryModel(analysis, name));
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const owned = analysis.ownedSheets.filter((n) => !same(n, SETTINGS_SHEET_NAME) && !same(n, name));
  const backup = workbook.worksheets.find((w) => same(w.name, BACKUP_SHEET_NAME));
  writeSettings(workbook, analysis.policy, [...owned.filter((n) => !backup || !same(n, backup.name)), ...(backup ? [backup.name] : []), name]);
  return name;
}
