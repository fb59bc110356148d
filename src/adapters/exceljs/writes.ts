// Applies the core's write plan to an ExcelJS workbook (and puts it back for restore).
import type ExcelJS from "exceljs";
import type { CellWrite } from "../../core/reader/writeback";
import { cellValueOfWrite } from "../../core/reader/writeback";
import type { CellValue } from "../../core/types";

/** Writes each planned value with its number format. Returns the number of cells written;
 *  writes to a sheet that no longer exists are ignored. */
export function applyWrites(workbook: ExcelJS.Workbook, writes: CellWrite[]): number {
  let written = 0;
  for (const w of writes) {
    const ws = workbook.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    // An empty cell may already carry the user's own percent style: keep it.
    const keep = w.value !== null && typeof cell.numFmt === "string" && cell.numFmt.includes("%");
    setPlain(cell, cellValueOfWrite(w));
    if (!keep) cell.numFmt = w.numberFormat;
    written++;
  }
  return written;
}

/** Puts back what the writes replaced (values and formats). */
export function restoreWrites(workbook: ExcelJS.Workbook, writes: CellWrite[]): number {
  let restored = 0;
  for (const w of writes) {
    const ws = workbook.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    setPlain(cell, w.before);
    cell.numFmt = w.beforeFormat;
    restored++;
  }
  return restored;
}

/** A plain value: strings stay text in ExcelJS (never formulas); "" empties the cell. */
function setPlain(cell: ExcelJS.Cell, v: CellValue): void {
  cell.value = v === "" ? null : v;
}
