// The task pane's WorkbookHost for Excel: one Excel.run per user action (officeRun.ts),
// each reading in a constant number of round trips, computing in memory with the core,
// and writing in one batch.
import { analyzeWorkbook, type WorkbookAnalysis } from "../core/reader/analyze";
import type { WorkbookGrid } from "../core/reader/grid";
import type { Policy } from "../core/policy";
import type { Analysis, ProgressFn, WorkbookHost, WriteReport } from "../host/workbookHost";
import { EXCEL_ERRORS, EXCEL_NOTICES, EXCEL_PROGRESS } from "../messages/excel";
import { ExcelHostError } from "./errors";
import { isDesktopExcel, runExcel, runExcelReporting } from "./officeRun";
import { readWorkbookGrid } from "./readGrid";
import { hasBackup, prepareBackupSheet, restoreBackup, writePerformances } from "./writeResults";
import { buildSummarySheet } from "./summarySheet";
import { insertEmptyCard } from "./emptyCard";
import { adoptWorkbookPolicy, loadPolicy, savePolicy } from "./policyStore";
import { selectCell } from "./selection";

/** Reads the workbook and analyses it (the restore backup is the add-in's, not a card: marked
 *  so the reader skips it, and read for the users' original statements — the corrections). */
async function analyzeIn(context: Excel.RequestContext, policy: Policy | undefined, onProgress?: ProgressFn): Promise<WorkbookAnalysis> {
  const read = await readWorkbookGrid(context, onProgress);
  const grid: WorkbookGrid = { sheets: read.grid.sheets.map((s, i) => (read.sheets[i].owner === "backup" ? { ...s, ownedBy: "backup" as const } : s)) };
  onProgress?.({ phase: EXCEL_PROGRESS.analysing, done: 0, total: 1 });
  const analysis = analyzeWorkbook(grid, policy);
  onProgress?.({ phase: EXCEL_PROGRESS.analysing, done: 1, total: 1 });
  return analysis;
}

export function createExcelHost(): WorkbookHost {
  let lastYear: number | undefined;
  return {
    kind: "excel",
    async analyze(onProgress?: ProgressFn): Promise<Analysis> {
      const analysis = await runExcel((ctx) => analyzeIn(ctx, undefined, onProgress));
      lastYear = analysis.year ?? lastYear;
      return analysis;
    },
    async writeResults(analysis: Analysis, onProgress?: ProgressFn): Promise<WriteReport> {
      // The cells in one undo group; the backup sheet, when it must first be created or
      // hidden, in a run of its own before it (see prepareBackupSheet).
      const write = () => runExcelReporting((ctx) => writePerformances(ctx, analysis as WorkbookAnalysis, onProgress), { undoGroup: true });
      const notices: string[] = [];
      let outcome = await write();
      if ("needsBackupSheet" in outcome.value) {
        const hid = await runExcel(prepareBackupSheet);
        if (hid && isDesktopExcel()) notices.push(EXCEL_NOTICES.undoHistoryCleared);
        outcome = await write();
      }
      if ("needsBackupSheet" in outcome.value) throw new ExcelHostError("internal", EXCEL_ERRORS.internal);
      notices.push(...outcome.notices);
      return notices.length > 0 ? { ...outcome.value.report, notices } : outcome.value.report;
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
      const built = await runExcel(async (ctx) => buildSummarySheet(ctx, await analyzeIn(ctx, analysis.policy)), { undoGroup: true });
      // A summary the user had hidden is shown again outside the grouped run (no undo for
      // sheet visibility on Windows and Mac).
      if (built.hidden) await runExcel((ctx) => selectCell(ctx, built.name, "A1"));
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
    savePolicy(policy: Policy): Promise<void> {
      return runExcel((ctx) => savePolicy(ctx, policy), { undoGroup: true });
    },
  };
}

/** Start-up: the PIANO.* functions adopt the workbook's SMVP policy (recalculating if it is not the default). */
export function adoptWorkbookPolicyOnStart(): Promise<boolean> {
  return runExcel(adoptWorkbookPolicy);
}
