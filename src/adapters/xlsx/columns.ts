// Column widths of a package's worksheets in points, for «Prepara per la stampa» (src/core/print:
// the card's width decides portrait or landscape), read from the parts: `<cols><col min max
// width>` and `<sheetFormatPr defaultColWidth>` (ECMA-376 Part 1, §18.3.1.13 and §18.3.1.81),
// widths in characters of the default font, converted by core/units.ts.
import type { WorkbookGrid } from "../../core/reader/grid";
import { columnCharsToPoints } from "../../core/units";
import type { XlsxPackage } from "./package";
import { listSheets } from "./workbook";
import { childElements, findElement, getAttr } from "./xml";

/**
 * A sheet's column widths in points by 0-based column (undefined = Excel's default), as far
 * as its defined columns and the grid's used range reach.
 */
export function packageColumnPoints(pkg: XlsxPackage, grid: WorkbookGrid): (sheet: string) => (number | undefined)[] | undefined {
  const parts = new Map(listSheets(pkg).filter((s) => s.isWorksheet && s.part).map((s) => [s.name, s.part]));
  return (sheet) => {
    const part = parts.get(sheet);
    const xml = part ? pkg.xml(part) : undefined;
    if (xml === undefined) return undefined;
    const format = findElement(xml, "sheetFormatPr");
    const fallback = Number(format ? getAttr(format.tag, "defaultColWidth") : undefined);
    const widths: (number | undefined)[] = [];
    const cols = findElement(xml, "cols");
    if (cols && !cols.selfClosing) {
      for (const col of childElements(xml, cols.contentStart, cols.contentEnd, "col")) {
        const min = Number(getAttr(col.tag, "min"));
        const max = Number(getAttr(col.tag, "max"));
        const width = Number(getAttr(col.tag, "width"));
        if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || !(width > 0)) continue;
        // A definition over every column to XFD (min 1 max 16384) widens nothing beyond the used range.
        for (let c = min; c <= Math.min(max, 1024); c++) widths[c - 1] = width;
      }
    }
    const used = grid.sheets.find((s) => s.name === sheet);
    const usedEnd = used && used.values.length ? used.startCol + used.values[0].length : 0;
    const count = Math.max(widths.length, usedEnd);
    return Array.from({ length: count }, (_v, i) => {
      const chars = widths[i] ?? (fallback > 0 ? fallback : undefined);
      return chars !== undefined ? columnCharsToPoints(chars) : undefined;
    });
  };
}
