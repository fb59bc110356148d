// "Inserisci scheda vuota": a new sheet holding an empty card in the layout the reader
// recognises — the same labels and column headers as the example workbook (taken from the
// workbook layer's messages, which the reader matches), formats ready for typed values.
import { EXAMPLE } from "../messages/workbook";
import { EMPTY_CARD, EXCEL_ERRORS } from "../messages/excel";
import { EMPTY_CARD_LABELS as LABELS, EMPTY_CARD_LAYOUT, emptyCardName } from "../core/reader/emptyCard";
import { ExcelHostError } from "./errors";
import { SyncBudget, writeBlock } from "./payload";
import { queueSheetList } from "./workbookState";
import { columnCharsToPoints } from "../core/units";

export { EMPTY_CARD_LAYOUT, emptyCardName };

export async function insertEmptyCard(context: Excel.RequestContext, year: number): Promise<string> {
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  if (list.workbookProtected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook);
  const name = emptyCardName(list.names);
  const L = EMPTY_CARD_LAYOUT;
  const budget = new SyncBudget(context);
  const sheet = context.workbook.worksheets.add(name);
  const width = L.widths.length;

  await writeBlock(budget, sheet, L.titleRow, 0, [[EMPTY_CARD.title(year)], [EMPTY_CARD.hint]], [["@"], ["@"]]);
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  sheet.getRange("A2").format.font.italic = true;

  // Labels in A (A:B merged), their values in C (C:I merged), text format.
  await writeBlock(budget, sheet, L.firstLabelRow, 0, LABELS.map((l) => [l]), LABELS.map(() => ["@"]));
  LABELS.forEach((_, i) => {
    const r = L.firstLabelRow + i;
    sheet.getRangeByIndexes(r, 0, 1, 2).merge();
    const value = sheet.getRangeByIndexes(r, L.valueCol, 1, width - L.valueCol);
    value.merge();
    value.format.wrapText = true;
    // Risorse economiche holds euro; the other values are text.
    value.numberFormat = [[i === 7 ? '#,##0.00 "€"' : "@", ...Array(width - L.valueCol - 1).fill("@")]];
    budget.add(600);
  });
  sheet.getRangeByIndexes(L.firstLabelRow, 0, LABELS.length, 1).format.font.bold = true;

  // The indicator table: header row, empty rows with the right formats.
  const headers = EXAMPLE.headers(year, false);
  await writeBlock(budget, sheet, L.headerRow, 0, [headers], [headers.map(() => "@")]);
  const header = sheet.getRangeByIndexes(L.headerRow, 0, 1, width).format;
  header.font.bold = true;
  header.fill.color = "#D9E1F2";
  header.wrapText = true;
  const body = sheet.getRangeByIndexes(L.headerRow + 1, 0, L.indicatorRows, width);
  body.numberFormat = Array.from({ length: L.indicatorRows }, () => [...L.rowFormats]);
  body.format.wrapText = true;

  // "Performance obiettivo": label A:G merged, value in the Performance column.
  const perfRow = L.headerRow + L.indicatorRows + 2;
  await writeBlock(budget, sheet, perfRow, 0, [[EXAMPLE.labels.performanceObiettivo]], [["@"]]);
  sheet.getRangeByIndexes(perfRow, 0, 1, 7).merge();
  sheet.getRangeByIndexes(perfRow, 0, 1, 1).format.font.bold = true;
  sheet.getRangeByIndexes(perfRow, 0, 1, 1).format.horizontalAlignment = "Right";
  sheet.getRangeByIndexes(perfRow, 7, 1, 1).numberFormat = [["0.00%"]];
  L.widths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnCharsToPoints(w)));
  budget.add(4000);

  sheet.activate();
  sheet.getRangeByIndexes(L.firstLabelRow, L.valueCol, 1, 1).select();
  await budget.flush();
  return name;
}
