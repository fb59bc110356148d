// Navigation from the task pane (a problem, a changed cell) to a cell of the workbook.
import { EXCEL_ERRORS } from "../messages/excel";
import { ExcelHostError } from "./errors";

export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("visibility");
  await context.sync();
  if (sheet.isNullObject) throw new ExcelHostError("sheetMissing", EXCEL_ERRORS.sheetMissing(sheetName));
  if (sheet.visibility !== "Visible") sheet.visibility = "Visible";
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
