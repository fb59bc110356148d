// One call from cells to everything the task pane, the CLI and the summary need:
// read the plan, read the policy stored in the workbook, evaluate, plan the writes.
import type { CellValue, Phase, PlanInput, PlanResult, Problem } from "../types";
import type { Policy } from "../policy";
import { evaluatePlan, reevaluatePlan } from "../plan";
import type { WorkbookGrid } from "./grid";
import { parseA1 } from "./grid";
import { cellValueOfWrite, planWrites, type CellWrite, type LeftOutCard, type StatedChange, type WritePlan } from "./writeback";
import { withoutRedundantProblems } from "./missingColumns";
import { readWorkbook } from "./readWorkbook";
import { readSettings, type SummaryRecord } from "./settings";
import { summaryStatus, type SummaryStatus } from "../summary/stale";
import { summarySheetName } from "../summary/name";
import { cellKey, findBackupSheet, readBackupFromGrid, type BackupEntry } from "./backup";
import { acceptedRectificationsOf, findRectifications, problemsWithRectifications, writtenCells, type AcceptedRectification, type Rectification } from "../rectifications";
import { applyPhase, type Monitoring } from "../phases";
import { planNotices } from "./notices";

/** A superset of the task pane's `Analysis` (src/host/workbookHost.ts): pass it where an Analysis is expected. */
export interface WorkbookAnalysis {
  plan: PlanInput;
  result: PlanResult;
  /** Reader + settings + engine problems, sorted by sheet (workbook order), then cell (row, column). */
  problems: Problem[];
  skippedSheets: string[];
  /** The policy used: the argument, else the workbook's, else the default. */
  policy: Policy;
  cardCount: number;
  year?: number;
  /** Sheets the add-in owns (settings sheet + registry), from the settings sheet. */
  ownedSheets: string[];
  /** Cells "Calcola performance" would write (none when everything is up to date). */
  writes: CellWrite[];
  skippedFormulas: number;
  /** The writes as the task pane shows them. */
  changes: StatedChange[];
  /** Cards not written because their table misses a column. */
  leftOutCards: LeftOutCard[];
  /** Names of all sheets, in workbook order (for summarySheetName). */
  sheetNames: string[];
  /** The settings and reader problems alone (before the engine's), sorted. */
  readingProblems: Problem[];
  /** The restore backup's entries (the users' original statements), from the backup sheet. */
  backup: BackupEntry[];
  /** The corrections: stated (originally, per the backup) ≠ computed. Same on every run. */
  rectifications: Rectification[];
  /** Corrections the user accepted («Accetta»): no longer reported, the original kept in the backup. */
  acceptedRectifications: AcceptedRectification[];
  /** The add-in's summary sheet and whether it is stale, or null when there is none. */
  summary: SummaryStatus | null;
  /** The summaries' fingerprints recorded in the settings sheet. */
  summaryRecords: SummaryRecord[];
  /** Phase of the year decided from the headers; absent when no table was found. */
  phase?: Phase;
  /** Monitoring date (ISO) and each indicator's progress, in a monitoring. */
  asOf?: string;
  monitoring?: Monitoring;
}

/** Reads, validates and computes. Never throws on workbook content. */
export function analyzeWorkbook(grid: WorkbookGrid, policy?: Policy): WorkbookAnalysis {
  const settings = readSettings(grid);
  const used = policy ?? settings.policy;
  const read = readWorkbook(grid, { ownedSheets: settings.ownedSheets });
  const notices = planNotices(grid, read.plan, used);
  const phased = applyPhase(notices.plan, evaluatePlan(notices.plan, used));
  const result = phased.result;
  const sheetNames = grid.sheets.map((s) => s.name);
  const readingProblems = sortProblems([...settings.problems, ...read.problems, ...notices.problems], sheetNames);
  const backup = readBackupFromGrid(grid);
  const rectifications = findRectifications(notices.plan, used, backup, result);
  const engineProblems = problemsWithRectifications(withoutRedundantProblems(withoutUncalculated(result.problems, notices.uncalculated), notices.plan.objectives), rectifications, writtenCells(notices.plan, backup));
  const problems = sortProblems([...readingProblems, ...engineProblems], sheetNames);
  // A preventivo has no performance to write.
  const plan: WritePlan = read.phase === "preventivo" ? { writes: [], skippedFormulas: 0, changes: [], leftOut: [] } : planWrites(grid, result);
  return {
    plan: notices.plan,
    result,
    problems,
    // The restore backup is the add-in's own, not a sheet of the user's left out.
    skippedSheets: read.skippedSheets.filter((n) => n !== findBackupSheet(grid)?.name),
    policy: used,
    cardCount: read.cardCount,
    year: read.year,
    ownedSheets: settings.ownedSheets,
    writes: plan.writes,
    skippedFormulas: plan.skippedFormulas,
    changes: plan.changes,
    leftOutCards: plan.leftOut,
    sheetNames,
    readingProblems,
    backup,
    rectifications,
    acceptedRectifications: acceptedRectificationsOf(notices.plan, backup),
    summary: summaryStatus({ plan: read.plan, policy: used, rectifications, sheetNames, ownedSheets: settings.ownedSheets }, summarySheetName(read.year, sheetNames, settings.ownedSheets), settings.summaries),
    summaryRecords: settings.summaries,
    phase: read.phase,
    asOf: read.asOf,
    monitoring: phased.monitoring,
  };
}

/**
 * The analysis of the workbook as `analysis.writes` leave it, without reading it again:
 * the written Performance cells become the indicators' stated values and the plan is
 * evaluated again (writes touch no other cell the reader uses). Its `writes` are empty,
 * as a second run would find them — so a summary built from it is the same on every run.
 */
export function analysisAfterWrites(analysis: WorkbookAnalysis): WorkbookAnalysis {
  if (!analysis.writes.length) return analysis;
  const written = new Map<string, CellWrite>();
  for (const w of analysis.writes) if (w.kind === "indicator") written.set(`${w.sheet}\u0000${w.cell}`, w);
  // Only the objectives with a written cell change: the others keep their input objects, and
  // their results are reused (the engine's result does not depend on other objectives).
  const changed = new Set<number>();
  const objectives = analysis.plan.objectives.map((o, k) => {
    let touched = false;
    const indicators = o.indicators.map((i) => {
      const w = i.stated?.address ? written.get(`${o.sheet}\u0000${i.stated.address}`) : undefined;
      if (!w || !i.stated) return i;
      touched = true;
      return { ...i, stated: { ...i.stated, value: cellValueOfWrite(w), format: w.numberFormat } };
    });
    if (!touched) return o;
    changed.add(k);
    return { ...o, indicators };
  });
  const plan: PlanInput = { ...analysis.plan, objectives };
  // A preventivo's result carries the phase's own problems: evaluated whole (it has no writes anyway).
  const engine = plan.phase === "preventivo" ? evaluatePlan(plan, analysis.policy) : reevaluatePlan(plan, analysis.result, changed, analysis.policy);
  const phased = applyPhase(plan, engine);
  const result = phased.result;
  const backup = backupAfterWrites(analysis.backup ?? [], analysis.writes);
  const rectifications = findRectifications(plan, analysis.policy, backup, result);
  const engineProblems = problemsWithRectifications(withoutRedundantProblems(result.problems, plan.objectives), rectifications, writtenCells(plan, backup));
  return {
    ...analysis,
    plan,
    result,
    backup,
    rectifications,
    acceptedRectifications: acceptedRectificationsOf(plan, backup),
    problems: sortProblems([...analysis.readingProblems, ...engineProblems], analysis.sheetNames),
    writes: [],
    changes: [],
    monitoring: phased.monitoring,
  };
}

/**
 * The analysis with another restore backup (the same cells; e.g. corrections accepted): the
 * corrections, accepted corrections and problems follow it. For an analysis with no writes
 * pending (as analysisAfterWrites leaves it).
 */
export function analysisWithBackup(analysis: WorkbookAnalysis, backup: BackupEntry[]): WorkbookAnalysis {
  const rectifications = findRectifications(analysis.plan, analysis.policy, backup, analysis.result);
  const engineProblems = problemsWithRectifications(withoutRedundantProblems(analysis.result.problems, analysis.plan.objectives), rectifications, writtenCells(analysis.plan, backup));
  return {
    ...analysis,
    backup,
    rectifications,
    acceptedRectifications: acceptedRectificationsOf(analysis.plan, backup),
    problems: sortProblems([...analysis.readingProblems, ...engineProblems], analysis.sheetNames),
  };
}

/** A blank Stato that is a formula saved without its result is said once, as such (see notices.ts). */
function withoutUncalculated(problems: Problem[], uncalculated: Set<string>): Problem[] {
  if (!uncalculated.size) return problems;
  return problems.filter((p) => !(p.code === "ACTUAL_BLANK" && p.sheet && p.cell && uncalculated.has(`${p.sheet}\u0000${p.cell}`)));
}

/** Workbook-level problems first, then by sheet in workbook order, then row, then column. Stable. */
export function sortProblems(problems: Problem[], sheetNames: string[]): Problem[] {
  const order = new Map(sheetNames.map((n, i) => [n, i]));
  const keyed = problems.map((p, i) => {
    const pos = p.cell ? parseA1(p.cell) : null;
    return { p, i, s: p.sheet === undefined ? -1 : (order.get(p.sheet) ?? sheetNames.length), r: pos?.row ?? -1, c: pos?.col ?? -1 };
  });
  keyed.sort((a, b) => a.s - b.s || a.r - b.r || a.c - b.c || a.i - b.i);
  return keyed.map((k) => k.p);
}

/**
 * The backup as it is once `writes` are applied: a cell written for the first time keeps
 * what it held (the user's original); a cell the add-in wrote before keeps its original
 * while it still holds what the add-in wrote; a cell the user changed since starts again
 * from the user's new value.
 */
export function backupAfterWrites(backup: BackupEntry[], writes: CellWrite[]): BackupEntry[] {
  const byKey = new Map(backup.map((e) => [cellKey(e.sheet, e.cell), { ...e }]));
  for (const w of writes) {
    const key = cellKey(w.sheet, w.cell);
    const after = { value: cellValueOfWrite(w), formula: null, numberFormat: w.numberFormat };
    const old = byKey.get(key);
    const unchangedSince = old && old.after.formula === null && sameCellValue(old.after.value, w.before);
    byKey.set(key, { sheet: w.sheet, cell: w.cell, before: unchangedSince ? old.before : { value: w.before, formula: null, numberFormat: w.beforeFormat }, after });
  }
  return [...byKey.values()];
}

function sameCellValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9;
  return (a ?? "") === (b ?? "");
}
