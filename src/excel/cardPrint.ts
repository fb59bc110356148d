// «Prepara per la stampa» with Office.js: each card sheet's page layout as src/core/print
// decides it — orientation, one page wide (zoom fit), margins, print area, the indicator
// header as print title rows, the sheet's name and «Pagina &P di &N» — and no cell touched.
// Worksheet.pageLayout, PageLayout.setPrintArea/setPrintTitleRows and HeaderFooter are
// ExcelApi 1.9 (within the manifest's 1.12); they have undo support (they are not in the
// table of docs/excel/excel-add-ins-undo-capabilities.md), so the run may be one undo group.
// Microsoft's page: docs/excel/excel-add-ins-worksheet-display.md, «Configure page layout
// and print settings». Two syncs after the read, whatever the number of cards: the columns'
// widths of every card (for the orientation), then every layout.
import { queuePageMargins } from "./pageMargins";
import type { WorkbookAnalysis } from "../core/reader/analyze";
import type { WorkbookGrid } from "../core/reader/grid";
import { absoluteRows, cardPrintOf, planCardPrint, type CardPrint } from "../core/print";

/** The column widths (points) of each card's columns, loaded in one sync. */
async function loadCardWidths(context: Excel.RequestContext, grid: WorkbookGrid, analysis: WorkbookAnalysis): Promise<Map<string, (number | undefined)[]>> {
  const rough = planCardPrint(grid, analysis.plan);
  const queued = rough.map((p) => {
    const ws = context.workbook.worksheets.getItem(p.sheet);
    const cols: { col: number; format: Excel.RangeFormat }[] = [];
    for (let c = p.areaBox.left; c <= p.areaBox.right; c++) cols.push({ col: c, format: ws.getRangeByIndexes(0, c, 1, 1).format.load("columnWidth") });
    return { sheet: p.sheet, cols };
  });
  if (!queued.length) return new Map();
  await context.sync();
  return new Map(
    queued.map((q) => {
      const widths: (number | undefined)[] = [];
      for (const { col, format } of q.cols) widths[col] = typeof format.columnWidth === "number" ? format.columnWidth : undefined;
      return [q.sheet, widths];
    }),
  );
}

/** Queues one card's page layout. */
export function queueCardPrint(sheet: Excel.Worksheet, p: CardPrint): void {
  const layout = sheet.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many tall as needed ("use `x.zoom = {...}`": set as a whole object).
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  layout.centerHorizontally = true;
  queuePageMargins(layout, p.margins);
  layout.setPrintArea(p.area);
  layout.setPrintTitleRows(absoluteRows(p.titleRows));
  const hf = layout.headersFooters.defaultForAllPages;
  hf.centerHeader = p.centerHeader;
  hf.rightFooter = p.rightFooter;
}

/** Sets every card sheet of the analysed workbook to print; returns what was set, in sheet order. */
export async function prepareCardsForPrint(context: Excel.RequestContext, grid: WorkbookGrid, analysis: WorkbookAnalysis): Promise<CardPrint[]> {
  const widths = await loadCardWidths(context, grid, analysis);
  const prints = grid.sheets.map((s) => (widths.has(s.name) ? cardPrintOf(s, widths.get(s.name)) : null)).filter((p): p is CardPrint => p !== null);
  for (const p of prints) queueCardPrint(context.workbook.worksheets.getItem(p.sheet), p);
  if (prints.length) await context.sync();
  return prints;
}
