// The empty card "Inserisci scheda vuota" adds in the preview: the same layout the Excel
// host inserts (src/core/reader/emptyCard.ts — labels, value cells, indicator table header,
// "Performance obiettivo"), drawn with ExcelJS.
import type ExcelJS from "exceljs";
import { EXAMPLE } from "../messages/workbook";
import { EMPTY_CARD } from "../messages/excel";
import { EMPTY_CARD_LABELS as LABELS, EMPTY_CARD_LAYOUT, emptyCardName } from "../core/reader/emptyCard";


/** Adds the empty card as a new sheet; returns its name. */
export function addEmptyCard(workbook: ExcelJS.Workbook, year: number): string {
  const L = EMPTY_CARD_LAYOUT;
  const name = emptyCardName(workbook.worksheets.map((w) => w.name));
  const ws = workbook.addWorksheet(name);
  const width = L.widths.length;
  ws.columns = L.widths.map((w) => ({ width: w }));
  const cell = (r: number, c: number) => ws.getCell(r + 1, c + 1);

  cell(L.titleRow, 0).value = EMPTY_CARD.title(year);
  cell(L.titleRow, 0).font = { bold: true, size: 14 };
  cell(L.hintRow, 0).value = EMPTY_CARD.hint;
  cell(L.hintRow, 0).font = { italic: true };

  LABELS.forEach((label, i) => {
    const r = L.firstLabelRow + i;
    ws.mergeCells(r + 1, 1, r + 1, 2);
    ws.mergeCells(r + 1, L.valueCol + 1, r + 1, width);
    cell(r, 0).value = label;
    cell(r, 0).font = { bold: true };
    cell(r, L.valueCol).numFmt = i === 7 ? '#,##0.00 "€"' : "@";
  });

  EXAMPLE.headers(year, false).forEach((h, c) => {
    cell(L.headerRow, c).value = h;
    cell(L.headerRow, c).font = { bold: true };
    cell(L.headerRow, c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  for (let r = L.headerRow + 1; r <= L.headerRow + L.indicatorRows; r++) {
    L.rowFormats.forEach((f, c) => (cell(r, c).numFmt = f));
  }

  const perfRow = L.headerRow + L.indicatorRows + 2;
  ws.mergeCells(perfRow + 1, 1, perfRow + 1, 7);
  cell(perfRow, 0).value = EXAMPLE.labels.performanceObiettivo;
  cell(perfRow, 0).font = { bold: true };
  cell(perfRow, 7).numFmt = "0.00%";
  return name;
}
