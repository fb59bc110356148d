// The Office.js layer's reading-and-computing runs (the workbook read, the analysis with the
// engine's reader, the merged areas a write needs) and the result writes: loaded by the
// Excel host on first use (a chunk of its own, prefetched after the pane opens), so the
// pane's first paint does not wait for the reader and the validation.
import { analyzeWorkbook, type WorkbookAnalysis } from "../core/reader/analyze";
import type { WorkbookGrid } from "../core/reader/grid";
import type { Policy } from "../core/policy";
import type { ProgressFn } from "../host/workbookHost";
import { EXCEL_ERRORS, EXCEL_PROGRESS } from "../messages/excel";
import { ExcelHostError } from "./errors";
import { isApiSupported } from "./officeRun";
import { readWorkbookGrid } from "./readGrid";
import { mergesCostUndo, readMerges, sheetsWhereMergesMatter, withMerges } from "./merges";
import { findSettingsSheet } from "../core/reader/settings";

export { hasBackup, prepareBackupSheet, restoreBackup, writePerformances } from "./writeResults";

export interface Analysed {
  analysis: WorkbookAnalysis;
  grid: WorkbookGrid;
  /** The settings sheet as read: none, visible (to hide), or hidden already. */
  settings: "absent" | "visible" | "hidden";
}

/**
 * Reads the workbook and analyses it (the restore backup is the add-in's, not a card: marked
 * so the reader skips it, and read for the users' original statements — the corrections).
 * `forWrite`: the run writes anyway, so on Excel for Windows it reads the merged areas where
 * they change a written cell (see merges.ts); a read-only run never does there.
 */
export async function analyzeIn(context: Excel.RequestContext, policy: Policy | undefined, onProgress: ProgressFn | undefined, forWrite: boolean): Promise<Analysed> {
  const costly = mergesCostUndo();
  const read = await readWorkbookGrid(context, onProgress, { merges: !costly });
  // marksRead: every mark was read, so a user's sheet named like the settings sheet is never read as settings.
  let grid: WorkbookGrid = { marksRead: true, sheets: read.grid.sheets.map((s, i) => (read.sheets[i].owner === "backup" ? { ...s, ownedBy: "backup" as const } : s)) };
  onProgress?.({ phase: EXCEL_PROGRESS.analysing, done: 0, total: 1 });
  let analysis = analyzeWorkbook(grid, policy);
  if (costly && forWrite && isApiSupported("1.13")) {
    const names = sheetsWhereMergesMatter(grid, analysis);
    const merges = names.length > 0 ? await readMerges(context, names) : null;
    if (merges) {
      grid = withMerges(grid, merges);
      analysis = analyzeWorkbook(grid, policy);
    }
  }
  onProgress?.({ phase: EXCEL_PROGRESS.analysing, done: 1, total: 1 });
  // The backup is the add-in's own sheet: never listed to the user as a sheet left out.
  const backups = new Set(read.sheets.filter((x) => x.owner === "backup").map((x) => x.name));
  if (backups.size > 0) analysis = { ...analysis, skippedSheets: analysis.skippedSheets.filter((n) => !backups.has(n)) };
  // The add-in's settings sheet by its mark (or an earlier version's unmarked one, by its content).
  const own = findSettingsSheet(grid);
  const settingsSheet = own ? read.sheets.find((x) => x.name === own.name) : undefined;
  const settings: Analysed["settings"] = !settingsSheet ? "absent" : settingsSheet.visibility === "Visible" ? "visible" : "hidden";
  return { analysis, grid, settings };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** An analysis read without merged areas (Excel for Windows), with what the write needs. */
export interface MergelessRead {
  grid: WorkbookGrid;
  /** Sheets whose written cells depend on merged areas. */
  sheets: string[];
}

/**
 * The analysis "Calcola performance" writes, when the one the user confirmed was read
 * without merged areas: the same grid with the merges that matter, read inside the write
 * run (which changes the workbook anyway). It may only differ in cells that were empty:
 * replacing a value the user was not asked about is refused. Null when Excel would not
 * give the merges (the confirmed analysis is written as it is).
 */
export async function withMergesRead(context: Excel.RequestContext, confirmed: WorkbookAnalysis, read: MergelessRead): Promise<WorkbookAnalysis | null> {
  const merges = await readMerges(context, read.sheets);
  if (!merges) return null;
  const fresh = analyzeWorkbook(withMerges(read.grid, merges), confirmed.policy);
  const key = (c: { sheet: string; cell: string; before: unknown }) => `${c.sheet}!${c.cell}\u0000${JSON.stringify(c.before)}`;
  const asked = new Set(confirmed.changes.map(key));
  if (fresh.changes.some((c) => !isBlank(c.before) && !asked.has(key(c)))) throw new ExcelHostError("staleAnalysis", EXCEL_ERRORS.staleAnalysis);
  return fresh;
}
