// Draws the summary model with ExcelJS: tables on the sheet's column grid (a column that
// spans several grid columns is merged), percent/euro formats, traffic lights as
// conditional formats (percent cells) and fills ("Semaforo" cells), in-cell data bars for
// the objectives' performance (ExcelJS cannot write a chart part), totals rows, notes,
// links to the cells concerned, frozen title, row heights for wrapped text, and the page
// setup: A4 landscape, one page wide, title rows repeated, print area, header and footer.
import type ExcelJS from "exceljs";
import { SUMMARY_PALETTE, type SummaryBlock, type SummaryCell, type SummaryModel } from "../../core/summary";
import type { TrafficLight } from "../../core/types";
import { a1 } from "../../core/reader/grid";
import { replaceSheet } from "./sheets";

/** "#C6EFCE" → ExcelJS's "FFC6EFCE" (opaque ARGB). */
const argb = (hex: string) => "FF" + hex.slice(1).toUpperCase();
const lightArgb = (palette: Record<TrafficLight, string>) =>
  Object.fromEntries(Object.entries(palette).map(([k, v]) => [k, argb(v)])) as Record<TrafficLight, string>;
const LIGHT_FILL = lightArgb(SUMMARY_PALETTE.lightFill);
const LIGHT_FONT = lightArgb(SUMMARY_PALETTE.lightFont);
const HEADER_FILL = argb(SUMMARY_PALETTE.headerFill);
const TOTALS_FILL = argb(SUMMARY_PALETTE.totalsFill);

/** A formula string literal: quotes doubled. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** HYPERLINK formula to a cell of this workbook: ExcelJS writes `{hyperlink}` values as
 *  external relationships, which Excel does not follow to a sheet, so a formula it is. */
function linkFormula(sheet: string, cell: string, text: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK(${lit(target)},${lit(text)})`;
}

function setCell(ws: ExcelJS.Worksheet, r: number, c: number, cell: SummaryCell, format: string): ExcelJS.Cell {
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
  // ExcelJS stores strings as strings whatever the format, so only numbers get one.
  if (typeof v === "number") target.numFmt = format;
  target.alignment = typeof v === "string" ? { wrapText: true, vertical: "top" } : { vertical: "top" };
  if (cell.light && (typeof v === "string" || format === "@")) {
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LIGHT_FILL[cell.light] } };
    target.font = { color: { argb: LIGHT_FONT[cell.light] }, bold: true };
  }
  return target;
}

/**
 * Merges one area the summary's layout places: its areas never overlap (one row, disjoint
 * column spans), so ExcelJS's check of the new area against every area merged before — one
 * pass over all of them per merge, quadratic on a summary of 5,000 objectives — is skipped
 * by merging against an empty index (ExcelJS 4.4 keeps it in `_merges`, master → range).
 */
function mergeDisjoint(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  const sheet = ws as unknown as { _merges?: Record<string, unknown> };
  const all = sheet._merges;
  if (!all) {
    ws.mergeCells(top, left, bottom, right);
    return;
  }
  sheet._merges = {};
  try {
    ws.mergeCells(top, left, bottom, right);
    Object.assign(all, sheet._merges);
  } finally {
    sheet._merges = all;
  }
}

/** One row of a block: each block column written in its first grid column, merged over its span. */
function writeRow(ws: ExcelJS.Worksheet, model: SummaryModel, block: SummaryBlock, r: number, cells: SummaryCell[]): ExcelJS.Cell[] {
  return block.columns.map((col, i) => {
    if (col.span > 1) mergeDisjoint(ws, r + 1, col.col + 1, r + 1, col.col + col.span);
    return setCell(ws, r, col.col, cells[i], model.formats[col.kind]);
  });
}

function fullWidthLine(ws: ExcelJS.Worksheet, model: SummaryModel, r: number, text: string): ExcelJS.Cell {
  mergeDisjoint(ws, r + 1, 1, r + 1, model.columnWidths.length);
  const cell = ws.getCell(r + 1, 1);
  cell.value = text;
  cell.alignment = { wrapText: true, vertical: "top" };
  return cell;
}

function drawBlock(ws: ExcelJS.Worksheet, model: SummaryModel, block: SummaryBlock): void {
  const titleCell = ws.getCell(block.titleRow + 1, 1);
  titleCell.value = block.title;
  titleCell.font = { bold: true, size: 13 };
  const headerRow = block.titleRow + 1;
  const header = writeRow(ws, model, block, headerRow, block.columns.map((c) => ({ value: c.header })));
  for (const h of header) {
    h.font = { bold: true };
    h.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    h.alignment = { wrapText: true, vertical: "middle" };
    h.border = { bottom: { style: "thin" } };
  }
  const first = headerRow + 1;
  if (!block.rows.length && block.emptyText) {
    const e = fullWidthLine(ws, model, first, block.emptyText);
    e.font = { italic: true };
  }
  block.rows.forEach((row, i) => writeRow(ws, model, block, first + i, row));
  let next = first + Math.max(1, block.rows.length);
  if (block.totals) {
    for (const t of writeRow(ws, model, block, next, block.totals)) {
      t.font = { ...(t.font ?? {}), bold: true };
      t.border = { top: { style: "thin" } };
      if (!t.fill || (t.fill as ExcelJS.FillPattern).pattern !== "solid") t.fill = { type: "pattern", pattern: "solid", fgColor: { argb: TOTALS_FILL } };
    }
    next++;
  }
  for (const note of block.notes) {
    const c = fullWidthLine(ws, model, next++, note);
    c.font = { italic: true, size: 9 };
  }
  // Traffic lights and data bars on percent columns, as conditional formats (they follow later edits).
  const last = first + block.rows.length - 1 + (block.totals ? 1 : 0);
  if (!block.rows.length) return;
  for (const col of block.columns) {
    if (col.kind !== "percent") continue;
    const ref = `${a1(first, col.col)}:${a1(last, col.col)}`;
    // LibreOffice stops at the first matching rule of a range, so a data bar and the light
    // rules cannot share cells: where there is a bar, the «Semaforo» column carries the light.
    if (col.lights && !col.dataBar) {
      const { green, yellow } = model.thresholds;
      ws.addConditionalFormatting({
        ref,
        // Rules are checked by priority, so "< yellow" wins over "< green" (ExcelJS types have no ">=").
        rules: [
          { type: "cellIs", operator: "lessThan", formulae: [String(yellow)], priority: 2, style: fillStyle("rosso") },
          { type: "cellIs", operator: "lessThan", formulae: [String(green)], priority: 3, style: fillStyle("giallo") },
          { type: "cellIs", operator: "between", formulae: [String(green), "1E+15"], priority: 4, style: fillStyle("verde") },
        ],
      });
    }
    if (col.dataBar) {
      // The picture of the objectives where no chart can be written: a bar from 0% to 100% in each cell.
      ws.addConditionalFormatting({
        ref: `${a1(first, col.col)}:${a1(first + block.rows.length - 1, col.col)}`,
        rules: [
          {
            type: "dataBar",
            priority: 1,
            gradient: false,
            minLength: 0,
            maxLength: 100,
            cfvo: [
              { type: "num", value: 0 },
              { type: "num", value: 1 },
            ],
            color: { argb: argb(SUMMARY_PALETTE.dataBar) },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
  }
}

/** The page setup of the model (A4 landscape, one page wide, title rows, area, header/footer). */
export function applySummaryPrint(ws: ExcelJS.Worksheet, model: SummaryModel): void {
  const p = model.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4 (ECMA-376 ST_PaperSize)
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    printArea: p.area,
    printTitlesRow: p.titleRows,
    horizontalCentered: true,
    margins: p.margins,
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: p.header, oddFooter: p.footerLeft + p.footerRight };
}

/** Creates (or refreshes in place) the summary sheet named `model.sheetName`. */
export function renderSummary(workbook: ExcelJS.Workbook, model: SummaryModel): ExcelJS.Worksheet {
  const ws = replaceSheet(workbook, model.sheetName);
  for (const line of model.lines) {
    const cell = line.style === "title" ? ws.getCell(line.row + 1, 1) : fullWidthLine(ws, model, line.row, line.text);
    cell.value = line.text;
    cell.font = line.style === "title" ? { bold: true, size: 16 } : line.style === "subtitle" ? { bold: true } : { italic: true, size: 9, color: { argb: "FF404040" } };
  }
  for (const block of model.blocks) drawBlock(ws, model, block);
  model.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [r, h] of Object.entries(model.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: model.frozenRows, topLeftCell: a1(model.frozenRows, 0), activeCell: "A1" }];
  applySummaryPrint(ws, model);
  return ws;
}

function fillStyle(light: TrafficLight): Partial<ExcelJS.Style> {
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: LIGHT_FILL[light] } },
    font: { color: { argb: LIGHT_FONT[light] } },
  };
}
