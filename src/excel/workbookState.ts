// Small reads every action needs before it may write: the sheet list, which sheets are
// protected, which ones the add-in owns, and the content of the add-in's small sheets
// (settings, backup). Each `queue…` call queues loads and returns a function to call
// after the next context.sync(), so several of them share one round trip.
import type { CellValue } from "../core/types";
import type { Policy } from "../core/policy";
import type { SheetGrid } from "../core/reader/grid";
import { readSettings, settingsSheetCells, SETTINGS_SHEET_NAME, type SettingsRead, type SummaryRecord } from "../core/reader/settings";
import { formulaOf } from "./cells";
import { OWNER_PROPERTY, type OwnerKind } from "./readGrid";
import { SyncBudget, writeBlock } from "./payload";

export interface SheetList {
  names: string[];
  workbookProtected: boolean;
  /** The sheet's actual name (Excel compares names case-insensitively), or undefined. */
  find(name: string): string | undefined;
}

export function queueSheetList(context: Excel.RequestContext): () => SheetList {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const protection = context.workbook.protection;
  protection.load("protected");
  return () => {
    const names = sheets.items.map((s) => s.name);
    return {
      names,
      workbookProtected: protection.protected === true,
      find: (name) => names.find((n) => n.toLowerCase() === name.toLowerCase()),
    };
  };
}

/** Which of these (existing) sheets are protected. */
export function queueProtection(context: Excel.RequestContext, names: string[]): () => string[] {
  const unique = [...new Set(names)];
  const items = unique.map((n) => {
    const p = context.workbook.worksheets.getItem(n).protection;
    p.load("protected");
    return { n, p };
  });
  return () => items.filter((i) => i.p.protected).map((i) => i.n);
}

/** The add-in's mark on each of these (existing) sheets. */
export function queueOwnerMarks(context: Excel.RequestContext, names: string[]): () => Map<string, OwnerKind | null> {
  const items = names.map((n) => ({ n, p: context.workbook.worksheets.getItem(n).customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value") }));
  return () => new Map(items.map(({ n, p }) => [n, p.isNullObject ? null : p.value === "summary" || p.value === "settings" || p.value === "backup" ? p.value : null]));
}

/** A small sheet's used range as a SheetGrid (null when the sheet is empty). */
export function queueSmallSheet(context: Excel.RequestContext, name: string): () => SheetGrid {
  const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,values,numberFormat,formulas");
  return () => {
    if (used.isNullObject) return { name, startRow: 0, startCol: 0, values: [], formats: [], formulas: [], merges: [] };
    const values = used.values as CellValue[][];
    return {
      name,
      startRow: used.rowIndex,
      startCol: used.columnIndex,
      values,
      formats: used.numberFormat as string[][],
      formulas: (used.formulas as unknown[][]).map((row, r) => row.map((f, c) => formulaOf(values[r][c], f) ?? "")),
      merges: [],
    };
  };
}

/** The settings sheet read with the reader's own codec (null when there is none). */
export function queueSettings(context: Excel.RequestContext, list: SheetList): () => SettingsRead {
  const name = list.find(SETTINGS_SHEET_NAME);
  if (!name) return () => readSettings({ sheets: [] });
  const read = queueSmallSheet(context, name);
  return () => readSettings({ sheets: [{ ...read(), ownedBy: "settings" }] });
}

/** Column widths in characters → points (Excel's default 8.43 characters = 48 points). */
export function widthPoints(chars: number): number {
  return Math.round(chars * 5.7 * 10) / 10;
}

/**
 * Queues the settings sheet's whole content (policy + registry of owned sheets), creating
 * the sheet when missing and marking it as the add-in's. Strings are written with the
 * "@" format set first, so nothing becomes a formula.
 */
export async function queueSettingsWrite(
  context: Excel.RequestContext,
  budget: SyncBudget,
  list: SheetList,
  policy: Policy,
  ownedSheets: string[],
  summaries?: SummaryRecord[],
): Promise<void> {
  const existing = list.find(SETTINGS_SHEET_NAME);
  const sheet = existing ? context.workbook.worksheets.getItem(existing) : context.workbook.worksheets.add(SETTINGS_SHEET_NAME);
  if (existing) sheet.getRange().clear();
  else sheet.customProperties.add(OWNER_PROPERTY, "settings");
  budget.add();
  const block = settingsSheetCells(policy, ownedSheets, summaries ?? []);
  await writeBlock(budget, sheet, 0, 0, block.values, block.formats);
  const title = sheet.getRange("A1");
  title.format.font.bold = true;
  title.format.font.size = 14;
  block.columnWidths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(w)));
  budget.add();
}

/**
 * Adds sheets to the registry of the settings sheet, so the headless path (which cannot
 * see worksheet custom properties) also knows them as the add-in's. Creates the settings
 * sheet when `create` (the summary) and there is none; never rewrites a settings sheet it
 * cannot read (the user's broken settings are left for the user to fix).
 */
export async function queueRegister(
  context: Excel.RequestContext,
  budget: SyncBudget,
  list: SheetList,
  settings: SettingsRead,
  fallbackPolicy: Policy,
  names: string[],
  create: boolean,
): Promise<boolean> {
  const known = new Set(settings.ownedSheets.map((n) => n.toLowerCase()));
  const missing = names.filter((n) => !known.has(n.toLowerCase()));
  if (missing.length === 0) return false;
  if (settings.found && settings.problems.length > 0) return false;
  if (!settings.found && !create) return false;
  const policy = settings.found ? settings.policy : fallbackPolicy;
  await queueSettingsWrite(context, budget, list, policy, [...settings.ownedSheets, ...missing], settings.summaries);
  return true;
}

export interface Extent {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Where a sheet's values are (null when it has none): geometry only, no cells. */
export function queueExtent(context: Excel.RequestContext, name: string): () => Extent | null {
  const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return () => (used.isNullObject ? null : { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount });
}
