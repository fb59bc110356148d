// Replacing one of the add-in's own sheets in place: same tab position, fresh content,
// so running twice leaves the same workbook. A sheet is the add-in's only by its mark
// (ExcelJS has no worksheet custom properties: the marks read from the file, see
// src/adapters/xlsx, are kept here beside the workbook) — never by its name: a user's
// sheet that has the name is left alone and the add-in's sheet gets a free name.
import type ExcelJS from "exceljs";
import type { OwnerMark } from "../../core/reader/grid";

const MARKS = new WeakMap<ExcelJS.Worksheet, OwnerMark>();
/** Workbooks whose marks are known (read from the file, or the workbook was made here). */
const KNOWN = new WeakSet<ExcelJS.Workbook>();

/** Records the add-in's mark on a sheet. */
export function markSheet(ws: ExcelJS.Worksheet, mark: OwnerMark): void {
  MARKS.set(ws, mark);
}

export function sheetMark(ws: ExcelJS.Worksheet): OwnerMark | undefined {
  return MARKS.get(ws);
}

/** Says that every sheet of `workbook` carrying the add-in's mark has been marked (from the file's marks). */
export function marksKnown(workbook: ExcelJS.Workbook, marks: Map<string, OwnerMark>): void {
  KNOWN.add(workbook);
  for (const ws of workbook.worksheets) {
    const m = marks.get(ws.name);
    if (m) MARKS.set(ws, m);
  }
}

/** Sheet name → mark, for the marked sheets of a workbook. */
export function workbookMarks(workbook: ExcelJS.Workbook): Map<string, OwnerMark> {
  const out = new Map<string, OwnerMark>();
  for (const ws of workbook.worksheets) {
    const m = MARKS.get(ws);
    if (m) out.set(ws.name, m);
  }
  return out;
}

/** May the add-in rewrite this sheet? Its own (marked), or any sheet when the marks are unknown. */
export function ownsSheet(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet): boolean {
  return !KNOWN.has(workbook) || MARKS.has(ws);
}

const MAX_SHEET_NAME = 31;

/**
 * An empty sheet for the add-in, named `name`: the add-in's own sheet of that name is
 * removed and re-created at its tab position. When the workbook's marks are known and a
 * sheet of that name is not the add-in's, that sheet is kept and the new one is named
 * "name (2)", (3)… (cut to Excel's 31 characters). The new sheet carries `mark` (or the
 * replaced sheet's mark).
 */
export function replaceSheet(workbook: ExcelJS.Workbook, name: string, mark?: OwnerMark): ExcelJS.Worksheet {
  const same = (w: ExcelJS.Worksheet, n: string) => w.name.toLowerCase() === n.toLowerCase();
  const ours = (w: ExcelJS.Worksheet) => ownsSheet(workbook, w);
  let target = name;
  for (let k = 2; ; k++) {
    const clash = workbook.worksheets.find((w) => same(w, target));
    if (!clash || ours(clash)) break;
    const suffix = ` (${k})`;
    target = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  const old = workbook.worksheets.find((w) => same(w, target));
  const kind = mark ?? (old ? MARKS.get(old) : undefined);
  let ws: ExcelJS.Worksheet;
  if (!old) ws = workbook.addWorksheet(target);
  else {
    const orderNo = (old as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(old.id);
    ws = workbook.addWorksheet(target);
    (ws as unknown as { orderNo: number }).orderNo = orderNo;
  }
  if (kind) MARKS.set(ws, kind);
  return ws;
}
