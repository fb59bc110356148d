// "Riepilogo performance <anno>" drawn with Office.js from the reader's renderer-neutral
// SummaryModel: tables with percent and euro formats, traffic lights as conditional
// formats (they follow later edits), a bar chart of the objectives' performance, links
// from the tables to the cells concerned, frozen header, column widths.
// Every string is written under the "@" (text) number format, set before the value, so a
// name copied from a user's cell that begins with "=", "+", "-" or "@" stays text.
// Only ExcelApi ≤ 1.12 calls (the manifest's requirement set).
import { queuePageMargins } from "./pageMargins";
import type { CellValue, TrafficLight } from "../core/types";
import type { WorkbookAnalysis } from "../core/reader/analyze";
import { a1 } from "../core/reader/grid";
import { buildSummaryModel, summarySheetName, SUMMARY_PALETTE, type SummaryBlock, type SummaryCell, type SummaryModel } from "../core/summary";
import { SUMMARY } from "../messages/workbook";
import { EXCEL_ERRORS, EXCEL_PROGRESS } from "../messages/excel";
import type { ProgressFn } from "../host/workbookHost";
import { ExcelHostError } from "./errors";
import { OWNER_PROPERTY } from "./readGrid";
import { actionBytes, actionsBytes, SyncBudget, writeBlock } from "./payload";
import { queueAddinSheets, queueProtection, queueRegister, queueSettingsWrite, queueSheetList } from "./workbookState";
import { columnCharsToPoints } from "../core/units";

const { lightFill: LIGHT_FILL, lightFont: LIGHT_FONT, headerFill: HEADER_FILL, totalsFill: TOTALS_FILL, link: LINK_COLOR, tab: TAB_COLOR } = SUMMARY_PALETTE;

/** A formula string literal: quotes doubled. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** "'Foglio 1'!B5": a link target inside this workbook. */
export function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** A row of a block on the sheet's grid: each block column in its first grid column, "" under its span. */
function gridRow(model: SummaryModel, block: SummaryBlock, cells: SummaryCell[]): { values: CellValue[]; formats: string[] } {
  const values: CellValue[] = new Array<CellValue>(model.columnWidths.length).fill("");
  const formats: string[] = new Array<string>(model.columnWidths.length).fill("@");
  block.columns.forEach((col, i) => {
    const c = cells[i];
    values[col.col] = c.value === null ? "" : c.value;
    formats[col.col] = typeof c.value === "string" || c.value === null ? "@" : model.formats[col.kind];
  });
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

/** Merges each spanned block column over `rows` rows (one call per column: merge across). */
function mergeSpans(sheet: Excel.Worksheet, block: SummaryBlock, top: number, rows: number): void {
  for (const col of block.columns) if (col.span > 1) sheet.getRangeByIndexes(top, col.col, rows, col.span).merge(true);
}

/** A full-width line (stamp, rules, notes): merged over the grid, wrapped. */
function fullWidth(sheet: Excel.Worksheet, model: SummaryModel, row: number): Excel.Range {
  const range = sheet.getRangeByIndexes(row, 0, 1, model.columnWidths.length);
  range.merge(false);
  range.format.wrapText = true;
  range.format.verticalAlignment = "Top";
  return range;
}

/**
 * Page setup (Excel.PageLayout and HeaderFooter are ExcelApi 1.9, within the manifest's
 * 1.12): A4 landscape, one page wide and as many tall as needed, the title rows repeated,
 * the print area (tables and chart), title in the header, date and page in the footer.
 */
export function applySummaryPrint(sheet: Excel.Worksheet, model: SummaryModel): void {
  const p = model.print;
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.centerHorizontally = true;
  queuePageMargins(layout, p.margins);
  layout.setPrintArea(p.areaWithChart);
  layout.setPrintTitleRows(`$${p.titleRows.replace(":", ":$")}`);
  const hf = layout.headersFooters.defaultForAllPages;
  // Office.js takes each section on its own, without the &C/&L/&R section codes.
  hf.centerHeader = p.header.replace(/^&C/, "");
  hf.leftFooter = p.footerLeft.replace(/^&L/, "");
  hf.rightFooter = p.footerRight.replace(/^&R/, "");
}

/** Queues the whole summary into `sheet` (empty, or just cleared). */
export async function renderSummary(context: Excel.RequestContext, budget: SyncBudget, sheet: Excel.Worksheet, model: SummaryModel): Promise<void> {
  const width = model.columnWidths.length;
  // Title, subtitle, stamp and rules.
  for (const line of model.lines) {
    await writeBlock(budget, sheet, line.row, 0, [[line.text]], [["@"]]);
    const font = (line.style === "title" ? sheet.getRangeByIndexes(line.row, 0, 1, 1) : fullWidth(sheet, model, line.row)).format.font;
    if (line.style === "title") {
      font.bold = true;
      font.size = 16;
    } else if (line.style === "subtitle") font.bold = true;
    else {
      font.italic = true;
      font.size = 9;
    }
  }
  budget.add();

  for (const block of model.blocks) {
    await writeBlock(budget, sheet, block.titleRow, 0, [[block.title]], [["@"]]);
    const blockTitle = sheet.getRangeByIndexes(block.titleRow, 0, 1, 1).format.font;
    blockTitle.bold = true;
    blockTitle.size = 13;
    // Header row.
    const headerRow = block.titleRow + 1;
    const head = gridRow(model, block, block.columns.map((c) => ({ value: c.header })));
    await writeBlock(budget, sheet, headerRow, 0, [head.values], [head.values.map(() => "@")]);
    mergeSpans(sheet, block, headerRow, 1);
    const header = sheet.getRangeByIndexes(headerRow, 0, 1, width).format;
    header.font.bold = true;
    header.fill.color = HEADER_FILL;
    header.wrapText = true;
    header.verticalAlignment = "Center";
    budget.add();

    const first = block.titleRow + 2;
    let next = first + Math.max(1, block.rows.length);
    if (block.rows.length === 0) {
      if (block.emptyText) {
        await writeBlock(budget, sheet, first, 0, [[block.emptyText]], [["@"]]);
        fullWidth(sheet, model, first).format.font.italic = true;
      }
    } else {
      const rows = block.rows.map((r) => gridRow(model, block, r));
      await writeBlock(budget, sheet, first, 0, rows.map((r) => r.values), rows.map((r) => r.formats));
      mergeSpans(sheet, block, first, block.rows.length);
      const data = sheet.getRangeByIndexes(first, 0, block.rows.length, width).format;
      data.verticalAlignment = "Top";
      data.wrapText = true;
      budget.add();
    }
    if (block.totals) {
      const t = gridRow(model, block, block.totals);
      await writeBlock(budget, sheet, next, 0, [t.values], [t.formats]);
      mergeSpans(sheet, block, next, 1);
      const f = sheet.getRangeByIndexes(next, 0, 1, width).format;
      f.font.bold = true;
      f.fill.color = TOTALS_FILL;
      budget.add();
      next++;
    }
    for (const note of block.notes) {
      await writeBlock(budget, sheet, next, 0, [[note]], [["@"]]);
      const f = fullWidth(sheet, model, next).format.font;
      f.italic = true;
      f.size = 9;
      next++;
    }
    if (block.rows.length === 0) continue;

    // Traffic lights (data rows and the totals row).
    const lit = block.rows.length + (block.totals ? 1 : 0);
    for (const col of block.columns) {
      const kind = col.kind;
      if (!((kind === "percent" && col.lights) || kind === "light")) continue;
      const range = sheet.getRangeByIndexes(first, col.col, lit, 1);
      for (const rule of lightRules(kind, a1(first, col.col), model.thresholds)) {
        const cf = range.conditionalFormats.add("Custom");
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = LIGHT_FILL[rule.light];
        cf.custom.format.font.color = LIGHT_FONT[rule.light];
        budget.add(actionsBytes(4, rule.formula));
      }
    }

    // Links to the cells concerned (the cell keeps its text; only the link is added).
    for (let r = 0; r < block.rows.length; r++)
      for (let c = 0; c < block.columns.length; c++) {
        const col = block.columns[c];
        const cell = block.rows[r][c];
        if (!cell.link || cell.value === null || cell.value === "") continue;
        const reference = documentReference(cell.link.sheet, cell.link.cell);
        // Four actions: the cell's range, its link, its font colour and underline — reserved
        // one link at a time, so thousands of links are split over requests under 5 MB.
        await budget.reserve(actionsBytes(4, reference));
        const target = sheet.getRangeByIndexes(first + r, col.col, 1, 1);
        target.hyperlink = { documentReference: reference };
        target.format.font.color = LINK_COLOR;
        target.format.font.underline = "Single";
      }
  }

  // The bar chart of the objectives' performance, in its band of rows under the tables.
  if (model.chart) {
    const chart = sheet.charts.add("BarClustered", sheet.getRange(model.chart.values), "Columns");
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(model.chart.categories));
    chart.title.text = model.chart.title;
    chart.legend.visible = false;
    chart.setPosition(model.chart.anchor, model.chart.bottomRight);
    budget.add(actionBytes(model.chart.title) * 6);
  }

  model.columnWidths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnCharsToPoints(w)));
  for (const [r, h] of Object.entries(model.rowHeights)) sheet.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
  sheet.freezePanes.freezeRows(model.frozenRows);
  sheet.tabColor = TAB_COLOR;
  applySummaryPrint(sheet, model);
  budget.add(actionBytes(model.columnWidths) * 2 + actionBytes(model.rowHeights) * 2 + actionBytes(model.print) * 2);
}

/** The summary built: its name, and whether it is still hidden (the user hid it): then
 *  showSheet() must reveal and activate it, in a run of its own. */
export interface SummaryOutcome {
  name: string;
  hidden: boolean;
}

/**
 * Builds (or refreshes) the summary sheet and activates it. Reuses the add-in's own sheet
 * of that name — cleared, never deleted (deleting a sheet empties Excel's undo stack) —
 * and never touches a user's sheet of the same name: a new name is picked instead.
 * Never changes a sheet's visibility (no undo for it on Windows and Mac, so not allowed in
 * the grouped run: docs/excel/excel-add-ins-undo-capabilities.md): a summary the user hid
 * is refreshed hidden and reported, and the caller reveals it separately.
 */
export async function buildSummarySheet(context: Excel.RequestContext, analysis: WorkbookAnalysis, onProgress?: ProgressFn): Promise<SummaryOutcome> {
  if (analysis.cardCount === 0) throw new ExcelHostError("noCards", EXCEL_ERRORS.noCards);
  onProgress?.({ phase: EXCEL_PROGRESS.summary, done: 0, total: 2 });

  // Round trip 1: the sheets. Round trip 2: which are the add-in's, and the settings.
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  const readState = queueAddinSheets(context, list);
  const workbook = context.workbook.load("name");
  await context.sync();
  const state = await readState();
  const marks = state.marks;
  const settings = state.read;
  const owned = new Set(settings.ownedSheets.map((n) => n.toLowerCase()));
  for (const [name, kind] of marks) if (kind) owned.add(name.toLowerCase());
  // A sheet marked by Excel as someone else's kind (settings, backup) is never a summary.
  const summaryOwned = list.names.filter((n) => owned.has(n.toLowerCase()) && (marks.get(n) ?? "summary") === "summary");

  const year = analysis.year ?? analysis.result.year;
  const name = summarySheetName(year, list.names, summaryOwned);
  const existing = list.find(name);
  const model = buildSummaryModel({ ...analysis, sheetNames: list.names, ownedSheets: summaryOwned }, { sheetName: name, source: workbook.name || null });

  // Round trip 3: protection of the sheets about to change, and the old chart to remove.
  // A protected settings sheet only blocks the registry update, which is then skipped.
  const registryWritable = !state.settings?.protected;
  let charts: Excel.ChartCollection | null = null;
  let existingSheet: Excel.Worksheet | null = null;
  if (existing) {
    const readProtection = queueProtection(context, [existing]);
    if (existing) {
      existingSheet = context.workbook.worksheets.getItem(existing);
      existingSheet.load("visibility");
      charts = existingSheet.charts;
      charts.load("items/name");
    }
    await context.sync();
    if (readProtection().includes(existing)) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedSheets([existing]));
  }
  if (!existing && list.workbookProtected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook);

  onProgress?.({ phase: EXCEL_PROGRESS.summary, done: 1, total: 2 });
  const budget = new SyncBudget(context);
  let sheet: Excel.Worksheet;
  const hidden = existingSheet !== null && existingSheet.visibility !== "Visible";
  if (existing) {
    sheet = context.workbook.worksheets.getItem(existing);
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
  // Registered, with the fingerprint of what it shows (the stale check of later runs). A
  // settings sheet the add-in cannot read is the user's to fix: only the registry is tried.
  if (registryWritable && (!settings.found || settings.problems.length === 0) && (settings.found || !list.workbookProtected)) {
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const owned = settings.ownedSheets.some((n) => same(n, name)) ? settings.ownedSheets : [...settings.ownedSheets, name];
    const records = [...settings.summaries.filter((r) => !same(r.sheet, name)), { sheet: name, fingerprint: model.stamp.fingerprint }];
    await queueSettingsWrite(context, budget, list, state, settings.found ? settings.policy : analysis.policy, owned, records);
  } else if (registryWritable) await queueRegister(context, budget, list, state, analysis.policy, [name], !list.workbookProtected);
  if (!hidden) {
    sheet.activate();
    sheet.getRange("A1").select();
  }
  budget.add();
  await budget.flush();
  onProgress?.({ phase: EXCEL_PROGRESS.summary, done: 2, total: 2 });
  return { name, hidden };
}
