// The restore backup's cell codec and rows, pure: one row per cell change made by
// "Calcola performance" — sheet, cell, what the cell held before (value, formula, number
// format, as compact JSON) and what was written. The Office.js layer (src/excel/backup.ts)
// and the ExcelJS writer (src/adapters/exceljs/backup.ts) keep the same sheet, and the
// reader takes the user's original statements from it (src/core/rectifications.ts).
// For each cell the first row holds the user's original content, the last what the
// add-in last wrote.
import type { CellValue } from "../types";
import type { SheetGrid, WorkbookGrid } from "./grid";
import { BACKUP_SHEET } from "../../messages/excel";

export const BACKUP_SHEET_NAME: string = BACKUP_SHEET.name;
export const BACKUP_COLUMNS = BACKUP_SHEET.headers.length;

export interface CellContent {
  value: CellValue;
  /** The formula ("=…") when the cell holds one, else null. */
  formula: string | null;
  numberFormat: string;
  /** A constant error value (value holds its English code, "#N/A"): put back as an error,
   *  never as text. */
  error?: boolean;
  /** On what the add-in wrote: when the user accepted it as the reference (ISO date, «Accetta»):
   *  the correction against the original is no longer reported; the original stays here. */
  accepted?: string;
}

/** Excel's error values by their English code, which the core reads and range.formulas takes
 *  in any display language. */
export const ERROR_CODES: readonly string[] = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"];

export interface BackupEntry {
  sheet: string;
  cell: string;
  /** What the cell held before the first run that changed it. */
  before: CellContent;
  /** What the last run wrote. */
  after: CellContent;
}

/** Compact JSON for the backup sheet: {"v":…,"f":…,"n":…} (and "e":1 for an error constant,
 *  "a":"2026-12-01" for a written value the user accepted). */
export function encodeContent(c: CellContent): string {
  const o: Record<string, unknown> = { v: c.value, f: c.formula, n: c.numberFormat };
  if (c.error) o.e = 1;
  if (c.accepted) o.a = c.accepted;
  return JSON.stringify(o);
}

export function decodeContent(s: unknown): CellContent | null {
  if (typeof s !== "string" || !s.startsWith("{")) return null;
  try {
    const o = JSON.parse(s) as { v?: unknown; f?: unknown; n?: unknown; e?: unknown; a?: unknown };
    const v = o.v;
    if (!(v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean")) return null;
    if (!(o.f === null || o.f === undefined || typeof o.f === "string")) return null;
    if (typeof o.n !== "string") return null;
    const formula = typeof o.f === "string" && o.f.startsWith("=") ? o.f : null;
    const error = o.e === 1 && formula === null && typeof v === "string" && ERROR_CODES.includes(v);
    const out: CellContent = error ? { value: v, formula, numberFormat: o.n, error } : { value: v, formula, numberFormat: o.n };
    if (typeof o.a === "string" && /^\d{4}-\d{2}-\d{2}/.test(o.a)) out.accepted = o.a;
    return out;
  } catch {
    return null;
  }
}

/** "Foglio!B12" key for maps of cells (sheet names compare case-insensitively, as in Excel). */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell.toUpperCase().replace(/\$/g, "")}`;
}

/** The backup sheet's rows back into one entry per cell; unreadable rows are ignored. */
export function parseBackup(values: CellValue[][]): BackupEntry[] {
  const byKey = new Map<string, BackupEntry>();
  for (const row of values) {
    const [sheet, cell, before, after] = row;
    if (typeof sheet !== "string" || typeof cell !== "string" || !sheet || !cell) continue;
    const b = decodeContent(before),
      a = decodeContent(after);
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

/** Whether a sheet's first row is exactly the backup's header (A1:D1): what only the add-in writes there. */
export function hasBackupHeader(firstRow: readonly CellValue[] | undefined): boolean {
  return !!firstRow && BACKUP_SHEET.headers.every((h, i) => firstRow[i] === h);
}

/**
 * The add-in's backup sheet: the one carrying its mark. When the host could not read marks
 * (`grid.marksRead` false), a sheet of that name (any case); when it could, an unmarked sheet
 * of that name only if it starts with the backup's header (left by an earlier version) —
 * never a user's own sheet that merely has the name.
 */
export function findBackupSheet(grid: WorkbookGrid): SheetGrid | undefined {
  const marked = grid.sheets.find((s) => s.ownedBy === "backup");
  if (marked) return marked;
  const name = BACKUP_SHEET_NAME.toLowerCase();
  const byName = grid.sheets.find((s) => s.name.toLowerCase() === name && !s.ownedBy);
  if (!byName || !grid.marksRead) return byName;
  return byName.startRow === 0 && byName.startCol === 0 && hasBackupHeader(byName.values[0]) ? byName : undefined;
}

/** A name for a new sheet of the add-in: `base`, or — when a sheet already has it (any case,
 *  as Excel compares) — "base (2)", (3)…, cut to Excel's 31 characters. */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The backup entries found in the grid (none when the workbook has no backup sheet). */
export function readBackupFromGrid(grid: WorkbookGrid): BackupEntry[] {
  const sheet = findBackupSheet(grid);
  return sheet ? parseBackup(sheet.values) : [];
}
