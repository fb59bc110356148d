// Column widths of an ExcelJS workbook in points, for «Prepara per la stampa» (src/core/print):
// the card's width decides portrait or landscape.
import type ExcelJS from "exceljs";
import type { CardPrint } from "../../core/print";
import { columnCharsToPoints } from "../../core/units";

/** A sheet's column widths in points by 0-based column (undefined = Excel's default). */
export function excelJsColumnPoints(wb: ExcelJS.Workbook): (sheet: string) => (number | undefined)[] | undefined {
  return (sheet) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) return undefined;
    const fallback = ws.properties?.defaultColWidth;
    const count = Math.max(ws.columnCount, ws.actualColumnCount ?? 0);
    return Array.from({ length: count }, (_v, i) => {
      const w = ws.getColumn(i + 1).width;
      const chars = typeof w === "number" && w > 0 ? w : fallback;
      return typeof chars === "number" && chars > 0 ? columnCharsToPoints(chars) : undefined;
    });
  };
}

/** The card's page setup on an ExcelJS sheet (the preview's in-memory workbook, and what ExcelJS writes). */
export function applyCardPrint(ws: ExcelJS.Worksheet, p: CardPrint): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: ws.pageSetup?.paperSize ?? 9, // A4 (ECMA-376 ST_PaperSize) unless the user chose one
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    printArea: p.area,
    printTitlesRow: p.titleRows,
    horizontalCentered: true,
    margins: { ...p.margins },
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: "&C" + p.centerHeader, oddFooter: "&R" + p.rightFooter };
}
