// Small reads every action needs before it may write: the sheet list, which sheets are
// protected, which ones the add-in owns, and the content of the add-in's small sheets
// (settings, backup). Each `queue…` call queues loads and returns a function to call
// after the next context.sync(), so several of them share one round trip.
import type { CellValue } from "../core/types";
import type { Policy } from "../core/policy";
import type { SheetGrid } from "../core/reader/grid";
import type { WorkbookGrid } from "../core/reader/grid";
import { findSettingsSheet, readSettings, settingsSheetCells, SETTINGS_SHEET_NAME, type SettingsRead, type SummaryRecord } from "../core/reader/settings";
import { BACKUP_COLUMNS, BACKUP_SHEET_NAME, findBackupSheet, freeSheetName } from "../core/reader/backup";
import { formulaOf } from "./cells";
import { OWNER_PROPERTY, type OwnerKind } from "./readGrid";
import { SyncBudget, writeBlock } from "./payload";
import { columnCharsToPoints } from "../core/units";

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

/** The add-in's settings sheet is small (two columns, a few dozen rows): a bounded block is
 *  read, never a user's whole sheet that merely has a similar name. */
const SETTINGS_BLOCK = { rows: 500, cols: 4 };
/** A name the add-in's own sheet may have: its base name, or the name it took on a clash ("… (2)"). */
const candidatePrefix = (base: string) => base.slice(0, 27).toLowerCase();

/** One of the add-in's own sheets, as found by its mark. */
export interface OwnSheet {
  name: string;
  /** False for a sheet an earlier version left unmarked (recognised by its content): the next write marks it. */
  marked: boolean;
  protected: boolean;
  visibility: string;
  extent: Extent | null;
}

/** The add-in's small sheets — by their mark, never by their name — and the settings' content. */
export interface AddinSheets {
  marks: Map<string, OwnerKind | null>;
  settings?: OwnSheet;
  backup?: OwnSheet;
  /** The settings as the reader's codec reads them (the registry cannot claim an unmarked sheet). */
  read: SettingsRead;
}

interface Details {
  block?: () => SheetGrid;
  header?: () => CellValue[];
  extent: () => Extent | null;
  visibility: () => string;
  isProtected: () => boolean;
}

function queueDetails(context: Excel.RequestContext, name: string, kind: "settings" | "backup"): Details {
  const ws = context.workbook.worksheets.getItem(name);
  ws.load("visibility");
  const p = ws.protection;
  p.load("protected");
  const extent = queueExtent(context, name);
  const out: Details = { extent, visibility: () => ws.visibility, isProtected: () => p.protected === true };
  if (kind === "settings") {
    const r = ws.getRangeByIndexes(0, 0, SETTINGS_BLOCK.rows, SETTINGS_BLOCK.cols);
    r.load("values,numberFormat,formulas");
    out.block = () => {
      const values = r.values as CellValue[][];
      const formulas = (r.formulas as unknown[][]).map((row, i) => row.map((f, c) => formulaOf(values[i][c], f) ?? ""));
      return { name, startRow: 0, startCol: 0, values, formats: r.numberFormat as string[][], formulas, merges: [] };
    };
  } else {
    const r = ws.getRangeByIndexes(0, 0, 1, BACKUP_COLUMNS);
    r.load("values");
    out.header = () => (r.values as CellValue[][])[0];
  }
  return out;
}

/**
 * Queues, in the caller's next sync, the add-in's mark on every sheet and what the actions
 * need of its small sheets (the sheets whose name the settings or backup sheet may have):
 * content, visibility, extent, protection. A sheet is the add-in's only by its mark (or,
 * unmarked, when it holds exactly what an earlier version of the add-in wrote there); a
 * user's sheet with the same name is never read as settings, cleared or hidden. Resolving
 * takes no sync, except for a marked sheet the user renamed (one more).
 */
export function queueAddinSheets(context: Excel.RequestContext, list: SheetList): () => Promise<AddinSheets> {
  const readMarks = queueOwnerMarks(context, list.names);
  const details = new Map<string, Details>();
  const settingsPrefix = candidatePrefix(SETTINGS_SHEET_NAME);
  const backupPrefix = candidatePrefix(BACKUP_SHEET_NAME);
  for (const n of list.names) {
    const lower = n.toLowerCase();
    if (lower.startsWith(settingsPrefix)) details.set(n, queueDetails(context, n, "settings"));
    else if (lower.startsWith(backupPrefix)) details.set(n, queueDetails(context, n, "backup"));
  }
  return async () => {
    const marks = readMarks();
    const missing = list.names.filter((n) => !details.has(n) && (marks.get(n) === "settings" || marks.get(n) === "backup"));
    if (missing.length > 0) {
      for (const n of missing) details.set(n, queueDetails(context, n, marks.get(n) as "settings" | "backup"));
      await context.sync();
    }
    const grid: WorkbookGrid = {
      marksRead: true,
      sheets: list.names.map((name) => {
        const d = details.get(name);
        const values = d?.block ? null : d?.header ? [d.header()] : [];
        const g: SheetGrid = d?.block ? d.block() : { name, startRow: 0, startCol: 0, values: values ?? [], formats: [], formulas: [], merges: [] };
        const m = marks.get(name);
        return m ? { ...g, ownedBy: m } : g;
      }),
    };
    const own = (sheet: SheetGrid | undefined): OwnSheet | undefined => {
      const d = sheet ? details.get(sheet.name) : undefined;
      if (!sheet || !d) return undefined;
      return { name: sheet.name, marked: sheet.ownedBy !== undefined, protected: d.isProtected(), visibility: d.visibility(), extent: d.extent() };
    };
    return { marks, settings: own(findSettingsSheet(grid)), backup: own(findBackupSheet(grid)), read: readSettings(grid) };
  };
}

/**
 * Queues the settings sheet's whole content (policy + registry of owned sheets): the
 * add-in's own sheet (`state.settings`) is cleared and rewritten (and marked, if an earlier
 * version left it unmarked); when there is none, a new marked sheet is added — under a
 * free name when a user's sheet has the settings sheet's name. Strings are written with
 * the "@" format set first, so nothing becomes a formula. Returns the sheet's name.
 */
export async function queueSettingsWrite(
  context: Excel.RequestContext,
  budget: SyncBudget,
  list: SheetList,
  state: AddinSheets,
  policy: Policy,
  ownedSheets: string[],
  summaries?: SummaryRecord[],
): Promise<string> {
  const existing = state.settings;
  const name = existing?.name ?? freeSheetName(SETTINGS_SHEET_NAME, list.names);
  const sheet = existing ? context.workbook.worksheets.getItem(existing.name) : context.workbook.worksheets.add(name);
  if (existing) sheet.getRange().clear();
  if (!existing?.marked) sheet.customProperties.add(OWNER_PROPERTY, "settings");
  budget.add();
  const block = settingsSheetCells(policy, ownedSheets, summaries ?? []);
  await writeBlock(budget, sheet, 0, 0, block.values, block.formats);
  const title = sheet.getRange("A1");
  title.format.font.bold = true;
  title.format.font.size = 14;
  block.columnWidths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnCharsToPoints(w)));
  budget.add();
  return name;
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
  state: AddinSheets,
  fallbackPolicy: Policy,
  names: string[],
  create: boolean,
): Promise<boolean> {
  const settings = state.read;
  const known = new Set(settings.ownedSheets.map((n) => n.toLowerCase()));
  const missing = names.filter((n) => !known.has(n.toLowerCase()));
  if (missing.length === 0) return false;
  if (settings.found && settings.problems.length > 0) return false;
  if (!settings.found && !create) return false;
  const policy = settings.found ? settings.policy : fallbackPolicy;
  await queueSettingsWrite(context, budget, list, state, policy, [...settings.ownedSheets, ...missing], settings.summaries);
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
