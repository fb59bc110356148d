// ExcelJS workbook → the Office.js cell model (WorkbookGrid). ExcelJS gives dates as
// JS Dates (UTC), formulas as {formula, result}, errors as {error}, merged cells as
// proxies of their master, rich text and hyperlinks as objects: each becomes what
// Office.js `range.values` / `numberFormat` / `formulas` would give for the used range.
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/types";
import type { MergeArea, SheetGrid, WorkbookGrid } from "../../core/reader/grid";
import { LIMITS, type Limits } from "../../core/limits";
import { checkWorkbookBox, SparseSheet, sheetGridOf } from "../../core/reader/sparseSheet";

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

/**
 * The used range of one worksheet in the Office.js cell model, read sparsely: only the rows
 * and cells the file holds are visited (ExcelJS's `includeEmpty` would create every cell of a
 * sheet with something at XFD1048576); what the grid covers is decided in
 * core/reader/sparseSheet.ts, as for the package reader.
 */
export function sheetGridFromExcelJs(ws: ExcelJS.Worksheet, limits: Limits = LIMITS): SheetGrid {
  const sheet = new SparseSheet(ws.name);
  eachExistingCell(ws, (cell, rowNumber, colNumber) => {
    const t = cell.type as number;
    if (t === T.Merge) return;
    if (t === T.Null) {
      if (cell.numFmt) sheet.formatted(rowNumber - 1, colNumber - 1, cell.numFmt);
      return;
    }
    const out = convertCell(cell);
    let fmt = cell.numFmt || "General";
    // ExcelJS only returns a Date for date-formatted cells; keep a date format either way.
    if (t === T.Date && !DATE_FORMAT_RE.test(fmt)) fmt = "dd/mm/yyyy";
    sheet.cell(rowNumber - 1, colNumber - 1, out.value, fmt, out.formula);
  });
  sheet.merges = mergesOf(ws);
  const hidden = sheetHidden(ws).hidden;
  if (hidden) sheet.hidden = hidden;
  return sheetGridOf(sheet, limits);
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
  checkWorkbookBox(sheets, limits);
  return { sheets };
}
