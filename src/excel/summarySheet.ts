// "Riepilogo performance <anno>" drawn with Office.js from the reader's renderer-neutral
// SummaryModel: tables with percent and euro formats, traffic lights as conditional
// formats (they follow later edits), a bar chart of the objectives' performance, links
// from the tables to the cells concerned, frozen header, column widths.
// Every string is written under the "@" (text) number format, set before the value, so a
// name copied from a user's cell that begins with "=", "+", "-" or "@" stays text.
// Only ExcelApi ≤ 1.12 calls (the manifest's requirement set).
import type { CellValue, TrafficLight } from "../core/types";
import type { WorkbookAnalysis } from "../core/reader/analyze";
import { a1, parseA1 } from "../core/reader/grid";
import { buildSummaryModel, summarySheetName, SUMMARY_PALETTE, type SummaryBlock, type SummaryModel } from "../core/reader/summary";
import { SUMMARY } from "../messages/workbook";
import { EXCEL_ERRORS, EXCEL_PROGRESS } from "../messages/excel";
import type { ProgressFn } from "../host/workbookHost";
import { ExcelHostError } from "./errors";
import { OWNER_PROPERTY } from "./readGrid";
import { actionBytes, SyncBudget, writeBlock } from "./payload";
import { queueOwnerMarks, queueProtection, queueRegister, queueSettings, queueSheetList, widthPoints } from "./workbookState";
import { SETTINGS_SHEET_NAME } from "../core/reader/settings";

const { lightFill: LIGHT_FILL, lightFont: LIGHT_FONT, headerFill: HEADER_FILL, link: LINK_COLOR, tab: TAB_COLOR } = SUMMARY_PALETTE;

/** A formula string literal: quotes doubled. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** "'Foglio 1'!B5": a link target inside this workbook. */
export function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The cell formats of a block's data rows: "@" for every string, the column's format otherwise. */
function blockMatrices(model: SummaryModel, block: SummaryBlock): { values: CellValue[][]; formats: string[][] } {
  const values = block.rows.map((row) => row.map((c) => (c.value === null ? "" : c.value)));
  const formats = block.rows.map((row) => row.map((c, i) => (typeof c.value === "string" ? "@" : model.formats[block.columns[i].kind])));
  return { values, formats };
}

/**
 * Traffic-light rules, relative to the top-left cell of `address`: percent columns by the
 * policy's thresholds (numbers only: "n.d." gets no colour), "Semaforo" columns by text.
 */
function lightRules(kind: "percent" | "light", topLeft: string, thresholds: { green: number; yellow: number }): { light: TrafficLight; formula: string }[] {
  if (kind === "percent") {
    const n = `ISNUMBER(${topLeft})`;
    return [
      { light: "verde", formula: `=AND(${n},${topLeft}>=${thresholds.green})` },
      { light: "giallo", formula: `=AND(${n},${topLeft}>=${thresholds.yellow},${topLeft}<${thresholds.green})` },
      { light: "rosso", formula: `=AND(${n},${topLeft}<${thresholds.yellow})` },
    ];
  }
  return (["verde", "giallo", "rosso"] as const).map((light) => ({ light, formula: `=${topLeft}=${lit(SUMMARY.lights[light])}` }));
}

/** Queues the whole summary into `sheet` (empty, or just cleared). */
export async function renderSummary(context: Excel.RequestContext, budget: SyncBudget, sheet: Excel.Worksheet, model: SummaryModel): Promise<void> {
  // Title and subtitle.
  await writeBlock(budget, sheet, 0, 0, [[model.title], [model.subtitle]], [["@"], ["@"]]);
  const title = sheet.getRange("A1").format.font;
  title.bold = true;
  title.size = 16;
  sheet.getRange("A2").format.font.italic = true;
  budget.add();

  for (const block of model.blocks) {
    const width = block.columns.length;
    await writeBlock(budget, sheet, block.titleRow, 0, [[block.title]], [["@"]]);
    const blockTitle = sheet.getRangeByIndexes(block.titleRow, 0, 1, 1).format.font;
    blockTitle.bold = true;
    blockTitle.size = 13;
    // Header row.
    const headerRow = block.titleRow + 1;
    await writeBlock(budget, sheet, headerRow, 0, [block.columns.map((c) => c.header)], [block.columns.map(() => "@")]);
    const header = sheet.getRangeByIndexes(headerRow, 0, 1, width).format;
    header.font.bold = true;
    header.fill.color = HEADER_FILL;
    header.wrapText = true;
    header.verticalAlignment = "Center";
    budget.add();

    const first = block.titleRow + 2;
    if (block.rows.length === 0) {
      if (block.emptyText) {
        await writeBlock(budget, sheet, first, 0, [[block.emptyText]], [["@"]]);
        sheet.getRangeByIndexes(first, 0, 1, 1).format.font.italic = true;
      }
      continue;
    }
    const { values, formats } = blockMatrices(model, block);
    await writeBlock(budget, sheet, first, 0, values, formats);
    sheet.getRangeByIndexes(first, 0, block.rows.length, width).format.verticalAlignment = "Top";
    budget.add();

    // Traffic lights.
    for (let c = 0; c < width; c++) {
      const kind = block.columns[c].kind;
      if (kind !== "percent" && kind !== "light") continue;
      const range = sheet.getRangeByIndexes(first, c, block.rows.length, 1);
      for (const rule of lightRules(kind, a1(first, c), model.thresholds)) {
        const cf = range.conditionalFormats.add("Custom");
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = LIGHT_FILL[rule.light];
        cf.custom.format.font.color = LIGHT_FONT[rule.light];
        budget.add(actionBytes(rule.formula) * 3);
      }
    }

    // Links to the cells concerned (the cell keeps its text; only the link is added).
    for (let r = 0; r < block.rows.length; r++)
      for (let c = 0; c < width; c++) {
        const cell = block.rows[r][c];
        if (!cell.link || cell.value === null || cell.value === "") continue;
        const reference = documentReference(cell.link.sheet, cell.link.cell);
        await budget.reserve(actionBytes(reference) * 2);
        const target = sheet.getRangeByIndexes(first + r, c, 1, 1);
        target.hyperlink = { documentReference: reference };
        target.format.font.color = LINK_COLOR;
        target.format.font.underline = "Single";
      }
  }

  // The bar chart of the objectives' performance.
  if (model.chart) {
    const chart = sheet.charts.add("BarClustered", sheet.getRange(model.chart.values), "Columns");
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(model.chart.categories));
    chart.title.text = model.chart.title;
    chart.legend.visible = false;
    const anchor = parseA1(model.chart.anchor) ?? { row: 3, col: 15 };
    const rows = Math.max(15, Math.min(60, (model.blocks[0]?.rows.length ?? 0) + 4));
    chart.setPosition(model.chart.anchor, a1(anchor.row + rows, anchor.col + 9));
    budget.add(actionBytes(model.chart.title) * 6);
  }

  model.columnWidths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(w)));
  sheet.freezePanes.freezeRows(model.frozenRows);
  sheet.tabColor = TAB_COLOR;
  budget.add(actionBytes(model.columnWidths) * 2);
}

/**
 * Builds (or refreshes) the summary sheet and activates it. Reuses the add-in's own sheet
 * of that name — cleared, never deleted (deleting a sheet empties Excel's undo stack) —
 * and never touches a user's sheet of the same name: a new name is picked instead.
 */
export async function buildSummarySheet(context: Excel.RequestContext, analysis: WorkbookAnalysis, onProgress?: ProgressFn): Promise<string> {
  if (analysis.cardCount === 0) throw new ExcelHostError("noCards", EXCEL_ERRORS.noCards);
  onProgress?.({ phase: EXCEL_PROGRESS.summary, done: 0, total: 2 });

  // Round trip 1: the sheets. Round trip 2: which are the add-in's, and the settings.
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  const readMarks = queueOwnerMarks(context, list.names);
  const readSettings = queueSettings(context, list);
  await context.sync();
  const marks = readMarks();
  const settings = readSettings();
  const owned = new Set(settings.ownedSheets.map((n) => n.toLowerCase()));
  for (const [name, kind] of marks) if (kind) owned.add(name.toLowerCase());
  // A sheet marked by Excel as someone else's kind (settings, backup) is never a summary.
  const summaryOwned = list.names.filter((n) => owned.has(n.toLowerCase()) && (marks.get(n) ?? "summary") === "summary");

  const year = analysis.year ?? analysis.result.year;
  const name = summarySheetName(year, list.names, summaryOwned);
  const existing = list.find(name);
  const model = buildSummaryModel({ ...analysis, sheetNames: list.names, ownedSheets: summaryOwned }, name);

  // Round trip 3: protection of the sheets about to change, and the old chart to remove.
  const settingsName = list.find(SETTINGS_SHEET_NAME);
  const touched = [existing, settingsName].filter((n): n is string => n !== undefined);
  let charts: Excel.ChartCollection | null = null;
  let registryWritable = true;
  if (touched.length > 0) {
    const readProtection = queueProtection(context, touched);
    if (existing) {
      charts = context.workbook.worksheets.getItem(existing).charts;
      charts.load("items/name");
    }
    await context.sync();
    // A protected settings sheet only blocks the registry update, which is then skipped.
    const locked = readProtection();
    if (existing && locked.includes(existing)) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedSheets([existing]));
    registryWritable = !(settingsName && locked.includes(settingsName));
  }
  if (!existing && list.workbookProtected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook);

  onProgress?.({ phase: EXCEL_PROGRESS.summary, done: 1, total: 2 });
  const budget = new SyncBudget(context);
  let sheet: Excel.Worksheet;
  if (existing) {
    sheet = context.workbook.worksheets.getItem(existing);
    sheet.visibility = "Visible";
    const all = sheet.getRange();
    all.conditionalFormats.clearAll();
    all.clear();
    for (const chart of charts?.items ?? []) chart.delete();
    sheet.freezePanes.unfreeze();
  } else {
    sheet = context.workbook.worksheets.add(name);
  }
  sheet.customProperties.add(OWNER_PROPERTY, "summary");
  budget.add();
  await renderSummary(context, budget, sheet, model);
  if (registryWritable) await queueRegister(context, budget, list, settings, analysis.policy, [name], !list.workbookProtected);
  sheet.activate();
  sheet.getRange("A1").select();
  budget.add();
  await budget.flush();
  onProgress?.({ phase: EXCEL_PROGRESS.summary, done: 2, total: 2 });
  return name;
}
