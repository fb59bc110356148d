// The restore backup in an ExcelJS workbook: the same very hidden sheet, with the same
// rows, as the Office.js layer keeps (src/core/reader/backup.ts), so a file saved by the
// CLI (`calcola --out`) or the preview still knows what each Performance cell held before
// the add-in first wrote it — the user's original statement, the reference of every
// correction on later runs, in Excel too.
import type ExcelJS from "exceljs";
import { backupHeader, backupRows, BACKUP_SHEET_NAME, type BackupEntry } from "../../core/reader/backup";
import { backupAfterWrites, type WorkbookAnalysis } from "../../core/reader/analyze";
import { ownsSheet, replaceSheet, sheetMark } from "./sheets";
import { applyWrites } from "./writes";

/** The add-in's backup sheet: by its mark; by its name only where the marks are unknown. */
function ownBackup(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((w) => sheetMark(w) === "backup") ?? workbook.worksheets.find((w) => w.name.toLowerCase() === BACKUP_SHEET_NAME.toLowerCase() && ownsSheet(workbook, w));
}

/**
 * Writes the whole backup (header + one row per cell), very hidden: never shown, never
 * printed. A user's sheet that has the backup's name is left alone (never cleared nor
 * hidden): the backup gets a free name (see replaceSheet).
 */
export function writeBackupSheet(workbook: ExcelJS.Workbook, entries: BackupEntry[]): ExcelJS.Worksheet | null {
  const existing = ownBackup(workbook);
  if (!entries.length && !existing) return null;
  const ws = replaceSheet(workbook, existing?.name ?? BACKUP_SHEET_NAME, "backup");
  const rows = [backupHeader(), ...backupRows(entries)];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v === "" ? null : v;
      cell.numFmt = "@";
    }),
  );
  ws.state = "veryHidden";
  return ws;
}

/**
 * Applies the analysis's writes and records, in the backup sheet, what each cell held
 * before the add-in first wrote it (see backupAfterWrites). Returns the cells written.
 */
export function applyWritesWithBackup(workbook: ExcelJS.Workbook, analysis: Pick<WorkbookAnalysis, "writes" | "backup">): number {
  const written = applyWrites(workbook, analysis.writes);
  if (written > 0) writeBackupSheet(workbook, backupAfterWrites(analysis.backup ?? [], analysis.writes));
  return written;
}
