// "Calcola performance" and "Ripristina" inside Excel. One Excel.run each, in a fixed
// number of round trips: read the sheet list; read the target cells, their sheets'
// protection and the add-in's small sheets; check everything; then write — the backup
// first, the cells after — in as few requests as the 5 MB limit allows (one normally).
// Nothing is written when a check fails.
import type { CellValue } from "../core/types";
import type { WorkbookAnalysis } from "../core/reader/analyze";
import { cellValueOfWrite, type CellWrite } from "../core/reader/writeback";
import { a1, parseA1 } from "../core/reader/grid";
import type { ProgressFn, WriteReport } from "../host/workbookHost";
import { EXCEL_ERRORS, EXCEL_PROGRESS } from "../messages/excel";
import { ExcelHostError } from "./errors";
import { cellKey, formulaOf, sameContent, type CellContent } from "./cells";
import { backupHeader, backupRows, parseBackup, BACKUP_COLUMNS, BACKUP_SHEET_NAME, type BackupEntry } from "./backup";
import { loadBoxes, type Box, type BoxData } from "./readBoxes";
import { OWNER_PROPERTY } from "./readGrid";
import { actionBytes, SyncBudget, writeBlock } from "./payload";
import { queueAddinSheets, queueProtection, queueRegister, queueSheetList, type AddinSheets, type Extent, type SheetList } from "./workbookState";
import { freeSheetName } from "../core/reader/backup";

export interface Target {
  sheet: string;
  cell: string;
  row: number;
  col: number;
}

/** One box per sheet column, from the first to the last target row in it. */
export function boxesFor(targets: Target[]): Box[] {
  const byColumn = new Map<string, { sheet: string; col: number; min: number; max: number }>();
  for (const t of targets) {
    const k = `${t.sheet}\u0000${t.col}`;
    const b = byColumn.get(k);
    if (b) {
      b.min = Math.min(b.min, t.row);
      b.max = Math.max(b.max, t.row);
    } else byColumn.set(k, { sheet: t.sheet, col: t.col, min: t.row, max: t.row });
  }
  return [...byColumn.values()].map((b) => ({ sheet: b.sheet, top: b.min, left: b.col, rows: b.max - b.min + 1, cols: 1 }));
}

/** Live content of each target cell, keyed by cellKey. */
export function contentIndex(data: BoxData[]): Map<string, CellContent> {
  const out = new Map<string, CellContent>();
  for (const d of data)
    d.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const address = a1(d.top + r, d.left + c);
        const formula = formulaOf(v, d.formulas[r][c]);
        const content: CellContent = { value: v, formula, numberFormat: d.formats[r][c] };
        out.set(cellKey(d.sheet, address), d.errors[r]?.[c] && formula === null ? { ...content, error: true } : content);
      }),
    );
  return out;
}

export function toTarget(sheet: string, cell: string): Target | null {
  const p = parseA1(cell);
  return p ? { sheet, cell: cell.toUpperCase().replace(/\$/g, ""), row: p.row, col: p.col } : null;
}

function requireSheets(list: SheetList, names: string[]): Map<string, string> {
  const actual = new Map<string, string>();
  for (const n of names) {
    const found = list.find(n);
    if (!found) throw new ExcelHostError("sheetMissing", EXCEL_ERRORS.sheetMissing(n));
    actual.set(n, found);
  }
  return actual;
}

export function refuseProtected(names: string[]): void {
  if (names.length > 0) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedSheets(names));
}

interface Change {
  target: Target;
  before: CellContent;
  after: CellContent;
}

/**
 * Writes contiguous runs of changed cells per sheet column: number formats first, then
 * the values through `range.formulas` (which takes formulas and constants alike). Text
 * that Excel would read as something else (a formula, a number…) is entered under a
 * temporary "@" format, then the cell's own format is put back — so it lands as the
 * exact text without an apostrophe being added.
 */
async function writeCells(context: Excel.RequestContext, budget: SyncBudget, changes: { target: Target; content: CellContent }[]): Promise<void> {
  const sorted = [...changes].sort((a, b) => (a.target.sheet < b.target.sheet ? -1 : a.target.sheet > b.target.sheet ? 1 : a.target.col - b.target.col || a.target.row - b.target.row));
  const sheets = new Map<string, Excel.Worksheet>();
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (
      j < sorted.length &&
      j - i < 2000 &&
      sorted[j].target.sheet === sorted[i].target.sheet &&
      sorted[j].target.col === sorted[i].target.col &&
      sorted[j].target.row === sorted[j - 1].target.row + 1
    )
      j++;
    const run = sorted.slice(i, j);
    i = j;
    const t0 = run[0].target;
    let ws = sheets.get(t0.sheet);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(t0.sheet);
      sheets.set(t0.sheet, ws);
    }
    const formats = run.map((c) => [c.content.numberFormat]);
    // An error constant goes in as its English literal ("#N/A", which range.formulas takes in
    // any display language), under the cell's own format: Excel makes it an error again.
    const inputs: CellValue[][] = run.map((c) => [c.content.formula ?? c.content.value ?? ""]);
    const isText = (c: CellContent) => c.formula === null && !c.error && typeof c.value === "string" && c.value !== "";
    const guarded = run.some((c) => isText(c.content));
    const entryFormats = guarded ? run.map((c) => [isText(c.content) ? "@" : c.content.numberFormat]) : formats;
    await budget.reserve(actionBytes(formats, inputs, guarded ? entryFormats : null));
    const range = ws.getRangeByIndexes(t0.row, t0.col, run.length, 1);
    range.numberFormat = entryFormats;
    range.formulas = inputs;
    if (guarded) range.numberFormat = formats;
  }
}

/** Appends the run's changes to the backup sheet (which prepareBackupSheet made). */
async function writeBackup(context: Excel.RequestContext, budget: SyncBudget, name: string, extent: Extent | null, entries: BackupEntry[]): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(name);
  const rows = backupRows(entries);
  if (!extent) rows.unshift(backupHeader());
  const top = extent ? extent.top + extent.rows : 0;
  await writeBlock(budget, sheet, top, 0, rows, rows.map((r) => r.map(() => "@")));
}

/** Whether the backup sheet is as the add-in leaves it: very hidden and marked as its own. */
function backupReady(state: AddinSheets): boolean {
  return state.backup !== undefined && state.backup.marked && state.backup.visibility === "VeryHidden";
}

/**
 * Creates the backup sheet — or repairs the add-in's own one left visible or unmarked (an
 * earlier version failing half-way on Excel desktop did that) — in a run of its own: sheet
 * visibility has no undo on Windows and Mac, so it cannot go inside the grouped write run
 * (docs/excel/excel-add-ins-undo-capabilities.md), and adding a very hidden sheet in the
 * same run as cell updates crashes Excel on undo (office-js#6001). The backup is found by
 * its mark: a user's sheet with its name is never hidden nor marked — the backup gets a
 * free name instead. Returns whether the visibility was changed (on desktop that empties
 * the user's undo history).
 */
export async function prepareBackupSheet(context: Excel.RequestContext): Promise<boolean> {
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  // No sheet has a name the backup may have (its own, or the one it took on a clash; a very
  // hidden sheet cannot be renamed in Excel's UI): create it without reading the marks.
  const prefix = BACKUP_SHEET_NAME.slice(0, 27).toLowerCase();
  let backup: AddinSheets["backup"];
  if (list.names.some((n) => n.toLowerCase().startsWith(prefix))) {
    const readState = queueAddinSheets(context, list);
    await context.sync();
    backup = (await readState()).backup;
  }
  if (!backup) {
    if (list.workbookProtected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook);
    const sheet = context.workbook.worksheets.add(freeSheetName(BACKUP_SHEET_NAME, list.names));
    sheet.customProperties.add(OWNER_PROPERTY, "backup");
    sheet.visibility = "VeryHidden";
    await context.sync();
    return true;
  }
  const ws = context.workbook.worksheets.getItem(backup.name);
  if (!backup.marked) ws.customProperties.add(OWNER_PROPERTY, "backup");
  const hide = backup.visibility !== "VeryHidden";
  if (hide) ws.visibility = "VeryHidden";
  await context.sync();
  return hide;
}

/** The backup's entries (its rows read in blocks: long JSON text can be large). */
export async function readBackup(context: Excel.RequestContext, name: string, extent: Extent | null): Promise<BackupEntry[]> {
  if (!extent) return [];
  const [data] = await loadBoxes(context, [{ sheet: name, top: extent.top, left: 0, rows: extent.rows, cols: BACKUP_COLUMNS }], { valuesOnly: true, cellsPerSync: 40_000 });
  return parseBackup(data.values);
}

/** What a write run did, or that it wrote nothing because the backup sheet must first be
 *  prepared in a run of its own (prepareBackupSheet), after which it is run again. */
export type WriteOutcome = { report: WriteReport } | { needsBackupSheet: true };

/**
 * "Calcola performance": writes analysis.writes, saving what they replace. Only cell
 * contents and the add-in's settings change here (all undoable): the run may be one undo
 * group. When the backup sheet is missing or not hidden, it writes nothing and asks for it.
 */
export async function writePerformances(context: Excel.RequestContext, analysis: WorkbookAnalysis, onProgress?: ProgressFn): Promise<WriteOutcome> {
  if (analysis.cardCount === 0) throw new ExcelHostError("noCards", EXCEL_ERRORS.noCards);
  if (!Array.isArray(analysis.writes)) throw new ExcelHostError("staleAnalysis", EXCEL_ERRORS.staleAnalysis);
  let skippedFormulas = analysis.skippedFormulas ?? 0;
  const wanted = new Map<string, { target: Target; write: CellWrite }>();
  for (const w of analysis.writes) {
    const t = toTarget(w.sheet, w.cell);
    if (t) wanted.set(cellKey(t.sheet, t.cell), { target: t, write: w });
  }
  if (wanted.size === 0) return { report: { written: 0, skippedFormulas } };
  onProgress?.({ phase: EXCEL_PROGRESS.reading, done: 0, total: 1 });

  // Round trip 1: which sheets exist.
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  const actual = requireSheets(list, [...new Set([...wanted.values()].map((x) => x.target.sheet))]);
  for (const x of wanted.values()) x.target.sheet = actual.get(x.target.sheet) ?? x.target.sheet;

  // Round trip 2: the target cells as they are now, protection, and the add-in's sheets (by their marks).
  let readProtection: () => string[] = () => [];
  let readState: (() => Promise<AddinSheets>) | null = null;
  const targets = [...wanted.values()].map((x) => x.target);
  const data = await loadBoxes(context, boxesFor(targets), {
    extra: () => {
      readProtection = queueProtection(context, [...actual.values()]);
      readState = queueAddinSheets(context, list);
    },
  });
  const state = await (readState as unknown as () => Promise<AddinSheets>)();
  const backupName = state.backup?.name;
  const live = contentIndex(data);

  // Decide, in memory.
  const changes: Change[] = [];
  for (const [key, { target, write }] of wanted) {
    const before = live.get(key);
    if (!before) continue;
    if (before.formula !== null) {
      // A formula (e.g. =PIANO.PERF(…)) is the user's: leave it.
      skippedFormulas++;
      continue;
    }
    const value = cellValueOfWrite(write);
    // Keep the cell's own percent format (also on an empty cell the user formatted).
    const numberFormat = write.value !== null && before.numberFormat.includes("%") ? before.numberFormat : write.numberFormat;
    const after: CellContent = { value, formula: null, numberFormat };
    if (sameContent(before, after)) continue;
    changes.push({ target, before, after });
  }
  if (changes.length === 0) return { report: { written: 0, skippedFormulas } };

  // Check before writing anything.
  const protectedSheets = readProtection();
  const changedSheets = new Set(changes.map((c) => c.target.sheet));
  refuseProtected([...protectedSheets.filter((n) => changedSheets.has(n)), ...(state.backup?.protected ? [state.backup.name] : [])]);
  if (!backupName && list.workbookProtected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook);
  if (!backupName || !backupReady(state)) return { needsBackupSheet: true };

  // Write: backup first (so a failure later never loses the original), then the cells.
  const budget = new SyncBudget(context);
  const entries: BackupEntry[] = changes.map((c) => ({ sheet: c.target.sheet, cell: c.target.cell, before: c.before, after: c.after }));
  onProgress?.({ phase: EXCEL_PROGRESS.saving, done: 0, total: changes.length });
  await writeBackup(context, budget, backupName, state.backup?.extent ?? null, entries);
  // The registry is a courtesy to the headless path: a protected settings sheet skips it.
  if (!state.settings?.protected) await queueRegister(context, budget, list, state, analysis.policy, [backupName], false);
  onProgress?.({ phase: EXCEL_PROGRESS.writing, done: 0, total: changes.length });
  await writeCells(context, budget, changes.map((c) => ({ target: c.target, content: c.after })));
  await budget.flush();
  onProgress?.({ phase: EXCEL_PROGRESS.writing, done: changes.length, total: changes.length });
  return { report: { written: changes.length, skippedFormulas } };
}

/** Whether "Ripristina" has anything to put back (a header and at least one row). */
export async function hasBackup(context: Excel.RequestContext): Promise<boolean> {
  const readList = queueSheetList(context);
  await context.sync();
  const readState = queueAddinSheets(context, readList());
  await context.sync();
  const extent = (await readState()).backup?.extent ?? null;
  return extent !== null && extent.top + extent.rows >= 2;
}

/**
 * "Ripristina": puts back what the runs replaced — values, formulas and number formats —
 * in the cells that still hold what the add-in wrote (a cell the user changed since is
 * the user's: left alone), then empties the backup. Returns the number of cells restored.
 */
export async function restoreBackup(context: Excel.RequestContext, onProgress?: ProgressFn): Promise<number> {
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  const readState = queueAddinSheets(context, list);
  await context.sync();
  const backup = (await readState()).backup;
  if (!backup) return 0;
  const backupName = backup.name;
  const entries = await readBackup(context, backupName, backup.extent);
  if (entries.length === 0) return 0;
  refuseProtected(backup.protected ? [backupName] : []);

  const present = entries
    .map((e) => {
      const sheet = list.find(e.sheet);
      const t = sheet ? toTarget(sheet, e.cell) : null;
      return t ? { entry: e, target: t } : null;
    })
    .filter((x): x is { entry: BackupEntry; target: Target } => x !== null);
  let readProtection: () => string[] = () => [];
  const data = await loadBoxes(context, boxesFor(present.map((p) => p.target)), {
    extra: () => {
      readProtection = queueProtection(context, present.map((p) => p.target.sheet));
    },
  });
  const live = contentIndex(data);
  const todo = present.filter((p) => {
    const now = live.get(cellKey(p.target.sheet, p.target.cell));
    return now !== undefined && sameContent(now, p.entry.after);
  });
  const protectedSheets = readProtection();
  refuseProtected(protectedSheets.filter((n) => todo.some((t) => t.target.sheet === n)));

  onProgress?.({ phase: EXCEL_PROGRESS.restoring, done: 0, total: todo.length });
  const budget = new SyncBudget(context);
  await writeCells(context, budget, todo.map((t) => ({ target: t.target, content: t.entry.before })));
  // The backup is used up: empty it (the sheet stays, hidden, for the next run).
  context.workbook.worksheets.getItem(backupName).getRange().clear();
  budget.add();
  await budget.flush();
  onProgress?.({ phase: EXCEL_PROGRESS.restoring, done: todo.length, total: todo.length });
  return todo.length;
}
