// Draws the summary model with ExcelJS: tables with percent/euro formats, traffic lights
// as conditional formats (percent cells) and fills ("Semaforo" cells), links to the cells
// concerned, frozen header, column widths. ExcelJS cannot create charts: a note row says
// so and the chart is left to the Office.js renderer.
import type ExcelJS from "exceljs";
import { SUMMARY_PALETTE, type SummaryCell, type SummaryModel } from "../../core/reader/summary";
import type { TrafficLight } from "../../core/types";
import { a1, parseA1 } from "../../core/reader/grid";
import { replaceSheet } from "./sheets";

/** "#C6EFCE" → ExcelJS's "FFC6EFCE" (opaque ARGB). */
const argb = (hex: string) => "FF" + hex.slice(1).toUpperCase();
const lightArgb = (palette: Record<TrafficLight, string>) =>
  Object.fromEntries(Object.entries(palette).map(([k, v]) => [k, argb(v)])) as Record<TrafficLight, string>;
const LIGHT_FILL = lightArgb(SUMMARY_PALETTE.lightFill);
const LIGHT_FONT = lightArgb(SUMMARY_PALETTE.lightFont);
const HEADER_FILL = argb(SUMMARY_PALETTE.headerFill);

/** A formula string literal: quotes doubled. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** HYPERLINK formula to a cell of this workbook: ExcelJS writes `{hyperlink}` values as
 *  external relationships, which Excel does not follow to a sheet, so a formula it is. */
function linkFormula(sheet: string, cell: string, text: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK(${lit(target)},${lit(text)})`;
}

function setCell(ws: ExcelJS.Worksheet, r: number, c: number, cell: SummaryCell, format: string): void {
  const target = ws.getCell(r + 1, c + 1);
  const v = cell.value;
  if (cell.link && !cell.fromUser && typeof v === "string" && v !== "") {
    // Only our own text (an address) goes into a HYPERLINK formula: user text stays a plain string.
    target.value = { formula: linkFormula(cell.link.sheet, cell.link.cell, v), result: v };
    target.font = { color: { argb: argb(SUMMARY_PALETTE.link) }, underline: true };
  } else {
    // Strings are written as strings: ExcelJS never turns "=..." text into a formula.
    target.value = v === "" ? null : v;
  }
  // ExcelJS stores strings as strings whatever the format, so only numbers get one
  // (a per-cell "@" would only cost a style lookup per cell on large summaries).
  if (typeof v === "number") target.numFmt = format;
  if (cell.light && (typeof v === "string" || format === "@")) {
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LIGHT_FILL[cell.light] } };
    target.font = { color: { argb: LIGHT_FONT[cell.light] }, bold: true };
  }
}

/** Creates (or refreshes in place) the summary sheet named `model.sheetName`. */
export function renderSummary(workbook: ExcelJS.Workbook, model: SummaryModel): ExcelJS.Worksheet {
  const ws = replaceSheet(workbook, model.sheetName);
  ws.getCell(1, 1).value = model.title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(2, 1).value = model.subtitle;
  ws.getCell(2, 1).numFmt = "@";
  ws.getCell(2, 1).font = { italic: true };

  for (const block of model.blocks) {
    const titleCell = ws.getCell(block.titleRow + 1, 1);
    titleCell.value = block.title;
    titleCell.font = { bold: true, size: 13 };
    const headerRow = block.titleRow + 1;
    block.columns.forEach((col, c) => {
      const h = ws.getCell(headerRow + 1, c + 1);
      h.value = col.header;
      h.numFmt = "@";
      h.font = { bold: true };
      h.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      h.alignment = { wrapText: true, vertical: "middle" };
      h.border = { bottom: { style: "thin" } };
    });
    const first = headerRow + 1;
    if (!block.rows.length && block.emptyText) {
      const e = ws.getCell(first + 1, 1);
      e.value = block.emptyText;
      e.font = { italic: true };
    }
    block.rows.forEach((row, i) => {
      row.forEach((cell, c) => setCell(ws, first + i, c, cell, model.formats[block.columns[c].kind]));
    });
    // Traffic lights on percent columns, as conditional formats (they follow later edits).
    if (block.rows.length) {
      block.columns.forEach((col, c) => {
        if (col.kind !== "percent") return;
        const ref = `${a1(first, c)}:${a1(first + block.rows.length - 1, c)}`;
        const { green, yellow } = model.thresholds;
        ws.addConditionalFormatting({
          ref,
          // Rules are checked by priority, so "< yellow" wins over "< green" (ExcelJS types have no ">=").
          rules: [
            { type: "cellIs", operator: "lessThan", formulae: [String(yellow)], priority: 1, style: fillStyle("rosso") },
            { type: "cellIs", operator: "lessThan", formulae: [String(green)], priority: 2, style: fillStyle("giallo") },
            { type: "cellIs", operator: "between", formulae: [String(green), "1E+15"], priority: 3, style: fillStyle("verde") },
          ],
        });
      });
    }
  }

  if (model.chart) {
    const note = ws.getCell(model.chartNoteCell);
    note.value = model.chartNote;
    note.numFmt = "@";
    note.font = { italic: true, color: { argb: "FF595959" } };
  }
  model.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (model.chart) ws.getColumn(colIndex(model.chartNoteCell) + 1).width = 60;
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: model.frozenRows, topLeftCell: a1(model.frozenRows, 0), activeCell: "A1" }];
  return ws;
}

function colIndex(address: string): number {
  return parseA1(address)?.col ?? 0;
}

function fillStyle(light: TrafficLight): Partial<ExcelJS.Style> {
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: LIGHT_FILL[light] } },
    font: { color: { argb: LIGHT_FONT[light] } },
  };
}
