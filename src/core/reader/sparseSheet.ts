// One sheet's cells as a file holds them (only the cells that exist, in any order) → the
// used range in the Office.js cell model (SheetGrid). Every headless reader collects its
// cells here — the ExcelJS adapter (src/adapters/exceljs/grid.ts) and the package reader
// (src/adapters/xlsx/grid.ts) — so the rules of what the grid covers are written once:
//   - the grid is the rectangle of the cells holding a value (a formula without its result
//     included), widened to the empty cells that carry a number format (Office.js's used
//     range does the same; «Ripristina» keeps their format) unless that passes the limit —
//     then only those within FORMAT_MARGIN of the values;
//   - a rectangle beyond LIMITS.maxSheetBoxCells is refused with LimitError, naming the
//     farthest value cell (a sheet with cells at A1 and XFD1048576 is 17 billion cells);
//   - only the top-left (master) cell of a merged area holds a value and a format; what
//     the file keeps under the rest of the area is ignored, as Excel shows it.
import type { CellValue } from "../types";
import { LIMITS, LimitError, type Limits } from "../limits";
import { GRID_LIMITS } from "../../messages/gridLimits";
import { a1, type MergeArea, type SheetGrid } from "./grid";

/** Empty cells with a number format this far from the value cells still widen the grid when the wider box is too big. */
export const FORMAT_MARGIN = 16;

/** The cells of one sheet, appended as they are met (0-based sheet coordinates). */
export class SparseSheet {
  readonly rows: number[] = [];
  readonly cols: number[] = [];
  readonly values: CellValue[] = [];
  readonly formats: string[] = [];
  /** "=…" where the cell holds a formula, else "" (parallel to values). */
  readonly formulas: string[] = [];
  private anyFormula = false;
  /** Empty cells carrying a number format other than General. */
  readonly emptyRows: number[] = [];
  readonly emptyCols: number[] = [];
  readonly emptyFormats: string[] = [];
  merges: MergeArea[] = [];
  hidden?: "hidden" | "veryHidden";

  constructor(readonly name: string) {}

  /** A cell holding a value (or a formula, whose result may be ""). */
  cell(row: number, col: number, value: CellValue, format: string, formula = ""): void {
    this.rows.push(row);
    this.cols.push(col);
    this.values.push(value);
    this.formats.push(format || "General");
    this.formulas.push(formula);
    if (formula) this.anyFormula = true;
  }

  /** An empty cell with a number format (a cell with only a font or a border is not one). */
  formatted(row: number, col: number, format: string): void {
    if (!format || format === "General") return;
    this.emptyRows.push(row);
    this.emptyCols.push(col);
    this.emptyFormats.push(format);
  }

  get hasFormulas(): boolean {
    return this.anyFormula;
  }
}

/** The rectangle a sheet's grid covers, 0-based, inclusive. */
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const boxCells = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);

function widen(b: Box | null, r: number, c: number): Box {
  if (!b) return { top: r, left: c, bottom: r, right: c };
  if (r < b.top) b.top = r;
  if (r > b.bottom) b.bottom = r;
  if (c < b.left) b.left = c;
  if (c > b.right) b.right = c;
  return b;
}

/** Is (r, c) under a merged area without being its top-left cell? Areas indexed by row. */
function coveredBy(merges: MergeArea[]): (r: number, c: number) => boolean {
  if (!merges.length) return () => false;
  const byRow = new Map<number, MergeArea[]>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return (r, c) => {
    const list = byRow.get(r);
    if (!list) return false;
    for (const m of list) if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) return true;
    return false;
  };
}

/** The used range of the sheet in the Office.js cell model (see the header). */
export function sheetGridOf(sheet: SparseSheet, limits: Limits = LIMITS): SheetGrid {
  const covered = coveredBy(sheet.merges);
  const base: Pick<SheetGrid, "name" | "merges" | "hidden"> = { name: sheet.name, merges: sheet.merges, ...(sheet.hidden ? { hidden: sheet.hidden } : {}) };
  let valueBox: Box | null = null;
  let far: { r: number; c: number } | null = null;
  const n = sheet.rows.length;
  for (let k = 0; k < n; k++) {
    const r = sheet.rows[k];
    const c = sheet.cols[k];
    if (covered(r, c)) continue;
    valueBox = widen(valueBox, r, c);
    if (!far || r + c > far.r + far.c) far = { r, c };
  }
  const vb = valueBox as Box | null;
  if (!vb) return { ...base, startRow: 0, startCol: 0, values: [], formats: [] };
  if (boxCells(vb) > limits.maxSheetBoxCells) {
    const f = far as unknown as { r: number; c: number };
    throw new LimitError(GRID_LIMITS.sheetTooWide(sheet.name, `${a1(vb.top, vb.left)}:${a1(vb.bottom, vb.right)}`, boxCells(vb), limits.maxSheetBoxCells, a1(f.r, f.c)));
  }
  let box: Box = { ...vb };
  let formatBox: Box | null = null;
  const e = sheet.emptyRows.length;
  for (let k = 0; k < e; k++) if (!covered(sheet.emptyRows[k], sheet.emptyCols[k])) formatBox = widen(formatBox, sheet.emptyRows[k], sheet.emptyCols[k]);
  const fb = formatBox as Box | null;
  if (fb) {
    const union: Box = { top: Math.min(vb.top, fb.top), left: Math.min(vb.left, fb.left), bottom: Math.max(vb.bottom, fb.bottom), right: Math.max(vb.right, fb.right) };
    if (boxCells(union) <= limits.maxSheetBoxCells) box = union;
    else {
      for (let k = 0; k < e; k++) {
        const r = sheet.emptyRows[k];
        const c = sheet.emptyCols[k];
        if (r >= vb.top - FORMAT_MARGIN && r <= vb.bottom + FORMAT_MARGIN && c >= vb.left - FORMAT_MARGIN && c <= vb.right + FORMAT_MARGIN && !covered(r, c)) widen(box, r, c);
      }
    }
  }
  const top = box.top;
  const left = box.left;
  const height = box.bottom - top + 1;
  const width = box.right - left + 1;
  const values: CellValue[][] = new Array(height);
  const formats: string[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<CellValue>(width).fill("");
    formats[r] = new Array<string>(width).fill("General");
  }
  for (let k = 0; k < e; k++) {
    const r = sheet.emptyRows[k] - top;
    const c = sheet.emptyCols[k] - left;
    if (r >= 0 && r < height && c >= 0 && c < width && !covered(sheet.emptyRows[k], sheet.emptyCols[k])) formats[r][c] = sheet.emptyFormats[k];
  }
  let formulas: string[][] | undefined;
  if (sheet.hasFormulas) formulas = Array.from({ length: height }, () => new Array<string>(width).fill(""));
  for (let k = 0; k < n; k++) {
    const r = sheet.rows[k] - top;
    const c = sheet.cols[k] - left;
    if (r < 0 || r >= height || c < 0 || c >= width || covered(sheet.rows[k], sheet.cols[k])) continue;
    values[r][c] = sheet.values[k];
    formats[r][c] = sheet.formats[k];
    if (formulas) formulas[r][c] = sheet.formulas[k];
  }
  const grid: SheetGrid = { ...base, startRow: top, startCol: left, values, formats };
  if (formulas) grid.formulas = formulas;
  return grid;
}

/** The workbook's total is bounded too: LimitError beyond LIMITS.maxWorkbookBoxCells. */
export function checkWorkbookBox(sheets: SheetGrid[], limits: Limits = LIMITS): void {
  const total = sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  if (total > limits.maxWorkbookBoxCells) throw new LimitError(GRID_LIMITS.workbookTooWide(total, limits.maxWorkbookBoxCells));
}
