// The task pane's WorkbookHost for Excel: one Excel.run per user action (officeRun.ts),
// each reading in a constant number of round trips, computing in memory with the core,
// and writing in one batch.
import type { WorkbookAnalysis } from "../core/reader/analyze";
import type { Policy } from "../core/policy";
import type { Analysis, PrintReport, ProgressFn, WorkbookHost, WriteReport } from "../host/workbookHost";
import { EXCEL_ERRORS, EXCEL_NOTICES } from "../messages/excel";
import { ExcelHostError } from "./errors";
import { isApiSupported, isDesktopExcel, runExcel, runExcelReporting } from "./officeRun";
import { mergesCostUndo, problemsMayMissMerges, sheetsWhereMergesMatter } from "./merges";
import type { MergelessRead } from "./workbookRuns";
import { insertEmptyCard } from "./emptyCard";
import { adoptWorkbookPolicy, loadPolicy, savePolicy } from "./policyStore";
import { selectCell } from "./selection";
import { queueOwnerMarks } from "./workbookState";
import type { OwnerKind } from "./readGrid";

/** The reading, analysing and writing runs: loaded on first use, prefetched once the pane is
 *  up (not part of the pane's initial JavaScript; see workbookRuns.ts). */
const workbookRuns = () => import(/* webpackChunkName: "workbook-runs", webpackPrefetch: true */ "./workbookRuns");

type SettingsState = "absent" | "visible" | "hidden";

/**
 * The settings sheet hidden in a run of its own, outside any undo group (settingsVisibility.ts).
 * Called before a grouped run that rewrites it (so that run's Ctrl+Z is kept) and after one
 * that may have created it. Returns whether it was hidden; a failure is logged, never shown.
 */
async function keepSettingsHidden(known?: SettingsState): Promise<boolean> {
  // Known from the analysis' own read: no run at all when there is nothing to hide.
  if (known === "hidden" || known === "absent") return false;
  try {
    const { hideSettingsSheet } = await import(/* webpackChunkName: "workbook-runs" */ "./settingsVisibility");
    return await runExcel(hideSettingsSheet);
  } catch (e) {
    console.warn("[piano] foglio delle impostazioni non nascosto", e);
    return false;
  }
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
      const { analyzeIn } = await workbookRuns();
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
      const { prepareBackupSheet, withMergesRead, writePerformances } = await workbookRuns();
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
    async canRestore(): Promise<boolean> {
      const { hasBackup } = await workbookRuns();
      return runExcel(hasBackup);
    },
    async restore(): Promise<number> {
      const { restoreBackup } = await workbookRuns();
      return runExcel((ctx) => restoreBackup(ctx), { undoGroup: true });
    },
    async buildSummary(analysis: Analysis): Promise<string> {
      // Built from the workbook as it is now (results written or not), with the analysis's
      // policy — as the headless path does — so running it twice gives the same sheet.
      // The summary's layout and renderer are loaded on demand: not part of the pane's initial JavaScript.
      const [{ buildSummarySheet }, { analyzeIn }] = await Promise.all([import(/* webpackChunkName: "summary-sheet" */ "./summarySheet"), workbookRuns()]);
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
      const [{ prepareCardsForPrint }, { analyzeIn }] = await Promise.all([import(/* webpackChunkName: "card-print" */ "./cardPrint"), workbookRuns()]);
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
      const { analyzeIn } = await workbookRuns();
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
 * adopt the policy again, without a reload. The sheet is the one carrying the add-in's mark
 * («settings»), never a sheet found by its name. A settings sheet that appears later — the
 * first «Salva» in Impostazioni, or a co-author's — is followed from then on
 * (WorksheetCollection.onAdded, ExcelApi 1.7): its policy is adopted at once and its edits
 * after. Returns whether a settings sheet is followed now.
 */
export function watchSettingsSheet(): Promise<boolean> {
  const watched = new Set<string>();
  let running = false;
  let again = false;
  const adopt = async () => {
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
  };
  /** Queues the onChanged of each of these sheets that is the add-in's settings sheet (by its mark, read in the sync before). */
  const follow = (sheets: Excel.Worksheet[], marks: Map<string, OwnerKind | null>): number => {
    let n = 0;
    for (const ws of sheets) {
      if (marks.get(ws.id) !== "settings") continue;
      n++;
      if (watched.has(ws.id)) continue;
      watched.add(ws.id);
      ws.onChanged.add(adopt);
    }
    return n;
  };
  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id");
    await context.sync();
    const readMarks = queueOwnerMarks(context, sheets.items.map((ws) => ws.id));
    await context.sync();
    const found = follow(sheets.items, readMarks());
    sheets.onAdded.add(async (event: Excel.WorksheetAddedEventArgs) => {
      try {
        const added = await runExcel(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(event.worksheetId);
          ws.load("id");
          const readMark = queueOwnerMarks(ctx, [event.worksheetId]);
          await ctx.sync();
          const n = follow([ws], new Map([[ws.id, readMark().get(event.worksheetId) ?? null]]));
          if (n > 0) await ctx.sync();
          return n > 0;
        });
        if (added) await adopt();
      } catch (e) {
        console.warn("[piano] nuovo foglio non esaminato", e);
      }
    });
    await context.sync();
    return found > 0;
  });
}

/** Start-up: the PIANO.* functions adopt the workbook's SMVP policy (recalculating if it is not the default). */
export function adoptWorkbookPolicyOnStart(): Promise<boolean> {
  return runExcel(adoptWorkbookPolicy);
}
