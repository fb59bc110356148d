// The restore backup: a very hidden sheet the add-in owns, one row per cell change made
// by "Calcola performance", holding what the cell held before (value, formula and number
// format, as JSON) and what was written. Kept inside the workbook so "Ripristina" works
// after the file is saved, closed and reopened. Runs only APPEND rows (no need to read the
// backup before writing); for each cell, the first row holds the user's original content
// and the last row what the add-in last wrote.
import type { CellValue } from "../core/types";
import { BACKUP_SHEET } from "../messages/excel";
import { cellKey, decodeContent, encodeContent, type CellContent } from "./cells";

export const BACKUP_SHEET_NAME: string = BACKUP_SHEET.name;
export const BACKUP_COLUMNS = BACKUP_SHEET.headers.length;

export interface BackupEntry {
  sheet: string;
  cell: string;
  /** What the cell held before the first run that changed it. */
  before: CellContent;
  /** What the last run wrote. */
  after: CellContent;
}

/** The backup sheet's rows back into one entry per cell; unreadable rows are ignored. */
export function parseBackup(values: CellValue[][]): BackupEntry[] {
  const byKey = new Map<string, BackupEntry>();
  for (const row of values) {
    const [sheet, cell, before, after] = row;
    if (typeof sheet !== "string" || typeof cell !== "string" || !sheet || !cell) continue;
    const b = decodeContent(before), a = decodeContent(after);
    if (!b || !a) continue;
    const k = cellKey(sheet, cell);
    const old = byKey.get(k);
    if (old) old.after = a;
    else byKey.set(k, { sheet, cell, before: b, after: a });
  }
  return [...byKey.values()];
}

export function backupHeader(): CellValue[] {
  return [...BACKUP_SHEET.headers];
}

/** Rows for these changes (all text: the sheet's cells are formatted "@"). */
export function backupRows(entries: BackupEntry[]): CellValue[][] {
  return entries.map((e) => [e.sheet, e.cell, encodeContent(e.before), encodeContent(e.after)]);
}
