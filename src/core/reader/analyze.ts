// One call from cells to everything the task pane, the CLI and the summary need:
// read the plan, read the policy stored in the workbook, evaluate, plan the writes.
import type { PlanInput, PlanResult, Problem } from "../types";
import type { Policy } from "../policy";
import { evaluatePlan } from "../plan";
import type { WorkbookGrid } from "./grid";
import { parseA1 } from "./grid";
import { cellValueOfWrite, planWrites, type CellWrite, type StatedChange } from "./writeback";
import { readWorkbook } from "./readWorkbook";
import { readSettings } from "./settings";
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
  /** Names of all sheets, in workbook order (for summarySheetName). */
  sheetNames: string[];
  /** The settings and reader problems alone (before the engine's), sorted. */
  readingProblems: Problem[];
}

/** Reads, validates and computes. Never throws on workbook content. */
export function analyzeWorkbook(grid: WorkbookGrid, policy?: Policy): WorkbookAnalysis {
  const settings = readSettings(grid);
  const used = policy ?? settings.policy;
  const read = readWorkbook(grid, { ownedSheets: settings.ownedSheets });
  const notices = planNotices(grid, read.plan, used);
  const result = evaluatePlan(notices.plan, used);
  // A blank Stato that is a formula saved without its result is said once, as such.
  result.problems = result.problems.filter((p) => !(p.code === "ACTUAL_BLANK" && p.sheet && p.cell && notices.uncalculated.has(`${p.sheet}\u0000${p.cell}`)));
  const sheetNames = grid.sheets.map((s) => s.name);
  const readingProblems = sortProblems([...settings.problems, ...read.problems, ...notices.problems], sheetNames);
  const problems = sortProblems([...readingProblems, ...result.problems], sheetNames);
  const plan = planWrites(grid, result);
  return {
    plan: notices.plan,
    result,
    problems,
    skippedSheets: read.skippedSheets,
    policy: used,
    cardCount: read.cardCount,
    year: read.year,
    ownedSheets: settings.ownedSheets,
    writes: plan.writes,
    skippedFormulas: plan.skippedFormulas,
    changes: plan.changes,
    sheetNames,
    readingProblems,
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
  const objectives = analysis.plan.objectives.map((o) => ({
    ...o,
    indicators: o.indicators.map((i) => {
      const w = i.stated?.address ? written.get(`${o.sheet}\u0000${i.stated.address}`) : undefined;
      return w && i.stated ? { ...i, stated: { ...i.stated, value: cellValueOfWrite(w), format: w.numberFormat } } : i;
    }),
  }));
  const plan: PlanInput = { ...analysis.plan, objectives };
  const result = evaluatePlan(plan, analysis.policy);
  return {
    ...analysis,
    plan,
    result,
    problems: sortProblems([...analysis.readingProblems, ...result.problems], analysis.sheetNames),
    writes: [],
    changes: [],
  };
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
