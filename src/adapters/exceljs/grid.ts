// ExcelJS workbook → the Office.js cell model (WorkbookGrid). ExcelJS gives dates as
// JS Dates (UTC), formulas as {formula, result}, errors as {error}, merged cells as
// proxies of their master, rich text and hyperlinks as objects: each becomes what
// Office.js `range.values` / `numberFormat` / `formulas` would give for the used range.
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/types";
import type { MergeArea, SheetGrid, WorkbookGrid } from "../../core/reader/grid";

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

/** The used range of one worksheet in the Office.js cell model. */
export function sheetGridFromExcelJs(ws: ExcelJS.Worksheet): SheetGrid {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  // Office.js's used range also covers empty cells that carry a number format (an empty
  // "Performance obiettivo" cell formatted 0.00%): include them, so restore keeps their format.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if ((cell.type as number) === T.Null && !cell.numFmt) return;
      if (rowNumber - 1 < top) top = rowNumber - 1;
      if (rowNumber - 1 > bottom) bottom = rowNumber - 1;
      if (colNumber - 1 < left) left = colNumber - 1;
      if (colNumber - 1 > right) right = colNumber - 1;
    });
  });
  const hidden = ws.state === "hidden" || ws.state === "veryHidden" ? { hidden: ws.state } : {};
  if (bottom < 0) return { name: ws.name, startRow: 0, startCol: 0, values: [], formats: [], merges: [], ...hidden };

  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = new Array(height);
  const formats: string[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<CellValue>(width).fill("");
    formats[r] = new Array<string>(width).fill("General");
  }
  let formulas: string[][] | undefined;
  const mergeMap = new Map<string, MergeArea>();

  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1 - top;
    if (r < 0 || r >= height) return;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = colNumber - 1 - left;
      if ((cell.type as number) === T.Null) {
        if (cell.numFmt && c >= 0 && c < width) formats[r][c] = cell.numFmt;
        return;
      }
      if ((cell.type as number) === T.Merge) {
        // Only the master holds the value; the slaves widen its merged area.
        const master = cell.master;
        const key = master.address;
        const mr = Number(master.row) - 1;
        const mc = Number(master.col) - 1;
        const area = mergeMap.get(key) ?? { top: mr, left: mc, bottom: mr, right: mc };
        area.top = Math.min(area.top, rowNumber - 1);
        area.bottom = Math.max(area.bottom, rowNumber - 1);
        area.left = Math.min(area.left, colNumber - 1);
        area.right = Math.max(area.right, colNumber - 1);
        mergeMap.set(key, area);
        return;
      }
      const out = convertCell(cell);
      values[r][c] = out.value;
      let fmt = cell.numFmt || "General";
      // ExcelJS only returns a Date for date-formatted cells; keep a date format either way.
      if ((cell.type as number) === T.Date && !DATE_FORMAT_RE.test(fmt)) fmt = "dd/mm/yyyy";
      formats[r][c] = fmt;
      if (out.formula) {
        if (!formulas) formulas = Array.from({ length: height }, () => new Array<string>(width).fill(""));
        formulas[r][c] = out.formula;
      }
    });
  });
  const grid: SheetGrid = { name: ws.name, startRow: top, startCol: left, values, formats, merges: [...mergeMap.values()], ...hidden };
  if (formulas) grid.formulas = formulas;
  return grid;
}

/** Every worksheet, in tab order, as the reader's cell model. */
export function gridFromExcelJs(workbook: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: workbook.worksheets.map(sheetGridFromExcelJs) };
}
