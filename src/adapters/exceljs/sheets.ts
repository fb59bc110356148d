// Replacing one of the add-in's own sheets in place: same tab position, fresh content,
// so running twice leaves the same workbook.
import type ExcelJS from "exceljs";

/** An empty sheet named `name`: the existing one is removed and re-created at its tab position. */
export function replaceSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const old = workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (!old) return workbook.addWorksheet(name);
  const orderNo = (old as unknown as { orderNo: number }).orderNo;
  workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(name);
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
  return ws;
}
