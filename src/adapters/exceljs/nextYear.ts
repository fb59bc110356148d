// Applies a «nuovo anno» plan (src/core/nextYear.ts) to an ExcelJS workbook loaded from this
// year's file: cell edits with their number formats, notes on the cells to update, the
// stale summary removed. The caller saves it under a new name; the source file is never written.
import type ExcelJS from "exceljs";
import type { NextYearPlan } from "../../core/nextYear";

export function applyNextYear(workbook: ExcelJS.Workbook, plan: NextYearPlan): { edited: number; notes: number } {
  let edited = 0;
  for (const e of plan.edits) {
    const ws = workbook.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.address);
    // Plain values only: a string stays text (ExcelJS writes `{formula}` objects as formulas, never strings).
    cell.value = e.value === "" ? null : e.value;
    if (e.format !== undefined) cell.numFmt = e.format;
    edited++;
  }
  let notes = 0;
  for (const n of plan.notes) {
    const ws = workbook.getWorksheet(n.sheet);
    if (!ws) continue;
    ws.getCell(n.address).note = n.text;
    notes++;
  }
  for (const name of plan.staleSheets) {
    const ws = workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (ws) workbook.removeWorksheet(ws.id);
  }
  return { edited, notes };
}
