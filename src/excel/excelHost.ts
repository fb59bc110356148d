// The task pane's WorkbookHost for Excel: one Excel.run per user action (officeRun.ts),
// each reading in a constant number of round trips, computing in memory with the core,
// and writing in one batch.
import { analyzeWorkbook, type WorkbookAnalysis } from "../core/reader/analyze";
import type { WorkbookGrid } from "../core/reader/grid";
import type { Policy } from "../core/policy";
import type { Analysis, PrintReport, ProgressFn, WorkbookHost, WriteReport } from "../host/workbookHost";
import { EXCEL_ERRORS, EXCEL_NOTICES, EXCEL_PROGRESS } from "../messages/excel";
import { ExcelHostError } from "./errors";
import { isApiSupported, isDesktopExcel, runExcel, runExcelReporting } from "./officeRun";
import { readWorkbookGrid } from "./readGrid";
import { mergesCostUndo, problemsMayMissMerges, readMerges, sheetsWhereMergesMatter, withMerges } from "./merges";
import { hasBackup, prepareBackupSheet, restoreBackup, writePerformances } from "./writeResults";
import { insertEmptyCard } from "./emptyCard";
import { adoptWorkbookPolicy, loadPolicy, savePolicy } from "./policyStore";
import { selectCell } from "./selection";
import { queueAddinSheets, queueSheetList } from "./workbookState";
import { findSettingsSheet } from "../core/reader/settings";
import { hideSettingsSheet } from "./settingsVisibility";

/**
 * The settings sheet hidden in a run of its own, outside any undo group (settingsVisibility.ts).
 * Called before a grouped run that rewrites it (so that run's Ctrl+Z is kept) and after one
 * that may have created it. Returns whether it was hidden; a failure is logged, never shown.
 */
async function keepSettingsHidden(known?: SettingsState): Promise<boolean> {
  // Known from the analysis' own read: no run at all when there is nothing to hide.
  if (known === "hidden" || known === "absent") return false;
  try {
    return await runExcel(hideSettingsSheet);
  } catch (e) {
    console.warn("[piano] foglio delle impostazioni non nascosto", e);
    return false;
  }
}

interface Analysed {
  analysis: WorkbookAnalysis;
  grid: WorkbookGrid;
  /** The settings sheet as read: none, visible (to hide), or hidden already. */
  settings: SettingsState;
}

type SettingsState = "absent" | "visible" | "hidden";

/**
 * Reads the workbook and analyses it (the restore backup is the add-in's, not a card: marked
 * so the reader skips it, and read for the users' original statements — the corrections).
 * `forWrite`: the run writes anyway, so on Excel for Windows it reads the merged areas where
 * they change a written cell (see merges.ts); a read-only run never does there.
 */
async function analyzeIn(context: Excel.RequestContext, policy: Policy | undefined, onProgress: ProgressFn | undefined, forWrite: boolean): Promise<Analysed> {
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
  const settings: SettingsState = !settingsSheet ? "absent" : settingsSheet.visibility === "Visible" ? "visible" : "hidden";
  return { analysis, grid, settings };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** An analysis read without merged areas (Excel for Windows), with what the write needs. */
interface MergelessRead {
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
async function withMergesRead(context: Excel.RequestContext, confirmed: WorkbookAnalysis, read: MergelessRead): Promise<WorkbookAnalysis | null> {
  const merges = await readMerges(context, read.sheets);
  if (!merges) return null;
  const fresh = analyzeWorkbook(withMerges(read.grid, merges), confirmed.policy);
  const key = (c: { sheet: string; cell: string; before: unknown }) => `${c.sheet}!${c.cell}\u0000${JSON.stringify(c.before)}`;
  const asked = new Set(confirmed.changes.map(key));
  if (fresh.changes.some((c) => !isBlank(c.before) && !asked.has(key(c)))) throw new ExcelHostError("staleAnalysis", EXCEL_ERRORS.staleAnalysis);
  return fresh;
}

export function createExcelHost(): WorkbookHost {
  let lastYear: number | undefined;
  /** Analyses this host made without merged areas (read-only, Excel for Windows). */
  const withoutMerges = new WeakMap<object, MergelessRead>();
  /** The settings sheet's state as each analysis of this host read it. */
  const settingsOf = new WeakMap<object, SettingsState>();
  return {
    kind: "excel",
    async analyze(onProgress?: ProgressFn): Promise<Analysis> {
      const { analysis, grid, settings } = await runExcel((ctx) => analyzeIn(ctx, undefined, onProgress, false));
      lastYear = analysis.year ?? lastYear;
      settingsOf.set(analysis, settings);
      if (!mergesCostUndo() || !isApiSupported("1.13")) return analysis;
      // Read without merged areas (Excel for Windows): say where that shows, and let the
      // write run read the ones that change a written cell.
      const told: WorkbookAnalysis & Analysis = problemsMayMissMerges(grid, analysis) ? { ...analysis, notices: [EXCEL_NOTICES.mergesNotRead] } : { ...analysis };
      const sheets = sheetsWhereMergesMatter(grid, analysis);
      if (sheets.length > 0) withoutMerges.set(told, { grid, sheets });
      settingsOf.set(told, settings);
      return told;
    },
    async writeResults(analysis: Analysis, onProgress?: ProgressFn): Promise<WriteReport> {
      // The cells in one undo group; the backup sheet, when it must first be created or
      // hidden, in a run of its own before it (see prepareBackupSheet).
      const mergeless = withoutMerges.get(analysis);
      const notices: string[] = [];
      let merged: WorkbookAnalysis | null | undefined;
      const toWrite = async (ctx: Excel.RequestContext): Promise<WorkbookAnalysis> => {
        if (!mergeless) return analysis as WorkbookAnalysis;
        if (merged === undefined) {
          merged = await withMergesRead(ctx, analysis as WorkbookAnalysis, mergeless);
          // Reading them emptied the undo history (office-js#5918).
          if (merged) notices.push(EXCEL_NOTICES.undoHistoryCleared);
        }
        return merged ?? (analysis as WorkbookAnalysis);
      };
      const write = () => runExcelReporting(async (ctx) => writePerformances(ctx, await toWrite(ctx), onProgress), { undoGroup: true });
      // A write never creates the settings sheet: hidden before, only when the analysis saw it visible.
      if ((await keepSettingsHidden(settingsOf.get(analysis) ?? "hidden")) && isDesktopExcel()) notices.push(EXCEL_NOTICES.undoHistoryCleared);
      let outcome = await write();
      if ("needsBackupSheet" in outcome.value) {
        const hid = await runExcel(prepareBackupSheet);
        if (hid && isDesktopExcel()) notices.push(EXCEL_NOTICES.undoHistoryCleared);
        outcome = await write();
      }
      if ("needsBackupSheet" in outcome.value) throw new ExcelHostError("internal", EXCEL_ERRORS.internal);
      const all = [...new Set([...notices, ...outcome.notices])];
      return all.length > 0 ? { ...outcome.value.report, notices: all } : outcome.value.report;
    },
    canRestore(): Promise<boolean> {
      return runExcel(hasBackup);
    },
    restore(): Promise<number> {
      return runExcel((ctx) => restoreBackup(ctx), { undoGroup: true });
    },
    async buildSummary(analysis: Analysis): Promise<string> {
      // Built from the workbook as it is now (results written or not), with the analysis's
      // policy — as the headless path does — so running it twice gives the same sheet.
      // The summary's layout and renderer are loaded on demand: not part of the pane's initial JavaScript.
      const { buildSummarySheet } = await import(/* webpackChunkName: "summary-sheet" */ "./summarySheet");
      const before = settingsOf.get(analysis);
      await keepSettingsHidden(before);
      const built = await runExcel(async (ctx) => buildSummarySheet(ctx, (await analyzeIn(ctx, analysis.policy, undefined, true)).analysis), { undoGroup: true });
      // A summary the user had hidden is shown again outside the grouped run (no undo for
      // sheet visibility on Windows and Mac).
      if (built.hidden) await runExcel((ctx) => selectCell(ctx, built.name, "A1"));
      // The settings sheet the grouped run may just have created.
      if (before !== "hidden" && before !== "visible") await keepSettingsHidden();
      return built.name;
    },
    selectCell(sheet: string, cell: string): Promise<void> {
      return runExcel((ctx) => selectCell(ctx, sheet, cell));
    },
    insertEmptyCard(): Promise<string> {
      return runExcel((ctx) => insertEmptyCard(ctx, lastYear ?? new Date().getFullYear()), { undoGroup: true });
    },
    loadPolicy(): Promise<Policy> {
      return runExcel(loadPolicy);
    },
    async savePolicy(policy: Policy): Promise<void> {
      await keepSettingsHidden();
      await runExcel((ctx) => savePolicy(ctx, policy), { undoGroup: true });
      // Created by this save (the first one in this workbook): hidden now, in a run of its own.
      await keepSettingsHidden();
    },
    async preparePrint(onProgress?: ProgressFn): Promise<PrintReport> {
      const { prepareCardsForPrint } = await import(/* webpackChunkName: "card-print" */ "./cardPrint");
      // Page layouts have undo support: one grouped run, Ctrl+Z takes it back.
      const prints = await runExcel(async (ctx) => {
        const { analysis, grid } = await analyzeIn(ctx, undefined, onProgress, false);
        if (analysis.cardCount === 0) throw new ExcelHostError("noCards", EXCEL_ERRORS.noCards);
        return prepareCardsForPrint(ctx, grid, analysis);
      }, { undoGroup: true });
      return { sheets: prints.map((p) => p.sheet) };
    },
    createNextYear(onProgress?: ProgressFn) {
      // No Excel.run: the open workbook is neither read through a context nor written.
      // Loaded on demand (with ExcelJS): not part of the pane's initial JavaScript.
      return import(/* webpackChunkName: "next-year" */ "./newWorkbook").then((m) => m.createNextYearWorkbook(onProgress));
    },
    async compareWithFile(file, onProgress) {
      // The open workbook read as «Verifica» reads it (no write); the file and ExcelJS on demand.
      const { analysis } = await runExcel((ctx) => analyzeIn(ctx, undefined, onProgress, false));
      const { compareOpenFile } = await import(/* webpackChunkName: "compare-file" */ "./compareFile");
      return compareOpenFile(analysis, file, onProgress);
    },
    acceptRectifications(cells) {
      // Cell writes to the backup sheet only (undoable): one undo group, see acceptRectifications.ts.
      return import(/* webpackChunkName: "accept" */ "./acceptRectifications").then((m) => runExcel((ctx) => m.acceptRectifications(ctx, cells), { undoGroup: true }));
    },
    runDiagnostics: () => import(/* webpackChunkName: "diagnostics" */ "./diagnostics").then((m) => m.runDiagnostics()),
    // Excel for Mac ignores downloads (office-js#2700): the CSV opens as a new workbook, the .docx is explained.
    deliverFile: (file) => import(/* webpackChunkName: "file-delivery" */ "./fileDelivery").then((m) => m.deliverFile(file)),
  };
}

/**
 * Follows the settings sheet: when its cells change — edited by hand, or by a co-author
 * (Worksheet.onChanged, ExcelApi 1.7, fires for remote changes too) — the PIANO.* functions
 * adopt the policy again, without a reload. Returns false when there is no settings sheet.
 */
export function watchSettingsSheet(): Promise<boolean> {
  return runExcel(async (context) => {
    // The add-in's settings sheet by its mark: a user's sheet of that name is not followed.
    const readList = queueSheetList(context);
    await context.sync();
    const readState = queueAddinSheets(context, readList());
    await context.sync();
    const own = (await readState()).settings;
    if (!own) return false;
    const sheet = context.workbook.worksheets.getItem(own.name);
    let running = false;
    let again = false;
    sheet.onChanged.add(async () => {
      // One adoption at a time; edits made meanwhile (a paste, a co-author) get one more.
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          await adoptWorkbookPolicyOnStart().catch((e) => console.warn("[piano] impostazioni non rilette", e));
        } while (again);
      } finally {
        running = false;
      }
    });
    await context.sync();
    return true;
  });
}

/** Start-up: the PIANO.* functions adopt the workbook's SMVP policy (recalculating if it is not the default). */
export function adoptWorkbookPolicyOnStart(): Promise<boolean> {
  return runExcel(adoptWorkbookPolicy);
}
