// The write-back plan: which cells "Calcola performance" changes, and to what. Pure:
// both adapters (ExcelJS, Office.js) apply the same list, so the CLI and the add-in
// leave the same workbook behind.
import type { CellValue, PlanResult } from "../types";
import type { SheetGrid, WorkbookGrid } from "./grid";
import { parseA1 } from "./grid";
import { READER, WRITEBACK } from "../../messages/workbook";
import { parseText } from "../values";

/** A stated performance (or objective performance) the run will replace. Re-exported by
 *  src/host/workbookHost.ts so the task pane and the core share one definition. */
export interface StatedChange {
  sheet: string;
  cell: string;
  objective: string;
  /** Indicator name; for an objective's "Performance obiettivo" cell, the Italian label of that cell. */
  indicator: string;
  before: CellValue;
  after: number | null;
}

/** One cell to write. Only indicators' Performance cells and objectives' "Performance
 *  obiettivo" cells ever appear; cells holding a formula never do. */
export interface CellWrite {
  sheet: string;
  /** A1 address on `sheet`. */
  cell: string;
  /** Computed performance as a fraction (1 = 100%); null = not available, written as the text "n.d.". */
  value: number | null;
  /** Number format to set: the cell's own percent format when it has one, else "0.00%"; "@" for "n.d.". */
  numberFormat: string;
  kind: "indicator" | "objective";
  /** What the cell holds now (restore puts it back). */
  before: CellValue;
  /** Format the cell has now (restore puts it back). */
  beforeFormat: string;
  objective: string;
  /** Indicator name (kind "indicator") or the label of the objective cell. */
  indicator: string;
}

/** A card "Calcola performance" leaves alone because its table misses a column. */
export interface LeftOutCard {
  sheet?: string;
  objective: string;
  /** Italian names of the missing columns ("Performance", "Target"…). */
  columns: string[];
}

export interface WritePlan {
  writes: CellWrite[];
  /** Cards not written because their structure is incomplete (see missingColumns.ts). */
  leftOut: LeftOutCard[];
  /** Target cells left alone because they hold a formula. */
  skippedFormulas: number;
  changes: StatedChange[];
}

/** The text written where a performance is not available. */
export const NOT_AVAILABLE_TEXT = "n.d.";

/** Values closer than this are "the same" (so a second run writes nothing). */
export const WRITE_TOLERANCE = 1e-9;

/** The value an adapter puts into the cell for a write: the fraction, or "n.d." (as text). */
export function cellValueOfWrite(w: CellWrite): CellValue {
  return w.value === null ? NOT_AVAILABLE_TEXT : w.value;
}

/** Looks up cells of a grid by sheet name and A1 address (outside the used range: empty). */
export class GridLookup {
  private readonly sheets = new Map<string, SheetGrid>();
  constructor(grid: WorkbookGrid) {
    for (const s of grid.sheets) this.sheets.set(s.name, s);
  }
  cell(sheet: string, address: string): { value: CellValue; format: string; formula: string } {
    const s = this.sheets.get(sheet);
    const p = parseA1(address);
    if (!s || !p) return { value: "", format: "General", formula: "" };
    const r = p.row - s.startRow;
    const c = p.col - s.startCol;
    const value = s.values[r]?.[c];
    return { value: value === undefined || value === null ? "" : value, format: s.formats[r]?.[c] ?? "General", formula: s.formulas?.[r]?.[c] ?? "" };
  }
}

/** Does the cell already hold this value, so that writing would change nothing? */
function upToDate(current: CellValue, format: string, value: number | null): boolean {
  if (value === null) return typeof current === "string" && parseText(current).kind === "na";
  return typeof current === "number" && Math.abs(current - value) <= WRITE_TOLERANCE && format.includes("%");
}

/** The format to give a written performance: the cell's own percent format when it has one. */
function formatFor(current: string, value: number | null): string {
  if (value === null) return current || "General";
  return current.includes("%") ? current : "0.00%";
}

/**
 * Plans the writes for a computed plan: for each scored or n.d. indicator with a Performance cell
 * (IndicatorResult.performanceCell) and each objective with a "Performance obiettivo"
 * cell (ObjectiveInput.performanceCell), the computed value — unless the cell holds a
 * formula (counted in skippedFormulas) or already holds that value (no write, so a
 * second run plans nothing).
 */
export function planWrites(grid: WorkbookGrid, result: PlanResult): WritePlan {
  const lookup = new GridLookup(grid);
  const writes: CellWrite[] = [];
  let skippedFormulas = 0;
  const consider = (sheet: string | undefined, address: string | undefined, value: number | null, kind: CellWrite["kind"], objective: string, indicator: string) => {
    if (!sheet || !address) return;
    const cur = lookup.cell(sheet, address);
    if (cur.formula.startsWith("=")) {
      skippedFormulas++;
      return;
    }
    if (upToDate(cur.value, cur.format, value)) return;
    writes.push({ sheet, cell: address, value, numberFormat: formatFor(cur.format, value), kind, before: cur.value, beforeFormat: cur.format, objective, indicator });
  };
  const leftOut: LeftOutCard[] = [];
  for (const o of result.objectives) {
    // A card with a missing column: its cells cannot be trusted to be where the reader
    // looked, so none is written (the reader reports the column).
    if (o.input.incompleteColumns?.length) {
      leftOut.push({ sheet: o.sheet, objective: o.name, columns: o.input.incompleteColumns.map((r) => READER.columnNames[r] ?? r) });
      continue;
    }
    for (const ind of o.indicators) {
      // An unreadable or blank Stato is the user's to fix (it is reported): keep what the card
      // states rather than overwrite it with "n.d.", which would read as "not available".
      if (ind.status === "unreadable" || ind.status === "blank") continue;
      consider(ind.sheet ?? o.sheet, ind.performanceCell, ind.performance, "indicator", o.name, ind.name);
    }
    consider(o.sheet, o.input.performanceCell, o.performance, "objective", o.name, WRITEBACK.objectiveCell);
  }
  const changes: StatedChange[] = writes.map((w) => ({ sheet: w.sheet, cell: w.cell, objective: w.objective, indicator: w.indicator, before: w.before, after: w.value }));
  return { writes, leftOut, skippedFormulas, changes };
}

/**
 * The grid as it will be once `writes` are applied (a copy; the input is not changed).
 * Lets an adapter describe the workbook it leaves behind — e.g. build the summary from
 * it — without reading the workbook again.
 */
export function applyWritesToGrid(grid: WorkbookGrid, writes: CellWrite[]): WorkbookGrid {
  if (!writes.length) return grid;
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  return {
    sheets: grid.sheets.map((s) => {
      const list = bySheet.get(s.name);
      if (!list) return s;
      const targets = list.map((w) => ({ w, p: parseA1(w.cell)! })).filter((t) => t.p);
      // Grow the used range when a write lands outside it.
      let top = s.startRow;
      let left = s.startCol;
      let bottom = s.startRow + s.values.length - 1;
      let right = s.startCol + (s.values[0]?.length ?? 0) - 1;
      for (const { p } of targets) {
        top = Math.min(top, p.row);
        left = Math.min(left, p.col);
        bottom = Math.max(bottom, p.row);
        right = Math.max(right, p.col);
      }
      const h = bottom - top + 1;
      const wdt = right - left + 1;
      const values: CellValue[][] = [];
      const formats: string[][] = [];
      const formulas: string[][] | undefined = s.formulas ? [] : undefined;
      for (let r = 0; r < h; r++) {
        const src = r + top - s.startRow;
        const vr = new Array<CellValue>(wdt).fill("");
        const fr = new Array<string>(wdt).fill("General");
        const mr = formulas ? new Array<string>(wdt).fill("") : undefined;
        const sv = s.values[src];
        if (sv) {
          for (let c = 0; c < wdt; c++) {
            const sc = c + left - s.startCol;
            if (sc < 0 || sc >= sv.length) continue;
            vr[c] = sv[sc];
            fr[c] = s.formats[src]?.[sc] ?? "General";
            if (mr) mr[c] = s.formulas?.[src]?.[sc] ?? "";
          }
        }
        values.push(vr);
        formats.push(fr);
        if (formulas && mr) formulas.push(mr);
      }
      for (const { w, p } of targets) {
        values[p.row - top][p.col - left] = cellValueOfWrite(w);
        formats[p.row - top][p.col - left] = w.numberFormat;
      }
      const out: SheetGrid = { ...s, startRow: top, startCol: left, values, formats };
      if (formulas) out.formulas = formulas;
      return out;
    }),
  };
}
