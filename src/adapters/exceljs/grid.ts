// ExcelJS workbook → the Office.js cell model (WorkbookGrid). ExcelJS gives dates as
// JS Dates (UTC), formulas as {formula, result}, errors as {error}, merged cells as
// proxies of their master, rich text and hyperlinks as objects: each becomes what
// Office.js `range.values` / `numberFormat` / `formulas` would give for the used range.
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/types";
import type { MergeArea, SheetGrid, WorkbookGrid } from "../../core/reader/grid";
import { a1 } from "../../core/reader/grid";
import { LIMITS, LimitError, type Limits } from "../../core/limits";
import { GRID_LIMITS } from "../../messages/gridLimits";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

// ExcelJS's ValueType enum, by value: the adapter imports exceljs for types only, so the
// browser preview can hand in a workbook from whichever ExcelJS build it loaded.
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

/** A JS Date (ExcelJS reads dates at UTC) → Excel 1900 serial, time of day as a fraction. */
export function serialFromDate(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
}

/** Excel 1900 serial → JS Date at UTC (how ExcelJS expects dates). */
export function dateFromSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH + Math.round(serial * MS_PER_DAY));
}

const DATE_FORMAT_RE = /(^|[^"\\])[dmyhs]/i;

function richTextPlain(v: unknown): string {
  if (v && typeof v === "object" && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  }
  return v === null || v === undefined ? "" : String(v);
}

/** A plain value (a formula's result, a hyperlink's text…) in the cell model. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialFromDate(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return richTextPlain(o);
    if ("text" in o) return richTextPlain(o.text);
    if ("result" in o) return plainValue(o.result);
  }
  return String(v);
}

interface CellOut {
  value: CellValue;
  formula: string;
}

function convertCell(cell: ExcelJS.Cell): CellOut {
  switch (cell.type as number) {
    case T.Null:
    case T.Merge:
      return { value: "", formula: "" };
    case T.Number:
      return { value: plainValue(cell.value), formula: "" };
    case T.String:
    case T.SharedString:
      return { value: String(cell.value ?? ""), formula: "" };
    case T.Boolean:
      return { value: Boolean(cell.value), formula: "" };
    case T.Date:
      return { value: serialFromDate(cell.value as Date), formula: "" };
    case T.Error:
      return { value: String((cell.value as ExcelJS.CellErrorValue).error ?? "#N/A"), formula: "" };
    case T.RichText:
      return { value: richTextPlain(cell.value), formula: "" };
    case T.Hyperlink:
      return { value: richTextPlain((cell.value as ExcelJS.CellHyperlinkValue).text), formula: "" };
    case T.Formula: {
      const formula = cell.formula ?? "";
      return { value: plainValue(cell.result), formula: formula ? `=${formula}` : "" };
    }
    default:
      return { value: plainValue(cell.value), formula: "" };
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

/**
 * Every cell the file holds, formatted empty ones included, without creating any: ExcelJS's
 * `includeEmpty` would create every cell up to the last (17 billion for XFD1048576), and
 * without it skips empty cells and rows that only carry a format. ExcelJS 4.4 keeps rows and
 * cells in sparse arrays (`_rows`, `_cells`), whose forEach skips the holes.
 */
function eachExistingCell(ws: ExcelJS.Worksheet, fn: (cell: ExcelJS.Cell, rowNumber: number, colNumber: number) => void): void {
  const rows = (ws as unknown as { _rows?: Array<ExcelJS.Row | undefined> })._rows;
  if (!Array.isArray(rows)) {
    ws.eachRow((row, r) => row.eachCell((cell, c) => fn(cell, r, c)));
    return;
  }
  rows.forEach((row, ri) => {
    if (!row) return;
    const cells = (row as unknown as { _cells?: Array<ExcelJS.Cell | undefined> })._cells;
    if (!Array.isArray(cells)) {
      row.eachCell((cell, c) => fn(cell, ri + 1, c));
      return;
    }
    cells.forEach((cell, ci) => {
      if (cell) fn(cell, ri + 1, ci + 1);
    });
  });
}

/** Empty cells with a number format this far from the value cells still widen the grid when the wider box is too big. */
const FORMAT_MARGIN = 16;

/**
 * The used range of one worksheet in the Office.js cell model, read sparsely: only the rows
 * and cells the file holds are visited (ExcelJS's `includeEmpty` would create every cell of a
 * sheet with something at XFD1048576). The grid is the rectangle of the cells holding a value,
 * widened to the empty cells that carry a number format (Office.js's used range does the same;
 * restore keeps their format) unless that passes the limit — then only those near the values.
 * A rectangle beyond LIMITS.maxSheetBoxCells is refused with LimitError.
 */
export function sheetGridFromExcelJs(ws: ExcelJS.Worksheet, limits: Limits = LIMITS): SheetGrid {
  let valueBox: Box | null = null;
  let formatBox: Box | null = null;
  const formatted: Array<[number, number]> = [];
  let far: { r: number; c: number } | null = null;
  eachExistingCell(ws, (cell, rowNumber, colNumber) => {
    {
      const t = cell.type as number;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (t === T.Null) {
        if (cell.numFmt) {
          formatBox = widen(formatBox, r, c);
          formatted.push([r, c]);
        }
        return;
      }
      if (t === T.Merge) return;
      valueBox = widen(valueBox, r, c);
      if (!far || r + c > far.r + far.c) far = { r, c };
    }
  });
  const vb = valueBox as Box | null;
  if (!vb) return { name: ws.name, startRow: 0, startCol: 0, values: [], formats: [], merges: mergesOf(ws), ...sheetHidden(ws) };
  if (boxCells(vb) > limits.maxSheetBoxCells) {
    const f = far as unknown as { r: number; c: number };
    throw new LimitError(GRID_LIMITS.sheetTooWide(ws.name, `${a1(vb.top, vb.left)}:${a1(vb.bottom, vb.right)}`, boxCells(vb), limits.maxSheetBoxCells, a1(f.r, f.c)));
  }
  let box: Box = { ...vb };
  const fb = formatBox as Box | null;
  if (fb) {
    const union: Box = { top: Math.min(vb.top, fb.top), left: Math.min(vb.left, fb.left), bottom: Math.max(vb.bottom, fb.bottom), right: Math.max(vb.right, fb.right) };
    if (boxCells(union) <= limits.maxSheetBoxCells) box = union;
    else {
      for (const [r, c] of formatted) {
        if (r >= vb.top - FORMAT_MARGIN && r <= vb.bottom + FORMAT_MARGIN && c >= vb.left - FORMAT_MARGIN && c <= vb.right + FORMAT_MARGIN) widen(box, r, c);
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
  let formulas: string[][] | undefined;

  eachExistingCell(ws, (cell, rowNumber, colNumber) => {
    const r = rowNumber - 1 - top;
    if (r < 0 || r >= height) return;
    {
      const c = colNumber - 1 - left;
      if (c < 0 || c >= width) return;
      const t = cell.type as number;
      if (t === T.Null) {
        if (cell.numFmt) formats[r][c] = cell.numFmt;
        return;
      }
      if (t === T.Merge) return;
      const out = convertCell(cell);
      values[r][c] = out.value;
      let fmt = cell.numFmt || "General";
      // ExcelJS only returns a Date for date-formatted cells; keep a date format either way.
      if (t === T.Date && !DATE_FORMAT_RE.test(fmt)) fmt = "dd/mm/yyyy";
      formats[r][c] = fmt;
      if (out.formula) {
        if (!formulas) formulas = Array.from({ length: height }, () => new Array<string>(width).fill(""));
        formulas[r][c] = out.formula;
      }
    }
  });
  const grid: SheetGrid = { name: ws.name, startRow: top, startCol: left, values, formats, merges: mergesOf(ws), ...sheetHidden(ws) };
  if (formulas) grid.formulas = formulas;
  return grid;
}

/** The sheet's hidden state, when it is not visible. */
function sheetHidden(ws: ExcelJS.Worksheet): Pick<SheetGrid, "hidden"> {
  return ws.state === "hidden" || ws.state === "veryHidden" ? { hidden: ws.state } : {};
}

/** The sheet's merged areas (0-based, inclusive), from ExcelJS's merge index. */
function mergesOf(ws: ExcelJS.Worksheet): MergeArea[] {
  // ExcelJS 4.4 keeps them in `_merges` (master address → Range with 1-based top/left/bottom/right).
  const index = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  const out: MergeArea[] = [];
  for (const key of Object.keys(index)) {
    const m = index[key];
    if (m && Number.isFinite(m.top)) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return out;
}

/** Every worksheet, in tab order, as the reader's cell model. */
export function gridFromExcelJs(workbook: ExcelJS.Workbook, limits: Limits = LIMITS): WorkbookGrid {
  const sheets = workbook.worksheets.map((ws) => sheetGridFromExcelJs(ws, limits));
  const total = sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  if (total > limits.maxWorkbookBoxCells) throw new LimitError(GRID_LIMITS.workbookTooWide(total, limits.maxWorkbookBoxCells));
  return { sheets };
}
